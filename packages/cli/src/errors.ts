/**
 * The two ways a command ends badly, each with its exit code. Commands throw them; `main` prints them (one line,
 * or an error object under --json), so that every command fails the same way.
 */

/** The command line or an input named on it is wrong: exit 2. The message says what is wrong and what to do. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command was used right but its work failed (a stale folder, a spec that is not OpenAPI): exit 1. */
export class FailedError extends Error {
  override readonly name = 'FailedError';
}
