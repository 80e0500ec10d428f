export type { Command } from './command.js';
export { type CliIO, ExitCode, processIO } from './io.js';
export { main } from './main.js';
export { UsageError } from './usage-error.js';
