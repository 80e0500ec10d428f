import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasScript, sds, sdsOnTerminal } from './run.js';

/** Progress (src/progress.ts) and colour (src/output.ts): for a person at a terminal, never for a pipe. */
const work = mkdtempSync(join(tmpdir(), 'sds-terminal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bad = join(work, 'bad.json');
writeFileSync(
  bad,
  JSON.stringify({
    '@odata.type': '#microsoft.graph.industryData.classGroupProvisioningFlow',
    readinessStatus: 'ready',
  }),
);
/** The start of every ANSI control sequence (colour, clearing the line). */
const csi = '\x1b[';
const slow = { timeout: 60_000 };

describe.skipIf(!hasScript).concurrent('on a terminal', () => {
  it('a long step shows progress on one line, cleared when it ends', slow, async () => {
    const { code, screen } = await sdsOnTerminal(['generate', '--out', join(work, 'a')]);
    expect(code).toBe(0);
    expect(screen).toContain(`\r${csi}K⠋ generate: loading the generator`);
    // The line is cleared before the result is printed over it.
    expect(screen.replaceAll(`\r${csi}K`, '<cleared>')).toMatch(/<cleared>\d+ files in /);
  });

  it('--json: no progress, only the JSON', slow, async () => {
    const { code, screen } = await sdsOnTerminal(['generate', '--out', join(work, 'b'), '--json']);
    expect(code).toBe(0);
    expect(screen).not.toContain('⠋');
    expect(JSON.parse(screen)).toMatchObject({ out: join(work, 'b') });
  });

  it('findings and failures are in colour', slow, async () => {
    const findings = await sdsOnTerminal(['validate', bad, '--operation', 'updateFlow']);
    expect(findings.code).toBe(1);
    expect(findings.screen).toContain(`${csi}31merror${csi}39m /readinessStatus`);
    const failure = await sdsOnTerminal(['validate', join(work, 'none.json'), '--operation', 'updateFlow']);
    expect(failure.code).toBe(2);
    expect(failure.screen.startsWith(`${csi}31msds validate:${csi}39m the payload`)).toBe(true);
  });

  it('NO_COLOR turns colour off', slow, async () => {
    const findings = await sdsOnTerminal(['validate', bad, '--operation', 'updateFlow'], {
      env: { NO_COLOR: '1' },
    });
    expect(findings.code).toBe(1);
    expect(findings.screen).toMatch(/^error \/readinessStatus/);
    expect(findings.screen).not.toContain(csi);
  });
});

describe.concurrent('not on a terminal (a pipe, a file, CI)', () => {
  it('no progress: stderr stays empty on success', slow, async () => {
    const run = await sds(['generate', '--out', join(work, 'c')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('no colour', slow, async () => {
    const run = await sds(['validate', bad, '--operation', 'updateFlow']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^error \/readinessStatus/);
    expect(run.stdout + run.stderr).not.toContain(csi);
  });
});

if (!hasScript)
  console.warn('skipping the terminal tests: no util-linux `script` to give the command a terminal');
