import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `sds` command as `pnpm sds` runs it: node with tsx, workspace packages resolved to their sources. */
export const bin = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
export const sdsCommand = [process.execPath, '--import', 'tsx', '--conditions=development', bin] as const;

export interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment a person's shell would give: this one, without what would change the output under test
 * (colour switches, pnpm's INIT_CWD, a docs folder from CI).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'INIT_CWD', 'GRAPH_DOCS_DIR', 'GRAPH_TOKEN'])
    delete env[name];
  return { ...env, ...extra };
}

/** Runs the real command in a child process: its exit code and what it printed, each stream apart. */
export function sds(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<Ran> {
  const [node, ...rest] = sdsCommand;
  return new Promise((resolve) => {
    const child = execFile(
      node,
      [...rest, ...args],
      { cwd: options.cwd, env: cleanEnv(options.env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** The lines a stream printed (a trailing newline does not make an empty last line). */
export const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** util-linux `script`, which gives a command a pseudo-terminal; absent on some systems (then those tests skip). */
export const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Runs the real command on a terminal (a pseudo-terminal from `script`), as a person at a shell does: stdout and
 * stderr both go to that terminal, so the output is what they would see, interleaved.
 */
export function sdsOnTerminal(
  args: readonly string[],
  options: { env?: Record<string, string> } = {},
): Promise<{ code: number | null; screen: string }> {
  const command = [...sdsCommand, ...args].map(quote).join(' ');
  return new Promise((resolve) => {
    const child = execFile(
      'script',
      ['--quiet', '--return', '--command', command, '/dev/null'],
      { env: cleanEnv({ TERM: 'xterm-256color', ...options.env }), encoding: 'utf8' },
      (_error, stdout) => resolve({ code: child.exitCode, screen: stdout }),
    );
  });
}
