import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Catalogue } from './catalogue.js';
import { learnUrl, parseSource } from './docs-url.js';
import type { RuleDiagnostic } from './types.js';
import { objects } from './walk.js';

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
/** What a value of each format the spec uses looks like. */
const formatExamples: Readonly<Record<string, string>> = {
  'date-time': '2024-03-25T21:55:03Z',
  date: '2024-03-25, a day with no time',
};

const int32 = { minimum: -2147483648, maximum: 2147483647 } as const;

/** The words for a bound of an Int32 property (the spec's `format: int32`). */
const int32Range = (bound: unknown): string | undefined =>
  bound === int32.minimum || bound === int32.maximum
    ? `must be an Int32, from ${int32.minimum} to ${int32.maximum}`
    : undefined;

type Definitions = Readonly<Record<string, unknown>>;

/**
 * What the spec says of a value beyond its JSON type, in the definitions given: a `format: date` and an `int32`'s
 * range. The client's schemas carry both now; schemas of a client generated before did not (a date was a plain
 * string, an Int32 any integer), so each property of the spec with such a format gets it (again) in the definition
 * of its type (named as the client names it: the type's last segment, first letter upper-cased), and
 * '09/01/2022' or 2^40 are refused before the service refuses them, whichever schemas the layer is given.
 * Plain properties only, as the generator tags them: a collection of dates or Int32s (the spec has none) would
 * carry neither.
 */
function withSpecFormats(definitions: Definitions, catalogue: Catalogue): Definitions {
  const result: Record<string, unknown> = { ...definitions };
  for (const typeName of Object.keys(catalogue.spec.components.schemas)) {
    const last = typeName.split('.').pop() ?? '';
    const name = last.charAt(0).toUpperCase() + last.slice(1);
    const definition = result[name] as { properties?: Record<string, object> } | undefined;
    if (!definition?.properties) continue;
    let properties: Record<string, object> | undefined;
    for (const [key, schema] of catalogue.properties(typeName)) {
      const own = definition.properties[key];
      if (!own) continue;
      const extra =
        schema.format === 'date' ? { format: 'date' } : schema.format === 'int32' ? int32 : undefined;
      if (!extra) continue;
      properties ??= { ...definition.properties };
      properties[key] = { ...own, ...extra };
    }
    if (properties) result[name] = { ...definition, properties };
  }
  return result;
}

/** Cited when no spec is at hand to say which resource page defines the value: the API's overview page. */
const overviewPage = 'api-reference/beta/resources/industrydata-overview.md';

/**
 * What is wrong, in words; `holder` is the type of the object holding the value, when known. The JSON path is not
 * repeated: the diagnostic carries it.
 */
function describe(error: ErrorObject, holder: string | undefined): string {
  switch (error.keyword) {
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
      );
      const near = known.find((k) => k.toLowerCase() === extra.toLowerCase());
      return near
        ? `the property is '${near}' (names are case-sensitive)`
        : `${holder?.split('.').pop() ?? 'the type'} has no property '${extra}': remove it`;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      const list = `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
      // 'EducationRostering' for 'educationRostering': the commonest slip, named with its fix.
      const near =
        typeof error.data === 'string'
          ? allowed.find(
              (v) => typeof v === 'string' && v.toLowerCase() === (error.data as string).toLowerCase(),
            )
          : undefined;
      return near === undefined ? list : `${list} (values are case-sensitive: write ${JSON.stringify(near)})`;
    }
    case 'type': {
      const types = String((error.params as { type: string }).type)
        .split(',')
        .filter((t) => t !== 'null');
      return `must be ${types.join(' or ') || 'null'}`;
    }
    case 'format': {
      const format = (error.params as { format: string }).format;
      return `must be a ${format} (ISO 8601, e.g. ${formatExamples[format] ?? '2024-03-25T21:55:03Z'})`;
    }
    case 'minimum':
    case 'maximum':
      return int32Range(error.schema) ?? error.message ?? 'is out of range';
    default:
      return error.message ?? 'is invalid';
  }
}

/**
 * The JSON Schemas of the client, compiled once. Polymorphic values are checked against the concrete type their
 * `@odata.type` names, so errors speak of that type rather than of every possible one.
 */
export class SchemaLayer {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  private readonly definitionOfDiscriminator = new Map<string, string>();

  /**
   * With the catalogue of the spec the schemas come from, each diagnostic cites the resource page (and line)
   * that defines the value it is about; without, the API's overview page.
   */
  constructor(
    private readonly schemas: WireSchemas,
    private readonly catalogue?: Catalogue,
  ) {
    for (const byValue of Object.values(schemas['x-discriminators'])) {
      for (const [value, ref] of Object.entries(byValue)) {
        const name = ref.replace('#/definitions/', '');
        this.definitionOfDiscriminator.set(value.replace(/^#/, ''), name);
      }
    }
    this.ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
    addFormats(this.ajv);
    const definitions = catalogue ? withSpecFormats(schemas.definitions, catalogue) : schemas.definitions;
    this.ajv.addSchema({ $id: 'wire', definitions });
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

  /** The concrete definition a value names with its `@odata.type`, if any. */
  private namedDefinition(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const odataType = (value as { '@odata.type'?: unknown })['@odata.type'];
    return typeof odataType === 'string'
      ? this.definitionOfDiscriminator.get(odataType.charCodeAt(0) === 35 ? odataType.slice(1) : odataType)
      : undefined;
  }

  /** The shallowest value below the root, on the way to `instancePath`, that names its concrete type. */
  private typedValueOnPath(
    root: unknown,
    instancePath: string,
  ): { path: string; value: unknown; definition: string } | undefined {
    let node = root;
    let path = '';
    for (const part of instancePath.split('/').slice(1)) {
      node = (node as Record<string, unknown> | null | undefined)?.[
        part.replaceAll('~1', '/').replaceAll('~0', '~')
      ];
      path += `/${part}`;
      const definition = this.namedDefinition(node);
      if (definition) return { path, value: node, definition };
    }
    return undefined;
  }

  /**
   * ajv's errors for `value` against `ref`, rooted at `base`. In a union of concrete types, ajv reports every
   * branch ("creationOptions is not a property of classGroupProvisioningFlow"): a value that names its type with
   * `@odata.type` is explained by that type alone, so its errors come from validating it against that type.
   */
  private errorsAgainst(ref: string, value: unknown, base: string): ErrorObject[] {
    const validate = this.validator(ref);
    if (validate(value)) return [];
    const errors = validate.errors ?? [];
    const rebased = (e: ErrorObject): ErrorObject => ({ ...e, instancePath: base + e.instancePath });
    const found: ErrorObject[] = [];
    const explained = new Map<string, boolean>();
    for (const error of errors) {
      const typed = this.typedValueOnPath(value, error.instancePath);
      if (!typed) {
        found.push(rebased(error));
        continue;
      }
      let alone = explained.get(typed.path);
      if (alone === undefined) {
        const own = this.errorsAgainst(`#/definitions/${typed.definition}`, typed.value, base + typed.path);
        found.push(...own);
        alone = own.length > 0;
        explained.set(typed.path, alone);
      }
      // Valid as the type it names, yet refused: that type does not belong here, which the union's errors say.
      if (!alone) found.push(rebased(error));
    }
    return found;
  }

  check(typeName: string, payload: unknown): RuleDiagnostic[] {
    const ref = this.definitionFor(
      typeName,
      (payload as { '@odata.type'?: unknown } | null)?.['@odata.type'],
    );
    if (!ref) return [];
    if (this.validator(ref)(payload)) return [];
    // OData property annotations (`roleGroup@odata.bind`) may stand next to any property: checked without them.
    if (hasPropertyAnnotations(payload)) return this.check(typeName, withoutPropertyAnnotations(payload));
    const errors = this.errorsAgainst(ref, payload, '');
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
      const { holder, ...citation } = this.cite(typeName, payload, path);
      const message = describe(error, holder);
      if (seen.has(`${path}|${message}`)) continue;
      seen.add(`${path}|${message}`);
      diagnostics.push({ ruleId: schemaRuleId, severity: 'error', path, message, ...citation });
    }
    return diagnostics;
  }

  /** The innermost object holding the value at `path`: its type, and the page (and line) that defines it. */
  private cite(
    typeName: string,
    payload: unknown,
    path: string,
  ): { holder?: string; docs: string; url: string; line?: number } {
    const fallback = { docs: overviewPage, url: learnUrl(overviewPage) ?? overviewPage };
    if (!this.catalogue) return fallback;
    let holder: string | undefined;
    let depth = -1;
    for (const visit of objects(this.catalogue, payload, typeName)) {
      if (path !== visit.path && !path.startsWith(`${visit.path}/`)) continue;
      if (visit.path.length > depth) {
        holder = visit.type;
        depth = visit.path.length;
      }
    }
    if (!holder) return fallback;
    const source = this.catalogue.spec.components.schemas[holder]?.['x-docs-source'];
    if (typeof source !== 'string') return { holder, ...fallback };
    const { page, line } = parseSource(source);
    return { holder, docs: page, url: learnUrl(page) ?? fallback.url, ...(line ? { line } : {}) };
  }
}
