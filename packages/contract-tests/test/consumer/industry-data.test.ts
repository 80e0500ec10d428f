import { PactV4 } from '@pact-foundation/pact';
import { describe, expect, it } from 'vitest';
import { bearer, odataType } from '../../src/matchers.js';
import { consumerName, pactsDir, providerName } from '../../src/names.js';
import { State } from '../../src/states.js';
import { clientFor, tokenWith } from './client.js';

const pact = new PactV4({ consumer: consumerName, provider: providerName, dir: pactsDir, logLevel: 'warn' });
const token = tokenWith('EduAdministration.Read');

describe('consumer: the industryData root', () => {
  it('get the industryData root: 200', async () => {
    await pact
      .addInteraction()
      .given(State.fresh)
      .uponReceiving('a request for the industryData root')
      .withRequest('GET', '/beta/external/industryData', (b) => b.headers({ Authorization: bearer(token) }))
      .willRespondWith(200, (b) =>
        b.jsonBody({ '@odata.type': odataType('microsoft.graph.industryData.industryDataRoot') }),
      )
      .executeTest(async (server) => {
        const root = await clientFor(server.url, { accessToken: token }).external.industryData.get();
        expect(root?.odataType).toBe('#microsoft.graph.industryData.industryDataRoot');
      });
  });
});
