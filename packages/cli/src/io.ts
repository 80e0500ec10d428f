/** Where a command writes. Injected so tests can read what a command printed without spawning it. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout and stderr are terminals: colour and progress are for people, never for pipes or files. */
  readonly tty?: { readonly stdout: boolean; readonly stderr: boolean };
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  tty: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
};

/** Exit codes shared by every command. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
