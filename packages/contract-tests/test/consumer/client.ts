import {
  createIndustryDataAdapter,
  createIndustryDataClient,
  type IndustryDataClient,
} from '@sds-toolkit/client';
import { createToken } from '@sds-toolkit/simulator';

/** A token the simulator accepts when the pact is replayed (long-lived: pacts may be verified later). */
export const token = createToken({
  scopes: ['IndustryData-OutboundFlow.ReadWrite.All'],
  expiresInSeconds: 10 * 365 * 24 * 3600,
});
export const readOnlyToken = createToken({
  scopes: ['IndustryData-OutboundFlow.Read.All'],
  expiresInSeconds: 10 * 365 * 24 * 3600,
});

/** The generated client against the Pact mock server, as an SDS script would build it. */
export function clientFor(
  mockServerUrl: string,
  options: { accessToken?: string | null; retries?: boolean } = {},
): IndustryDataClient {
  const accessToken = options.accessToken === undefined ? token : options.accessToken;
  return createIndustryDataClient(
    createIndustryDataAdapter({
      baseUrl: `${mockServerUrl}/beta`,
      ...(accessToken ? { accessToken } : {}),
      // Retries only where a test is about retrying: elsewhere each call is one interaction.
      ...(options.retries ? {} : { middleware: [] }),
    }),
  );
}
