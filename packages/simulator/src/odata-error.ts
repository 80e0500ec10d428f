import { randomUUID } from 'node:crypto';
import type { RuleDiagnostic } from '@sds-toolkit/rules';
import type { SimResponse } from './http-types.js';

/** The error codes the simulator answers with, as Graph names them. */
export const ErrorCode = {
  badRequest: 'BadRequest',
  invalidRequest: 'invalidRequest',
  unauthorized: 'InvalidAuthenticationToken',
  forbidden: 'Authorization_RequestDenied',
  notFound: 'ResourceNotFound',
  methodNotAllowed: 'MethodNotAllowed',
  conflict: 'Conflict',
  payloadTooLarge: 'RequestEntityTooLarge',
  unsupportedMediaType: 'UnsupportedMediaType',
  tooManyRequests: 'TooManyRequests',
  serviceUnavailable: 'ServiceUnavailable',
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
    date: now.toISOString().replace(/\.\d{3}Z$/, ''),
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
