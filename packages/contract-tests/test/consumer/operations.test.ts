import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const token = tokenWith('IndustryData.ReadBasic.All');
const auth = { Authorization: bearer(token) };
const NS = 'microsoft.graph.industryData';
const path = '/beta/external/industryData/operations';
const connectorId = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const operationId = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const api = (url: string) => clientFor(url, { accessToken: token }).external.industryData.operations;

describe('consumer: long-running operations', () => {
  it('list the long-running operations: 200', async () => {
    await pact
      .addInteraction()
      .given(State.failedValidation, { connectorId, operationId })
      .uponReceiving('a request for the long-running operations')
      .withRequest('GET', path, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          value: MatchersV3.eachLike({
            '@odata.type': odataType(`${NS}.fileValidateOperation`),
            id: MatchersV3.equal(operationId),
            status: MatchersV3.regex(/^(notStarted|running|succeeded|failed|skipped)$/, 'failed'),
          }),
        }),
      )
      .executeTest(async (server) => {
        const page = await api(server.url).get();
        expect(page?.value?.[0]?.id).toBe(operationId);
      });
  });

  it('a validation without its required files: failed, the missing files as errors and the optional ones as warnings', async () => {
    await pact
      .addInteraction()
      .given(State.failedValidation, { connectorId, operationId })
      .uponReceiving('a request for a validation that failed')
      .withRequest('GET', `${path}/${operationId}`, (b) => b.headers(auth))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          '@odata.type': odataType(`${NS}.fileValidateOperation`),
          id: MatchersV3.equal(operationId),
          status: MatchersV3.equal('failed'),
          errors: MatchersV3.eachLike({
            code: MatchersV3.equal('RequiredFileNotFound'),
            target: MatchersV3.string('users.csv'),
          }),
          warnings: MatchersV3.eachLike({
            code: MatchersV3.equal('OptionalFileNotFound'),
            target: MatchersV3.string('classes.csv'),
          }),
          validatedFiles: MatchersV3.eachLike('orgs.csv'),
        }),
      )
      .executeTest(async (server) => {
        const operation = await api(server.url).byLongRunningOperationId(operationId).get();
        expect(operation?.status).toBe('failed');
        // publicError's properties are defined outside the industryData docs: the client keeps them as data.
        expect(operation?.errors?.[0]?.additionalData?.code).toBe('RequiredFileNotFound');
        expect(operation?.validatedFiles).toContain('orgs.csv');
      });
  });
});
