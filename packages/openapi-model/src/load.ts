import { readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { parse } from 'yaml';
import type { OpenApiDocument } from './openapi.js';

/** Thrown when a spec file cannot be read or is not an OpenAPI 3 document; the message names the file. */
export class SpecLoadError extends Error {
  override readonly name = 'SpecLoadError';
}

/** `&name` where YAML allows an anchor (line start, after a space or a flow indicator). */
const anchor = /(^|[\s[{,])&[^\s,[\]{}]/m;

/**
 * YAML text → value. js-yaml (core schema) reads our specs about nine times faster than \`yaml\`, with the same
 * result; but it expands aliases without limit, so a text that may define anchors goes to \`yaml\`, which caps
 * them (a "billion laughs" spec must not exhaust memory). Generated specs never use anchors.
 */
function parseYaml(text: string): unknown {
  // logLevel 'error': the one-line error says what is wrong; yaml's own warnings would follow it on stderr.
  if (anchor.test(text)) return parse(text, { maxAliasCount: 100, logLevel: 'error' });
  return jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
}

/** Parses an OpenAPI document from YAML or JSON text. */
export function parseSpec(text: string, file = '<spec>'): OpenApiDocument {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new SpecLoadError(`${file} is not valid YAML or JSON: ${(error as Error).message}`);
  }
  if (
    typeof document !== 'object' ||
    document === null ||
    typeof (document as { openapi?: unknown }).openapi !== 'string' ||
    typeof (document as { paths?: unknown }).paths !== 'object'
  ) {
    throw new SpecLoadError(
      `${file} is not an OpenAPI 3 document (it needs 'openapi' and 'paths' at the top level)`,
    );
  }
  const spec = document as OpenApiDocument;
  spec.components ??= { schemas: {} };
  spec.components.schemas ??= {};
  return spec;
}

/** Reads and parses an OpenAPI document from a file. */
export function loadSpec(file: string): OpenApiDocument {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SpecLoadError(
      `cannot read spec ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseSpec(text, file);
}

/** Follows a local `#/components/schemas/X` reference. */
export function schemaNameOfRef(ref: string): string {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix))
    throw new SpecLoadError(`only local schema references are supported, got ${ref}`);
  return ref.slice(prefix.length);
}
