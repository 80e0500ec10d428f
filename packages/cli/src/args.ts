import { isAbsolute, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { CliIO } from './io.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` with its errors turned into usage errors (exit 2) that name the bad option. */
export function parseCommandArgs<const O extends Options>(
  args: readonly string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/**
 * Where the user ran the command: pnpm runs root scripts from the repository root and keeps the caller's
 * folder in INIT_CWD, so relative paths the user typed resolve against that.
 */
export function userPath(io: CliIO, path: string): string {
  return isAbsolute(path) ? path : resolve(io.env.INIT_CWD ?? io.cwd, path);
}
