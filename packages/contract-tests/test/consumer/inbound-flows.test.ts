import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import type { InboundFileFlow } from '@sds-toolkit/client';
import { describe, expect, it } from 'vitest';
import { bearer, guid, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith, wire } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
// The flows' own permission, and reading connectors (an inbound flow's dataConnector is read as a connector).
const token = tokenWith('IndustryData-InboundFlow.ReadWrite.All', 'IndustryData-DataConnector.Read.All');
const auth = { Authorization: bearer(token) };
const json = { ...auth, 'Content-Type': 'application/json' };
const NS = 'microsoft.graph.industryData';
const path = '/beta/external/industryData/inboundFlows';
const flowId = '5e6f7081-92a3-4b4c-9d5e-6f708192a3b4';
const connectorId = '6f708192-a3b4-4c5d-8e6f-708192a3b4c5';
const yearId = '708192a3-b4c5-4d6e-9f70-8192a3b4c5d6';
const bind = (set: string, id: string) =>
  `https://graph.microsoft.com/beta/external/industryData/${set}/${id}`;
const api = (url: string) => clientFor(url, { accessToken: token }).external.industryData.inboundFlows;

/** An inbound flow of rostering data from a CSV connector, for a year (`wire` gives the body the service gets). */
const newFlow: InboundFileFlow = {
  odataType: `#${NS}.inboundFileFlow`,
  dataDomain: 'educationRostering',
  displayName: 'Rostering from the SIS',
  effectiveDateTime: '2025-01-01T00:00:00Z',
  additionalData: {
    'dataConnector@odata.bind': bind('dataConnectors', connectorId),
    'year@odata.bind': bind('years', yearId),
  },
};

describe('consumer: inbound flows', () => {
  it('create an inbound file flow: 201, ready', async () => {
    await pact
      .addInteraction()
      .given(State.flowPrerequisites, { connectorId, yearId })
      .uponReceiving('a request to create an inbound file flow from a connector, for a year')
      .withRequest('POST', path, (b) => b.headers(json).jsonBody(wire(newFlow)))
      .willRespondWith(201, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.inboundFileFlow`),
          id: guid(flowId),
          readinessStatus: MatchersV3.equal('ready'),
        }),
      )
      .executeTest(async (server) => {
        const created = await api(server.url).post(newFlow);
        expect(created?.odataType).toBe(`#${NS}.inboundFileFlow`);
        expect(created?.readinessStatus).toBe('ready');
      });
  });

  it('an inbound flow without its data connector: 400 naming the bind', async () => {
    const withoutConnector: InboundFileFlow = {
      ...newFlow,
      additionalData: { 'year@odata.bind': bind('years', yearId) },
    };
    await pact
      .addInteraction()
      .given(State.flowPrerequisites, { connectorId, yearId })
      .uponReceiving('a request to create an inbound flow without its data connector')
      .withRequest('POST', path, (b) => b.headers(json).jsonBody(wire(withoutConnector)))
      .willRespondWith(400, (b) =>
        b.jsonBody({
          error: {
            code: MatchersV3.equal('badRequest'),
            message: MatchersV3.includes('dataConnector@odata.bind'),
          },
        }),
      )
      .executeTest(async (server) => {
        await expect(api(server.url).post(withoutConnector)).rejects.toMatchObject({ status: 400 });
      });
  });

  it('list inbound flows: 200', async () => {
    await pact
      .addInteraction()
      .given(State.inboundFlow, { flowId, connectorId, yearId })
      .uponReceiving('a request for the inbound flows')
      .withRequest('GET', path, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            '@odata.type': odataType(`${NS}.inboundFileFlow`),
            id: MatchersV3.equal(flowId),
          }),
        }),
      )
      .executeTest(async (server) => {
        expect((await api(server.url).get())?.value?.[0]?.id).toBe(flowId);
      });
  });

  it('get an inbound flow with its year: 200', async () => {
    await pact
      .addInteraction()
      .given(State.inboundFlow, { flowId, connectorId, yearId })
      .uponReceiving('a request for an inbound flow with its year expanded')
      .withRequest('GET', `${path}/${flowId}`, (b) => b.headers(auth).query({ $expand: 'year' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.inboundFileFlow`),
          id: MatchersV3.equal(flowId),
          dataDomain: MatchersV3.equal('educationRostering'),
          year: { id: MatchersV3.equal(yearId) },
        }),
      )
      .executeTest(async (server) => {
        const flow = await api(server.url)
          .byInboundFlowId(flowId)
          .get({ queryParameters: { expand: ['year'] } });
        expect(flow?.year?.id).toBe(yearId);
      });
  });

  it('the data connector of an inbound flow: 200, the connector', async () => {
    await pact
      .addInteraction()
      .given(State.inboundFlow, { flowId, connectorId, yearId })
      .uponReceiving('a request for the data connector of an inbound flow')
      .withRequest('GET', `${path}/${flowId}/dataConnector`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.azureDataLakeConnector`),
          id: MatchersV3.equal(connectorId),
        }),
      )
      .executeTest(async (server) => {
        const connector = await api(server.url).byInboundFlowId(flowId).dataConnector.get();
        expect(connector?.id).toBe(connectorId);
      });
  });

  it('update an inbound flow: 204', async () => {
    const update: InboundFileFlow = {
      odataType: `#${NS}.inboundFileFlow`,
      displayName: 'Rostering (spring)',
      // The update page marks the window's start Required: it goes with every update.
      effectiveDateTime: '2025-01-01T00:00:00Z',
      expirationDateTime: '2025-07-01T00:00:00Z',
    };
    await pact
      .addInteraction()
      .given(State.inboundFlow, { flowId, connectorId, yearId })
      .uponReceiving('a request to rename an inbound flow and end it in July')
      .withRequest('PATCH', `${path}/${flowId}`, (b) => b.headers(json).jsonBody(wire(update)))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(api(server.url).byInboundFlowId(flowId).patch(update)).resolves.toBeUndefined();
      });
  });

  it('delete an inbound flow: 204', async () => {
    await pact
      .addInteraction()
      .given(State.inboundFlow, { flowId, connectorId, yearId })
      .uponReceiving('a request to delete an inbound flow')
      .withRequest('DELETE', `${path}/${flowId}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(api(server.url).byInboundFlowId(flowId).delete()).resolves.toBeUndefined();
      });
  });
});
