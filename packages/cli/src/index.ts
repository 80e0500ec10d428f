export type { Command } from './command.js';
export { FailedError, UsageError } from './errors.js';
export { type CliIO, ExitCode, processIO } from './io.js';
export { main } from './main.js';
