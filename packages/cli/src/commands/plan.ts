import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { FailedError, UsageError } from '../errors.js';
import { type CliIO, ExitCode } from '../io.js';
import { paint } from '../output.js';
import { progress } from '../progress.js';
import { failure, loadSetUp, openTarget, targetOptions, targetUsage } from './set-up.js';

const usage = `Usage: sds plan --config <file> [--base-url <url>] [--token <t>] [--prune] [--json] [--detailed-exitcode]

Reads the tenant and prints what \`sds apply\` would do to make it hold the set-up of the file: what it would
create, update (property by property), replace (when a property cannot be updated in place) and, with --prune,
delete; in the order apply sends them. Objects are matched by display name (flows by type within their flow
set); a name the tenant has twice is an error. The file is checked first (YAML, its JSON Schema, references,
the documented rules): a problem is reported at its line, before any request. Nothing is changed.

  --config <file>      the set-up file (YAML or JSON)
${targetUsage.replace(/^( {2}--\S+ \S+| {2}) {3}/gm, '$1     ')}
  --prune              also plan deleting what the tenant has and the file does not
  --json               print the plan as JSON: { changes, summary, actions, requests, unmanaged }
  --detailed-exitcode  exit 0 when nothing would change, 2 when something would, 1 on any error (as Terraform)

Exit codes: 0 done, 1 failed (an invalid file, a refused request), 2 bad usage; with --detailed-exitcode, 0 no
changes, 2 changes, 1 any error.`;

export const planCommand: Command = {
  name: 'plan',
  summary: 'show what apply would change in the tenant to match a set-up file',
  usage,
  async run(args, io) {
    // Under --detailed-exitcode 2 means "changes", so a usage error must not exit 2.
    const detailed = args.includes('--detailed-exitcode');
    try {
      return await plan(args, io);
    } catch (error) {
      if (detailed && error instanceof UsageError) throw new FailedError(error.message);
      throw error;
    }
  },
};

async function plan(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    config: { type: 'string' },
    ...targetOptions,
    prune: { type: 'boolean', default: false },
    'detailed-exitcode': { type: 'boolean', default: false },
  });
  const file = await loadSetUp(io, values.config, 'plan', values.json);
  if (!file) return ExitCode.failed;
  const { toolkit, loaded } = file;
  const target = await openTarget(io, values);
  const config = await import('@sds-toolkit/config');
  const shown = progress(io, values.json);
  shown.step(`plan: reading ${target.baseUrl}`);
  let planned: Awaited<ReturnType<typeof config.planSetUp>>;
  try {
    planned = await config.planSetUp(toolkit, loaded, config.tenantApi(target.adapter), {
      prune: values.prune,
    });
  } catch (error) {
    shown.done();
    return failure(io, 'plan', error, values.json);
  }
  shown.done();
  const where = { file: values.config ?? '', target: target.baseUrl };
  if (values.json) io.stdout(`${JSON.stringify(config.planJson(planned.plan, where), null, 2)}\n`);
  else io.stdout(config.planText(planned.plan, where, paint(io, 'stdout')));
  if (!values['detailed-exitcode']) return ExitCode.ok;
  return config.hasChanges(planned.plan) ? 2 : ExitCode.ok;
}
