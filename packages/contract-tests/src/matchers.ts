import { MatchersV3 } from '@pact-foundation/pact';

/**
 * Matchers that fit Graph. Graph ids are GUID-shaped but not always RFC 4122 (sequential SQL GUIDs such as
 * 8ac3c08f-6f93-465b-4bd9-08dc4ac773d0), so the GUID matcher is lenient.
 */
export const guid = (example: string) =>
  MatchersV3.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, example);

/** ISO 8601 date-times as Graph writes them (up to 7 fractional digits, Z or an offset). */
export const isoDateTime = (example = '2024-03-25T21:55:03.495336Z') =>
  MatchersV3.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/, example);

/** `@odata.type` is a literal: the client dispatches on its exact value. */
export const odataType = (fullName: string) => MatchersV3.equal(`#${fullName}`);

/** `Authorization: Bearer <anything>`: the consumer only promises to send a bearer token. */
export const bearer = (token: string) => MatchersV3.regex(/^Bearer \S+$/, `Bearer ${token}`);

/** The OData error envelope the client reads: code and message. */
export const odataError = (code: string, message = 'details') => ({
  error: { code: MatchersV3.equal(code), message: MatchersV3.string(message) },
});
