import type { WaitEvent } from '@sds-toolkit/config';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { type CliIO, ExitCode } from '../io.js';
import { paint } from '../output.js';
import { progress } from '../progress.js';
import { failure, loadSetUp, openTarget, targetOptions, targetUsage } from './set-up.js';

const usage = `Usage: sds apply --config <file> [--prune] [--base-url <url>] [--token <t>] [--json]

Makes the tenant hold the set-up of the file: plans as \`sds plan\` does (and prints the plan), checks every
request body against the documented rules first (nothing is sent if one is invalid, or if a secret's
environment variable is not set), then sends the requests in dependency order. Throttling (429) is waited out
as Retry-After asks. It stops at the first failure and says what was done, what failed (status, code,
request-id) and what was not done; running it again plans from the tenant as it is, so it resumes where it
stopped. Applying a second time changes nothing.

  --config <file>    the set-up file (YAML or JSON); secrets are read from the environment variables it names
${targetUsage}
  --prune            also delete what the tenant has and the file does not
  --json             print { complete, done, failed, notDone, waits } (and the error object when it stopped)

Exit codes: 0 done (or nothing to do), 1 failed (an invalid file, a missing secret, a refused request), 2 bad usage.`;

export const applyCommand: Command = {
  name: 'apply',
  summary: 'make the tenant match a set-up file (idempotent; resumes after a failure)',
  usage,
  run: apply,
};

async function apply(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, {
    config: { type: 'string' },
    ...targetOptions,
    prune: { type: 'boolean', default: false },
  });
  const file = await loadSetUp(io, values.config, 'apply', values.json);
  if (!file) return ExitCode.failed;
  const { toolkit, loaded } = file;
  const target = await openTarget(io, values);
  const config = await import('@sds-toolkit/config');
  const colours = paint(io, 'stdout');
  const { yellow } = paint(io, 'stderr');
  const shown = progress(io, values.json);
  const waits: WaitEvent[] = [];
  const api = config.tenantApi(target.adapter, {
    onWait(wait) {
      waits.push(wait);
      shown.done();
      if (!values.json) io.stderr(`${yellow('waiting')} ${config.waitLine(wait)}\n`);
    },
  });
  const where = { file: values.config ?? '', target: target.baseUrl };
  try {
    shown.step(`apply: reading ${target.baseUrl}`);
    const planned = await config.planSetUp(toolkit, loaded, api, { prune: values.prune });
    shown.done();
    if (!values.json) io.stdout(config.planText(planned.plan, where, colours));
    const report = await config.applySetUp(toolkit, planned, api, io.env, {
      onStep(step, index, total) {
        shown.step(`apply: [${index + 1}/${total}] ${step.op} ${config.describeStep(step)}`);
      },
      onDone(done) {
        shown.done();
        if (!values.json) io.stdout(`${config.doneLine(done.step, done.id, colours)}\n`);
      },
    });
    shown.done();
    if (values.json) {
      const body: Record<string, unknown> = config.reportJson(report, waits, where);
      if (report.failed)
        body.error = {
          code: 'failed',
          message: `stopped: ${report.failed.message}`,
          exitCode: ExitCode.failed,
        };
      io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    } else if (report.failed) io.stderr(config.reportText(report, paint(io, 'stderr')));
    else io.stdout(config.reportText(report, colours));
    return report.failed ? ExitCode.failed : ExitCode.ok;
  } catch (error) {
    shown.done();
    return failure(io, 'apply', error, values.json);
  }
}
