// The errors requests reject with, for callers that do not depend on the client themselves.
export { IndustryDataError } from '@sds-toolkit/client';
export {
  type ApiOptions,
  defaultRetryPolicy,
  type RetryPolicy,
  type TenantApi,
  ThrottledError,
  tenantApi,
  type WaitEvent,
} from './api.js';
export { type ApplyEvents, type ApplyReport, applyPlan, type DoneStep, type FailedStep } from './apply.js';
export { MissingSecretError } from './bodies.js';
export {
  checkBaseUrl,
  connect,
  graphBeta,
  hasEnvironmentCredential,
  isLocal,
  type Target,
  TargetError,
  type TargetOptions,
} from './connect.js';
export { duplicateNames, exportSetUp, secretVariables } from './export.js';
export { type Finding, formatFinding } from './file/source.js';
export { type Kind, type KindName, kinds } from './kinds.js';
export { ConfigFileError, defaultToolkit, type LoadedFile, loadFile, type Toolkit } from './load.js';
export { buildConfigModel, type ConfigModel } from './model.js';
export { type Action, type Change, type Plan, PlanError, plan, type Step } from './plan.js';
export {
  type Colours,
  describeStep,
  doneLine,
  hasChanges,
  noColours,
  planJson,
  planText,
  reportJson,
  reportText,
  summaryOf,
  waitLine,
} from './render.js';
export { buildFileSchema, type JsonSchema, schemaFileName, schemaText } from './schema.js';
export { schemaPath } from './schema-file.js';
export {
  applySetUp,
  checkPlanned,
  exportTenant,
  MissingSecretsError,
  type Planned,
  planSetUp,
} from './session.js';
export type { ConfigObject, CurrentObject, DesiredObject } from './setup.js';
export { readTenant, secretVariable, type TenantState } from './tenant.js';
