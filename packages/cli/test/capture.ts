import type { CliIO } from '../src/io.js';

/** An in-memory CLI IO: what a command printed, read back by the test. */
export function captureIO(
  env: Record<string, string | undefined> = {},
  cwd = process.cwd(),
): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    env,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
  };
  return io;
}
