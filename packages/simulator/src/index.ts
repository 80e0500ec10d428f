export { createSimulator, type Simulator, type SimulatorOptions } from './app.js';
export { authenticate, createToken, Permissions, type Principal } from './auth.js';
export {
  checkFaultRules,
  FaultConfigError,
  FaultInjector,
  type FaultRule,
  faultFromHeader,
} from './faults.js';
export type { SimRequest, SimResponse } from './http-types.js';
export { ErrorCode, odataError } from './odata-error.js';
export { type RunningSimulator, type StartOptions, startSimulator } from './server.js';
export { DataFileError, type Json, type Mutation, Store } from './store.js';
