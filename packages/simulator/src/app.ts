import { documentedBehaviours } from './behaviours/index.js';
import { createSimulator as createCore, type Simulator, type SimulatorOptions } from './core/pipeline.js';

export type { Simulator, SimulatorOptions };

/** A simulator of the spec with every documented behaviour (or those `options.behaviours` names). */
export function createSimulator(options: SimulatorOptions): Promise<Simulator> {
  return createCore(options, options.behaviours ?? documentedBehaviours);
}
