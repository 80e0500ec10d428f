import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareCodePoints } from '@sds-toolkit/openapi-model';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  createToken,
  type ManualClock,
  PostgresStore,
  SqliteStore,
  type Store,
  startRun,
} from '../src/index.js';
import { call, conformanceProblems, newSimulator } from './harness.js';
import { testServer } from './postgres-server.js';

interface Step {
  name?: string;
  /** Moves the simulator's clock forward (ms) before the request, running what falls due. */
  advance?: number;
  /** Starts a run now, as the 12-hourly schedule does; `save: { var: id }` keeps its id. */
  startRun?: { save?: string };
  token?: 'none' | 'garbled' | { scopes: string[]; app?: boolean };
  request?: {
    method: string;
    path: string;
    body?: unknown;
    raw?: string;
    contentType?: string;
    headers?: Record<string, string>;
  };
  expect?: {
    status: number;
    error?: string;
    message?: string[];
    details?: string[];
    body?: unknown;
    has?: string[];
    lacks?: string[];
    /** Dotted paths into the body that must not be there (`credential.clientSecret`). */
    lacksPath?: string[];
    headers?: Record<string, string>;
    /** Header values matched as regular expressions. */
    headerMatches?: Record<string, string>;
    noBody?: boolean;
    /**
     * Variables from the answer: a dotted path into the body (`value.0.id`), or `header:<name>`; `<source>~<regex>`
     * keeps the regex's first group (`sessionUrl~sig=([^&]+)`).
     */
    save?: Record<string, string>;
    count?: { value: number };
    text?: string;
  };
}

interface Scenario {
  readonly file: string;
  readonly name: string;
  readonly steps: Step[];
}

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const scenarios: Scenario[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort(compareCodePoints)
  .map((f) => ({ file: f, ...(parse(readFileSync(dir + f, 'utf8')) as { name: string; steps: Step[] }) }));

function substitute<T>(value: T, vars: Record<string, string>): T {
  return JSON.parse(
    JSON.stringify(value).replace(/\{(\w+)\}/g, (m, k: string) =>
      vars[k] !== undefined ? JSON.stringify(vars[k]).slice(1, -1) : m,
    ),
  ) as T;
}

const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

const dataDir = mkdtempSync(join(tmpdir(), 'sds-scenarios-'));
const server = await testServer();
afterAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  if (typeof server !== 'string') await server.destroy();
});
if (typeof server === 'string') console.warn(`skipping the scenarios on PostgreSQL: ${server}`);
let files = 0;
// Every scenario on every store: the behaviours do not depend on where the state is.
const stores: { name: string; open: () => Promise<Store | undefined> }[] = [
  { name: 'memory', open: async () => undefined },
  { name: 'SQLite', open: () => SqliteStore.open(join(dataDir, `state-${files++}.db`)) },
  ...(typeof server === 'string'
    ? []
    : [{ name: 'PostgreSQL', open: async () => PostgresStore.open(await server.createDatabase()) }]),
];

describe('scenario files (data): request → expected response, every response checked against the spec', () => {
  it('there are scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
  });
});

describe.each(stores)('scenario files on the $name store', { timeout: 60_000 }, ({ open }) => {
  for (const scenario of scenarios) {
    it(`${scenario.file}: ${scenario.name}`, async () => {
      const store = await open();
      const sim = await newSimulator(store ? { store } : {});
      const vars: Record<string, string> = {};
      try {
        for (const [index, rawStep] of scenario.steps.entries()) {
          const step = substitute(rawStep, vars);
          if (step.advance) await (sim.clock as ManualClock).advance(step.advance);
          if (step.startRun) {
            const id = await startRun(sim.env);
            if (step.startRun.save) vars[step.startRun.save] = String(id);
          }
          if (!step.request || !step.expect) continue;
          const label = `${scenario.file} step ${index + 1} (${step.name ?? `${step.request.method} ${step.request.path}`})`;
          const headers: Record<string, string> = { ...(step.request.headers ?? {}) };
          if (step.token === 'none') headers.authorization = '';
          else if (step.token === 'garbled') headers.authorization = 'Bearer not.a.jwt';
          else if (step.token)
            headers.authorization = `Bearer ${createToken({ scopes: step.token.scopes, application: step.token.app ?? false })}`;
          if (step.request.contentType) headers['content-type'] = step.request.contentType;
          // An absolute URL (a Location, an upload session's URL) is requested by its path.
          const path = step.request.path.replace(/^https?:\/\/[^/]+/, '');
          const response = await call(
            sim,
            step.request.method,
            path,
            step.request.raw ?? step.request.body,
            headers,
          );
          expect(response.status, `${label}: ${JSON.stringify(response.json)}`).toBe(step.expect.status);
          expect(conformanceProblems(sim, step.request.method, path, response), label).toEqual([]);
          const e = step.expect;
          if (e.error) expect(response.json?.error?.code, label).toBe(e.error);
          for (const m of e.message ?? []) expect(response.json?.error?.message, label).toContain(m);
          for (const d of e.details ?? [])
            expect(
              response.json?.error?.details?.map((x: { code: string }) => x.code),
              label,
            ).toContain(d);
          if (e.body) expect(response.json, label).toMatchObject(e.body as object);
          for (const k of e.has ?? []) expect(response.json, label).toHaveProperty([k]);
          for (const k of e.lacks ?? []) expect(response.json, label).not.toHaveProperty([k]);
          for (const [k, v] of Object.entries(e.headers ?? {})) expect(response.headers[k], label).toBe(v);
          for (const [k, v] of Object.entries(e.headerMatches ?? {}))
            expect(response.headers[k], label).toMatch(new RegExp(v));
          if (e.noBody) expect(response.body, label).toBeUndefined();
          if (e.text !== undefined) expect(response.text, label).toBe(e.text);
          if (e.count) expect(response.json?.value, label).toHaveLength(e.count.value);
          for (const k of e.lacksPath ?? []) expect(at(response.json, k), `${label}: ${k}`).toBeUndefined();
          for (const [name, spec] of Object.entries(e.save ?? {})) {
            const [field = '', pattern] = spec.split('~');
            const value = field.startsWith('header:')
              ? String(response.headers[field.slice('header:'.length)])
              : String(at(response.json, field));
            vars[name] = pattern ? (new RegExp(pattern).exec(value)?.[1] ?? '') : value;
            expect(vars[name], `${label}: save ${name}`).not.toBe('');
          }
        }
      } finally {
        await sim.close();
        await store?.close();
      }
    });
  }
});
