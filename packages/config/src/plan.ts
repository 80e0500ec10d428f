import { type Change, diffObject } from './compare.js';
import { type Kind, kinds, shortName } from './kinds.js';
import type { ConfigModel, Shape } from './model.js';
import {
  type ConfigObject,
  type ConfigValue,
  type CurrentObject,
  type DesiredObject,
  describe,
  isObject,
  keyOf,
} from './setup.js';
import type { RoleGroup, TenantState } from './tenant.js';
import { didYouMean } from './text.js';

export type { Change };

/** What apply will do to one object. */
export type Action =
  | { readonly action: 'create'; readonly object: DesiredObject }
  | {
      readonly action: 'update';
      readonly object: DesiredObject;
      readonly current: CurrentObject;
      readonly changes: readonly Change[];
    }
  | {
      readonly action: 'replace';
      readonly object: DesiredObject;
      readonly current: CurrentObject;
      readonly changes: readonly Change[];
      /** Why it cannot be updated in place. */
      readonly reason: string;
    }
  | { readonly action: 'delete'; readonly current: CurrentObject };

/** One request of an apply, in the order they are sent. */
export interface Step {
  readonly op: 'create' | 'update' | 'delete';
  /** The action it belongs to (a replace is a delete, then a create). */
  readonly action: Action;
}

export interface Plan {
  /** Per object, in dependency order: creates, updates and replaces, then deletes. */
  readonly actions: readonly Action[];
  /** The requests apply sends, in order: deletes first (dependents before what they use), then the rest. */
  readonly steps: readonly Step[];
  /** Objects of the tenant the file does not have, kept because --prune was not given. */
  readonly unmanaged: readonly CurrentObject[];
  /** Objects of the file the tenant already has as written. */
  readonly unchanged: number;
}

/** A problem found while planning (an ambiguous name, an unknown role group), at an object of the file. */
export interface PlanProblem {
  readonly pointer: string;
  readonly message: string;
}

export class PlanError extends Error {
  override readonly name = 'PlanError';
  constructor(readonly problems: readonly PlanProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/** Role groups a file names by id or display name, as their ids (what the tenant answers). */
function resolveRoleGroups(
  model: ConfigModel,
  object: DesiredObject,
  roleGroups: readonly RoleGroup[],
  problems: PlanProblem[],
): ConfigObject {
  const resolve = (name: string, pointer: string): string => {
    const found =
      roleGroups.find((g) => g.id === name) ??
      roleGroups.find((g) => g.displayName === name) ??
      roleGroups.find((g) => g.displayName?.toLowerCase() === name.toLowerCase());
    if (found) return found.id;
    const ids = roleGroups.map((g) => g.id);
    const near =
      didYouMean(name, ids) ||
      didYouMean(
        name,
        roleGroups.flatMap((g) => g.displayName ?? []),
      );
    problems.push({
      pointer,
      message: `roleGroup '${name}' is not a role group of the tenant${near} (it has ${ids.join(', ') || 'none'})`,
    });
    return name;
  };
  const walkValue = (shape: Shape, v: ConfigValue, pointer: string): ConfigValue => {
    if (v === null) return v;
    if (shape.kind === 'roleGroup' && typeof v === 'string') return resolve(v, pointer);
    if (shape.kind === 'array' && Array.isArray(v))
      return v.map((item, i) => walkValue(shape.item, item, `${pointer}/${i}`));
    if (shape.kind === 'object' && isObject(v)) {
      const type =
        typeof v.type === 'string'
          ? model.concreteTypes(shape.declared).find((t) => shortName(t) === v.type)
          : model.concreteTypes(shape.declared)[0];
      return type ? walkObject(type, undefined, v, pointer) : v;
    }
    return v;
  };
  const walkObject = (
    type: string,
    kind: Kind | undefined,
    v: ConfigObject,
    pointer: string,
  ): ConfigObject => {
    const properties = model.properties(type, kind);
    const out: ConfigObject = {};
    for (const [key, value] of Object.entries(v)) {
      const shape = properties.get(key)?.shape;
      out[key] = shape ? walkValue(shape, value, `${pointer}/${key}`) : value;
    }
    return out;
  };
  return walkObject(object.type, object.kind, object.value, object.pointer);
}

const kindIndex = (kind: Kind) => kinds.indexOf(kind);

/**
 * Desired × current → what apply does. Objects are matched by kind and display name (flows by type within
 * their flow set); a name the tenant has twice is an error. A property an update does not accept (or a new
 * type) makes a replace, and what refers to a replaced object is replaced too, since its reference cannot be
 * updated either. Deletes only with `prune`.
 */
export function plan(
  model: ConfigModel,
  desired: readonly DesiredObject[],
  tenant: TenantState,
  options: { prune: boolean },
): Plan {
  const problems: PlanProblem[] = [];
  const byKey = new Map<string, CurrentObject[]>();
  for (const current of tenant.objects) {
    const key = keyOf(current);
    byKey.set(key, [...(byKey.get(key) ?? []), current]);
  }
  const matched = new Set<CurrentObject>();
  const actions: Action[] = [];
  const replaced = new Set<string>();
  let unchanged = 0;
  for (const object of desired) {
    const candidates = byKey.get(keyOf(object)) ?? [];
    if (candidates.length > 1) {
      problems.push({
        pointer: object.pointer,
        message: `the tenant has ${candidates.length} ${object.kind.label}s named '${object.name}' (ids ${candidates.map((c) => c.id).join(', ')}): objects are matched by display name, so rename or delete all but one`,
      });
      continue;
    }
    const value = resolveRoleGroups(model, object, tenant.roleGroups, problems);
    const resolved: DesiredObject = { ...object, value };
    const [current] = candidates;
    // A flow in a flow set that is created here is created too.
    if (!current) {
      actions.push({ action: 'create', object: resolved });
      continue;
    }
    matched.add(current);
    if (current.type !== object.type) {
      const changes = [
        { property: 'type', path: 'type', from: shortName(current.type), to: shortName(object.type) },
      ];
      actions.push({
        action: 'replace',
        object: resolved,
        current,
        changes,
        reason: `its type cannot be changed in place`,
      });
      replaced.add(keyOf(object));
      continue;
    }
    const changes = diffObject(model, object.type, object.kind, current.value, value, undefined, '', true);
    const dependsOnReplaced = object.kind.references.find(
      (r) =>
        typeof value[r.property] === 'string' &&
        replaced.has(
          keyOf({ kind: kinds.find((k) => k.name === r.to) ?? object.kind, name: String(value[r.property]) }),
        ),
    );
    const updatable = model.updatable(object.kind, object.type);
    const fixed = [...new Set(changes.map((c) => c.property))].filter(
      (p) => (updatable && !updatable.has(p)) || object.kind.references.some((r) => r.property === p),
    );
    if (fixed.length > 0 || dependsOnReplaced) {
      actions.push({
        action: 'replace',
        object: resolved,
        current,
        changes,
        reason:
          fixed.length > 0
            ? `${fixed.join(', ')} cannot be updated in place`
            : `its ${dependsOnReplaced?.property} '${String(value[dependsOnReplaced?.property ?? ''])}' is replaced`,
      });
      replaced.add(keyOf(object));
      continue;
    }
    if (changes.length > 0) actions.push({ action: 'update', object: resolved, current, changes });
    else unchanged++;
  }
  if (problems.length > 0) throw new PlanError(problems);

  const unmatched = tenant.objects.filter((c) => !matched.has(c));
  const deletedSets = new Set(
    unmatched.filter((c) => c.kind.name === 'outboundProvisioningFlowSets').map((c) => c.id),
  );
  // A flow set's flows go with it.
  const deletes = options.prune
    ? unmatched
        .filter((c) => !(c.parentId !== undefined && deletedSets.has(c.parentId)))
        .map((current): Action => ({ action: 'delete', current }))
    : [];
  const all = [...actions, ...deletes];
  const deleting = all.filter((a) => a.action === 'delete' || a.action === 'replace');
  const currentOf = (a: Action) => (a.action === 'create' ? undefined : a.current);
  const steps: Step[] = [
    ...deleting
      .slice()
      .sort(
        (a, b) =>
          kindIndex((currentOf(b) as CurrentObject).kind) - kindIndex((currentOf(a) as CurrentObject).kind),
      )
      .map((action): Step => ({ op: 'delete', action })),
    ...actions.map((action): Step => ({ op: action.action === 'update' ? 'update' : 'create', action })),
  ];
  return {
    actions: all,
    steps,
    unmanaged: options.prune ? [] : unmatched,
    unchanged,
  };
}

/** `+ data connector 'oneroster-main'` style one-line subject of an action. */
export const subject = (action: Action): string =>
  describe(action.action === 'delete' ? action.current : action.object);
