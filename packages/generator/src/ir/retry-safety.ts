import type { HttpMethod, OperationObject } from '@sds-toolkit/openapi-model';
import { GeneratorInputError } from './build-models.js';

/**
 * The spec's mark on an operation that may (true) or may not (false) be sent again without asking, where the
 * method alone says otherwise: a POST action the docs describe as having no further effect when repeated, or
 * a GET function that makes something each time.
 */
export const retrySafeExtension = 'x-sds-retry-safe';

/**
 * Methods a second send cannot change the outcome of (RFC 9110, 9.2.2). PATCH is not one: the RFC does not
 * make it idempotent (RFC 5789, 2), and a body a service applies relative to the current state would apply
 * twice. POST creates, or runs an action.
 */
const idempotentMethods: ReadonlySet<HttpMethod> = new Set(['get', 'put', 'delete']);

/**
 * Whether the default middleware may send the operation again after 429, 503 or 504 without the caller
 * opting in: the spec's mark when it has one, else whether the method is idempotent. The industryData docs
 * describe neither action as safe to repeat: `reset` reprovisions all current data as on a first run
 * (industrydata-provisioningflow-reset), and `validate` finalizes the upload session and starts a long-running
 * operation (industrydata-filevalidateoperation); so no operation of that spec carries the mark.
 */
export function retrySafe(method: HttpMethod, operation: OperationObject, where: string): boolean {
  const marked = operation[retrySafeExtension];
  if (marked === undefined) return idempotentMethods.has(method);
  if (typeof marked !== 'boolean')
    throw new GeneratorInputError(
      `${where}: ${retrySafeExtension} is ${JSON.stringify(marked)}; it must be true or false`,
    );
  return marked;
}
