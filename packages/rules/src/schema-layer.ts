import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { RuleDiagnostic } from './types.js';

// ajv-formats is CommonJS; its default export arrives wrapped depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

export interface WireSchemas {
  readonly 'x-types': Readonly<Record<string, string>>;
  readonly 'x-discriminators': Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly definitions: Readonly<Record<string, unknown>>;
}

export const schemaRuleId = 'schema';

const propertyAnnotation = /^\w+@odata\.\w+$/;

function hasPropertyAnnotations(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasPropertyAnnotations);
  if (!value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => propertyAnnotation.test(k) || hasPropertyAnnotations(v));
}

function withoutPropertyAnnotations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPropertyAnnotations);
  if (!value || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!propertyAnnotation.test(k))
      Object.defineProperty(copy, k, {
        value: withoutPropertyAnnotations(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return copy;
}
const schemaDocs = 'specs/industrydata/openapi.yaml (the resource pages: Properties tables)';

function describe(error: ErrorObject): string {
  const where = error.instancePath || 'the body';
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
      );
      const near = known.find((k) => k.toLowerCase() === extra.toLowerCase());
      return near
        ? `${where} has '${extra}': the property is '${near}' (names are case-sensitive)`
        : `${where} has '${extra}', which the type does not define: remove it`;
    }
    case 'enum':
      return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'type': {
      const types = String((error.params as { type: string }).type)
        .split(',')
        .filter((t) => t !== 'null');
      return `${where} must be ${types.join(' or ') || 'null'}`;
    }
    case 'format':
      return `${where} must be a ${(error.params as { format: string }).format} (ISO 8601, e.g. 2024-03-25T21:55:03Z)`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

/**
 * The JSON Schemas of the client, compiled once. Polymorphic values are checked against the concrete type their
 * `@odata.type` names, so errors speak of that type rather than of every possible one.
 */
export class SchemaLayer {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  private readonly concreteNames = new Set<string>();
  private readonly definitionOfDiscriminator = new Map<string, string>();

  constructor(private readonly schemas: WireSchemas) {
    for (const byValue of Object.values(schemas['x-discriminators'])) {
      for (const [value, ref] of Object.entries(byValue)) {
        const name = ref.replace('#/definitions/', '');
        this.concreteNames.add(name);
        this.definitionOfDiscriminator.set(value.replace(/^#/, ''), name);
      }
    }
    this.ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: 'wire', definitions: schemas.definitions });
  }

  /** The definition a value of `typeName` with this `@odata.type` is checked against. */
  definitionFor(typeName: string, odataType: unknown): string | undefined {
    if (typeof odataType === 'string') {
      const normalized = odataType.startsWith('#') ? odataType : `#${odataType}`;
      const concrete = this.schemas['x-discriminators'][typeName]?.[normalized];
      if (concrete) return concrete;
    }
    return this.schemas['x-types'][typeName];
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `wire${ref}` });
      this.compiled.set(ref, validate);
    }
    return validate;
  }

  /**
   * In a union of concrete types, only the branch the value's `@odata.type` names matters: errors from the other
   * branches ("wingspan is not a property of cat") are noise.
   */
  private onTheNamedBranch(error: ErrorObject, payload: unknown): boolean {
    const branch = [...error.schemaPath.matchAll(/\/definitions\/([^/]+)/g)].map((m) => m[1] ?? '').at(-1);
    if (!branch || !this.concreteNames.has(branch)) return true;
    let node: unknown = payload;
    for (const part of error.instancePath.split('/').slice(1)) {
      node = (node as Record<string, unknown> | undefined)?.[
        part.replaceAll('~1', '/').replaceAll('~0', '~')
      ];
    }
    const odataType = (node as { '@odata.type'?: unknown } | null | undefined)?.['@odata.type'];
    const named =
      typeof odataType === 'string'
        ? this.definitionOfDiscriminator.get(odataType.replace(/^#/, ''))
        : undefined;
    return named === undefined || named === branch;
  }

  check(typeName: string, payload: unknown): RuleDiagnostic[] {
    const ref = this.definitionFor(
      typeName,
      (payload as { '@odata.type'?: unknown } | null)?.['@odata.type'],
    );
    if (!ref) return [];
    const validate = this.validator(ref);
    if (validate(payload)) return [];
    // OData property annotations (`roleGroup@odata.bind`) may stand next to any property: checked without them.
    if (hasPropertyAnnotations(payload)) return this.check(typeName, withoutPropertyAnnotations(payload));
    const errors = (validate.errors ?? []).filter((e) => this.onTheNamedBranch(e, payload));
    // A union's "must match a schema in anyOf" says less than the errors inside it; keep the most specific.
    // `null` is allowed wherever a value is optional: "must be null" only repeats that the value is wrong.
    const meaningful = errors.filter(
      (e) => !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null' && errors.length > 1),
    );
    const specific = meaningful.filter(
      (e) =>
        e.keyword !== 'anyOf' &&
        !(
          e.keyword === 'type' &&
          meaningful.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`))
        ),
    );
    const seen = new Set<string>();
    const diagnostics: RuleDiagnostic[] = [];
    for (const error of specific.length > 0 ? specific : meaningful) {
      const path =
        error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${(error.params as { additionalProperty: string }).additionalProperty}`
          : error.instancePath;
      const message = describe(error);
      if (seen.has(`${path}|${message}`)) continue;
      seen.add(`${path}|${message}`);
      diagnostics.push({ ruleId: schemaRuleId, severity: 'error', path, message, docs: schemaDocs });
    }
    return diagnostics;
  }
}
