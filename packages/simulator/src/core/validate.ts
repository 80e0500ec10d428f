import { shortName, withArticle } from '@sds-toolkit/openapi-model';
import { parsePayload, type Validator } from '@sds-toolkit/rules';
import type { SimRequest } from '../http-types.js';
import { isObject, type Json } from '../json.js';
import type { QueryOptions } from '../query/options.js';
import type { ParsedQueries } from '../query/parsed-queries.js';
import { QueryError } from '../query/query-error.js';
import type { RouteMatch } from '../router/router.js';
import { ErrorCode } from './odata-error.js';
import { badRequest, conflict, invalid, Problem } from './problem.js';

/** Graph refuses request bodies over 4 MB; the simulator over 5 MB (the rules' own limit). */
export const maxBodyBytes = 5 * 1024 * 1024;

export interface Input {
  readonly query: QueryOptions;
  readonly args: Readonly<Record<string, string>>;
  readonly body: Json | undefined;
}

/**
 * The validate stage: the query options against what the operation documents and the type it answers, the
 * body against the schemas and the documented rules (stateless ones; rules that need the state run in the
 * behaviours). Returns what was read, or the problem to answer once authentication has had its say.
 */
export function validateInput(
  queries: ParsedQueries,
  validator: Validator,
  route: RouteMatch,
  request: SimRequest,
  search: string,
): Input | Problem {
  const { operation } = route;
  const name = operation.info.alias ?? operation.id;
  try {
    const { options: query, custom } = queries.read(operation, route.version, search);
    const args = operation.kind === 'function' ? { ...custom, ...route.args } : route.args;
    const text = request.body ?? '';
    if (!operation.info.requestType) {
      // `{}` is an action's parameter object with no parameters (OData JSON §17), as clients send it.
      const emptyParameters = operation.info.method === 'post' && /^\{\s*\}$/.test(text.trim());
      if (text.trim() && !emptyParameters)
        throw badRequest(
          `${name} takes no request body: send none${operation.info.method === 'post' ? " (or {}, an action's empty parameter object)" : ''}`,
        );
      return { query, args, body: undefined };
    }
    if (Buffer.byteLength(text) > maxBodyBytes)
      throw new Problem(413, ErrorCode.payloadTooLarge, `the body is over ${maxBodyBytes} bytes`);
    const contentType = request.headers['content-type'] ?? '';
    if (text && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim()))
      throw new Problem(
        415,
        ErrorCode.unsupportedMediaType,
        `send the body as application/json (got '${contentType || 'no Content-Type'}')`,
      );
    // An empty body is not `null`: say what the operation takes.
    if (!text.trim())
      throw badRequest(
        `the body is empty: ${name} takes ${withArticle(shortName(operation.info.requestType))} as a JSON object`,
      );
    const parsed = parsePayload(text);
    if (!parsed.ok) throw badRequest(parsed.diagnostic.message, [parsed.diagnostic]);
    const diagnostics = validator.validate(operation.info, parsed.value);
    const refused = invalid(diagnostics);
    // A body whose only fault is a second flow of a type (a flow set created with two) conflicts with what a set
    // holds, as a second flow created in a set does: 409, as one-flow-per-type answers, not 400.
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const [second] = errors;
    if (second && errors.every((d) => d.ruleId === 'one-flow-per-type'))
      throw conflict(`[one-flow-per-type] ${second.message}`, errors);
    if (refused) throw refused;
    return { query, args, body: isObject(parsed.value) ? parsed.value : undefined };
  } catch (error) {
    if (error instanceof Problem) return error;
    if (error instanceof QueryError) return badRequest(error.message);
    throw error;
  }
}
