import type { Behaviour } from './catalogue.js';

export type Outcome = 'passed' | 'failed' | 'not run';

/** One verifier of a behaviour, its outcome, why (a failure's first line, a skip's note), and where it lives. */
export interface VerifierResult {
  readonly kind: string;
  readonly ref: string;
  readonly outcome: Outcome;
  readonly why?: string;
  /** The file that holds the test or step (absolute), and its line where known. */
  readonly file?: string;
  readonly line?: number;
}

export interface BehaviourResult {
  readonly behaviour: Behaviour;
  readonly verifiers: readonly VerifierResult[];
  readonly outcome: Outcome;
}

/** A behaviour fails when a verifier failed, passes when every verifier passed, and else did not run. */
export function behaviourOutcome(verifiers: readonly { readonly outcome: Outcome }[]): Outcome {
  if (verifiers.some((v) => v.outcome === 'failed')) return 'failed';
  if (verifiers.length > 0 && verifiers.every((v) => v.outcome === 'passed')) return 'passed';
  return 'not run';
}
