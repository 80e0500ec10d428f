import type { RequestOption } from '@microsoft/kiota-abstractions';
import {
  BodyInspectionHandler,
  CustomFetchHandler,
  HeadersInspectionHandler,
  type Middleware,
  ParametersNameDecodingHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptionKey,
  RetryHandlerOptions,
  UrlReplaceHandler,
  UserAgentHandler,
} from '@microsoft/kiota-http-fetchlibrary';
import { EmptyErrorBodyHandler } from './empty-error-body.js';
import { type RetrySafety, retrySafetyKey } from './retry-safety.js';

export interface RetryOptions {
  /** How many times a request is sent again after 429, 503 or 504 (default 3, at most 10). */
  readonly maxRetries?: number;
  /**
   * Retry every request: creates (POST), updates (PATCH) and actions too. Off by default: a create retried
   * after a 503 or 504 may have been carried out already, and a second flow set would be made. A single request
   * opts in with `options: [new RetryHandlerOptions()]` in its request configuration.
   */
  readonly nonIdempotent?: boolean;
}

/**
 * Methods a second send cannot change the outcome of (RFC 9110, 9.2.2): the rule for a request that does not
 * say what the spec makes of its operation (one the client's builders did not send).
 */
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function retrySafe(init: RequestInit, requestOptions: Record<string, RequestOption> | undefined): boolean {
  // Read by shape, not instanceof: a CommonJS and an ESM copy of this package may meet in one app.
  const marked = requestOptions?.[retrySafetyKey] as Partial<RetrySafety> | undefined;
  if (typeof marked?.retrySafe === 'boolean') return marked.retrySafe;
  return idempotent.has((init.method ?? 'GET').toUpperCase());
}

/**
 * Kiota's retry handler (Retry-After, exponential back-off) for the requests it may send again: those the
 * spec makes retry-safe (the client marks each request with its operation's `RetrySafety`), all of them with
 * `nonIdempotent`, and any request that brings retry options of its own. The others go on once.
 */
class OperationRetryHandler extends RetryHandler {
  constructor(
    options: RetryHandlerOptions,
    private readonly everyRequest: boolean,
  ) {
    super(options);
  }

  override execute(
    url: string,
    requestInit: RequestInit,
    requestOptions?: Record<string, RequestOption>,
  ): Promise<Response> {
    if (
      this.everyRequest ||
      requestOptions?.[RetryHandlerOptionKey] ||
      retrySafe(requestInit, requestOptions)
    )
      return super.execute(url, requestInit, requestOptions);
    if (!this.next) throw new Error('the retry handler needs a next middleware to send the request');
    return this.next.execute(url, requestInit, requestOptions);
  }
}

/**
 * The retry handler of the default chain: Kiota's (Retry-After, exponential back-off), sending a request again
 * after 429, 503 or 504 only when the spec makes its operation retry-safe (GET, PUT, DELETE; no create, update
 * or action), unless `RetryOptions.nonIdempotent` or the request's own `RetryHandlerOptions` opt in.
 */
export function retryHandler(options: RetryOptions = {}): RetryHandler {
  return new OperationRetryHandler(
    new RetryHandlerOptions(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
    options.nonIdempotent === true,
  );
}

/**
 * The middleware `createIndustryDataAdapter` sends through by default, without the fetch handler: Kiota's
 * default chain (redirects, `$` names in query strings, user agent, inspection, URL replacement) with the
 * retry handler of `retryHandler`. To add a middleware of your own (say the rules' ValidationMiddleware):
 * `middleware: [yours, ...defaultMiddleware()]`.
 */
export function defaultMiddleware(options: { readonly retry?: RetryOptions | false } = {}): Middleware[] {
  return [
    ...(options.retry === false ? [] : [retryHandler(options.retry)]),
    new RedirectHandler(),
    new ParametersNameDecodingHandler(),
    new UserAgentHandler(),
    new HeadersInspectionHandler(),
    new BodyInspectionHandler(),
    new UrlReplaceHandler(),
  ];
}

/**
 * The chain a request goes through: the given middleware, then the handler that gives a bodiless error
 * response an OData error body, then the fetch. The fetch handler ends a chain (it calls no next), so the
 * error-body handler goes in front of it; behind it, it would never run. A chain that already ends with a
 * fetch handler keeps it, with the error-body handler put just before it.
 */
export function chainWith(
  middleware: readonly Middleware[],
  send: (url: string, init: RequestInit) => Promise<Response>,
): Middleware[] {
  const last = middleware[middleware.length - 1];
  if (last instanceof CustomFetchHandler)
    return [...middleware.slice(0, -1), new EmptyErrorBodyHandler(), last];
  return [...middleware, new EmptyErrorBodyHandler(), new CustomFetchHandler(send)];
}
