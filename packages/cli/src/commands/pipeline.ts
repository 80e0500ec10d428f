import type { Command } from '../command.js';
import { ExitCode } from '../io.js';
import { UsageError } from '../usage-error.js';

/** The stages of the main job, in order. Each later issue replaces a planned stage by a real one. */
const plannedStages = [
  'extract the spec from the docs (or use the committed spec)',
  'diff against the committed spec',
  'regenerate the client and schemas and compare with what is committed',
  'validate every example payload with the rules',
  'run the consumer contract tests and verify them against the simulator',
  'write the report',
] as const;

export const pipelineCommand: Command = {
  name: 'pipeline',
  summary: 'run the whole chain: docs → spec → client → rules → simulator → contracts → report',
  usage: ['Usage: sds pipeline', '', 'Runs every stage of the toolkit in order and prints a summary.'].join(
    '\n',
  ),
  async run(args, io) {
    if (args.length > 0) throw new UsageError(`unexpected argument '${args[0]}'`);
    io.stdout('sds pipeline\n');
    for (const [index, stage] of plannedStages.entries()) {
      io.stdout(`  ${index + 1}. ${stage}: not built yet\n`);
    }
    return ExitCode.ok;
  },
};
