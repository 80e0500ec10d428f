export { buildCatalogue, type Catalogue, type OperationInfo, operationAliases } from './catalogue.js';
export { defaultSpecPath, defaultValidator, loadWireSchemas } from './default.js';
export { learnUrl } from './docs-url.js';
export { checkParsed, maxBytes, maxDepth, parsePayload } from './input.js';
export { RequestValidationError, ValidationMiddleware } from './middleware.js';
export { documentedRules, ruleIds } from './rules/index.js';
export { SchemaLayer, type WireSchemas } from './schema-layer.js';
export type { FlowSetState, Rule, RuleDiagnostic, RuleFinding, RuleSeverity, TargetState } from './types.js';
export { createValidator, UnknownOperationError, type ValidateOptions, type Validator } from './validator.js';
