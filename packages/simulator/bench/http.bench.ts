/**
 * Requests per second and p50/p99 latency on loopback at 50 connections (autocannon): the simulator (auth,
 * rules and durable state on), Stoplight Prism mocking the same spec (quiet: -v error), and a bare node:http
 * server answering fixed bodies (the ceiling), in one run; and the time the quadratic $filter of #16 takes now.
 * Then the stores side by side (each figure the best of two rounds): GET, PATCH and POST with the state in
 * memory, in the earlier journal (the peer), in an SQLite file and in PostgreSQL (a throwaway cluster of the
 * installed binaries; not measured, and said, without them).
 *
 * Each server runs in a process of its own, so that none shares the load generator's event loop. The simulator
 * runs as it is installed: the built package (`dist/`, which `turbo run bench` builds first), not the sources
 * through tsx. Each load starts with a warm-up of `warmupSeconds` at the same 50 connections that is not counted:
 * the figures are a running simulator's, not those of its first second, when V8 is still compiling its code.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { type BenchLine, writeBenchResult } from '../../../scripts/bench-result.js';
import { createToken } from '../src/index.js';
import { ownCluster } from '../test/postgres-server.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const spec = fileURLToPath(new URL('../../../specs/industrydata/openapi.yaml', import.meta.url));
const prismBin = fileURLToPath(new URL('../node_modules/.bin/prism', import.meta.url));
const token = createToken({ scopes: ['IndustryData-OutboundFlow.ReadWrite.All'] });
const setsPath = '/external/industryData/outboundProvisioningFlowSets';

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(
  url: string,
  method: 'GET' | 'POST' | 'PATCH',
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Figures> {
  const result = await autocannon({
    url,
    method,
    connections: 50,
    duration: seconds,
    ...(warmupSeconds > 0 ? { warmup: { connections: 50, duration: warmupSeconds } } : {}),
    headers: { 'content-type': 'application/json', ...headers },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
  };
}

const line = (label: string, f: Figures, target?: string) => ({
  label,
  value: `${Math.round(f.rps).toLocaleString('en')} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms${f.non2xx ? `, ${f.non2xx} non-2xx` : ''}`,
  ...(target ? { target } : {}),
});

const dir = mkdtempSync(join(tmpdir(), 'sds-bench-'));
const children: ReturnType<typeof spawn>[] = [];
const auth = { authorization: `Bearer ${token}` };

/** A server of bench/ in a process of its own (no `development` condition: packages resolve to dist/): its URL. */
async function serverProcess(script: string, ...args: string[]): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const url = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (c: Buffer) => resolve(c.toString().trim())),
  );
  return { url, stop: () => child.kill() };
}

/** A simulator process on the state `where`, seeded with five flow sets: its URL and the first set's id. */
async function simulatorOn(where: string): Promise<{ url: string; firstId: string; stop: () => void }> {
  const { url, stop } = await serverProcess('./serve.ts', where);
  for (let i = 0; i < 5; i++) {
    await fetch(`${url}${setsPath}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: `seed ${i}` }),
    });
  }
  const seeded = (await (await fetch(`${url}${setsPath}`, { headers: auth })).json()) as {
    value: { id: string }[];
  };
  return { url, firstId: seeded.value[0]?.id ?? '', stop };
}

// The durable default of `--data` (SQLite) is the simulator the peers are measured against, as the journal was.
const sim = await simulatorOn(join(dir, 'state.db'));
const firstId = sim.firstId;
// PostgreSQL as a server runs: fsync on.
const cluster = await ownCluster({ durable: true });

const bareUrl = (await serverProcess('./bare.ts')).url;

const prismPort = 40_000 + Math.floor(Math.random() * 10_000);
const prism = spawn(prismBin, ['mock', spec, '-p', String(prismPort), '-h', '127.0.0.1', '-v', 'error'], {
  stdio: 'ignore',
});
const prismUrl = `http://127.0.0.1:${prismPort}`;
for (let i = 0; i < 100; i++) {
  try {
    await fetch(`${prismUrl}${setsPath}`, { headers: auth });
    break;
  } catch {
    await new Promise((r) => setTimeout(r, 200));
  }
}

try {
  const simGet = await load(`${sim.url}${setsPath}`, 'GET', undefined, auth);
  const simItem = await load(`${sim.url}${setsPath}/${firstId}`, 'GET', undefined, auth);
  const simQuery = await load(
    `${sim.url}${setsPath}?$filter=${encodeURIComponent("startswith(displayName,'seed')")}&$select=displayName&$orderby=displayName desc&$top=3&$count=true`,
    'GET',
    undefined,
    auth,
  );
  // The quadratic $filter of #16: 15,000 spaces took 240 ms of the event loop; read in one pass now.
  const spaces = `${sim.url}${setsPath}?$filter=${encodeURIComponent(`displayName${' '.repeat(15_000)}eq`)}`;
  let spacesMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await fetch(spaces, { headers: auth });
    spacesMs = Math.min(spacesMs, performance.now() - started);
  }
  const prismGet = await load(`${prismUrl}${setsPath}`, 'GET', undefined, auth);
  const bareGet = await load(`${bareUrl}${setsPath}`, 'GET');
  const simPatch = await load(`${sim.url}${setsPath}/${firstId}`, 'PATCH', { displayName: 'renamed' }, auth);
  const prismPatch = await load(
    `${prismUrl}${setsPath}/${firstId}`,
    'PATCH',
    { displayName: 'renamed' },
    auth,
  );
  const simPost = await load(`${sim.url}${setsPath}`, 'POST', { displayName: 'bench' }, auth);
  // The stores side by side, each in a simulator of its own: GET list, PATCH of one set, POST of new sets. The
  // earlier journal (append and fsync per write, reads from memory) runs too, the peer the SQLite store replaces.
  // Each store in a simulator of its own, started afresh in each of two rounds on a new file or database, the
  // best figure of each measure kept. The machine, not the store, can make one process slower than another for
  // its whole life (seen here: the same memory store 20% slower in the third of three processes started alike),
  // so no store keeps one process; and no round sees the state an earlier one wrote. In each round: GET (five
  // sets), PATCH of one set, then POST of new ones.
  const stores: { label: string; where: (round: number) => Promise<string | undefined> }[] = [
    { label: 'memory', where: async () => 'memory' },
    {
      label: 'journal (the earlier store)',
      where: async (round) => `journal:${join(dir, `peer-${round}.jsonl`)}`,
    },
    { label: 'SQLite', where: async (round) => join(dir, `stores-${round}.db`) },
    {
      label: 'PostgreSQL',
      where: async () => (typeof cluster === 'string' ? undefined : cluster.createDatabase()),
    },
  ];
  type Measures = { get: Figures; patch: Figures; post: Figures };
  const figures = new Map<string, Measures>();
  const better = (kept: Figures | undefined, now: Figures) =>
    now.rps > (kept?.rps ?? 0) ? now : (kept as Figures);
  for (let round = 0; round < 2; round++)
    for (const { label, where } of stores) {
      const at = await where(round);
      if (!at) continue;
      const on = await simulatorOn(at);
      const get = await load(`${on.url}${setsPath}`, 'GET', undefined, auth);
      const patch = await load(
        `${on.url}${setsPath}/${on.firstId}`,
        'PATCH',
        { displayName: 'renamed' },
        auth,
      );
      const post = await load(`${on.url}${setsPath}`, 'POST', { displayName: 'bench' }, auth);
      on.stop();
      const kept = figures.get(label);
      figures.set(label, {
        get: better(kept?.get, get),
        patch: better(kept?.patch, patch),
        post: better(kept?.post, post),
      });
    }
  const byStore: BenchLine[] = [];
  for (const { label } of stores) {
    const measured = figures.get(label);
    if (!measured) {
      byStore.push({ label: `${label}: not measured`, value: String(cluster) });
      continue;
    }
    byStore.push(
      line(`${label}: GET list`, measured.get),
      line(`${label}: PATCH set (writes)`, measured.patch),
      line(`${label}: POST set (writes)`, measured.post),
    );
  }
  const memory = figures.get('memory');
  const journal = figures.get('journal (the earlier store)');
  const sqlite = figures.get('SQLite');
  if (memory && journal && sqlite)
    byStore.push(
      {
        label: 'GET list: SQLite ÷ memory',
        ratio: sqlite.get.rps / memory.get.rps,
        target: '≥ 0.9× (unchanged)',
      },
      { label: 'PATCH set: SQLite ÷ journal', ratio: sqlite.patch.rps / journal.patch.rps, target: '≥ 1×' },
      { label: 'POST set: SQLite ÷ journal', ratio: sqlite.post.rps / journal.post.rps, target: '≥ 1×' },
    );
  writeBenchResult(
    'simulator',
    `Simulator on loopback (autocannon, 50 connections, ${seconds} s each after ${warmupSeconds} s of warm-up; the built package)`,
    [
      line(
        'GET list: simulator in its own process (auth, rules, durable state: SQLite)',
        simGet,
        '≥ 5× quiet Prism, p99 < 5 ms',
      ),
      line('GET list: Prism 5.14.2 -v error, same spec', prismGet),
      line('GET list: bare node:http, fixed body (ceiling)', bareGet),
      { label: 'GET list: simulator ÷ Prism', ratio: simGet.rps / prismGet.rps, target: '≥ 5×' },
      line('GET one flow set by id: simulator', simItem, 'p99 < 5 ms'),
      line('GET list with $filter, $select, $orderby, $top, $count: simulator', simQuery, 'p99 < 5 ms'),
      {
        label: 'GET with a $filter of 15,000 spaces (answered 400), best of 5',
        ms: spacesMs,
        target: '< 20 ms',
      },
      line('PATCH set (SQLite, fsync per write): simulator', simPatch),
      line('PATCH set: Prism', prismPatch),
      line('POST set (SQLite, fsync per write): simulator', simPost),
      ...byStore,
    ],
  );
} finally {
  prism.kill();
  for (const child of children) child.kill();
  if (typeof cluster !== 'string') await cluster.destroy();
  rmSync(dir, { recursive: true, force: true });
}
