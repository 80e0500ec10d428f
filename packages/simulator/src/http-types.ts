/** A request as the simulator sees it: transport-free, so tests and the fuzzer can call it directly. */
export interface SimRequest {
  readonly method: string;
  /** Path and query, e.g. `/beta/external/industryData/outboundProvisioningFlowSets?$top=2`. */
  readonly url: string;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The raw body text, if any. */
  readonly body: string | undefined;
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** JSON body (serialized by the transport), or undefined for none. */
  readonly body: unknown;
  /** `body` as JSON text, when the renderer had it at hand (the same bytes as `JSON.stringify(body)`). */
  readonly jsonText?: string;
  /** A body that is not JSON (an uploaded file read back), sent as is. */
  readonly text?: string;
  /** Milliseconds to wait before answering (fault injection). */
  readonly delayMs?: number;
}
