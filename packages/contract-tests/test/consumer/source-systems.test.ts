import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, guid, odataError } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const token = tokenWith('IndustryData-SourceSystem.ReadWrite.All');
const auth = { Authorization: bearer(token) };
const json = { ...auth, 'Content-Type': 'application/json' };
const path = '/beta/external/industryData/sourceSystems';
const sourceId = '3a5c1e0b-8f7d-4b2a-9c6e-0d1f2a3b4c5d';
const roleGroup = (id: string) => `https://graph.microsoft.com/beta/external/industryData/roleGroups/${id}`;
const api = (url: string) => clientFor(url, { accessToken: token }).external.industryData.sourceSystems;

/** A source system whose users match on username, staff first (a bind to a seeded role group in each setting). */
const matching = (group: string) => ({
  matchTarget: { code: 'userPrincipalName' },
  sourceIdentifier: { code: 'username' },
  priorityOrder: 0,
  'roleGroup@odata.bind': roleGroup(group),
});
const asModel = (setting: ReturnType<typeof matching>) => {
  const { 'roleGroup@odata.bind': bind, ...rest } = setting;
  return { ...rest, additionalData: { 'roleGroup@odata.bind': bind } };
};

describe('consumer: source systems', () => {
  it('create a source system: 201, its user matching bound to a role group', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request to create a source system matching users to the staff role group')
      .withRequest('POST', path, (b) =>
        b
          .headers(json)
          .jsonBody({ displayName: 'Student information system', userMatchingSettings: [matching('staff')] }),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody({
          id: guid(sourceId),
          displayName: MatchersV3.string('Student information system'),
          userMatchingSettings: MatchersV3.eachLike({ roleGroup: { id: MatchersV3.equal('staff') } }),
        }),
      )
      .executeTest(async (server) => {
        const created = await api(server.url).post({
          displayName: 'Student information system',
          userMatchingSettings: [asModel(matching('staff'))],
        });
        expect(created?.id).toBeTruthy();
        expect(created?.userMatchingSettings?.[0]?.roleGroup?.id).toBe('staff');
      });
  });

  it('a bind to a role group that does not exist: 400 naming it', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request to create a source system bound to a role group that does not exist')
      .withRequest('POST', path, (b) =>
        b.headers(json).jsonBody({ displayName: 'Broken', userMatchingSettings: [matching('teachers')] }),
      )
      .willRespondWith(400, (b) =>
        b.jsonBody({
          error: { code: MatchersV3.equal('badRequest'), message: MatchersV3.includes('teachers') },
        }),
      )
      .executeTest(async (server) => {
        await expect(
          api(server.url).post({
            displayName: 'Broken',
            userMatchingSettings: [asModel(matching('teachers'))],
          }),
        ).rejects.toMatchObject({ status: 400, code: 'badRequest' });
      });
  });

  it('list source systems: 200', async () => {
    await pact
      .addInteraction()
      .given(State.sourceSystem, { sourceId })
      .uponReceiving('a request for the source systems')
      .withRequest('GET', path, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            id: MatchersV3.equal(sourceId),
            displayName: MatchersV3.string('SIS'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const page = await api(server.url).get();
        expect(page?.value?.map((s) => s.id)).toContain(sourceId);
      });
  });

  it('get a source system: 200', async () => {
    await pact
      .addInteraction()
      .given(State.sourceSystem, { sourceId })
      .uponReceiving('a request for a source system by id')
      .withRequest('GET', `${path}/${sourceId}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({ id: MatchersV3.equal(sourceId), displayName: MatchersV3.string('SIS') }),
      )
      .executeTest(async (server) => {
        expect((await api(server.url).bySourceSystemDefinitionId(sourceId).get())?.id).toBe(sourceId);
      });
  });

  it('update a source system: 204', async () => {
    await pact
      .addInteraction()
      .given(State.sourceSystem, { sourceId })
      // The update page accepts userMatchingSettings and vendor only (not the name).
      .uponReceiving('a request to set the vendor of a source system')
      .withRequest('PATCH', `${path}/${sourceId}`, (b) => b.headers(json).jsonBody({ vendor: 'Contoso SIS' }))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          api(server.url).bySourceSystemDefinitionId(sourceId).patch({ vendor: 'Contoso SIS' }),
        ).resolves.toBeUndefined();
      });
  });

  it('delete a source system: 204', async () => {
    await pact
      .addInteraction()
      .given(State.sourceSystem, { sourceId })
      .uponReceiving('a request to delete a source system')
      .withRequest('DELETE', `${path}/${sourceId}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(api(server.url).bySourceSystemDefinitionId(sourceId).delete()).resolves.toBeUndefined();
      });
  });

  it('an unknown source system: 404', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request for a source system that does not exist')
      .withRequest('GET', `${path}/no-such-source`, (b) => b.headers(auth))
      .willRespondWith(404, (b) => b.jsonBody(odataError('notFound')))
      .executeTest(async (server) => {
        await expect(
          api(server.url).bySourceSystemDefinitionId('no-such-source').get(),
        ).rejects.toMatchObject({
          status: 404,
        });
      });
  });
});
