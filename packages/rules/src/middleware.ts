import type { RequestOption } from '@microsoft/kiota-abstractions';
import type { Middleware } from '@microsoft/kiota-http-fetchlibrary';
import { parsePayload } from './input.js';
import type { RuleDiagnostic } from './types.js';
import type { Validator } from './validator.js';

/** A request refused before it left the process: what is wrong with it, rule by rule. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';

  constructor(
    readonly operation: string,
    readonly diagnostics: readonly RuleDiagnostic[],
  ) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(
      `${operation}: the request breaks ${errors.length} documented rule${errors.length === 1 ? '' : 's'}, so it was not sent:\n${errors
        .map((d) => `  ${d.path || '/'} [${d.ruleId}] ${d.message}`)
        .join('\n')}`,
    );
  }
}

/**
 * Kiota middleware that validates every request body against the rules before it is sent, and refuses it with
 * a RequestValidationError when a rule is broken (warnings pass). Requests for paths the spec does not describe
 * pass through untouched. Add it to the chain: `createIndustryDataAdapter({ middleware: [new
 * ValidationMiddleware(validator), ...MiddlewareFactory.getDefaultMiddlewares()] })`.
 */
export class ValidationMiddleware implements Middleware {
  next: Middleware | undefined;

  constructor(private readonly validator: Validator) {}

  async execute(
    url: string,
    requestInit: RequestInit,
    requestOptions?: Record<string, RequestOption>,
  ): Promise<Response> {
    if (!this.next) throw new Error('ValidationMiddleware needs a next middleware to send the request');
    const found = this.validator.catalogue.match(requestInit.method ?? 'GET', new URL(url).pathname);
    if (found?.operation.requestType) {
      const body = requestInit.body;
      const text =
        body === undefined || body === null
          ? ''
          : typeof body === 'string'
            ? body
            : new TextDecoder().decode(body as ArrayBuffer);
      const parsed = text ? parsePayload(text) : { ok: true as const, value: undefined };
      const diagnostics = parsed.ok
        ? this.validator.validate(found.operation, parsed.value)
        : [parsed.diagnostic];
      if (diagnostics.some((d) => d.severity === 'error'))
        throw new RequestValidationError(found.operation.alias ?? found.operation.id, diagnostics);
    }
    return this.next.execute(url, requestInit, requestOptions);
  }
}
