import type { RuleDiagnostic } from '@sds-toolkit/rules';
import { ErrorCode } from './odata-error.js';

type Code = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A request the simulator refuses, thrown from any stage and answered as Graph's OData error: status, code,
 * a message saying what to do, the rules' diagnostics as details, extra headers (Retry-After, Allow).
 */
export class Problem extends Error {
  override readonly name = 'Problem';

  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details: readonly RuleDiagnostic[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: readonly RuleDiagnostic[]) =>
  new Problem(400, ErrorCode.badRequest, message, details);
export const notFound = (message: string) => new Problem(404, ErrorCode.notFound, message);
export const conflict = (message: string, details?: readonly RuleDiagnostic[]) =>
  new Problem(409, ErrorCode.conflict, message, details);

/** 400 `invalidRequest` for the rules' errors (the first in the message, all in details); none: undefined. */
export function invalid(diagnostics: readonly RuleDiagnostic[]): Problem | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const [first] = errors;
  if (!first) return undefined;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more in details)` : '';
  return new Problem(
    400,
    ErrorCode.invalidRequest,
    `[${first.ruleId}] ${first.path || '/'}: ${first.message}${more}`,
    errors,
  );
}
