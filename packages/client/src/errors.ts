import type { RequestAdapter } from '@microsoft/kiota-abstractions';
import { aroundSends } from './around-sends.js';

/**
 * An error answered by the service, in Graph's OData error shape, with what is needed to act on it or to
 * report it to Microsoft: code, message, HTTP status, request-id, client-request-id and date.
 */
export class IndustryDataError extends Error {
  override readonly name = 'IndustryDataError';
  /** The OData error code (`error.code`), e.g. `NotFound`, `Conflict`; `unknownError` when the body had none. */
  readonly code: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly clientRequestId: string | undefined;
  /** When the service answered, from `innerError.date` or the `Date` header. */
  readonly date: string | undefined;
  /** Seconds to wait before retrying, from `Retry-After` (429, 503). */
  readonly retryAfterSeconds: number | undefined;
  /** The `error.details` array, as sent. */
  readonly details: readonly unknown[];
  /** Response headers, lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(init: {
    code: string;
    message: string;
    status?: number | undefined;
    requestId?: string | undefined;
    clientRequestId?: string | undefined;
    date?: string | undefined;
    retryAfterSeconds?: number | undefined;
    details?: readonly unknown[];
    headers?: Record<string, string>;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.clientRequestId = init.clientRequestId;
    this.date = init.date;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.details = init.details ?? [];
    this.headers = init.headers ?? {};
  }
}

interface ThrownByKiota {
  error?: {
    code?: string | null;
    message?: string | null;
    details?: unknown[] | null;
    innerError?: { requestId?: string | null; clientRequestId?: string | null; date?: string | null } | null;
  } | null;
  responseStatusCode?: number;
  responseHeaders?: Record<string, string[]>;
  message?: string;
}

function retryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Turns what the Kiota adapter throws for an error response into an IndustryDataError; other errors pass through. */
export function toIndustryDataError(thrown: unknown, now = Date.now()): unknown {
  if (thrown instanceof IndustryDataError || typeof thrown !== 'object' || thrown === null) return thrown;
  const raw = thrown as ThrownByKiota;
  if (raw.responseStatusCode === undefined) return thrown;
  const headers = Object.fromEntries(
    Object.entries(raw.responseHeaders ?? {}).map(([k, v]) => [k.toLowerCase(), v.join(',')]),
  );
  const inner = raw.error?.innerError;
  const code = raw.error?.code ?? 'unknownError';
  const message =
    raw.error?.message ??
    raw.message ??
    `the service answered ${raw.responseStatusCode} without an error message`;
  return new IndustryDataError({
    code,
    message: `${message} (${raw.responseStatusCode} ${code})`,
    status: raw.responseStatusCode,
    requestId: inner?.requestId ?? headers['request-id'],
    clientRequestId: inner?.clientRequestId ?? headers['client-request-id'],
    date: inner?.date ?? headers.date,
    retryAfterSeconds: retryAfter(headers['retry-after'], now),
    details: raw.error?.details ?? [],
    headers,
    cause: thrown,
  });
}

/**
 * Wraps a request adapter so that every `send*` rejects with an IndustryDataError for error responses.
 * Everything else (base URL, serializers, middleware, authentication) is the wrapped adapter's own. `now` is
 * the clock a `Retry-After` date is read against (tests inject one).
 */
export function withIndustryDataErrors(
  adapter: RequestAdapter,
  now: () => number = Date.now,
): RequestAdapter {
  return aroundSends(adapter, async (send, args) => {
    try {
      return await send(...args);
    } catch (error) {
      throw toIndustryDataError(error, now());
    }
  });
}
