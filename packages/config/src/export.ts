import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { Document, isScalar, visit } from 'yaml';
import { type Kind, shortName, topKinds } from './kinds.js';
import type { ConfigModel } from './model.js';
import {
  type ConfigObject,
  type ConfigValue,
  type CurrentObject,
  describe,
  isObject,
  isSecretRef,
  keyOf,
} from './setup.js';
import type { TenantState } from './tenant.js';

/** The environment variables a set-up names for its secrets, sorted. */
export function secretVariables(value: unknown, into = new Set<string>()): string[] {
  if (isSecretRef(value)) into.add(value.env);
  else if (Array.isArray(value)) for (const v of value) secretVariables(v, into);
  else if (isObject(value)) for (const v of Object.values(value)) secretVariables(v, into);
  return [...into].sort(compareCodePoints);
}

/** `type` and `displayName` first (what a reader looks for), then the rest as the spec orders them. */
function ordered(value: ConfigObject, type: string | undefined): ConfigObject {
  const out: ConfigObject = {};
  if (type !== undefined) out.type = type;
  if ('displayName' in value && value.displayName !== undefined) out.displayName = value.displayName;
  for (const [key, v] of Object.entries(value)) if (key !== 'displayName' && key !== 'type') out[key] = v;
  return out;
}

function objectFor(model: ConfigModel, kind: Kind, object: CurrentObject): ConfigObject {
  return ordered(object.value, model.needsType(kind.type) ? shortName(object.type) : undefined);
}

/**
 * A tenant's set-up as a file: every object of the kinds a file holds, names for ids, secrets as the
 * environment variables to set before `sds apply`, objects in the order the tenant lists them.
 */
export function exportSetUp(
  model: ConfigModel,
  tenant: TenantState,
  options: { source: string; schema?: string },
): string {
  const data: Record<string, ConfigValue> = {};
  for (const kind of topKinds) {
    const objects = tenant.objects.filter((o) => o.kind === kind);
    if (objects.length === 0) continue;
    data[kind.name] = objects.map((object) => {
      const value = objectFor(model, kind, object);
      if (kind.name !== 'outboundProvisioningFlowSets') return value;
      const flows = tenant.objects.filter((o) => o.parentId === object.id);
      return flows.length > 0
        ? { ...value, provisioningFlows: flows.map((f) => objectFor(model, f.kind, f)) }
        : value;
    });
  }
  const secrets = secretVariables(data);
  const header = [
    ...(options.schema ? [`yaml-language-server: $schema=${options.schema}`] : []),
    `The School Data Sync set-up of ${options.source}, written by \`sds export\`.`,
    'Objects are matched with the tenant by display name (flows by type): `sds plan --config <this file>`.',
    ...(secrets.length > 0
      ? [`Secrets are read from the environment when applied: set ${secrets.join(', ')}.`]
      : []),
  ];
  const doc = new Document(data, { version: '1.2' });
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  // Lists of plain values on one line (`in: [school-1, school-2]`), as people write them.
  visit(doc, {
    Seq(_, node) {
      if (node.items.length > 0 && node.items.every(isScalar)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

/**
 * Names the tenant has twice (per kind; per flow set for flows): the file is written, but it cannot be planned
 * until all but one are renamed or deleted, since objects are matched by name.
 */
export function duplicateNames(tenant: TenantState): string[] {
  const seen = new Map<string, CurrentObject[]>();
  for (const object of tenant.objects) seen.set(keyOf(object), [...(seen.get(keyOf(object)) ?? []), object]);
  return [...seen.values()]
    .filter((same) => same.length > 1)
    .map(
      (same) =>
        `the tenant has ${same.length} of ${describe(same[0] as CurrentObject)} (ids ${same.map((o) => o.id).join(', ')}): rename or delete all but one before planning the file, since objects are matched by name`,
    );
}
