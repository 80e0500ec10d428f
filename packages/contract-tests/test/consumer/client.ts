import { setTimeout as delay } from 'node:timers/promises';
import {
  createIndustryDataAdapter,
  createIndustryDataClient,
  type IndustryDataClient,
} from '@sds-toolkit/client';
import { createToken } from '@sds-toolkit/simulator';

/**
 * Tokens the simulator accepts when the pact is replayed. They are fixed (issued 2026-01-01, valid until 2100), so
 * that the pact is byte-identical from run to run: a token issued "now" made every run a new pact version for
 * the broker, and piled up copies of interactions in the merged pact file.
 */
const issuedAt = Date.UTC(2026, 0, 1) / 1000;
const validFor = Date.UTC(2100, 0, 1) / 1000 - issuedAt;
export const token = createToken({
  scopes: ['IndustryData-OutboundFlow.ReadWrite.All'],
  issuedAt,
  expiresInSeconds: validFor,
});
export const readOnlyToken = createToken({
  scopes: ['IndustryData-OutboundFlow.Read.All'],
  issuedAt,
  expiresInSeconds: validFor,
});

/** A fixed token with the scopes an area's permission tables list (each test file asks for its own). */
export const tokenWith = (...scopes: string[]) =>
  createToken({ scopes, issuedAt, expiresInSeconds: validFor });

/**
 * Pact 16.3+ records a request's match on a separate task *after* answering it, so under CPU load the test can
 * finish before the match is recorded and fail with "expected but not received" although the request was
 * answered (pact-foundation/pact-reference#535, pact-core-mock-server#13; we saw it about once in ten runs).
 * Until the fix ships, every response waits a moment before reaching the client, time for the match to land.
 */
async function fetchThenLetPactRecord(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  await delay(25);
  return response;
}

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
      fetch: fetchThenLetPactRecord,
      // Retries only where a test is about retrying: elsewhere each call is one interaction.
      ...(options.retries ? {} : { middleware: [] }),
    }),
  );
}

/**
 * A model as it goes on the wire, for the body an interaction expects: `odataType` as `@odata.type`, and
 * `additionalData` (the `@odata.bind` links) among the properties. Nested values are written as they are: a
 * test with a nested derived type (a connector's credential) writes its wire body out in full.
 */
export function wire({
  odataType,
  additionalData,
  ...properties
}: {
  odataType?: string | null;
  additionalData?: Record<string, unknown>;
}): Record<string, unknown> {
  return { ...(odataType ? { '@odata.type': odataType } : {}), ...properties, ...additionalData };
}
