import { defaultValidator } from '@sds-toolkit/rules';
import {
  createSimulator,
  createToken,
  ManualClock,
  type SimRequest,
  type Simulator,
  startRun,
} from '@sds-toolkit/simulator';
import { expect } from 'vitest';
import type { ScenarioStep } from '../../src/scenarios.js';
import { allScopes, loadSpec } from '../../src/spec.js';

const spec = loadSpec();
const validator = defaultValidator();
/** Steps run with every scope unless they name their token. */
const everyScope = allScopes(spec);

/** `{name}` placeholders replaced by what earlier steps saved (JSON-escaped, so they may sit inside strings). */
function substitute<T>(value: T, vars: Record<string, string>): T {
  return JSON.parse(
    JSON.stringify(value).replace(/\{(\w+)\}/g, (m, k: string) =>
      vars[k] !== undefined ? JSON.stringify(vars[k]).slice(1, -1) : m,
    ),
  ) as T;
}

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

/**
 * One scenario file played against a simulator of its own, on a manual clock, called in-process as the
 * simulator's own scenario test calls it (links on Graph's host): each step is a request and what its answer
 * must be (the format is the simulator's; see its README).
 */
export class ScenarioSession {
  private readonly vars: Record<string, string> = {};

  private constructor(
    private readonly sim: Simulator,
    private readonly clock: ManualClock,
  ) {}

  static async start(): Promise<ScenarioSession> {
    const clock = new ManualClock();
    return new ScenarioSession(
      await createSimulator({ spec, validator, clock, readinessDelayMs: 60_000 }),
      clock,
    );
  }

  close(): Promise<void> {
    return this.sim.close();
  }

  async play(rawStep: ScenarioStep, label: string): Promise<void> {
    const step = substitute(rawStep, this.vars);
    const sim = this.sim;
    if (step.advance) await this.clock.advance(step.advance);
    if (step.startRun) {
      const id = await startRun(sim.env);
      expect(id, `${label}: no active flow to run`).toBeDefined();
      if (step.startRun.save) this.vars[step.startRun.save] = String(id);
    }
    if (!step.request || !step.expect) return;
    const headers: Record<string, string> = { ...(step.request.headers ?? {}) };
    if (step.token === 'none') delete headers.authorization;
    else if (step.token === 'garbled') headers.authorization = 'Bearer not.a.jwt';
    else
      headers.authorization = `Bearer ${createToken({
        scopes: step.token?.scopes ?? everyScope,
        application: step.token?.app ?? false,
      })}`;
    const body =
      step.request.raw ?? (step.request.body === undefined ? undefined : JSON.stringify(step.request.body));
    // A body is JSON unless the step says otherwise (a raw body too: steps send broken JSON that way).
    if (step.request.contentType) headers['content-type'] = step.request.contentType;
    else if (body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
    const request: SimRequest = {
      method: step.request.method,
      // An absolute URL (a Location, an upload session's URL) is requested by its path.
      url: step.request.path.replace(/^https?:\/\/[^/]+/, ''),
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
      body,
    };
    const response = await sim.handle(request);
    // What a client would see after the transport: JSON text parsed back.
    const json = response.body === undefined ? undefined : JSON.parse(JSON.stringify(response.body));
    const e = step.expect;
    expect(response.status, `${label}: ${JSON.stringify(json)}`).toBe(e.status);
    if (e.error) expect(json?.error?.code, label).toBe(e.error);
    for (const m of e.message ?? []) expect(json?.error?.message, label).toContain(m);
    for (const d of e.details ?? [])
      expect(
        (json?.error?.details ?? []).map((x: { code: string }) => x.code),
        label,
      ).toContain(d);
    if (e.body !== undefined) expect(json, label).toMatchObject(e.body as object);
    for (const k of e.has ?? []) expect(json, label).toHaveProperty([k]);
    for (const k of e.lacks ?? []) expect(json, label).not.toHaveProperty([k]);
    for (const k of e.lacksPath ?? []) expect(at(json, k), `${label}: ${k}`).toBeUndefined();
    for (const [k, v] of Object.entries(e.headers ?? {})) expect(response.headers[k], label).toBe(v);
    for (const [k, v] of Object.entries(e.headerMatches ?? {}))
      expect(response.headers[k], label).toMatch(new RegExp(v));
    if (e.noBody) expect(response.body, label).toBeUndefined();
    if (e.text !== undefined) expect(response.text, label).toBe(e.text);
    if (e.count) expect(json?.value, label).toHaveLength(e.count.value);
    for (const [name, source] of Object.entries(e.save ?? {})) {
      const [field = '', pattern] = source.split('~');
      const value = field.startsWith('header:')
        ? String(response.headers[field.slice('header:'.length)])
        : String(at(json, field));
      this.vars[name] = pattern ? (new RegExp(pattern).exec(value)?.[1] ?? '') : value;
      expect(this.vars[name], `${label}: save ${name}`).not.toBe('');
    }
  }
}
