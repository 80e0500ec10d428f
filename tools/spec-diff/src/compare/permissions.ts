import type { OperationPair } from '../context.js';

type Scopes = { leastPrivileged?: string[]; higherPrivileged?: string[] } | string | undefined;

/** The three kinds of permission a Graph permissions table lists. */
export const permissionKinds = ['delegatedWork', 'delegatedPersonal', 'application'] as const;

const scopesOf = (value: Scopes): string[] =>
  typeof value === 'object' && value
    ? [...(value.leastPrivileged ?? []), ...(value.higherPrivileged ?? [])]
    : [];

export interface PermissionDiff {
  readonly permission: (typeof permissionKinds)[number];
  readonly before: readonly string[];
  readonly after: readonly string[];
  /** Scopes that no longer grant access. */
  readonly lost: readonly string[];
  /** Scopes that now grant access. */
  readonly gained: readonly string[];
  /** The permission kind was supported and no longer is. */
  readonly withdrawn: boolean;
}

/** The permissions of an operation, compared kind by kind (only where both revisions have a table). */
export function permissionDiffs(pair: OperationPair): PermissionDiff[] {
  const of = (o: OperationPair['before']) =>
    o.operation['x-permissions'] as Record<string, Scopes> | undefined;
  const a = of(pair.before);
  const b = of(pair.after);
  // No table on one side: a docs defect (a missing include) or a page without one; not a change of access.
  if (!a || !b) return [];
  return permissionKinds.map((permission) => {
    const before = scopesOf(a[permission]);
    const after = scopesOf(b[permission]);
    return {
      permission,
      before,
      after,
      lost: before.filter((s) => !after.includes(s)),
      gained: after.filter((s) => !before.includes(s)),
      withdrawn: typeof a[permission] === 'object' && b[permission] === 'not supported',
    };
  });
}
