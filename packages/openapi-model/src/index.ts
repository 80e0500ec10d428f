export {
  countBySeverity,
  type Diagnostic,
  formatDiagnostic,
  type Severity,
  sortDiagnostics,
} from './diagnostic.js';
export { loadSpec, parseSpec, SpecLoadError, schemaNameOfRef } from './load.js';
export * from './openapi.js';
export {
  article,
  byCodePoint,
  compareCodePoints,
  editDistance,
  plural,
  shortName,
  withArticle,
} from './text.js';
export {
  baseTypeChain,
  baseTypeName,
  bodyTypes,
  inheritedProperties,
  isStatusRange,
  type OperationEntry,
  referencedTypes,
  refName,
  schemaBody,
  successResponse,
  successStatus,
  walkOperations,
} from './walk.js';
