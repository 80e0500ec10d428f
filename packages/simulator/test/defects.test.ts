import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkFaultRules,
  createToken,
  FaultConfigError,
  type RunningSimulator,
  startSimulator,
} from '../src/index.js';
import { call, newSimulator } from './harness.js';

/** One regression test per defect the issue names (#16, "Why"). */

const sets = '/beta/external/industryData/outboundProvisioningFlowSets';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const signed = (claims: unknown, secret: string, header: unknown = { alg: 'HS256', typ: 'JWT' }) => {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);

describe('paging and links', () => {
  it('$top=0 answers no @odata.nextLink (a client following links stops)', async () => {
    const sim = await newSimulator();
    await call(sim, 'POST', sets, { displayName: 'a' });
    const r = await call(sim, 'GET', `${sets}?$top=0&$count=true`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ value: [], '@odata.count': 1 });
    expect(r.json).not.toHaveProperty('@odata.nextLink');
  });

  it('links are built from the configured base URL, never from the request path (/.//external/… is no host)', async () => {
    const sim = await newSimulator({ baseUrl: 'http://sim.test:4010' });
    for (const name of ['a', 'b']) await call(sim, 'POST', sets, { displayName: name });
    expect(
      (await call(sim, 'GET', '/.//external/industryData/outboundProvisioningFlowSets?$top=1')).status,
    ).toBe(404);
    const r = await call(sim, 'GET', '//beta//external/industryData//OUTBOUNDprovisioningflowsets?$top=1');
    expect(r.status).toBe(200);
    expect(r.json['@odata.nextLink']).toBe(
      'http://sim.test:4010/beta/external/industryData/outboundProvisioningFlowSets?$top=1&$skip=1',
    );
    expect(r.json['@odata.context']).toMatch(/^http:\/\/sim\.test:4010\/beta\/\$metadata#/);
  });
});

describe('tokens', () => {
  it('claims that decode to null are a 401, not a 500', async () => {
    const sim = await newSimulator();
    const r = await call(sim, 'GET', sets, undefined, {
      authorization: `Bearer ${b64({ alg: 'none' })}.${b64(null)}.`,
    });
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('InvalidAuthenticationToken');
  });

  it.each([
    [
      'a wrong aud',
      { aud: 'https://example.com', exp: now() + 600, scp: 'IndustryData-OutboundFlow.Read.All' },
      /not for Microsoft Graph/,
    ],
    ['no aud', { exp: now() + 600, scp: 'IndustryData-OutboundFlow.Read.All' }, /not for Microsoft Graph/],
    [
      'a future nbf',
      {
        aud: 'https://graph.microsoft.com',
        nbf: now() + 600,
        exp: now() + 1200,
        scp: 'IndustryData-OutboundFlow.Read.All',
      },
      /not valid yet/,
    ],
    [
      'a string exp',
      {
        aud: 'https://graph.microsoft.com',
        exp: String(now() + 600),
        scp: 'IndustryData-OutboundFlow.Read.All',
      },
      /exp/,
    ],
  ])('with a secret, %s is a 401', async (_name, claims, message) => {
    const sim = await newSimulator({ secret: 's3cret' });
    const r = await call(sim, 'GET', sets, undefined, {
      authorization: `Bearer ${signed(claims, 's3cret')}`,
    });
    expect(r.status).toBe(401);
    expect(r.json.error.message).toMatch(message);
  });

  it('with a secret, an unsigned (alg none) token is a 401 even with a signature', async () => {
    const sim = await newSimulator({ secret: 's3cret' });
    const claims = {
      aud: 'https://graph.microsoft.com',
      exp: now() + 600,
      scp: 'IndustryData-OutboundFlow.Read.All',
    };
    const r = await call(sim, 'GET', sets, undefined, {
      authorization: `Bearer ${signed(claims, 's3cret', { alg: 'none' })}`,
    });
    expect(r.status).toBe(401);
  });

  it('a delegated token (scp: read) with roles (write) cannot write: roles of a user are not Graph permissions', async () => {
    const sim = await newSimulator();
    const token = `${b64({ alg: 'none' })}.${b64({
      aud: 'https://graph.microsoft.com',
      exp: now() + 600,
      scp: 'IndustryData-OutboundFlow.Read.All',
      roles: ['IndustryData-OutboundFlow.ReadWrite.All'],
    })}.`;
    const write = await call(sim, 'POST', sets, { displayName: 'x' }, { authorization: `Bearer ${token}` });
    expect(write.status).toBe(403);
    expect((await call(sim, 'GET', sets, undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

describe('query options', () => {
  it('$filter of 15,000 spaces is read in one pass and answered 400 (no quadratic split)', async () => {
    const sim = await newSimulator();
    const r = await call(
      sim,
      'GET',
      `${sets}?$filter=${encodeURIComponent(`displayName${' '.repeat(15_000)}eq`)}`,
    );
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/\$filter/);
  });

  it.each([
    ['$select=nope', /Could not find a property named 'nope'/],
    ['$expand=nope', /Could not find a navigation property named 'nope'/],
    ["$filter=nope eq 'x'", /Could not find a property named 'nope'/],
    ['$orderby=nope', /Could not find a property named 'nope'/],
  ])('%s is a 400, as Graph answers', async (option, message) => {
    const sim = await newSimulator();
    const r = await call(sim, 'GET', `${sets}?${option}`);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('badRequest');
    expect(r.json.error.message).toMatch(message);
  });

  it('$select with $expand keeps the expansion', async () => {
    const sim = await newSimulator();
    const set = await call(sim, 'POST', sets, { displayName: 's' });
    await call(sim, 'POST', `${sets}/${set.json.id}/provisioningFlows`, {
      '@odata.type': '#microsoft.graph.industryData.userProvisioningFlow',
      createUnmatchedUsers: true,
    });
    const r = await call(sim, 'GET', `${sets}/${set.json.id}?$select=displayName&$expand=provisioningFlows`);
    expect(r.status).toBe(200);
    expect(r.json.displayName).toBe('s');
    expect(r.json).not.toHaveProperty('createdDateTime');
    expect(r.json.provisioningFlows).toHaveLength(1);
  });
});

describe('keys', () => {
  it("an upper-case GUID and the key form outboundProvisioningFlowSets('id') find the set", async () => {
    const sim = await newSimulator();
    const { id } = (await call(sim, 'POST', sets, { displayName: 'k' })).json;
    for (const path of [
      `${sets}/${id.toUpperCase()}`,
      `${sets}('${id}')`,
      `${sets}(${id})`,
      `${sets}('${id.toUpperCase()}')`,
    ]) {
      const r = await call(sim, 'GET', path);
      expect(r.status, path).toBe(200);
      expect(r.json.id).toBe(id);
    }
  });
});

describe('requests Node refuses before the simulator, and bodies', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.close());
  const token = createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] });

  const raw = (text: string): Promise<string> =>
    new Promise((resolve, reject) => {
      const url = new URL(sim.origin);
      const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
      let answer = '';
      socket.on('data', (d) => {
        answer += d.toString();
      });
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });

  it('an unknown method gets an OData error (400), not an empty answer', async () => {
    const answer = await raw('FROB /beta/external/industryData HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error).toMatchObject({
      code: 'badRequest',
    });
  });

  it('headers over 16 KB get an OData error (431)', async () => {
    const answer = await raw(
      `GET /beta/external/industryData HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(17_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe(
      'requestHeaderFieldsTooLarge',
    );
  });

  it('a 50 MB Content-Length is refused (413) before the body is read', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        `${sim.url}/external/industryData/outboundProvisioningFlowSets`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-length': String(50 * 1024 * 1024),
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      // Only the headers and a few bytes are sent: the answer must come without the rest.
      req.write('{"displayName":');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('payloadTooLarge');
  });

  it('a client that sends all of a body over the limit reads the 413, not a reset connection', async () => {
    // Answered at once, then the connection was destroyed under a client still sending: fetch failed with
    // ECONNRESET now and then, with a declared length or chunked. Each must read the 413.
    const chunk = new TextEncoder().encode('x'.repeat(100_000));
    for (let i = 0; i < 8; i++) {
      const body =
        i % 2
          ? 'x'.repeat(6_000_000)
          : new ReadableStream({
              start(c) {
                for (let n = 0; n < 60; n++) c.enqueue(chunk);
                c.close();
              },
            });
      const response = await fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('payloadTooLarge');
    }
  });

  it('a body that is not UTF-8 is a 400, never stored with U+FFFD', async () => {
    const body = Buffer.concat([Buffer.from('{"displayName":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const response = await fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.message).toMatch(/UTF-8/);
    const list = (await (
      await fetch(`${sim.url}/external/industryData/outboundProvisioningFlowSets`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as any;
    expect(list.value).toEqual([]);
  });
});

describe('the faults file', () => {
  it.each([
    [{ faults: [{ status: 429, retryAfter: 'abc' }] }, /retryAfter must be a whole number of seconds/],
    [{ faults: [{ latencyMs: 1e10 }] }, /latencyMs must be 0\.\.60000/],
    [
      { faults: [{ status: 429, retryAfterSecs: 2 }] },
      /unknown key 'retryAfterSecs'; did you mean 'retryAfterSeconds'/,
    ],
    [{ faults: [{ count: -1 }] }, /count must be a whole number/],
    [{ faults: [{ method: 'FETCH' }] }, /method must be one of/],
  ])('refuses %j', (config, message) => {
    expect(() => checkFaultRules(config, 'faults.yaml')).toThrow(FaultConfigError);
    expect(() => checkFaultRules(config, 'faults.yaml')).toThrow(message);
  });

  it('refuses retry-after=abc in the x-sds-fault header (400)', async () => {
    const sim = await newSimulator();
    const r = await call(sim, 'GET', sets, undefined, { 'x-sds-fault': 'status=429; retry-after=abc' });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/retry-after/);
  });
});

describe('PATCH of a flow configuration', () => {
  it('replaces the configuration as a whole, as the update page requires it whole (README)', async () => {
    const sim = await newSimulator();
    const set = await call(sim, 'POST', sets, { displayName: 'p' });
    const flows = `${sets}/${set.json.id}/provisioningFlows`;
    const flow = await call(sim, 'POST', flows, {
      '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
      configuration: { additionalAttributes: ['courseTitle'], additionalOptions: { createTeam: true } },
    });
    const patch = await call(sim, 'PATCH', `${flows}/${flow.json.id}`, {
      '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
      configuration: { additionalAttributes: ['classCode'] },
    });
    expect(patch.status).toBe(204);
    const after = await call(sim, 'GET', `${flows}/${flow.json.id}`);
    expect(after.json.configuration).toEqual({ additionalAttributes: ['classCode'] });
    // Without the configuration, the update page's Required column refuses it.
    const without = await call(sim, 'PATCH', `${flows}/${flow.json.id}`, {
      '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
    });
    expect(without.status).toBe(400);
    expect(without.json.error.details.map((d: any) => d.code)).toContain('required-properties');
  });
});
