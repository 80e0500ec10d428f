import type { OpenApiDocument } from '@sds-toolkit/openapi-model';
import { shortName, withArticle } from '@sds-toolkit/openapi-model';
import { buildCatalogue, type Catalogue, type OperationInfo } from './catalogue.js';
import { learnUrl } from './docs-url.js';
import { checkParsed } from './input.js';
import { documentedRules } from './rules/index.js';
import { SchemaLayer, type WireSchemas } from './schema-layer.js';
import type { FlowSetState, Rule, RuleDiagnostic, RuleFinding, TargetState } from './types.js';
import { objects } from './walk.js';

export interface ValidateOptions {
  /** The flow set the body goes to, as the service has it (for one-flow-per-type). */
  readonly flowSet?: FlowSetState;
  /** The flow a PATCH updates (its type must match). */
  readonly target?: TargetState;
}

/** Thrown for an operation name the spec does not have; the message lists the names it does. */
export class UnknownOperationError extends Error {
  override readonly name = 'UnknownOperationError';
}

export interface Validator {
  readonly catalogue: Catalogue;
  readonly rules: readonly Rule[];
  /** Diagnostics for a payload sent to an operation (by id or alias), errors first. */
  validate(operation: string | OperationInfo, payload: unknown, options?: ValidateOptions): RuleDiagnostic[];
}

const order = (d: RuleDiagnostic) => (d.severity === 'error' ? 0 : 1);

/**
 * A rule's finding with the address of its page on learn.microsoft.com, as the validator answers it: for a rule
 * run on its own (the simulator checks an update merged with what it stores).
 */
export const citeFinding = (finding: RuleFinding): RuleDiagnostic => ({
  ...finding,
  url: learnUrl(finding.docs) ?? finding.docs,
});

/** Compiles the schemas once and returns a validator over the spec's operations. */
export function createValidator(
  spec: OpenApiDocument,
  schemas: WireSchemas,
  rules: readonly Rule[] = documentedRules,
): Validator {
  const catalogue = buildCatalogue(spec);
  const schemaLayer = new SchemaLayer(schemas, catalogue);
  const resolve = (operation: string | OperationInfo): OperationInfo => {
    if (typeof operation !== 'string') return operation;
    const found = catalogue.find(operation);
    if (!found) {
      throw new UnknownOperationError(
        `unknown operation '${operation}'; known: ${[...catalogue.operations.values()].map((o) => (o.alias ? `${o.alias} (${o.id})` : o.id)).join(', ')}`,
      );
    }
    return found;
  };
  return {
    catalogue,
    rules,
    validate(operation, payload, options = {}) {
      const op = resolve(operation);
      const tooDeep = checkParsed(payload);
      if (tooDeep) return [tooDeep];
      if (!op.requestType) {
        // An action's parameters are a JSON object, one member each (OData JSON §17): with none, `{}` is that object.
        const noParameters =
          op.method === 'post' &&
          typeof payload === 'object' &&
          payload !== null &&
          !Array.isArray(payload) &&
          Object.keys(payload).length === 0;
        return payload === undefined || payload === null || noParameters
          ? []
          : [
              citeFinding({
                ruleId: 'no-body',
                severity: 'error',
                path: '',
                message: `${op.alias ?? op.id} takes no request body: send none${op.method === 'post' ? " (or {}, an action's empty parameter object)" : ''}`,
                docs: op.docs[0] ?? '',
              }),
            ];
      }
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
        return [
          citeFinding({
            ruleId: 'schema',
            severity: 'error',
            path: '',
            message: `the body must be a JSON object (${withArticle(shortName(op.requestType))}), not ${Array.isArray(payload) ? 'an array' : payload === null ? 'null' : `a ${typeof payload}`}`,
            docs: op.docs[0] ?? '',
          }),
        ];
      }
      const context = {
        operation: op,
        payload,
        flowSet: options.flowSet,
        target: options.target,
        catalogue,
        objects: objects(catalogue, payload, op.requestType),
      };
      const found: RuleDiagnostic[] = [];
      for (const rule of rules) for (const d of rule.check(context)) found.push(citeFinding(d));
      const schema = schemaLayer.check(op.requestType, payload);
      if (found.length === 0) return schema;
      // A property the rules already explained is not repeated by the schema layer.
      const explained = new Set(found.map((d) => d.path));
      for (const d of schema) if (!explained.has(d.path)) found.push(d);
      return found.sort((a, b) => order(a) - order(b));
    },
  };
}
