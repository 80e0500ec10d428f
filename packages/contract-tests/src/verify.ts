import { Verifier } from '@pact-foundation/pact';
import { type RunningSimulator, startSimulator } from '@sds-toolkit/simulator';
import { brokerFromEnv, gitVersion } from './broker.js';
import { pactFile, providerName } from './names.js';
import { stateHandlers } from './states.js';

export interface VerifyOptions {
  /** Verify against this base URL instead of an in-process simulator (a deliberately wrong provider, say). */
  readonly providerBaseUrl?: string;
  /** The simulator whose store the provider states seed (needed with providerBaseUrl when it fronts one). */
  readonly simulator?: RunningSimulator;
  readonly pactUrls?: readonly string[];
  /** Publish verification results to the broker (when PACT_BROKER_BASE_URL is set). */
  readonly publish?: { readonly version: string; readonly branch?: string | undefined };
}

/** Replays the pacts against the simulator (started on a free port unless given), seeding state per interaction. */
export async function verifyProvider(options: VerifyOptions = {}): Promise<void> {
  const simulator = options.simulator ?? (await startSimulator({ readinessDelayMs: 60_000 }));
  // With a broker configured, verification results are recorded there under the git version.
  const publish = options.publish ?? (brokerFromEnv() ? gitVersion() : undefined);
  try {
    const handlers = stateHandlers({
      simulator: simulator.simulator,
      throttleNext: () => simulator.simulator.injectFault({ status: 429, retryAfter: 1, count: 1 }),
    });
    await new Verifier({
      provider: providerName,
      providerBaseUrl: options.providerBaseUrl ?? simulator.origin,
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
    if (!options.simulator) await simulator.close();
  }
}
