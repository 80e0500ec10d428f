import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { IndustryDataError } from '@sds-toolkit/client';
import { describe, expect, it } from 'vitest';
import { bearer, guid, isoDateTime, odataError, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, readOnlyToken, token } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const sets = '/beta/external/industryData/outboundProvisioningFlowSets';
const setId = '8ac3c08f-6f93-465b-4bd9-08dc4ac773d0';
const NS = 'microsoft.graph.industryData';
const auth = { Authorization: bearer(token) };

describe('consumer: flow sets', () => {
  it('create a flow set: 201 with the stored set', async () => {
    await pact
      .addInteraction()
      .given(State.noFlowSets)
      .uponReceiving('a request to create a flow set for two schools')
      .withRequest('POST', sets, (b) =>
        b.headers({ ...auth, 'Content-Type': 'application/json' }).jsonBody({
          displayName: 'Two schools',
          filter: { '@odata.type': `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1', 'S2'] },
        }),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody({
          id: guid(setId),
          displayName: MatchersV3.string('Two schools'),
          createdDateTime: isoDateTime(),
          filter: { '@odata.type': odataType(`${NS}.basicFilter`), in: MatchersV3.eachLike('S1') },
        }),
      )
      .executeTest(async (server) => {
        const created = await clientFor(server.url).external.industryData.outboundProvisioningFlowSets.post({
          displayName: 'Two schools',
          filter: { odataType: `#${NS}.basicFilter`, attribute: 'orgExternalId', in: ['S1', 'S2'] },
        });
        expect(created?.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(created?.filter?.in).toContain('S1');
      });
  });

  it('list flow sets with paging: value and @odata.nextLink', async () => {
    await pact
      .addInteraction()
      .given(State.flowSets, { ids: 'set-1,set-2,set-3' })
      .uponReceiving('a request for the first page of two flow sets')
      .withRequest('GET', sets, (b) => b.headers(auth).query({ $top: '2' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike(
            { id: MatchersV3.string('set-1'), displayName: MatchersV3.string('Flow set set-1') },
            2,
          ),
          '@odata.nextLink': MatchersV3.regex(
            /^https?:\/\/.*[?&]\$skip=2(&.*)?$/,
            `http://localhost${sets}?$top=2&$skip=2`,
          ),
        }),
      )
      .executeTest(async (server) => {
        const page = await clientFor(server.url).external.industryData.outboundProvisioningFlowSets.get({
          queryParameters: { top: 2 },
        });
        expect(page?.value).toHaveLength(2);
        expect(page?.odataNextLink).toContain('$skip=2');
      });
  });

  it('get a flow set: 200', async () => {
    await pact
      .addInteraction()
      .given(State.flowSet, { setId })
      .uponReceiving('a request for a flow set by id')
      .withRequest('GET', `${sets}/${setId}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({ id: MatchersV3.equal(setId), displayName: MatchersV3.string('Flow set') }),
      )
      .executeTest(async (server) => {
        const set = await clientFor(server.url)
          .external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(setId)
          .get();
        expect(set?.id).toBe(setId);
      });
  });

  it('update a flow set: 204 with no body', async () => {
    await pact
      .addInteraction()
      .given(State.flowSet, { setId })
      .uponReceiving('a request to rename a flow set')
      .withRequest('PATCH', `${sets}/${setId}`, (b) =>
        b.headers({ ...auth, 'Content-Type': 'application/json' }).jsonBody({ displayName: 'Renamed' }),
      )
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          clientFor(server.url)
            .external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(setId)
            .patch({ displayName: 'Renamed' }),
        ).resolves.toBeUndefined();
      });
  });

  it('delete a flow set: 204', async () => {
    await pact
      .addInteraction()
      .given(State.flowSet, { setId })
      .uponReceiving('a request to delete a flow set')
      .withRequest('DELETE', `${sets}/${setId}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          clientFor(server.url)
            .external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId(setId)
            .delete(),
        ).resolves.toBeUndefined();
      });
  });

  it('an unknown id: 404 as a typed error', async () => {
    await pact
      .addInteraction()
      .given(State.noFlowSets)
      .uponReceiving('a request for a flow set that does not exist')
      .withRequest('GET', `${sets}/no-such-set`, (b) => b.headers(auth))
      .willRespondWith(404, (b) => b.jsonBody(odataError('notFound')))
      .executeTest(async (server) => {
        const error = await clientFor(server.url)
          .external.industryData.outboundProvisioningFlowSets.byOutboundProvisioningFlowSetId('no-such-set')
          .get()
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IndustryDataError);
        expect(error).toMatchObject({ status: 404, code: 'notFound' });
      });
  });

  it('no token: 401', async () => {
    await pact
      .addInteraction()
      .given(State.noFlowSets)
      .uponReceiving('a request without an access token')
      .withRequest('GET', sets)
      .willRespondWith(401, (b) => b.jsonBody(odataError('InvalidAuthenticationToken')))
      .executeTest(async (server) => {
        await expect(
          clientFor(server.url, {
            accessToken: null,
          }).external.industryData.outboundProvisioningFlowSets.get(),
        ).rejects.toMatchObject({
          status: 401,
          code: 'InvalidAuthenticationToken',
        });
      });
  });

  it('a read-only scope cannot create: 403', async () => {
    await pact
      .addInteraction()
      .given(State.noFlowSets)
      .uponReceiving('a request to create a flow set with a read-only token')
      .withRequest('POST', sets, (b) =>
        b
          .headers({ Authorization: bearer(readOnlyToken), 'Content-Type': 'application/json' })
          .jsonBody({ displayName: 'Not allowed' }),
      )
      .willRespondWith(403, (b) => b.jsonBody(odataError('Authorization_RequestDenied')))
      .executeTest(async (server) => {
        await expect(
          clientFor(server.url, {
            accessToken: readOnlyToken,
          }).external.industryData.outboundProvisioningFlowSets.post({ displayName: 'Not allowed' }),
        ).rejects.toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
      });
  });

  it('429 with Retry-After, then success: the client retried', async () => {
    // Registered first: the retry (Retry-Attempt: 1) matches this one; the first request cannot.
    pact
      .addInteraction()
      .given(State.flowSets, { ids: 'set-1' })
      .uponReceiving('a retried request for flow sets after throttling')
      .withRequest('GET', sets, (b) => b.headers({ ...auth, 'Retry-Attempt': '1' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ value: MatchersV3.eachLike({ id: MatchersV3.string('set-1') }) }),
      );
    await pact
      .addInteraction()
      .given(State.throttled)
      .uponReceiving('a request for flow sets while the service throttles')
      .withRequest('GET', sets, (b) => b.headers(auth))
      .willRespondWith(429, (b) =>
        b.headers({ 'Retry-After': MatchersV3.regex(/^\d+$/, '1') }).jsonBody(odataError('tooManyRequests')),
      )
      .executeTest(async (server) => {
        const page = await clientFor(server.url, {
          retries: true,
        }).external.industryData.outboundProvisioningFlowSets.get();
        expect(page?.value?.[0]?.id).toBe('set-1');
      });
  });
});
