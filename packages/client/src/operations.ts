import type { RequestConfiguration } from '@microsoft/kiota-abstractions';
import { HeadersInspectionOptions } from '@microsoft/kiota-http-fetchlibrary';
import type { IndustryDataApiClient } from './generated/industryDataClient.js';
import type { AnyLongRunningOperation } from './generated/models/index.js';

/**
 * Sends an action that starts a long-running operation (`validate`: 202 Accepted, the operation's URL in
 * `Location`) and gives that URL: `await operationLocation((c) => connector.validate.post(c))`. Reading the
 * header needs Kiota's headers-inspection middleware, which the default chain and Graph apps' have.
 */
export async function operationLocation(
  send: (requestConfiguration: RequestConfiguration<object>) => Promise<unknown>,
): Promise<string> {
  const inspection = new HeadersInspectionOptions({ inspectResponseHeaders: true });
  await send({ options: [inspection] });
  const location = inspection.getResponseHeaders().get('location')?.values().next().value;
  if (!location)
    throw new Error(
      'the response named no operation (no Location header): the service did not start one, or the adapter has no HeadersInspectionHandler in its middleware',
    );
  return location;
}

export interface WaitOptions {
  /** Time between reads of the operation (default 5000 ms; the service updates it every few seconds). */
  readonly intervalMs?: number;
  /** Give up after this long (default 10 minutes). */
  readonly timeoutMs?: number;
  /** How to wait between reads (tests inject one that does not sleep). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Stops waiting when aborted. */
  readonly signal?: AbortSignal;
}

const finished = new Set(['succeeded', 'failed']);

/** The id in an operation's URL (`…/external/industryData/operations/{id}`), or the id itself. */
function operationId(operation: string): string {
  if (!/^https?:/i.test(operation)) return operation;
  const id = /\/operations\/([^/?#]+)(?:[?#]|$)/.exec(new URL(operation).pathname)?.[1];
  if (!id) throw new Error(`${operation} is not the URL of an industryData operation (…/operations/{id})`);
  return decodeURIComponent(id);
}

/**
 * Reads a long-running operation (by its URL, from `operationLocation`, or its id) until it has succeeded or
 * failed, and gives it as last read: its `status`, and for a file validation its errors and warnings. A failed
 * operation is a result, not an exception; running out of time is one.
 */
export async function waitForOperation(
  client: IndustryDataApiClient,
  operation: string,
  options: WaitOptions = {},
): Promise<AnyLongRunningOperation> {
  const builder = client.external.industryData.operations.byLongRunningOperationId(operationId(operation));
  const interval = options.intervalMs ?? 5000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waited = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const read = await builder.get();
    if (!read) throw new Error(`the operation ${operation} came back empty`);
    if (finished.has(String(read.status))) return read;
    if (waited >= (options.timeoutMs ?? 600_000))
      throw new Error(
        `the operation ${operation} is still ${read.status} after ${waited} ms: gave up waiting`,
      );
    await sleep(interval);
    waited += interval;
  }
}
