import type { CliIO } from './io.js';

export interface Command {
  readonly name: string;
  /** One line for the command list in `sds --help`. */
  readonly summary: string;
  /** Full usage text for `sds <command> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}
