import {
  BodyInspectionHandler,
  CustomFetchHandler,
  HeadersInspectionHandler,
  type Middleware,
  ParametersNameDecodingHandler,
  RedirectHandler,
  RetryHandler,
  RetryHandlerOptions,
  UrlReplaceHandler,
  UserAgentHandler,
} from '@microsoft/kiota-http-fetchlibrary';
import { EmptyErrorBodyHandler } from './empty-error-body.js';

export interface RetryOptions {
  /** How many times a request is sent again after 429, 503 or 504 (default 3, at most 10). */
  readonly maxRetries?: number;
  /**
   * Retry POST and PATCH too. Off by default: a create retried after a 503 or 504 may have been carried out
   * already, and a second flow set would be made. A single request opts in with
   * `options: [new RetryHandlerOptions()]` in its request configuration.
   */
  readonly nonIdempotent?: boolean;
}

/** Methods a second send cannot change the outcome of (RFC 9110, 9.2.2). */
const idempotent = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Kiota's retry handler (Retry-After, exponential back-off) deciding by method, as `RetryOptions` says. */
export function retryHandler(options: RetryOptions = {}): RetryHandler {
  return new RetryHandler(
    new RetryHandlerOptions({
      ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
      shouldRetry: (_delay, _attempt, _url, init) =>
        options.nonIdempotent === true || idempotent.has((init?.method ?? 'GET').toUpperCase()),
    }),
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
