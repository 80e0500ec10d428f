import fc from 'fast-check';
import schemas from '../src/generated/schemas.json' with { type: 'json' };

interface JsonSchema {
  $ref?: string;
  anyOf?: JsonSchema[];
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

const definitions = (schemas as unknown as { definitions: Record<string, JsonSchema> }).definitions;
export const typeDefinitions = (schemas as unknown as { 'x-types': Record<string, string> })['x-types'];

const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true })
  .chain((d) => fc.constantFrom(d.toISOString(), d.toISOString().replace(/\.\d{3}Z$/, '.1234567Z')));
// -0 and non-finite numbers do not survive JSON, so they are not JSON values to begin with.
const jsonNumber = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));

export interface ArbitraryOptions {
  /** Whether JSON null may appear (default true). */
  readonly nulls?: boolean;
  /** Whether `@odata.type` may be written without its leading `#` (default true). */
  readonly bareDiscriminators?: boolean;
  /** Whether properties the spec leaves untyped get values (default true). */
  readonly openValues?: boolean;
}

const isOpen = (s: JsonSchema): boolean => !s.$ref && !s.anyOf && !s.enum && s.type === undefined;

/** A fast-check arbitrary of wire JSON for a JSON Schema definition (the subset the generator emits). */
export function arbitraryOf(
  schema: JsonSchema,
  depth = 0,
  options: ArbitraryOptions = {},
): fc.Arbitrary<unknown> {
  const nulls = options.nulls ?? true;
  if (schema.$ref) {
    const target = definitions[schema.$ref.replace('#/definitions/', '')];
    if (!target) throw new Error(`no definition ${schema.$ref}`);
    // Deep nesting adds nothing the first levels do not show; null is valid wherever a model is.
    if (depth > 3) return nulls ? fc.constant(null) : fc.constant({});
    return arbitraryOf(target, depth + 1, options);
  }
  if (schema.anyOf) {
    const branches = schema.anyOf.filter((s) => nulls || s.type !== 'null');
    return fc.oneof(...branches.map((s) => arbitraryOf(s, depth, options)));
  }
  if (schema.enum) {
    const members =
      options.bareDiscriminators === false
        ? schema.enum.filter((m) => typeof m !== 'string' || !/^microsoft\.graph\./.test(m))
        : schema.enum;
    return fc.constantFrom(...(members.length > 0 ? members : schema.enum));
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer();
    case 'number':
      return jsonNumber;
    case 'string':
      return schema.format === 'date-time' ? isoDate : fc.string({ maxLength: 12 });
    case 'array':
      // Items are never null, so the depth cut-off (null) must not reach them: deep arrays are empty.
      return depth >= 3
        ? fc.constant([])
        : fc.array(arbitraryOf(schema.items ?? {}, depth, options), { maxLength: 3 });
    case 'object':
      return fc.record(
        Object.fromEntries(
          Object.entries(schema.properties ?? {})
            .filter(([, v]) => options.openValues !== false || !isOpen(v))
            .map(([k, v]) => [k, arbitraryOf(v, depth, options)]),
        ),
        { requiredKeys: [] },
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Arbitrary wire JSON of a value of an OData type (any concrete type it can be). */
export function arbitraryOfType(fullName: string, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const ref = typeDefinitions[fullName];
  if (!ref) throw new Error(`no schema for ${fullName}`);
  return arbitraryOf({ $ref: ref }, 0, options);
}
