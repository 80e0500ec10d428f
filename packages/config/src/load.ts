import { defaultValidator, type Validator } from '@sds-toolkit/rules';
import { toWire } from './convert.js';
import { parseFile } from './file/parse.js';
import { SchemaCheck } from './file/schema-check.js';
import { type Finding, formatFinding, type SourceDocument } from './file/source.js';
import { buildConfigModel, type ConfigModel } from './model.js';
import { preflight } from './preflight.js';
import { buildFileSchema, type JsonSchema } from './schema.js';
import type { DesiredObject } from './setup.js';
import { plural } from './text.js';

/** What reading, planning and applying share: the spec's model of a file, its schema and the rules. */
export interface Toolkit {
  readonly model: ConfigModel;
  readonly schema: JsonSchema;
  readonly check: SchemaCheck;
  readonly validator: Validator;
}

let cached: Toolkit | undefined;

/** The toolkit of the committed spec (built once per process). */
export function defaultToolkit(): Toolkit {
  if (cached) return cached;
  const validator = defaultValidator();
  const model = buildConfigModel(validator.catalogue);
  const schema = buildFileSchema(model);
  cached = { model, schema, check: new SchemaCheck(schema), validator };
  return cached;
}

/** A set-up file that cannot be used as it is: every problem, each at its line. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  constructor(
    readonly file: string,
    readonly findings: readonly Finding[],
    what = 'is invalid',
  ) {
    const errors = findings.filter((f) => f.severity === 'error');
    const [first] = errors;
    super(
      `${file} ${what}: ${first ? formatFinding(file, first) : ''}${errors.length > 1 ? ` (and ${plural(errors.length - 1, 'more problem')})` : ''}`,
    );
  }

  /** Every finding as `file:line: message`. */
  lines(): string[] {
    return this.findings.map((f) => formatFinding(this.file, f));
  }
}

/** A file read and checked: its objects, the warnings the rules gave, and its lines (for later findings). */
export interface LoadedFile {
  readonly file: string;
  readonly objects: readonly DesiredObject[];
  readonly warnings: readonly Finding[];
  readonly source: SourceDocument;
}

/**
 * Reads a set-up file and checks it, before any request: YAML, the file's JSON Schema, names and references,
 * then each object's create body against the rules (names and secrets stood in for). Throws a
 * ConfigFileError listing every problem at its line.
 */
export function loadFile(toolkit: Toolkit, text: string, file: string): LoadedFile {
  const parsed = parseFile(text, toolkit.model, toolkit.check);
  const source = parsed.source;
  if (!source || parsed.findings.some((f) => f.severity === 'error'))
    throw new ConfigFileError(file, parsed.findings);
  const standIn = (kind: string, name: string) =>
    `https://graph.microsoft.com/beta/external/industryData/${kind}/${encodeURIComponent(name)}`;
  const bodies = parsed.objects.map((object) => ({
    object,
    operation: toolkit.model.createOperation(object.kind),
    body: toWire(
      toolkit.model,
      object.type,
      object.value,
      object.kind,
      {
        bind: standIn,
        roleGroup: (name) => standIn('roleGroups', name),
        secret: (ref) => `<${ref.env}>`,
      },
      toolkit.model.needsType(object.kind.type),
    ),
  }));
  const findings = preflight(toolkit.validator, bodies, source);
  if (findings.some((f) => f.severity === 'error')) throw new ConfigFileError(file, findings);
  return { file, objects: parsed.objects, warnings: findings, source };
}
