import type { TenantApi } from './api.js';
import { concreteTypeOf, type FromWireContext, fromWire, type Wire } from './convert.js';
import { type Kind, type KindName, kindOf, shortName, topKinds } from './kinds.js';
import type { ConfigModel } from './model.js';
import { type CurrentObject, isObject } from './setup.js';

export interface RoleGroup {
  readonly id: string;
  readonly displayName: string | undefined;
}

/** A tenant's set-up as the file would write it, with ids. */
export interface TenantState {
  readonly objects: readonly CurrentObject[];
  readonly roleGroups: readonly RoleGroup[];
}

/** The environment variable a file names for a secret: `SDS_<OBJECT>_<PROPERTY>`, in capitals. */
export function secretVariable(parts: readonly string[]): string {
  return (
    ['SDS', ...parts]
      .join('_')
      // Letters keep their base letter (é → E): a shell variable name is ASCII.
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase()
  );
}

/**
 * Reads every object of the kinds a file holds (flows with their flow sets) and the role groups, and writes
 * them as a file would: ids become names, secrets environment variables. Objects of a type this toolkit does not
 * know are left out (they are not the file's to manage).
 */
export async function readTenant(api: TenantApi, model: ConfigModel): Promise<TenantState> {
  const raw = new Map<KindName, Wire[]>();
  for (const kind of topKinds) raw.set(kind.name, await api.list(kind));
  const roleGroups: RoleGroup[] = (await api.listRoleGroups()).flatMap((g) =>
    typeof g.id === 'string'
      ? [{ id: g.id, displayName: typeof g.displayName === 'string' ? g.displayName : undefined }]
      : [],
  );
  const names = new Map<string, string>();
  for (const [kind, items] of raw)
    for (const item of items)
      if (typeof item.id === 'string' && typeof item.displayName === 'string')
        names.set(`${kind}\u0000${item.id}`, item.displayName);

  const objects: CurrentObject[] = [];
  const flows: CurrentObject[] = [];
  const read = (kind: Kind, wire: Wire, parent?: { id: string; name: string }) => {
    const type = concreteTypeOf(model, kind.type, wire['@odata.type']);
    if (!type || typeof wire.id !== 'string') return undefined;
    const name = kind.matchBy === 'type' ? shortName(type) : String(wire.displayName ?? '');
    const context: FromWireContext = {
      nameOf: (to, id) => names.get(`${to}\u0000${id}`),
      roleGroupName: (id) => id,
      secretName: (path) => secretVariable([...(parent ? [parent.name] : []), name, ...path.slice(-1)]),
    };
    const object: CurrentObject = {
      kind,
      name,
      type,
      value: fromWire(model, type, wire, kind, context),
      id: wire.id,
      ...(parent ? { parent: parent.name, parentId: parent.id } : {}),
    };
    return object;
  };
  const flowKind = kindOf('provisioningFlows');
  for (const kind of topKinds)
    for (const wire of raw.get(kind.name) ?? []) {
      const object = read(kind, wire);
      if (!object) continue;
      objects.push(object);
      const children = wire.provisioningFlows;
      if (kind.name !== 'outboundProvisioningFlowSets' || !Array.isArray(children)) continue;
      for (const child of children)
        if (isObject(child)) {
          const flow = read(flowKind, child as Wire, { id: object.id, name: object.name });
          if (flow) flows.push(flow);
        }
    }
  return { objects: [...objects, ...flows], roleGroups };
}
