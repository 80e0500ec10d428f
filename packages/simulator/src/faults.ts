import { editDistance } from '@sds-toolkit/openapi-model';

/** Injected failures, for testing how clients cope: throttling (429 + Retry-After), outages (503), latency. */
export interface FaultRule {
  readonly status?: 429 | 503;
  /** Seconds, or 'http-date' to send Retry-After as an HTTP date that many seconds ahead (`retryAfterSeconds`). */
  readonly retryAfter?: number | 'http-date';
  readonly retryAfterSeconds?: number;
  readonly latencyMs?: number;
  /** Share of matching requests it applies to (0..1); default 1. */
  readonly probability?: number;
  /** How many matching requests it applies to; default: all. */
  readonly count?: number;
  /** Only this HTTP method. */
  readonly method?: string;
  /** Only paths containing this text (case-insensitive). */
  readonly path?: string;
}

export interface Fault {
  readonly status: 429 | 503 | undefined;
  readonly retryAfter: string | undefined;
  readonly latencyMs: number;
}

/** Thrown when a faults file or header cannot be read; the message says what is expected. */
export class FaultConfigError extends Error {
  override readonly name = 'FaultConfigError';
}

const faultKeys = [
  'status',
  'retryAfter',
  'retryAfterSeconds',
  'latencyMs',
  'probability',
  'count',
  'method',
  'path',
];
const methods = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
/** A minute: longer makes a test wait for nothing, and Graph itself asks for seconds. */
const maxLatencyMs = 60_000;
/** A day of Retry-After is already more than any client should honour. */
const maxRetryAfter = 86_400;

export function checkFaultRules(value: unknown, where: string): FaultRule[] {
  const rules = (value as { faults?: unknown } | null)?.faults ?? value;
  if (!Array.isArray(rules))
    throw new FaultConfigError(
      `${where}: expected { faults: [ { status, retryAfter, latencyMs, probability, count, method, path } ] }`,
    );
  return rules.map((r, i) => {
    const at = `${where}: fault ${i}`;
    if (typeof r !== 'object' || r === null || Array.isArray(r))
      throw new FaultConfigError(`${at} is not an object`);
    const rule = r as Record<string, unknown>;
    for (const key of Object.keys(rule))
      if (!faultKeys.includes(key)) {
        const near = [...faultKeys]
          .map((k) => ({ k, d: k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(k, key) }))
          .sort((a, b) => a.d - b.d)
          .find((c) => c.d <= Math.max(2, Math.floor(key.length / 4)))?.k;
        throw new FaultConfigError(
          `${at}: unknown key '${key}'${near ? `; did you mean '${near}'?` : ''} (keys: ${faultKeys.join(', ')})`,
        );
      }
    if (rule.status !== undefined && rule.status !== 429 && rule.status !== 503)
      throw new FaultConfigError(`${at}: status must be 429 or 503`);
    if (
      rule.retryAfter !== undefined &&
      rule.retryAfter !== 'http-date' &&
      !(
        Number.isInteger(rule.retryAfter) &&
        (rule.retryAfter as number) >= 0 &&
        (rule.retryAfter as number) <= maxRetryAfter
      )
    )
      throw new FaultConfigError(
        `${at}: retryAfter must be a whole number of seconds (0..${maxRetryAfter}) or 'http-date', not ${JSON.stringify(rule.retryAfter)}`,
      );
    if (
      rule.retryAfterSeconds !== undefined &&
      !(
        Number.isInteger(rule.retryAfterSeconds) &&
        (rule.retryAfterSeconds as number) >= 0 &&
        (rule.retryAfterSeconds as number) <= maxRetryAfter
      )
    )
      throw new FaultConfigError(
        `${at}: retryAfterSeconds must be a whole number of seconds (0..${maxRetryAfter})`,
      );
    if (
      rule.latencyMs !== undefined &&
      !(
        typeof rule.latencyMs === 'number' &&
        Number.isFinite(rule.latencyMs) &&
        rule.latencyMs >= 0 &&
        rule.latencyMs <= maxLatencyMs
      )
    )
      throw new FaultConfigError(
        `${at}: latencyMs must be 0..${maxLatencyMs} ms, not ${JSON.stringify(rule.latencyMs)}`,
      );
    if (
      rule.probability !== undefined &&
      !(typeof rule.probability === 'number' && rule.probability >= 0 && rule.probability <= 1)
    )
      throw new FaultConfigError(`${at}: probability must be between 0 and 1`);
    if (rule.count !== undefined && !(Number.isInteger(rule.count) && (rule.count as number) >= 0))
      throw new FaultConfigError(`${at}: count must be a whole number, 0 or more`);
    if (
      rule.method !== undefined &&
      (typeof rule.method !== 'string' || !methods.includes(rule.method.toUpperCase()))
    )
      throw new FaultConfigError(`${at}: method must be one of ${methods.join(', ')}`);
    if (rule.path !== undefined && typeof rule.path !== 'string')
      throw new FaultConfigError(`${at}: path must be text`);
    return rule as FaultRule;
  });
}

function retryAfterValue(
  rule: Pick<FaultRule, 'retryAfter' | 'retryAfterSeconds'>,
  now: number,
): string | undefined {
  if (rule.retryAfter === undefined) return undefined;
  if (rule.retryAfter === 'http-date')
    return new Date(now + (rule.retryAfterSeconds ?? 1) * 1000).toUTCString();
  return String(rule.retryAfter);
}

/** Parses `x-sds-fault: status=429; retry-after=2; latency=100` (retry-after may be `http-date:5`). */
export function faultFromHeader(header: string, now = Date.now()): Fault {
  const fields = new Map<string, string>();
  for (const part of header.split(';')) {
    const [key, ...rest] = part.split('=');
    if (key?.trim()) fields.set(key.trim().toLowerCase(), rest.join('=').trim());
  }
  const status = fields.has('status') ? Number(fields.get('status')) : undefined;
  if (status !== undefined && status !== 429 && status !== 503)
    throw new FaultConfigError('x-sds-fault: status must be 429 or 503');
  const latency = Number(fields.get('latency') ?? 0);
  if (!Number.isFinite(latency) || latency < 0 || latency > 60_000)
    throw new FaultConfigError('x-sds-fault: latency must be 0..60000 ms');
  const retry = fields.get('retry-after');
  const httpDate = /^http-date(?::(\d{1,5}))?$/.exec(retry ?? '');
  if (retry !== undefined && !httpDate && !/^\d{1,5}$/.test(retry))
    throw new FaultConfigError(
      `x-sds-fault: retry-after takes seconds or http-date[:seconds], not '${retry.slice(0, 40)}'`,
    );
  return {
    status,
    retryAfter: httpDate ? new Date(now + Number(httpDate[1] ?? 1) * 1000).toUTCString() : retry,
    latencyMs: latency,
  };
}

/** Decides, request by request, which configured fault applies. */
export class FaultInjector {
  private readonly rules: FaultRule[];
  private readonly used: number[];

  constructor(
    rules: readonly FaultRule[],
    private readonly random: () => number = Math.random,
  ) {
    this.rules = [...rules];
    this.used = rules.map(() => 0);
  }

  /** Adds a rule at run time (tests arm a fault for the next request). */
  add(rule: FaultRule): void {
    this.rules.push(rule);
    this.used.push(0);
  }

  next(method: string, path: string, now = Date.now()): Fault | undefined {
    for (const [i, rule] of this.rules.entries()) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.path && !path.toLowerCase().includes(rule.path.toLowerCase())) continue;
      if (rule.count !== undefined && (this.used[i] ?? 0) >= rule.count) continue;
      if (rule.probability !== undefined && this.random() >= rule.probability) continue;
      this.used[i] = (this.used[i] ?? 0) + 1;
      return { status: rule.status, retryAfter: retryAfterValue(rule, now), latencyMs: rule.latencyMs ?? 0 };
    }
    return undefined;
  }
}
