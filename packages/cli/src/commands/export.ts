import { renameSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { checkFileToWrite } from '../files.js';
import { type CliIO, ExitCode } from '../io.js';
import { paint } from '../output.js';
import { progress } from '../progress.js';
import { failure, openTarget, targetOptions, targetUsage } from './set-up.js';

const usage = `Usage: sds export --out <file> [--base-url <url>] [--token <t>] [--json]

Writes the tenant's School Data Sync set-up (source systems, data connectors, years, inbound flows, flow sets
and their flows) as a set-up file, which \`sds plan\` and \`sds apply\` take: references between objects by
name, secrets (which Graph never answers) as the environment variables to set before applying. \`sds plan\`
on the file right after shows no change. The file starts with the yaml-language-server line that gives
editors its JSON Schema.

  --out <file>       the file to write (replaced if it exists); - for stdout
${targetUsage}
  --json             print { out, objects, secrets } (with --out -, the file goes to stdout and this nowhere)

Exit codes: 0 done, 1 failed (a refused request), 2 bad usage.`;

export const exportCommand: Command = {
  name: 'export',
  summary: "write the tenant's set-up as a file for plan and apply",
  usage,
  run: exportSetUp,
};

async function exportSetUp(args: readonly string[], io: CliIO): Promise<number> {
  const { values } = parseCommandArgs(args, { out: { type: 'string' }, ...targetOptions });
  if (!values.out)
    throw new UsageError('give the file to write: sds export --out sds.yaml (or --out - for stdout)');
  const toStdout = values.out === '-';
  const path = toStdout ? undefined : checkFileToWrite(io, values.out, '--out');
  const target = await openTarget(io, values);
  const config = await import('@sds-toolkit/config');
  const shown = progress(io, values.json || toStdout);
  shown.step(`export: reading ${target.baseUrl}`);
  try {
    // Editors find the schema from the file's folder.
    const schema = relative(path ? dirname(path) : io.cwd, config.schemaPath);
    const { text, tenant, warnings } = await config.exportTenant(
      config.defaultToolkit(),
      config.tenantApi(target.adapter),
      { schema },
    );
    shown.done();
    const { yellow } = paint(io, 'stderr');
    for (const warning of warnings) io.stderr(`${yellow('warning')} ${warning}\n`);
    if (toStdout) {
      io.stdout(text);
      return ExitCode.ok;
    }
    const file = path ?? '';
    // Written whole or not at all: a half-written set-up would plan deletes under --prune.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    const secrets = config.secretVariables(tenant.objects.map((o) => o.value));
    if (values.json)
      io.stdout(`${JSON.stringify({ out: values.out, objects: tenant.objects.length, secrets }, null, 2)}\n`);
    else
      io.stdout(
        `wrote ${values.out}: ${tenant.objects.length} object(s) of ${target.baseUrl}${secrets.length > 0 ? `; set ${secrets.join(', ')} before sds apply` : ''}\n`,
      );
    return ExitCode.ok;
  } catch (error) {
    shown.done();
    return failure(io, 'export', error, values.json);
  }
}
