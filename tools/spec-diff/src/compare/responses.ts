import {
  isStatusRange,
  type OperationObject,
  successResponse,
  successStatus,
} from '@sds-toolkit/openapi-model';
import type { OperationPair } from '../context.js';
import { typeText } from './types.js';

export interface StatusPair {
  readonly pair: OperationPair;
  readonly before: string | undefined;
  readonly after: string | undefined;
}

/** The success status of each paired operation, where it differs. */
export const statusChanges = (pairs: readonly OperationPair[]): StatusPair[] =>
  pairs
    .map((pair) => ({
      pair,
      before: successStatus(pair.before.operation),
      after: successStatus(pair.after.operation),
    }))
    .filter((s) => s.before !== s.after);

/** A status as JSON: a number, or `2XX` for the range. */
export const statusValue = (status: string | undefined) =>
  status === undefined ? null : isStatusRange(status) ? status : Number(status);

/** The body of the success response: its type as text, or undefined without a body. */
export function responseBody(operation: OperationObject): string | undefined {
  const content = successResponse(operation)?.content;
  if (!content) return undefined;
  const schema = content['application/json']?.schema;
  const items = schema?.properties?.value;
  // A collection response (`{ value: [X], @odata.nextLink }`) is a collection of X.
  if (schema?.type === 'object' && items?.type === 'array') return typeText(items);
  return typeText(schema);
}
