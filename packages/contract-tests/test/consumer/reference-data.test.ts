import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, odataError } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const token = tokenWith(
  'IndustryData.ReadBasic.All',
  'IndustryData-ReferenceDefinition.Read.All',
  'IndustryData-ReferenceDefinition.ReadWrite.All',
);
/**
 * The create page's permission table is missing from the docs (its include file does not exist), so the
 * simulator takes any industryData write permission there: creating uses the inbound flows' one.
 */
const creator = tokenWith('IndustryData-InboundFlow.ReadWrite.All');
const auth = { Authorization: bearer(token) };
const json = { ...auth, 'Content-Type': 'application/json' };
const creatorJson = { Authorization: bearer(creator), 'Content-Type': 'application/json' };
const roleGroups = '/beta/external/industryData/roleGroups';
const definitions = '/beta/external/industryData/referenceDefinitions';
const api = (url: string, accessToken = token) => clientFor(url, { accessToken }).external.industryData;
const tenantGrade = { referenceType: 'RefGradeLevel', code: 'TestGrade' };

describe('consumer: role groups and reference definitions', () => {
  it('list role groups: 200, the seeded staff and students', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request for the role groups')
      .withRequest('GET', roleGroups, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            id: MatchersV3.string('staff'),
            displayName: MatchersV3.string('Staff'),
            roles: MatchersV3.eachLike({ code: MatchersV3.string('teacher') }),
          }),
        }),
      )
      .executeTest(async (server) => {
        const page = await api(server.url).roleGroups.get();
        expect(page?.value?.[0]?.roles?.[0]?.code).toBeTruthy();
      });
  });

  it('get a role group: 200', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request for the students role group')
      .withRequest('GET', `${roleGroups}/students`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          id: MatchersV3.equal('students'),
          roles: MatchersV3.eachLike({ code: MatchersV3.equal('student') }),
        }),
      )
      .executeTest(async (server) => {
        expect((await api(server.url).roleGroups.byRoleGroupId('students').get())?.id).toBe('students');
      });
  });

  it('list reference definitions: 200, the seeded ones', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request for the reference definitions of a type')
      .withRequest('GET', definitions, (b) =>
        b.headers(auth).query({ $filter: "referenceType eq 'RefGradeLevel'" }),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            id: MatchersV3.string('RefGradeLevel-01'),
            referenceType: MatchersV3.equal('RefGradeLevel'),
            code: MatchersV3.string('01'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const page = await api(server.url).referenceDefinitions.get({
          queryParameters: { filter: "referenceType eq 'RefGradeLevel'" },
        });
        expect(page?.value?.every((d) => d.referenceType === 'RefGradeLevel')).toBe(true);
      });
  });

  it('get a reference definition: 200', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request for a seeded reference definition')
      .withRequest('GET', `${definitions}/RefGradeLevel-01`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          id: MatchersV3.equal('RefGradeLevel-01'),
          code: MatchersV3.equal('01'),
          sortIndex: MatchersV3.integer(60),
        }),
      )
      .executeTest(async (server) => {
        expect(
          (await api(server.url).referenceDefinitions.byReferenceDefinitionId('RefGradeLevel-01').get())
            ?.code,
        ).toBe('01');
      });
  });

  it('create a reference definition: 201, its id made of its type and code', async () => {
    const body = { ...tenantGrade, isDisabled: false, sortIndex: 300, displayName: 'Test grade' };
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request to create a reference definition')
      .withRequest('POST', definitions, (b) => b.headers(creatorJson).jsonBody(body))
      .willRespondWith(201, (b) =>
        b.jsonBody({
          id: MatchersV3.equal('RefGradeLevel-TestGrade'),
          source: MatchersV3.string('Tenant Defined'),
        }),
      )
      .executeTest(async (server) => {
        expect((await api(server.url, creator).referenceDefinitions.post(body))?.id).toBe(
          'RefGradeLevel-TestGrade',
        );
      });
  });

  it('a code already used in its type: 409', async () => {
    const body = { referenceType: 'RefGradeLevel', code: '01', isDisabled: false, sortIndex: 301 };
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request to create a reference definition with a code its type already has')
      .withRequest('POST', definitions, (b) => b.headers(creatorJson).jsonBody(body))
      .willRespondWith(409, (b) => b.jsonBody(odataError('conflict')))
      .executeTest(async (server) => {
        await expect(api(server.url, creator).referenceDefinitions.post(body)).rejects.toMatchObject({
          status: 409,
        });
      });
  });

  // The update page marks sortIndex Required: it goes with every update.
  it('update a reference definition: 204', async () => {
    await pact
      .addInteraction()
      .given(State.referenceDefinition, tenantGrade)
      .uponReceiving('a request to disable a reference definition')
      .withRequest('PATCH', `${definitions}/RefGradeLevel-TestGrade`, (b) =>
        b.headers(json).jsonBody({ displayName: 'Retired grade', isDisabled: true, sortIndex: 900 }),
      )
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          api(server.url)
            .referenceDefinitions.byReferenceDefinitionId('RefGradeLevel-TestGrade')
            .patch({ displayName: 'Retired grade', isDisabled: true, sortIndex: 900 }),
        ).resolves.toBeUndefined();
      });
  });

  it('delete a reference definition: 204', async () => {
    await pact
      .addInteraction()
      .given(State.referenceDefinition, tenantGrade)
      .uponReceiving('a request to delete a reference definition')
      .withRequest('DELETE', `${definitions}/RefGradeLevel-TestGrade`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          api(server.url).referenceDefinitions.byReferenceDefinitionId('RefGradeLevel-TestGrade').delete(),
        ).resolves.toBeUndefined();
      });
  });
});
