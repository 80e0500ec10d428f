import { UsageError } from './errors.js';
import { readInputFile } from './files.js';
import type { CliIO } from './io.js';

/** Where the simulator's HS256 secret comes from: never the command line, where `ps` shows it to everyone. */
export const secretEnv = 'SDS_SIMULATOR_SECRET';

/** The secret from `--secret-file` (its first line) or SDS_SIMULATOR_SECRET; undefined when neither is given. */
export function readSecret(io: CliIO, file: string | undefined): string | undefined {
  if (file !== undefined) {
    const secret = readInputFile(io, file, 'the secret file').split(/\r?\n/)[0]?.trim() ?? '';
    if (!secret) throw new UsageError(`the secret file ${file} is empty: put the secret on its first line`);
    return secret;
  }
  const fromEnv = io.env[secretEnv];
  return fromEnv ? fromEnv : undefined;
}
