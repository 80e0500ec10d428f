import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, guid } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const token = tokenWith('IndustryData-TimePeriod.ReadWrite.All');
const auth = { Authorization: bearer(token) };
const json = { ...auth, 'Content-Type': 'application/json' };
const path = '/beta/external/industryData/years';
const yearId = '4d5e6f70-8192-4a3b-8c4d-5e6f70819203';
const api = (url: string) => clientFor(url, { accessToken: token }).external.industryData.years;
const year = {
  displayName: 'School year 2025-26',
  startDate: '2025-09-01',
  endDate: '2026-07-15',
  year: { code: '2025' },
};

/** The update page marks the name and both dates Required: an update sends all three. */
const moved = { displayName: 'School year 2024-25', startDate: '2024-09-01', endDate: '2025-07-18' };

describe('consumer: years', () => {
  it('create a year: 201', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request to create a year')
      .withRequest('POST', path, (b) => b.headers(json).jsonBody(year))
      .willRespondWith(201, (b) =>
        b.jsonBody({
          id: guid(yearId),
          displayName: MatchersV3.string(year.displayName),
          startDate: MatchersV3.date('yyyy-MM-dd', '2025-09-01'),
        }),
      )
      .executeTest(async (server) => {
        const created = await api(server.url).post(year);
        expect(created?.id).toBeTruthy();
        expect(created?.startDate).toBe('2025-09-01');
      });
  });

  it('a year without its dates: 400 naming the required properties', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request to create a year without its dates')
      .withRequest('POST', path, (b) =>
        b.headers(json).jsonBody({ displayName: 'No dates', year: { code: '2025' } }),
      )
      .willRespondWith(400, (b) =>
        b.jsonBody({
          error: {
            code: MatchersV3.string('invalidRequest'),
            details: MatchersV3.eachLike({ code: MatchersV3.equal('required-properties') }),
          },
        }),
      )
      .executeTest(async (server) => {
        await expect(
          api(server.url).post({ displayName: 'No dates', year: { code: '2025' } }),
        ).rejects.toMatchObject({
          status: 400,
        });
      });
  });

  it('list years: 200', async () => {
    await pact
      .addInteraction()
      .given(State.year, { yearId })
      .uponReceiving('a request for the years')
      .withRequest('GET', path, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({ value: MatchersV3.eachLike({ id: MatchersV3.equal(yearId) }) }),
      )
      .executeTest(async (server) => {
        expect((await api(server.url).get())?.value?.[0]?.id).toBe(yearId);
      });
  });

  it('get a year: 200', async () => {
    await pact
      .addInteraction()
      .given(State.year, { yearId })
      .uponReceiving('a request for a year by id')
      .withRequest('GET', `${path}/${yearId}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({ id: MatchersV3.equal(yearId), endDate: MatchersV3.date('yyyy-MM-dd', '2025-07-15') }),
      )
      .executeTest(async (server) => {
        expect((await api(server.url).byYearTimePeriodDefinitionId(yearId).get())?.endDate).toBe(
          '2025-07-15',
        );
      });
  });

  it('update a year: 204', async () => {
    await pact
      .addInteraction()
      .given(State.year, { yearId })
      .uponReceiving('a request to move the end of a year')
      .withRequest('PATCH', `${path}/${yearId}`, (b) => b.headers(json).jsonBody(moved))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          api(server.url).byYearTimePeriodDefinitionId(yearId).patch(moved),
        ).resolves.toBeUndefined();
      });
  });

  it('delete a year: 204', async () => {
    await pact
      .addInteraction()
      .given(State.year, { yearId })
      .uponReceiving('a request to delete a year')
      .withRequest('DELETE', `${path}/${yearId}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(api(server.url).byYearTimePeriodDefinitionId(yearId).delete()).resolves.toBeUndefined();
      });
  });
});
