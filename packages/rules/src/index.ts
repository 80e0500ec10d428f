// The OpenAPI types the rules' API speaks of (a catalogue's spec, a createValidator argument), from the model
// package bundled into this one.
export type {
  MediaTypeObject,
  OpenApiDocument,
  OperationObject,
  ParameterObject,
  PathItem,
  ResponseObject,
  SchemaObject,
} from '@sds-toolkit/openapi-model';
export {
  buildCatalogue,
  type Catalogue,
  type OperationInfo,
  operationAliases,
  type TypeShape,
} from './catalogue.js';
export { defaultSpecPath, defaultValidator, loadDefaultSpec, loadWireSchemas } from './default.js';
export { learnUrl } from './docs-url.js';
export { checkParsed, maxBytes, maxDepth, type ParsedInput, parsePayload } from './input.js';
export { RequestValidationError, ValidationMiddleware } from './middleware.js';
export { documentedRules, ruleIds } from './rules/index.js';
export { SchemaLayer, type WireSchemas } from './schema-layer.js';
export type {
  FlowSetState,
  Rule,
  RuleDiagnostic,
  RuleFinding,
  RuleSeverity,
  TargetState,
  ValidationContext,
} from './types.js';
export {
  citeFinding,
  createValidator,
  UnknownOperationError,
  type ValidateOptions,
  type Validator,
} from './validator.js';
export type { Visit } from './walk.js';
