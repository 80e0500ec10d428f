import { randomUUID } from 'node:crypto';
import { Verifier } from '@pact-foundation/pact';
import { ManualClock, type RunningSimulator, startSimulator } from '@sds-toolkit/simulator';
import { brokerFromEnv, gitVersion } from './broker.js';
import { pactFile, providerName } from './names.js';
import { type StateContext, stateHandlers } from './states.js';

/** The simulator the pact is verified against, with what provider states need to set it up. */
export interface Provider {
  readonly running: RunningSimulator;
  readonly context: StateContext;
}

/**
 * Starts the simulator for verification on a free port: its clock moves only when a provider state moves it
 * (validations and runs finish on demand), and the ids it gives are the ones a state asks for.
 */
export async function startProvider(): Promise<Provider> {
  const clock = new ManualClock();
  const ids: string[] = [];
  const running = await startSimulator({ clock, newId: () => ids.shift() ?? randomUUID() });
  return {
    running,
    context: {
      simulator: running.simulator,
      throttleNext: () => running.simulator.injectFault({ status: 429, retryAfter: 1, count: 1 }),
      nextIds: (...next) => {
        ids.push(...next);
      },
      advance: (ms) => clock.advance(ms),
    },
  };
}

export interface VerifyOptions {
  /** Verify against this base URL instead of the provider's own (a deliberately wrong proxy in front of it). */
  readonly providerBaseUrl?: string;
  /** The provider whose state the provider states set (started here unless given). */
  readonly provider?: Provider;
  readonly pactUrls?: readonly string[];
  /** Publish verification results to the broker (when PACT_BROKER_BASE_URL is set). */
  readonly publish?: { readonly version: string; readonly branch?: string | undefined };
}

/** Replays the pacts against the simulator (started on a free port unless given), seeding state per interaction. */
export async function verifyProvider(options: VerifyOptions = {}): Promise<void> {
  const provider = options.provider ?? (await startProvider());
  // With a broker configured, verification results are recorded there under the git version.
  const publish = options.publish ?? (brokerFromEnv() ? gitVersion() : undefined);
  try {
    const handlers = stateHandlers(provider.context);
    await new Verifier({
      provider: providerName,
      providerBaseUrl: options.providerBaseUrl ?? provider.running.origin,
      pactUrls: [...(options.pactUrls ?? [pactFile])],
      stateHandlers: Object.fromEntries(
        Object.entries(handlers).map(([state, handler]) => [
          state,
          (params?: unknown) => handler((params ?? {}) as Record<string, unknown>),
        ]),
      ),
      logLevel: 'warn',
      ...(publish && process.env.PACT_BROKER_BASE_URL
        ? {
            publishVerificationResult: true,
            providerVersion: publish.version,
            ...(publish.branch ? { providerVersionBranch: publish.branch } : {}),
            pactBrokerUrl: process.env.PACT_BROKER_BASE_URL,
            ...(process.env.PACT_BROKER_TOKEN ? { pactBrokerToken: process.env.PACT_BROKER_TOKEN } : {}),
          }
        : {}),
    }).verifyProvider();
  } finally {
    if (!options.provider) await provider.running.close();
  }
}
