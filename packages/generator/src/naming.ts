/** Names in generated TypeScript, derived from wire names and OData type names. */

const reserved = new Set(['constructor', '__proto__', 'prototype']);

export const upperFirst = (s: string): string => (s ? `${s[0]?.toUpperCase()}${s.slice(1)}` : s);
export const lowerFirst = (s: string): string => (s ? `${s[0]?.toLowerCase()}${s.slice(1)}` : s);

/** `microsoft.graph.industryData.basicFilter` → `BasicFilter`. */
export const typeName = (fullName: string): string =>
  upperFirst(fullName.slice(fullName.lastIndexOf('.') + 1));

/** `@odata.type` → `odataType`, `request-id` → `requestId`, `in` → `in` (a valid property name in TypeScript). */
export function propertyName(wire: string): string {
  const parts = wire
    .replace(/^@/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const name = parts.map((p, i) => (i === 0 ? p : upperFirst(p))).join('') || 'value';
  const safe = /^[0-9]/.test(name) ? `_${name}` : name;
  return reserved.has(safe) ? `${safe}Escaped` : safe;
}

/** A property key as written in an object literal or interface: quoted unless a plain identifier. */
export const propertyKey = (name: string): string =>
  /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);

/** `microsoft.graph.industryData` → `industryData`; `microsoft.graph` → `` (the models root). */
export function namespaceFolder(namespace: string): string {
  const rest = namespace.replace(/^microsoft\.graph\.?/, '');
  return rest
    .split('.')
    .filter(Boolean)
    .map((p) => lowerFirst(p))
    .join('/');
}

/** Enum member keys: `orgExternalId` → `OrgExternalId`. */
export const enumKey = (member: string): string => upperFirst(member.replace(/[^A-Za-z0-9_]/g, '_'));

/** Singular of a collection segment: `outboundProvisioningFlowSets` → `outboundProvisioningFlowSet`. */
export const singular = (segment: string): string => segment.replace(/ies$/, 'y').replace(/s$/, '');
