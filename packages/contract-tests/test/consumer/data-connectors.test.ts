import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, guid, isoDateTime, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const token = tokenWith('IndustryData-DataConnector.ReadWrite.All', 'IndustryData-DataConnector.Upload');
const auth = { Authorization: bearer(token) };
const json = { ...auth, 'Content-Type': 'application/json' };
const NS = 'microsoft.graph.industryData';
const path = '/beta/external/industryData/dataConnectors';
const sourceId = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
const connectorId = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';
const sourceBind = `https://graph.microsoft.com/beta/external/industryData/sourceSystems/${sourceId}`;
const api = (url: string) => clientFor(url, { accessToken: token }).external.industryData.dataConnectors;
const connector = (url: string) => api(url).byIndustryDataConnectorId(connectorId);

describe('consumer: data connectors', () => {
  it('create an Azure Data Lake connector bound to its source system: 201', async () => {
    await pact
      .addInteraction()
      .given(State.sourceSystem, { sourceId })
      .uponReceiving('a request to create an Azure Data Lake connector bound to its source system')
      .withRequest('POST', path, (b) =>
        b.headers(json).jsonBody({
          '@odata.type': `#${NS}.azureDataLakeConnector`,
          displayName: 'SIS CSV export',
          'sourceSystem@odata.bind': sourceBind,
        }),
      )
      .willRespondWith(201, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.azureDataLakeConnector`),
          id: guid(connectorId),
          displayName: MatchersV3.string('SIS CSV export'),
        }),
      )
      .executeTest(async (server) => {
        const created = await api(server.url).post({
          odataType: `#${NS}.azureDataLakeConnector`,
          displayName: 'SIS CSV export',
          additionalData: { 'sourceSystem@odata.bind': sourceBind },
        });
        expect(created?.odataType).toBe(`#${NS}.azureDataLakeConnector`);
        expect(created?.id).toBeTruthy();
      });
  });

  it('create a OneRoster API connector: its client secret is sent, and never answered', async () => {
    const credential = {
      '@odata.type': `#${NS}.oAuth2ClientCredential`,
      displayName: 'OneRoster credentials',
      clientId: '0a6c5d1e-3f7b-4e2a-9c8d-1b2a3c4d5e6f',
      clientSecret: 'kept-by-the-service',
      tokenUrl: 'https://sis.example/oauth/token',
    };
    const body = {
      '@odata.type': `#${NS}.oneRosterApiDataConnector`,
      displayName: 'OneRoster connector',
      apiFormat: 'oneRoster',
      baseUrl: 'https://sis.example/ims/oneroster/v1p1',
      apiVersion: '1.1',
      isDemographicsEnabled: false,
      isFlagsEnabled: false,
      isContactsEnabled: false,
      credential,
      'sourceSystem@odata.bind': sourceBind,
    };
    await pact
      .addInteraction()
      .given(State.sourceSystem, { sourceId })
      .uponReceiving('a request to create a OneRoster API connector with OAuth 2 client credentials')
      .withRequest('POST', path, (b) => b.headers(json).jsonBody(body))
      .willRespondWith(201, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.oneRosterApiDataConnector`),
          id: guid(connectorId),
          credential: {
            '@odata.type': odataType(`${NS}.oAuth2ClientCredential`),
            clientId: MatchersV3.equal(credential.clientId),
          },
        }),
      )
      .executeTest(async (server) => {
        const { 'sourceSystem@odata.bind': bind, '@odata.type': _type, credential: c, ...rest } = body;
        const { '@odata.type': _credentialType, ...secret } = c;
        const created = await api(server.url).post({
          odataType: `#${NS}.oneRosterApiDataConnector`,
          ...rest,
          credential: { odataType: `#${NS}.oAuth2ClientCredential`, ...secret },
          additionalData: { 'sourceSystem@odata.bind': bind },
        });
        expect(created?.odataType).toBe(`#${NS}.oneRosterApiDataConnector`);
        // The credential is a OneRoster API connector's: its type says so, and narrows the union.
        const answered =
          created?.odataType === `#${NS}.oneRosterApiDataConnector` ? created.credential : undefined;
        expect(answered?.clientId).toBe(credential.clientId);
        expect(answered?.clientSecret).toBeUndefined();
      });
  });

  it('list data connectors: 200', async () => {
    await pact
      .addInteraction()
      .given(State.connector, { connectorId, sourceId })
      .uponReceiving('a request for the data connectors')
      .withRequest('GET', path, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            '@odata.type': odataType(`${NS}.azureDataLakeConnector`),
            id: MatchersV3.equal(connectorId),
          }),
        }),
      )
      .executeTest(async (server) => {
        const page = await api(server.url).get();
        expect(page?.value?.[0]?.id).toBe(connectorId);
      });
  });

  it('get a data connector with its source system: 200', async () => {
    await pact
      .addInteraction()
      .given(State.connector, { connectorId, sourceId })
      .uponReceiving('a request for a data connector with its source system expanded')
      .withRequest('GET', `${path}/${connectorId}`, (b) => b.headers(auth).query({ $expand: 'sourceSystem' }))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.azureDataLakeConnector`),
          id: MatchersV3.equal(connectorId),
          sourceSystem: { id: MatchersV3.equal(sourceId) },
        }),
      )
      .executeTest(async (server) => {
        const got = await connector(server.url).get({ queryParameters: { expand: ['sourceSystem'] } });
        expect(got?.sourceSystem?.id).toBe(sourceId);
      });
  });

  it('update a data connector: 204', async () => {
    const body = { '@odata.type': `#${NS}.azureDataLakeConnector`, displayName: 'SIS export (2025)' };
    await pact
      .addInteraction()
      .given(State.connector, { connectorId, sourceId })
      .uponReceiving('a request to rename a data connector')
      .withRequest('PATCH', `${path}/${connectorId}`, (b) => b.headers(json).jsonBody(body))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(
          connector(server.url).patch({
            odataType: `#${NS}.azureDataLakeConnector`,
            displayName: body.displayName,
          }),
        ).resolves.toBeUndefined();
      });
  });

  it('delete a data connector: 204', async () => {
    await pact
      .addInteraction()
      .given(State.connector, { connectorId, sourceId })
      .uponReceiving('a request to delete a data connector')
      .withRequest('DELETE', `${path}/${connectorId}`, (b) => b.headers(auth))
      .willRespondWith(204)
      .executeTest(async (server) => {
        await expect(connector(server.url).delete()).resolves.toBeUndefined();
      });
  });

  it('get an upload session: 200, a URL to upload the CSV files to', async () => {
    await pact
      .addInteraction()
      .given(State.connector, { connectorId, sourceId })
      .uponReceiving('a request for an upload session of an Azure Data Lake connector')
      .withRequest(
        'GET',
        `${path}/${connectorId}/microsoft.graph.industryData.azureDataLakeConnector/getUploadSession`,
        (b) => b.headers(auth),
      )
      .willRespondWith(200, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.fileUploadSession`),
          containerId: MatchersV3.string('container-1'),
          sessionUrl: MatchersV3.regex(
            /^https?:\/\/\S+[?&]sig=\S+$/,
            'https://upload.example/container-1?sig=abc',
          ),
          sessionExpirationDateTime: isoDateTime(),
          containerExpirationDateTime: isoDateTime(),
        }),
      )
      .executeTest(async (server) => {
        const session = await connector(server.url).graphAzureDataLakeConnector.getUploadSession.get();
        expect(session?.sessionUrl).toMatch(/sig=/);
        expect(session?.containerId).toBeTruthy();
      });
  });

  it('validate a data connector: 202, the operation to follow in Location', async () => {
    await pact
      .addInteraction()
      .given(State.connector, { connectorId, sourceId })
      .uponReceiving('a request to validate the files of a data connector')
      .withRequest('POST', `${path}/${connectorId}/validate`, (b) => b.headers(auth))
      .willRespondWith(202, (b) =>
        b.headers({
          Location: MatchersV3.regex(
            /^https?:\/\/\S+\/external\/industryData\/operations\/[^/]+$/,
            'https://graph.microsoft.com/beta/external/industryData/operations/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
          ),
        }),
      )
      .executeTest(async (server) => {
        await expect(connector(server.url).validate.post()).resolves.toBeUndefined();
      });
  });
});
