import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, conformanceProblems, newSimulator } from './harness.js';

const NS = '#microsoft.graph.industryData.';
const root = '/beta/external/industryData/outboundProvisioningFlowSets';

const flowBody = fc.oneof(
  fc.constant({
    '@odata.type': `${NS}classGroupProvisioningFlow`,
    configuration: { additionalAttributes: ['courseTitle'] },
  }),
  fc.constant({ '@odata.type': `${NS}userProvisioningFlow`, createUnmatchedUsers: true }),
  fc.constant({
    '@odata.type': `${NS}securityGroupProvisioningFlow`,
    creationOptions: { createBasedOnRoleGroup: true },
  }),
  fc.constant({
    '@odata.type': `${NS}administrativeUnitProvisioningFlow`,
    creationOptions: { createBasedOnOrg: true },
  }),
  fc.jsonValue({ maxDepth: 3 }),
);
const setBody = fc.oneof(
  fc.record({ displayName: fc.string({ maxLength: 10 }) }),
  fc.record({
    displayName: fc.string(),
    filter: fc.record({
      '@odata.type': fc.constant(`${NS}basicFilter`),
      attribute: fc.constantFrom('orgExternalId', 'x'),
      in: fc.array(fc.string()),
    }),
  }),
  fc.jsonValue({ maxDepth: 3 }),
);
const rawText = fc.oneof(
  fc.string(),
  fc.constant('{'),
  fc.constant('\uFEFF{}'),
  fc.constant('['.repeat(200)),
);

type Step = { method: string; path: string; body?: unknown; raw?: string; headers?: Record<string, string> };

describe('fuzz: 10,000+ generated valid and malformed requests', () => {
  it('never crashes, never answers 5xx (but injected 503), always answers errors as valid OData errors', async () => {
    const sim = await newSimulator();
    let requests = 0;
    const known: { sets: string[]; flows: [string, string][] } = { sets: [], flows: [] };
    const pick = <T>(xs: T[], i: number, fallback: T): T =>
      xs.length > 0 ? (xs[i % xs.length] as T) : fallback;
    const step = fc
      .tuple(
        fc.nat(),
        fc.nat(),
        setBody,
        flowBody,
        rawText,
        fc.nat(12),
        fc.constantFrom('', 'Bearer x', 'Bearer a.b.c'),
      )
      .map(([i, j, sb, fb, raw, kind, badToken]): Step => {
        const set = pick(known.sets, i, 'missing');
        const [fs, flow] = pick(known.flows, j, ['missing', 'missing'] as [string, string]);
        switch (kind) {
          case 0:
            return { method: 'POST', path: root, body: sb };
          case 1:
            return { method: 'GET', path: `${root}?$top=${i % 5}&$skip=${j % 3}&$count=true` };
          case 2:
            return { method: 'PATCH', path: `${root}/${set}`, body: sb };
          case 3:
            return { method: 'DELETE', path: `${root}/${set}` };
          case 4:
            return { method: 'POST', path: `${root}/${set}/provisioningFlows`, body: fb };
          case 5:
            return { method: 'PATCH', path: `${root}/${fs}/provisioningFlows/${flow}`, body: fb };
          case 6:
            return { method: 'POST', path: `${root}/${fs}/provisioningFlows/${flow}/reset` };
          case 7:
            return {
              method: 'GET',
              path: `${root}/${fs}/provisioningFlows/${flow}?$select=id,readinessStatus`,
            };
          case 8:
            return { method: 'POST', path: root, raw };
          case 9:
            return { method: ['PUT', 'HEAD', 'OPTIONS'][i % 3] ?? 'PUT', path: `${root}/${set}` };
          case 10:
            return { method: 'GET', path: `/beta/external/industryData/${raw.replace(/[?#]/g, '')}` };
          case 11:
            return { method: 'GET', path: root, headers: { authorization: badToken } };
          default:
            return { method: 'DELETE', path: `${root}/${fs}/provisioningFlows/${flow}` };
        }
      });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 50, maxLength: 50 }), async (steps) => {
        for (const s of steps) {
          requests++;
          const response = await call(sim, s.method, s.path, s.raw ?? s.body, s.headers);
          expect(response.status, `${s.method} ${s.path}`).toBeLessThan(500);
          const problems = conformanceProblems(sim, s.method, s.path, response);
          expect(
            problems,
            `${s.method} ${s.path} → ${response.status} ${JSON.stringify(response.json)}`,
          ).toEqual([]);
          if (s.method === 'POST' && response.status === 201) {
            if (s.path === root) known.sets.push(String(response.json.id));
            else known.flows.push([s.path.split('/')[5] ?? '', String(response.json.id)]);
          }
        }
      }),
      { numRuns: 210, seed: 1122 },
    );
    await sim.close();
    expect(requests).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});
