import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { userPath } from './args.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';

/** Why a file named on the command line cannot be read, in words, from the system's error code. */
function unreadable(what: string, given: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new UsageError(`${what} ${given} does not exist: check the path`);
    case 'EISDIR':
      return new UsageError(`${what} ${given} is a folder: give a file`);
    case 'EACCES':
    case 'EPERM':
      return new UsageError(`${what} ${given} cannot be read (permission denied)`);
    default:
      return new UsageError(`${what} ${given} cannot be read: ${(error as Error).message}`);
  }
}

/** The text of a file the user named (`what` says which, e.g. "the payload"); a usage error when unreadable. */
export function readInputFile(io: CliIO, given: string, what: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(userPath(io, given));
  } catch (error) {
    throw unreadable(what, given, error);
  }
  // Decoded strictly: a byte that is not UTF-8 would become U+FFFD and be checked as if it were text the user
  // wrote (the simulator refuses such a body; `sds validate` said valid).
  try {
    return utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new UsageError(
      `${what} ${given} is not UTF-8 text (a byte that is not UTF-8 at offset ${at}): save it as UTF-8`,
    );
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Where the first byte that is not UTF-8 is: the longest prefix that decodes. */
function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

/** A file the command will create or append to: it must not be a folder, and its folder must exist. */
export function checkFileToWrite(io: CliIO, given: string, what: string): string {
  const path = userPath(io, given);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`${what} ${given} is a folder: give a file path; the file is created if missing`);
  if (!existsSync(dirname(path)))
    throw new UsageError(
      `${what} ${given} is in a folder that does not exist: create ${dirname(given)} first`,
    );
  return path;
}

/** A folder the command writes into (created if missing): it must not be an existing file. */
export function checkFolderToWrite(io: CliIO, given: string, what: string): string {
  const path = userPath(io, given);
  if (existsSync(path) && !statSync(path).isDirectory())
    throw new UsageError(`${what} ${given} is a file: give a folder; the folder is created if missing`);
  return path;
}
