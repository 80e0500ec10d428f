import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import type { Env } from '../core/context.js';
import { isObject, type Json } from '../json.js';

/** Where a seed records that it ran, so a deleted seed entity stays deleted across restarts. */
const seedsCollection = '@sim.seeds';

/** The response examples of an operation of the spec (the docs' own examples). */
export function responseExamples(spec: OpenApiDocument, operationId: string): unknown[] {
  for (const item of Object.values(spec.paths))
    for (const op of Object.values(item))
      if (isObject(op) && op.operationId === operationId) {
        const responses = op.responses as Record<
          string,
          { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }
        >;
        return Object.entries(responses)
          .filter(([code]) => /^2/.test(code))
          .flatMap(([, r]) =>
            Object.values(r.content?.['application/json']?.examples ?? {}).map((e) => e.value),
          );
      }
  return [];
}

/** Entities of a list or get example: `value` items, or the example itself. */
export function entitiesOf(example: unknown): Json[] {
  if (!isObject(example)) return [];
  if (Array.isArray(example.value)) return example.value.filter(isObject);
  return typeof example.id === 'string' ? [example] : [];
}

/** Stores the entities once per state (a reset empties the state, so they come back). */
export async function seedOnce(
  env: Env,
  name: string,
  collection: string,
  entities: readonly Json[],
): Promise<void> {
  if (await env.store.get(seedsCollection, name)) return;
  await env.write(async (tx) => {
    for (const entity of entities)
      if (!(await tx.get(collection, String(entity.id)))) tx.put(collection, entity);
    tx.put(seedsCollection, { id: name, collection, count: entities.length });
  });
}
