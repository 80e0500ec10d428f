import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

interface Schema {
  $ref?: string;
  oneOf?: Schema[];
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface Media {
  schema?: Schema;
  examples?: Record<string, { value: unknown; 'x-docs-source'?: string }>;
}
interface Operation {
  operationId: string;
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}

export interface SpecExample {
  readonly label: string;
  /** The OData type the body is read as: the schema's type, the base of a oneOf, or `XCollectionResponse`. */
  readonly type: string;
  readonly value: unknown;
}

const specPath = fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url));
export const spec = parse(readFileSync(specPath, 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { allOf?: Schema[] }> };
};

const refName = (ref: string) => ref.split('/').pop() ?? ref;

function baseOf(names: string[]): string {
  const chain = (n: string): string[] => {
    const base = spec.components.schemas[n]?.allOf?.[0]?.$ref;
    return [n, ...(base ? chain(refName(base)) : [])];
  };
  const [first, ...rest] = names;
  return chain(first ?? '').find((c) => rest.every((r) => chain(r).includes(c))) ?? (first as string);
}

function typeOf(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return refName(schema.$ref);
  if (schema.oneOf) return baseOf(schema.oneOf.map((s) => refName(s.$ref ?? '')));
  const items = schema.properties?.value?.items;
  if (items) return `${typeOf(items)}CollectionResponse`;
  return undefined;
}

/** Every request and response example of the committed spec, with the type it is read as. */
export function specExamples(): SpecExample[] {
  const examples: SpecExample[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (method === 'parameters') continue;
      const media = [
        ['request', op.requestBody?.content['application/json']],
        ...Object.entries(op.responses).map(
          ([status, r]) => [status, r.content?.['application/json']] as const,
        ),
      ] as const;
      for (const [where, content] of media) {
        const type = typeOf(content?.schema);
        for (const [name, example] of Object.entries(content?.examples ?? {})) {
          if (type)
            examples.push({
              label: `${method.toUpperCase()} ${path} ${where} ${name}`,
              type,
              value: example.value,
            });
        }
      }
    }
  }
  return examples;
}
