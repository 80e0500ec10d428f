import { randomUUID } from 'node:crypto';
import type { RuleDiagnostic } from '@sds-toolkit/rules';
import type { SimResponse } from '../http-types.js';

/**
 * The error codes the simulator answers with, camelCase as Graph documents them (learn.microsoft.com/graph/errors,
 * /graph/workbook-error-codes), the transport's own as their HTTP reason phrase in camelCase; the two
 * authentication codes are the ones Graph itself sends, spelt as it does.
 */
export const ErrorCode = {
  badRequest: 'badRequest',
  invalidRequest: 'invalidRequest',
  unauthorized: 'InvalidAuthenticationToken',
  forbidden: 'Authorization_RequestDenied',
  notFound: 'notFound',
  methodNotAllowed: 'methodNotAllowed',
  conflict: 'conflict',
  payloadTooLarge: 'payloadTooLarge',
  headersTooLarge: 'requestHeaderFieldsTooLarge',
  unsupportedMediaType: 'unsupportedMediaType',
  tooManyRequests: 'tooManyRequests',
  serviceUnavailable: 'serviceUnavailable',
  notImplemented: 'notImplemented',
  internal: 'generalException',
} as const;

export interface RequestIds {
  readonly requestId: string;
  readonly clientRequestId: string;
  readonly date: string;
}

export function newRequestIds(clientRequestId: string | undefined, now: Date): RequestIds {
  const requestId = randomUUID();
  return {
    requestId,
    clientRequestId: clientRequestId ?? requestId,
    date: now.toISOString().slice(0, 19),
  };
}

export function baseHeaders(ids: RequestIds): Record<string, string> {
  return { 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId };
}

/** An error in Graph's OData shape: `{ error: { code, message, details?, innerError: { date, request-id, client-request-id } } }`. */
export function odataError(
  status: number,
  code: string,
  message: string,
  ids: RequestIds,
  details?: readonly RuleDiagnostic[],
  headers: Record<string, string> = {},
): SimResponse {
  return {
    status,
    headers: { ...baseHeaders(ids), 'content-type': 'application/json', ...headers },
    body: {
      error: {
        code,
        message,
        ...(details && details.length > 0
          ? { details: details.map((d) => ({ code: d.ruleId, message: d.message, target: d.path || '/' })) }
          : {}),
        innerError: { date: ids.date, 'request-id': ids.requestId, 'client-request-id': ids.clientRequestId },
      },
    },
  };
}
