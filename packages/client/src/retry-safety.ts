import type { RequestAdapter, RequestInformation, RequestOption } from '@microsoft/kiota-abstractions';
import { aroundSends } from './around-sends.js';
import { retrySafeRequests } from './generated/retry-safety.js';

export const retrySafetyKey = 'sds-toolkit.RetrySafety';

/**
 * What the spec says of a request's operation: whether it may be sent again after 429, 503 or 504 without
 * the caller opting in (the generator's `retrySafe`). The retry handler of `defaultMiddleware` reads it.
 */
export class RetrySafety implements RequestOption {
  constructor(readonly retrySafe: boolean) {}

  getKey(): string {
    return retrySafetyKey;
  }
}

/** The request's operation, looked up as the generated table names it: `METHOD uriTemplate`. */
function safety(request: RequestInformation): RetrySafety {
  return new RetrySafety(retrySafeRequests.has(`${request.httpMethod} ${request.urlTemplate}`));
}

/**
 * Wraps a request adapter so that every request a builder sends carries its operation's retry safety. The
 * builders give the adapter a RequestInformation (method and URI template), which is all the lookup needs; the
 * middleware sees only a URL, from which the operation could be told only by matching templates.
 */
export function withRetrySafety(adapter: RequestAdapter): RequestAdapter {
  return aroundSends(adapter, (send, args) => {
    const request = args[0] as RequestInformation;
    request.addRequestOptions([safety(request)]);
    return send(...args);
  });
}
