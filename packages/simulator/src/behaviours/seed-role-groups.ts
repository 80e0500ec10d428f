import type { Behaviour } from '../core/context.js';
import { isObject, type Json } from '../json.js';
import { entitiesOf, responseExamples, seedOnce } from './seeds.js';

const roleGroupType = '#microsoft.graph.industryData.roleGroup';

/** Every role group the docs' examples show, by id, its roles merged in order of appearance. */
function roleGroupsOf(examples: readonly unknown[]): Json[] {
  const groups = new Map<string, { displayName: unknown; codes: string[] }>();
  const visit = (value: unknown, isGroup: boolean) => {
    if (Array.isArray(value)) for (const v of value) visit(v, isGroup);
    if (!isObject(value)) return;
    if (isGroup && typeof value.id === 'string' && Array.isArray(value.roles)) {
      const group = groups.get(value.id) ?? { displayName: value.displayName, codes: [] };
      for (const role of value.roles)
        if (isObject(role) && typeof role.code === 'string' && !group.codes.includes(role.code))
          group.codes.push(role.code);
      groups.set(value.id, group);
    }
    for (const [key, v] of Object.entries(value)) visit(v, key === 'roleGroup');
  };
  for (const example of examples) for (const entity of entitiesOf(example)) visit(entity, true);
  return [...groups].map(([id, g]) => ({
    '@odata.type': roleGroupType,
    id,
    displayName: g.displayName,
    roles: g.codes.map((code) => ({
      '@odata.type': '#microsoft.graph.industryData.roleReferenceValue',
      code,
    })),
  }));
}

/**
 * Role groups are the service's own (the API lists and gets them, never creates them): the simulator starts
 * with the ones the docs' examples show (`staff`, `students`), with every role any example gives them.
 */
export const seedRoleGroups: Behaviour = {
  id: 'seed-role-groups',
  docs: 'api-reference/beta/api/industrydata-rolegroup-list.md',
  summary:
    "The role groups of the docs' examples (staff, students) exist from the start, with the roles the examples give them.",
  async start(env) {
    const { spec } = env.model;
    const examples = [
      ...responseExamples(spec, 'external.industryData.ListRoleGroups'),
      ...responseExamples(spec, 'external.industryData.GetRoleGroups'),
    ];
    // Role groups shown inside other answers (a user flow's configurations) add their roles.
    const nested: unknown[] = [];
    for (const op of env.model.operations)
      if (op.method === 'get' && op.set?.name === 'provisioningFlows')
        nested.push(...responseExamples(spec, op.id));
    const groups = roleGroupsOf(examples);
    const extra = roleGroupsOf(nested.flatMap((e) => entitiesOf(e).map((x) => ({ value: [x] }))));
    for (const group of groups) {
      const more = extra.find((g) => g.id === group.id);
      const codes = (group.roles as Json[]).map((r) => r.code);
      for (const role of (more?.roles as Json[] | undefined) ?? [])
        if (!codes.includes(role.code)) (group.roles as Json[]).push(role);
    }
    await seedOnce(env, 'roleGroups', 'roleGroups', groups);
  },
};
