import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import type { WireSchemas } from './schema-layer.js';
import { createValidator, type Validator } from './validator.js';
import { loadWorkspaceSpec, workspaceSpecPath } from './workspace-spec.js';

/** The spec the package ships, next to its code: dist/openapi.json, written by the build from the committed spec. */
const shippedSpecPath = fileURLToPath(new URL('./openapi.json', import.meta.url));
const shipped = existsSync(shippedSpecPath);

/**
 * The spec the rules check against: the copy an installed package ships, or, running from the sources in the
 * repository, the committed spec.
 */
export const defaultSpecPath: string = shipped ? shippedSpecPath : (workspaceSpecPath ?? shippedSpecPath);

/** The spec the rules check against (see `defaultSpecPath`), parsed. */
export function loadDefaultSpec(): OpenApiDocument {
  return shipped
    ? (JSON.parse(readFileSync(shippedSpecPath, 'utf8')) as OpenApiDocument)
    : loadWorkspaceSpec();
}

/** The client's generated JSON Schemas (data, not code), from the installed `@sds-toolkit/client`. */
export function loadWireSchemas(): WireSchemas {
  return createRequire(import.meta.url)('@sds-toolkit/client/schemas.json') as WireSchemas;
}

let cached: Validator | undefined;

/** A validator over the spec and the client's schemas, compiled once per process. */
export function defaultValidator(): Validator {
  cached ??= createValidator(loadDefaultSpec(), loadWireSchemas());
  return cached;
}
