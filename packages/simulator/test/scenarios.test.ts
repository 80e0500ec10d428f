import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createToken } from '../src/index.js';
import { call, conformanceProblems, newSimulator } from './harness.js';

interface Step {
  name?: string;
  token?: 'none' | 'garbled' | { scopes: string[]; app?: boolean };
  request: {
    method: string;
    path: string;
    body?: unknown;
    raw?: string;
    contentType?: string;
    headers?: Record<string, string>;
  };
  expect: {
    status: number;
    error?: string;
    message?: string[];
    details?: string[];
    body?: unknown;
    has?: string[];
    lacks?: string[];
    headers?: Record<string, string>;
    noBody?: boolean;
    save?: Record<string, string>;
    count?: { value: number };
  };
}

const dir = fileURLToPath(new URL('../scenarios/', import.meta.url));
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, ...(parse(readFileSync(dir + f, 'utf8')) as { name: string; steps: Step[] }) }));

function substitute<T>(value: T, vars: Record<string, string>): T {
  return JSON.parse(JSON.stringify(value).replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m)) as T;
}

describe('scenario files (data): request → expected response, every response checked against the spec', () => {
  it('there are scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(4);
  });

  for (const scenario of scenarios) {
    it(`${scenario.file}: ${scenario.name}`, () => {
      const sim = newSimulator();
      const vars: Record<string, string> = {};
      try {
        for (const [index, rawStep] of scenario.steps.entries()) {
          const step = substitute(rawStep, vars);
          const label = `${scenario.file} step ${index + 1} (${step.name ?? `${step.request.method} ${step.request.path}`})`;
          const headers: Record<string, string> = { ...(step.request.headers ?? {}) };
          if (step.token === 'none') headers.authorization = '';
          else if (step.token === 'garbled') headers.authorization = 'Bearer not.a.jwt';
          else if (step.token)
            headers.authorization = `Bearer ${createToken({ scopes: step.token.scopes, application: step.token.app ?? false })}`;
          if (step.request.contentType) headers['content-type'] = step.request.contentType;
          const response = call(
            sim,
            step.request.method,
            step.request.path,
            step.request.raw ?? step.request.body,
            headers,
          );
          expect(response.status, `${label}: ${JSON.stringify(response.json)}`).toBe(step.expect.status);
          expect(conformanceProblems(step.request.method, step.request.path, response), label).toEqual([]);
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
          if (e.noBody) expect(response.body, label).toBeUndefined();
          if (e.count) expect(response.json?.value, label).toHaveLength(e.count.value);
          for (const [name, field] of Object.entries(e.save ?? {}))
            vars[name] = String(response.json?.[field]);
        }
      } finally {
        sim.close();
      }
    });
  }
});
