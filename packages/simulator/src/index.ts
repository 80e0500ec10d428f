export { createSimulator, type Simulator, type SimulatorOptions } from './app.js';
export { documentedBehaviours } from './behaviours/index.js';
export { startRun } from './behaviours/runs.js';
export { type Clock, ManualClock, systemClock } from './clock.js';
export { Authenticator, authenticate, createToken, Permissions, type Principal } from './core/auth.js';
export type { Behaviour, Env, Outcome, RequestContext, Settings } from './core/context.js';
export { ErrorCode, odataError } from './core/odata-error.js';
export { defaultSettings } from './core/pipeline.js';
export { Problem } from './core/problem.js';
export {
  checkFaultRules,
  FaultConfigError,
  FaultInjector,
  type FaultRule,
  faultFromHeader,
} from './faults.js';
export type { SimRequest, SimResponse } from './http-types.js';
export type { Json } from './json.js';
export { buildModel, type EntitySet, type Model, type OperationModel } from './model/model.js';
export { createRouter, type RouteMatch, type Router } from './router/router.js';
export { type RunningSimulator, type StartOptions, startSimulator } from './server.js';
export { MemoryStore } from './store/memory.js';
export { openStore, type StoreChoice } from './store/open.js';
export { type PostgresOptions, PostgresStore, redactUrl } from './store/postgres.js';
export { type SqliteOptions, SqliteStore } from './store/sqlite.js';
export {
  type Change,
  childCollection,
  DataFileError,
  type Store,
  StoreConflictError,
  StoreOpenError,
  type StoreReader,
  StoreUnavailableError,
  type Written,
} from './store/store.js';
