import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OperationModel } from '../src/index.js';
import { createRouter, type ManualClock } from '../src/index.js';
import { call, conformanceProblems, newSimulator, spec } from './harness.js';

/**
 * Generated requests over the whole namespace: every operation, with the docs' example bodies (their binds
 * pointed at entities that exist, or not), mutated and arbitrary bodies, query options valid and not, keys in
 * both forms and any case, bad tokens, raw text, uploads, and time moving on. Whatever comes, the simulator
 * answers: never a crash, never a 5xx, every error a valid OData error, every success as the spec documents.
 */

const queries = [
  '',
  '$top=2',
  '$top=0',
  '$skip=1&$top=1',
  '$count=true',
  '$select=id,displayName',
  '$select=nope',
  '$expand=*',
  '$expand=nope',
  "$filter=displayName eq 'x'",
  "$filter=startswith(displayName,'a') or id ne null",
  '$filter=((',
  '$orderby=displayName desc',
  '$orderby=createdDateTime,id',
  '$top=-1',
  'top=1',
  '$format=json',
  '$TOP=1&$top=2',
  'resetSession=true',
];

type Step =
  | {
      kind: 'request';
      method: string;
      path: string;
      body?: unknown;
      raw?: string;
      headers?: Record<string, string>;
    }
  | { kind: 'advance'; ms: number };

/**
 * Bodies of our own next to the docs' examples, where every example is refused (the year update example
 * carries its id, the reference definition one lacks required properties) or depends on what else exists.
 */
const ownBodies: Readonly<Record<string, readonly unknown[]>> = {
  'external.industryData.UpdateYears': [
    { displayName: 'Year', startDate: '2024-09-01', endDate: '2025-07-15' },
  ],
  'external.industryData.UpdateReferenceDefinitions': [
    { displayName: 'Renamed', isDisabled: false, sortIndex: 901 },
  ],
  'external.industryData.UpdateInboundFlows': [
    {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      displayName: 'Renamed flow',
      effectiveDateTime: '2025-01-01T00:00:00Z',
      expirationDateTime: '2026-01-01T00:00:00Z',
    },
    {
      '@odata.type': '#microsoft.graph.industryData.inboundApiFlow',
      displayName: 'Renamed flow',
      effectiveDateTime: '2025-01-01T00:00:00Z',
    },
  ],
  'external.industryData.CreateInboundFlows': [
    {
      '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
      dataDomain: 'educationRostering',
      displayName: 'Flow',
      effectiveDateTime: '2025-01-01T00:00:00Z',
      'dataConnector@odata.bind': 'later',
      'year@odata.bind': 'later',
    },
  ],
  'external.industryData.CreateDataConnectors': [
    {
      '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
      displayName: 'CSV',
      'sourceSystem@odata.bind': 'later',
    },
  ],
};

function examplesOf(operation: OperationModel): unknown[] {
  const op = spec.paths[operation.template]?.[operation.method];
  return [
    ...Object.values(op?.requestBody?.content['application/json']?.examples ?? {}).map((e) => e.value),
    ...(ownBodies[operation.id] ?? []),
  ];
}

/** The set each bind of the docs' examples points into. */
const bindTargets: Readonly<Record<string, string>> = {
  sourceSystem: '/external/industryData/sourceSystems',
  dataConnector: '/external/industryData/dataConnectors',
  year: '/external/industryData/years',
  roleGroup: '/external/industryData/roleGroups',
  value: '/external/industryData/referenceDefinitions',
};

/** The example with every bind pointed by `target` at an entity of its set (one that exists, or not). */
function rebind(value: unknown, target: (set: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => rebind(v, target));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k.endsWith('@odata.bind')
        ? target(bindTargets[k.slice(0, -'@odata.bind'.length)] ?? '')
        : rebind(v, target),
    ]),
  );
}

describe('fuzz: 10,000+ generated requests over the whole namespace', () => {
  it('never crashes, never answers 5xx, always answers errors as valid OData errors and successes as documented', async () => {
    const sim = await newSimulator({ readinessDelayMs: 1000, runDurationMs: 5000 });
    const clock = sim.clock as ManualClock;
    const operations = sim.model.operations;
    // Item paths known to exist, by set template (seeded role groups and reference definitions included).
    const known = new Map<string, string[]>();
    const remember = (template: string, path: string) =>
      known.set(template, [...(known.get(template) ?? []), path]);
    for (const set of sim.model.sets) {
      if (set.parent) continue;
      const list = await call(sim, 'GET', `/beta${set.template}`);
      for (const item of list.json?.value ?? []) remember(set.template, `/beta${set.template}/${item.id}`);
    }
    // A populated namespace: one entity of each kind a client creates, made again when the fuzz deleted it.
    const base = '/beta/external/industryData';
    const create = async (set: string, body: unknown) => {
      const r = await call(sim, 'POST', `${base}/${set}`, body);
      expect(r.status, `setup ${set}: ${JSON.stringify(r.json)}`).toBe(201);
      remember(`/external/industryData/${set}`, `${base}/${set}/${r.json.id}`);
      return String(r.json.id);
    };
    const populate = async () => {
      const source = await create('sourceSystems', { displayName: 'SIS' });
      const connector = await create('dataConnectors', {
        '@odata.type': '#microsoft.graph.industryData.azureDataLakeConnector',
        displayName: 'CSV',
        'sourceSystem@odata.bind': `${base}/sourceSystems/${source}`,
      });
      const year = await create('years', {
        displayName: 'Y',
        startDate: '2024-09-01',
        endDate: '2025-07-15',
        year: { code: '2024' },
      });
      await create('inboundFlows', {
        '@odata.type': '#microsoft.graph.industryData.inboundFileFlow',
        dataDomain: 'educationRostering',
        displayName: 'Flow',
        effectiveDateTime: '2025-01-01T00:00:00Z',
        'dataConnector@odata.bind': `${base}/dataConnectors/${connector}`,
        'year@odata.bind': `${base}/years/${year}`,
      });
      const set = await create('outboundProvisioningFlowSets', { displayName: 'Set' });
      const flow = await call(sim, 'POST', `${base}/outboundProvisioningFlowSets/${set}/provisioningFlows`, {
        '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
        configuration: { additionalAttributes: ['courseTitle'] },
      });
      remember(
        '/external/industryData/outboundProvisioningFlowSets/{outboundProvisioningFlowSetId}/provisioningFlows',
        `${base}/outboundProvisioningFlowSets/${set}/provisioningFlows/${flow.json.id}`,
      );
    };
    // The newest entities most of the time: older ones are likelier to have been deleted.
    const pick = <T>(xs: readonly T[], i: number): T | undefined =>
      xs.length > 0
        ? xs[i % 4 === 0 ? i % xs.length : xs.length - 1 - (i % Math.min(3, xs.length))]
        : undefined;
    const itemPath = (template: string | undefined, i: number, missing: boolean): string => {
      if (!template) return '/beta/external/industryData';
      const existing = pick(known.get(template) ?? [], i);
      if (existing && !missing)
        return i % 7 === 0 ? existing.toUpperCase().replace('/BETA/', '/beta/') : existing;
      const set = sim.model.sets.find((s) => s.template === template);
      const parent = set?.parent ? itemPath(set.parent.template, i, false) : '/beta/external/industryData';
      return `${parent}/${set?.name ?? 'x'}/${missing ? 'no-such-id' : '00000000-0000-0000-0000-000000000000'}`;
    };
    const pathFor = (op: OperationModel, i: number, missing: boolean): string => {
      if (op.kind === 'root') return '/beta/external/industryData';
      const set = op.set;
      if (!set) return '/beta/external/industryData';
      if (op.kind === 'list' || op.kind === 'create') {
        const parent = set.parent ? itemPath(set.parent.template, i, missing) : '/beta/external/industryData';
        return `${parent}/${set.name}`;
      }
      const item = itemPath(set.template, i, missing);
      const rest = op.template.slice(`${set.template}/{${set.keyParam}}`.length);
      return `${item}${rest}`;
    };
    const entityOf = (i: number) => (set: string) =>
      `https://graph.microsoft.com${pick(known.get(set) ?? [], i) ?? `/beta${set}/nothing`}`;
    const refresh = async () => {
      // Runs and operations are made by the service: learn their ids as a client would, by listing.
      for (const template of ['/external/industryData/runs', '/external/industryData/operations']) {
        const list = await call(sim, 'GET', `/beta${template}?$top=50`);
        known.set(
          template,
          (list.json?.value ?? []).map((item: { id: string }) => `/beta${template}/${item.id}`),
        );
      }
    };

    const step = fc
      .tuple(
        fc.nat(),
        fc.nat(),
        fc.nat(20),
        fc.jsonValue({ maxDepth: 3 }),
        fc.string({ maxLength: 40 }),
        fc.constantFrom('', 'Bearer x', 'Bearer a.b.c', 'Basic abc'),
      )
      .map(([i, j, kind, json, text, badToken]): Step => {
        const op = operations[i % operations.length] as OperationModel;
        const missing = j % 11 === 0;
        // A third of the requests carry query options (most operations refuse most of them).
        const query = j % 3 === 0 ? (pick(queries, j) ?? '') : '';
        const path = `${pathFor(op, j, missing)}${query ? `?${query}` : ''}`;
        const method = op.method.toUpperCase();
        const examples = examplesOf(op);
        const example = pick(examples, j);
        if (kind === 0) return { kind: 'advance', ms: [1000, 5000, 60_000, 13 * 3600_000][j % 4] ?? 1000 };
        if (kind === 1) return { kind: 'request', method, path, body: json };
        if (kind === 2) return { kind: 'request', method, path, raw: text };
        if (kind === 3)
          return { kind: 'request', method: ['PUT', 'HEAD', 'OPTIONS', 'PATCH'][j % 4] ?? 'PUT', path };
        if (kind === 4) return { kind: 'request', method, path, headers: { authorization: badToken } };
        if (kind === 5)
          return {
            kind: 'request',
            method: 'GET',
            path: `/beta/external/industryData/${encodeURIComponent(text)}`,
          };
        if (kind === 6)
          return {
            kind: 'request',
            method: j % 2 ? 'PUT' : 'GET',
            path: `/upload/${j % 3 ? 'x' : encodeURIComponent(text)}/orgs.csv?sig=${j}`,
            raw: 'sourcedId,name,type\n',
            headers: { 'x-ms-blob-type': 'BlockBlob' },
          };
        if (example !== undefined && kind < 15)
          return { kind: 'request', method, path, body: kind % 5 ? rebind(example, entityOf(j)) : example };
        if (example !== undefined && kind < 18) {
          const mutated = { ...(example as Record<string, unknown>) };
          const keys = Object.keys(mutated);
          const key = pick(keys, j);
          if (key) mutated[key] = json;
          return { kind: 'request', method, path, body: mutated };
        }
        return { kind: 'request', method, path };
      });

    let requests = 0;
    // What the fuzz reached, so that it cannot pass by answering 404 to everything.
    const router = createRouter(sim.model);
    const reached = new Set<string>();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 50, maxLength: 50 }), async (steps) => {
        await populate();
        for (const s of steps) {
          if (s.kind === 'advance') {
            await clock.advance(s.ms);
            await refresh();
            continue;
          }
          requests++;
          const response = await call(sim, s.method, s.path, s.raw ?? s.body, s.headers);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status < 300) {
            const found = router.match(s.method, s.path.split('?')[0] ?? '');
            if (found.ok) reached.add(found.operation.id);
          }
          expect(response.status, `${s.method} ${s.path} → ${JSON.stringify(response.json)}`).toBeLessThan(
            500,
          );
          const problems = conformanceProblems(sim, s.method, s.path, response);
          expect(
            problems,
            `${s.method} ${s.path} → ${response.status} ${JSON.stringify(response.json)}`,
          ).toEqual([]);
          if (s.method === 'POST' && response.status === 201 && response.json?.id) {
            const template = operations.find(
              (o) =>
                o.kind === 'create' &&
                s.path.split('?')[0]?.toLowerCase().endsWith(`/${o.set?.name.toLowerCase()}`),
            )?.set?.template;
            if (template) remember(template, `${s.path.split('?')[0]}/${response.json.id}`);
          }
        }
      }),
      { numRuns: 220, seed: 1122 },
    );
    await sim.close();
    expect(requests).toBeGreaterThanOrEqual(10_000);
    // Every operation was answered with success at least once, and every kind of refusal was met.
    expect(operations.filter((o) => !reached.has(o.id)).map((o) => o.id)).toEqual([]);
    for (const status of [400, 401, 404, 405, 409])
      expect(statuses.get(status), `${status}s`).toBeGreaterThan(0);
  }, 240_000);
});
