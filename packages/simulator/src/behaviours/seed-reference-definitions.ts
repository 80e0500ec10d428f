import type { Behaviour } from '../core/context.js';
import type { Json } from '../json.js';
import { entitiesOf, responseExamples, seedOnce } from './seeds.js';

/**
 * Reference definitions come with the service (each industry domain has its defaults; a tenant adds its own):
 * the simulator starts with the ones the docs' list and get examples show.
 */
export const seedReferenceDefinitions: Behaviour = {
  id: 'seed-reference-definitions',
  docs: 'api-reference/beta/api/industrydata-referencedefinition-list.md',
  summary: "The reference definitions of the docs' list and get examples exist from the start.",
  async start(env) {
    const examples = [
      ...responseExamples(env.model.spec, 'external.industryData.ListReferenceDefinitions'),
      ...responseExamples(env.model.spec, 'external.industryData.GetReferenceDefinitions'),
    ];
    const byId = new Map<string, Json>();
    for (const entity of examples.flatMap(entitiesOf))
      if (!byId.has(String(entity.id)))
        byId.set(String(entity.id), {
          '@odata.type': '#microsoft.graph.industryData.referenceDefinition',
          ...entity,
        });
    await seedOnce(env, 'referenceDefinitions', 'referenceDefinitions', [...byId.values()]);
  },
};
