import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, isoDateTime, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const token = tokenWith('IndustryData-Run.Read.All');
const auth = { Authorization: bearer(token) };
const NS = 'microsoft.graph.industryData';
const path = '/beta/external/industryData/runs';
const runId = '8192a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7';
const flowId = '92a3b4c5-d6e7-4f80-91a2-b3c4d5e6f708';
const finished = /^(completed|completedWithErrors|completedWithWarnings|failed)$/;
const api = (url: string) => clientFor(url, { accessToken: token }).external.industryData.runs;

describe('consumer: runs', () => {
  it('list runs: 200', async () => {
    await pact
      .addInteraction()
      .given(State.completedRun, { runId, flowId })
      .uponReceiving('a request for the runs')
      .withRequest('GET', path, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            id: MatchersV3.equal(runId),
            status: MatchersV3.regex(finished, 'completed'),
          }),
        }),
      )
      .executeTest(async (server) => {
        expect((await api(server.url).get())?.value?.[0]?.id).toBe(runId);
      });
  });

  it('get a run with its activities: 200, finished', async () => {
    await pact
      .addInteraction()
      .given(State.completedRun, { runId, flowId })
      .uponReceiving('a request for a finished run with its activities')
      .withRequest('GET', `${path}/${runId}`, (b) => b.headers(auth).query({ $expand: 'activities' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          id: MatchersV3.equal(runId),
          status: MatchersV3.regex(finished, 'completed'),
          startDateTime: isoDateTime(),
          endDateTime: isoDateTime(),
          activities: MatchersV3.eachLike({
            '@odata.type': odataType(`${NS}.inboundFlowActivity`),
            status: MatchersV3.string('completed'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const run = await api(server.url)
          .byIndustryDataRunId(runId)
          .get({ queryParameters: { expand: ['activities'] } });
        expect(run?.endDateTime).toBeTruthy();
        expect(run?.activities?.[0]?.odataType).toBe(`#${NS}.inboundFlowActivity`);
      });
  });

  it("get a run's statistics: 200, totals read from the files", async () => {
    await pact
      .addInteraction()
      .given(State.completedRun, { runId, flowId })
      .uponReceiving('a request for the statistics of a finished run')
      .withRequest('GET', `${path}/${runId}/getStatistics`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          runId: MatchersV3.equal(runId),
          status: MatchersV3.regex(finished, 'completed'),
          inboundTotals: {
            organizations: MatchersV3.integer(2),
            people: MatchersV3.integer(3),
            matchedPeopleByRole: MatchersV3.eachLike({
              role: MatchersV3.string('student'),
              count: MatchersV3.integer(2),
            }),
          },
          activityStatistics: MatchersV3.eachLike({
            '@odata.type': odataType(`${NS}.inboundActivityResults`),
            status: MatchersV3.string('completed'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const statistics = await api(server.url).byIndustryDataRunId(runId).getStatistics.get();
        expect(statistics?.runId).toBe(runId);
        expect(statistics?.inboundTotals?.organizations).toBe(2);
        expect(statistics?.activityStatistics?.[0]?.odataType).toBe(`#${NS}.inboundActivityResults`);
      });
  });
});
