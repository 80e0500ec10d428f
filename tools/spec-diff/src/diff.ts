import {
  compareCodePoints,
  editDistance,
  httpMethods,
  type OpenApiDocument,
  type OperationObject,
  type SchemaObject,
} from '@sds-toolkit/openapi-model';
import type { Change, Classification } from './types.js';

interface Op {
  readonly method: string;
  readonly path: string;
  readonly op: OperationObject;
  readonly label: string;
}

function operations(spec: OpenApiDocument): Op[] {
  const ops: Op[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of httpMethods) {
      const op = item[method];
      if (op) ops.push({ method, path, op, label: `${method.toUpperCase()} ${path}` });
    }
  }
  return ops.sort((a, b) => compareCodePoints(a.label, b.label));
}

const pagesOf = (o: Op) => new Set((o.op['x-docs-pages'] as string[] | undefined) ?? []);
const examplesOf = (o: Op) => new Set((o.op['x-docs-example-names'] as string[] | undefined) ?? []);
const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/**
 * Pairs the operations of two revisions by stable identity: the operation id, then the docs pages and request
 * example names they came from (so an operation whose path or status changed is still the same operation), then
 * method and path.
 */
export function matchOperations(
  before: Op[],
  after: Op[],
): { pairs: [Op, Op][]; removed: Op[]; added: Op[] } {
  const free = new Set(after);
  const pairs: [Op, Op][] = [];
  const removed: Op[] = [];
  const strategies: ((a: Op, b: Op) => boolean)[] = [
    (a, b) => a.op.operationId === b.op.operationId,
    (a, b) =>
      a.method === b.method && (overlaps(pagesOf(a), pagesOf(b)) || overlaps(examplesOf(a), examplesOf(b))),
    (a, b) => a.method === b.method && a.path.toLowerCase() === b.path.toLowerCase(),
  ];
  const unmatched = [...before];
  for (const same of strategies) {
    for (const a of [...unmatched]) {
      const b = [...free].find((candidate) => same(a, candidate));
      if (!b) continue;
      pairs.push([a, b]);
      free.delete(b);
      unmatched.splice(unmatched.indexOf(a), 1);
    }
  }
  removed.push(...unmatched);
  return { pairs, removed, added: [...free] };
}

const successStatus = (op: OperationObject) => Object.keys(op.responses).find((c) => /^2\d\d$/.test(c));
const refName = (ref: string | undefined) => ref?.split('/').pop();
function bodyTypes(schema: SchemaObject | undefined): string[] {
  if (!schema) return [];
  if (schema.$ref) return [refName(schema.$ref) ?? ''];
  return (schema.oneOf ?? [])
    .map((s) => refName(s.$ref) ?? '')
    .filter(Boolean)
    .sort();
}

type Scopes = { leastPrivileged?: string[]; higherPrivileged?: string[] } | string | undefined;
function scopesOf(value: Scopes): Set<string> {
  return typeof value === 'object' && value
    ? new Set([...(value.leastPrivileged ?? []), ...(value.higherPrivileged ?? [])])
    : new Set();
}

/** One property's type, as a comparable string. */
function typeOf(schema: SchemaObject | undefined): string {
  if (!schema) return 'none';
  if (schema.type === 'array') return `${typeOf(schema.items)}[]`;
  const ref = schema.$ref ?? schema.anyOf?.find((s) => s.$ref)?.$ref;
  if (ref) return refName(ref) ?? 'ref';
  return [schema.type ?? 'any', schema.format].filter(Boolean).join(':');
}

const bodyOfSchema = (s: SchemaObject | undefined): SchemaObject | undefined =>
  s?.allOf ? s.allOf.find((x) => !x.$ref) : s;

class Changes {
  readonly list: Change[] = [];
  add(
    classification: Classification,
    kind: string,
    location: string,
    before: unknown,
    after: unknown,
    message: string,
  ): void {
    this.list.push({ classification, kind, location, before: before ?? null, after: after ?? null, message });
  }
}

function diffOperation(a: Op, b: Op, changes: Changes): void {
  const at = b.label;
  if (a.path !== b.path) {
    changes.add(
      'breaking',
      'operation-moved',
      at,
      a.label,
      b.label,
      `${a.op.operationId ?? a.label} moved from ${a.label} to ${b.label}`,
    );
  }
  if (a.method !== b.method)
    changes.add(
      'breaking',
      'method-changed',
      at,
      a.method,
      b.method,
      `the method changed from ${a.method.toUpperCase()} to ${b.method.toUpperCase()}`,
    );
  if (a.op.operationId !== b.op.operationId)
    changes.add(
      'breaking',
      'operation-id-changed',
      at,
      a.op.operationId,
      b.op.operationId,
      `the operation id changed from ${a.op.operationId} to ${b.op.operationId} (generated method names follow it)`,
    );
  const sa = successStatus(a.op);
  const sb = successStatus(b.op);
  if (sa !== sb)
    changes.add(
      'breaking',
      'status-changed',
      at,
      Number(sa),
      Number(sb),
      `the success status changed from ${sa} to ${sb}`,
    );
  const ra = a.op.responses[sa ?? '']?.content !== undefined;
  const rb = b.op.responses[sb ?? '']?.content !== undefined;
  if (ra !== rb)
    changes.add(
      'breaking',
      ra ? 'response-body-removed' : 'response-body-added',
      at,
      ra,
      rb,
      ra ? 'the success response no longer has a body' : 'the success response now has a body',
    );
  const ta = bodyTypes(a.op.requestBody?.content['application/json']?.schema);
  const tb = bodyTypes(b.op.requestBody?.content['application/json']?.schema);
  for (const t of ta.filter((x) => !tb.includes(x)))
    changes.add('breaking', 'request-type-removed', at, t, null, `the request body no longer accepts ${t}`);
  for (const t of tb.filter((x) => !ta.includes(x)))
    changes.add('non-breaking', 'request-type-added', at, null, t, `the request body also accepts ${t}`);
  if (ta.length === 0 && tb.length > 0 && !b.op.requestBody?.required)
    changes.add('non-breaking', 'request-body-added', at, null, tb, 'an optional request body was added');
  if (ta.length === 0 && tb.length > 0 && b.op.requestBody?.required)
    changes.add('breaking', 'request-body-required', at, null, tb, 'a request body is now required');

  const accepted = (o: Op) =>
    (o.op['x-docs-accepted-properties'] as
      | Record<string, Record<string, { required: boolean }>>
      | undefined) ?? {};
  const pa = accepted(a);
  const pb = accepted(b);
  for (const type of new Set([...Object.keys(pa), ...Object.keys(pb)])) {
    const before = pa[type];
    const after = pb[type];
    // Without a table on one side, the operation accepts every writable property there: not comparable.
    if (!before || !after) {
      if (before && !after && tb.includes(type))
        changes.add(
          'non-breaking',
          'accepted-properties-widened',
          at,
          Object.keys(before),
          'any',
          `${type}: the request-body table is gone; every writable property is accepted`,
        );
      if (!before && after && ta.includes(type)) {
        changes.add(
          'breaking',
          'accepted-properties-narrowed',
          at,
          'any',
          Object.keys(after),
          `${type}: only ${Object.keys(after).join(', ')} are accepted now`,
        );
      }
      continue;
    }
    for (const name of Object.keys(before).filter((n) => !(n in after))) {
      changes.add(
        'breaking',
        'request-property-removed',
        `${at} ${type}.${name}`,
        before[name],
        null,
        `${type}: '${name}' is no longer accepted`,
      );
    }
    for (const name of Object.keys(after).filter((n) => !(n in before))) {
      const required = after[name]?.required === true;
      changes.add(
        required ? 'breaking' : 'non-breaking',
        required ? 'required-property-added' : 'request-property-added',
        `${at} ${type}.${name}`,
        null,
        after[name],
        `${type}: '${name}' is ${required ? 'now required' : 'now accepted'}`,
      );
    }
    for (const name of Object.keys(after).filter((n) => n in before)) {
      const wasRequired = before[name]?.required === true;
      const isRequired = after[name]?.required === true;
      if (wasRequired !== isRequired) {
        changes.add(
          isRequired ? 'breaking' : 'non-breaking',
          'required-changed',
          `${at} ${type}.${name}`,
          wasRequired,
          isRequired,
          `${type}: '${name}' is ${isRequired ? 'now required' : 'no longer required'}`,
        );
      }
    }
  }

  const queryOf = (o: Op) =>
    (o.op.parameters ?? []).map((p) => refName((p as { $ref?: string }).$ref) ?? p.name).sort();
  const qa = queryOf(a);
  const qb = queryOf(b);
  for (const q of qa.filter((x) => !qb.includes(x)))
    changes.add(
      'breaking',
      'query-parameter-removed',
      at,
      q,
      null,
      `the query option ${q} is no longer supported`,
    );
  for (const q of qb.filter((x) => !qa.includes(x)))
    changes.add(
      'non-breaking',
      'query-parameter-added',
      at,
      null,
      q,
      `the query option ${q} is now supported`,
    );

  const perms = (o: Op) => (o.op['x-permissions'] as Record<string, Scopes> | undefined) ?? {};
  for (const kind of ['delegatedWork', 'delegatedPersonal', 'application']) {
    const before = perms(a)[kind];
    const after = perms(b)[kind];
    const sBefore = scopesOf(before);
    const sAfter = scopesOf(after);
    const removed = [...sBefore].filter((s) => !sAfter.has(s));
    const addedScopes = [...sAfter].filter((s) => !sBefore.has(s));
    if (removed.length > 0 || (typeof before === 'object' && after === 'not supported')) {
      changes.add(
        'breaking',
        'permission-narrowed',
        `${at} ${kind}`,
        [...sBefore],
        after === 'not supported' ? 'not supported' : [...sAfter],
        `${kind}: ${removed.length > 0 ? `${removed.join(', ')} no longer grant${removed.length === 1 ? 's' : ''} access` : 'no longer supported'}`,
      );
    }
    if (addedScopes.length > 0 && removed.length === 0) {
      changes.add(
        'non-breaking',
        'permission-widened',
        `${at} ${kind}`,
        [...sBefore],
        [...sAfter],
        `${kind}: ${addedScopes.join(', ')} now grant${addedScopes.length === 1 ? 's' : ''} access`,
      );
    }
  }
  if (
    (a.op.summary ?? '') !== (b.op.summary ?? '') ||
    (a.op.description ?? '') !== (b.op.description ?? '')
  ) {
    changes.add(
      'documentation',
      'operation-description-changed',
      at,
      a.op.description ?? a.op.summary,
      b.op.description ?? b.op.summary,
      'the operation summary or description changed',
    );
  }
}

function allProperties(
  spec: OpenApiDocument,
  name: string,
  seen = new Set<string>(),
): Record<string, SchemaObject> {
  const schema = spec.components.schemas[name];
  if (!schema || seen.has(name)) return {};
  seen.add(name);
  const base = refName(schema.allOf?.[0]?.$ref);
  return { ...(base ? allProperties(spec, base, seen) : {}), ...(bodyOfSchema(schema)?.properties ?? {}) };
}

function diffSchemas(before: OpenApiDocument, after: OpenApiDocument, changes: Changes): void {
  const names = new Set([
    ...Object.keys(before.components.schemas),
    ...Object.keys(after.components.schemas),
  ]);
  for (const name of [...names].sort()) {
    const a = before.components.schemas[name];
    const b = after.components.schemas[name];
    const at = `components.schemas.${name}`;
    if (!b) {
      changes.add('breaking', 'schema-removed', at, name, null, `the type ${name} was removed`);
      continue;
    }
    if (!a) {
      changes.add('non-breaking', 'schema-added', at, null, name, `the type ${name} was added`);
      continue;
    }
    if (a.enum || b.enum) {
      const ma = (a.enum ?? []).map(String);
      const mb = (b.enum ?? []).map(String);
      for (const m of ma.filter((x) => !mb.includes(x)))
        changes.add('breaking', 'enum-member-removed', at, m, null, `${name}: the member '${m}' was removed`);
      for (const m of mb.filter((x) => !ma.includes(x)))
        changes.add('non-breaking', 'enum-member-added', at, null, m, `${name}: the member '${m}' was added`);
      continue;
    }
    const baseA = refName(a.allOf?.[0]?.$ref);
    const baseB = refName(b.allOf?.[0]?.$ref);
    if (baseA !== baseB)
      changes.add(
        'breaking',
        'base-type-changed',
        at,
        baseA,
        baseB,
        `${name}: the base type changed from ${baseA ?? 'none'} to ${baseB ?? 'none'}`,
      );
    const mapA = Object.keys(bodyOfSchema(a)?.discriminator?.mapping ?? {});
    const mapB = Object.keys(bodyOfSchema(b)?.discriminator?.mapping ?? {});
    for (const m of mapA.filter((x) => !mapB.includes(x)))
      changes.add(
        'breaking',
        'discriminator-mapping-removed',
        at,
        m,
        null,
        `${name}: ${m} is no longer one of its derived types`,
      );
    for (const m of mapB.filter((x) => !mapA.includes(x)))
      changes.add(
        'non-breaking',
        'discriminator-mapping-added',
        at,
        null,
        m,
        `${name}: ${m} is a new derived type`,
      );

    const pa = bodyOfSchema(a)?.properties ?? {};
    const pb = bodyOfSchema(b)?.properties ?? {};
    const inheritedB = allProperties(after, name);
    const removed = Object.keys(pa).filter((p) => !(p in pb) && !(p in inheritedB));
    const added = Object.keys(pb).filter((p) => !(p in pa));
    const renamed = new Set<string>();
    for (const old of removed) {
      const candidate = added.find(
        (n) =>
          !renamed.has(n) &&
          typeOf(pa[old]) === typeOf(pb[n]) &&
          (n.toLowerCase() === old.toLowerCase() || editDistance(n.toLowerCase(), old.toLowerCase()) <= 2),
      );
      if (candidate) {
        renamed.add(candidate);
        changes.add(
          'breaking',
          'property-renamed',
          `${at}.properties.${old}`,
          old,
          candidate,
          `${name}: '${old}' was renamed '${candidate}'`,
        );
      } else
        changes.add(
          'breaking',
          'property-removed',
          `${at}.properties.${old}`,
          typeOf(pa[old]),
          null,
          `${name}: '${old}' was removed`,
        );
    }
    for (const p of added.filter((n) => !renamed.has(n)))
      changes.add(
        'non-breaking',
        'property-added',
        `${at}.properties.${p}`,
        null,
        typeOf(pb[p]),
        `${name}: '${p}' was added`,
      );
    for (const p of Object.keys(pa).filter((n) => n in pb)) {
      const ta = typeOf(pa[p]);
      const tb = typeOf(pb[p]);
      const where = `${at}.properties.${p}`;
      if (ta !== tb)
        changes.add(
          'breaking',
          'property-type-changed',
          where,
          ta,
          tb,
          `${name}.${p}: the type changed from ${ta} to ${tb}`,
        );
      const roA = pa[p]?.readOnly === true;
      const roB = pb[p]?.readOnly === true;
      if (roA !== roB)
        changes.add(
          roB ? 'breaking' : 'non-breaking',
          'read-only-changed',
          where,
          roA,
          roB,
          `${name}.${p} is ${roB ? 'now read-only' : 'no longer read-only'}`,
        );
      if ((pa[p]?.description ?? '') !== (pb[p]?.description ?? ''))
        changes.add(
          'documentation',
          'property-description-changed',
          where,
          pa[p]?.description,
          pb[p]?.description,
          `${name}.${p}: the description changed`,
        );
    }
    const reqA = bodyOfSchema(a)?.required ?? [];
    const reqB = bodyOfSchema(b)?.required ?? [];
    for (const r of reqB.filter((x) => !reqA.includes(x)))
      changes.add(
        'breaking',
        'required-changed',
        `${at}.properties.${r}`,
        false,
        true,
        `${name}.${r} is now required`,
      );
    for (const r of reqA.filter((x) => !reqB.includes(x)))
      changes.add(
        'non-breaking',
        'required-changed',
        `${at}.properties.${r}`,
        true,
        false,
        `${name}.${r} is no longer required`,
      );
    if ((a.description ?? '') !== (b.description ?? ''))
      changes.add(
        'documentation',
        'schema-description-changed',
        at,
        a.description,
        b.description,
        `${name}: the description changed`,
      );
  }
}

/** Every change between two specs, classified by API-compatibility rules, in a stable order. */
export function diffSpecs(before: OpenApiDocument, after: OpenApiDocument): Change[] {
  const changes = new Changes();
  const { pairs, removed, added } = matchOperations(operations(before), operations(after));
  for (const op of removed)
    changes.add(
      'breaking',
      'operation-removed',
      op.label,
      op.op.operationId,
      null,
      `${op.op.operationId ?? op.label} (${op.label}) was removed`,
    );
  for (const op of added)
    changes.add(
      'non-breaking',
      'operation-added',
      op.label,
      null,
      op.op.operationId,
      `${op.op.operationId ?? op.label} (${op.label}) was added`,
    );
  for (const [a, b] of pairs) diffOperation(a, b, changes);
  diffSchemas(before, after, changes);
  const rank: Record<Classification, number> = { breaking: 0, 'non-breaking': 1, documentation: 2 };
  return changes.list.sort(
    (x, y) =>
      rank[x.classification] - rank[y.classification] ||
      compareCodePoints(x.location, y.location) ||
      compareCodePoints(x.kind, y.kind),
  );
}
