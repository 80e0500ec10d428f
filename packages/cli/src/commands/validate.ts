import { readFileSync } from 'node:fs';
import {
  defaultValidator,
  parsePayload,
  type RuleDiagnostic,
  UnknownOperationError,
} from '@sds-toolkit/rules';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { type CliIO, ExitCode } from '../io.js';
import { UsageError } from '../usage-error.js';

function operationsList(): string {
  const { catalogue } = defaultValidator();
  return [...catalogue.operations.values()]
    .map((o) => `  ${(o.alias ?? '').padEnd(14)} ${o.id}  (${o.method.toUpperCase()} ${o.path})`)
    .join('\n');
}

const usage =
  () => `Usage: sds validate <payload.json> --operation <name> [--json] [--state <flowset.json>] [--target <flow.json>]

Checks a request body against the spec's JSON Schemas and the documented rules, before anything is sent.

  --operation <name>   the operation: its id or short alias (below)
  --state <file>       the flow set it goes to, as the service returns it (GET with $expand=provisioningFlows):
                       checks one-flow-per-type
  --target <file>      the flow a PATCH updates: its @odata.type must match the body's
  --json               print the diagnostics as JSON: [{ ruleId, severity, path, message, docs }]

Operations:
${operationsList()}

Exit codes: 0 valid (warnings allowed), 1 invalid, 2 bad usage (unreadable file, unknown operation).`;

function readJsonFile(io: CliIO, path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(userPath(io, path), 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read the ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  const parsed = parsePayload(text);
  if (!parsed.ok) throw new UsageError(`the ${what} ${path}: ${parsed.diagnostic.message}`);
  return parsed.value;
}

const format = (d: RuleDiagnostic) =>
  `${d.severity} ${d.path || '/'} [${d.ruleId}] ${d.message}\n    see ${d.docs}`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check a request body against the schemas and the documented rules',
  get usage() {
    return usage();
  },
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        operation: { type: 'string' },
        json: { type: 'boolean', default: false },
        state: { type: 'string' },
        target: { type: 'string' },
      },
      true,
    );
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError('give the payload file: sds validate <payload.json> --operation <name>');
    if (extra.length > 0) throw new UsageError(`one payload at a time (got ${positionals.length})`);
    if (!values.operation)
      throw new UsageError('give the operation with --operation <name> (see the list below)');
    const validator = defaultValidator();
    const operation = validator.catalogue.find(values.operation);
    if (!operation)
      throw new UsageError(new UnknownOperationError(`unknown operation '${values.operation}'`).message);

    let text: string;
    try {
      text = readFileSync(userPath(io, file), 'utf8');
    } catch (error) {
      throw new UsageError(
        `cannot read the payload ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    const parsed = parsePayload(text);
    const diagnostics = parsed.ok
      ? validator.validate(operation, parsed.value, {
          ...(values.state ? { flowSet: readJsonFile(io, values.state, 'state file') as never } : {}),
          ...(values.target ? { target: readJsonFile(io, values.target, 'target file') as never } : {}),
        })
      : [parsed.diagnostic];
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (values.json) io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
    else {
      for (const d of diagnostics) io.stdout(`${format(d)}\n`);
      io.stdout(
        `${file}: ${errors === 0 ? 'valid' : 'invalid'} for ${operation.alias ?? operation.id} (${errors} errors, ${diagnostics.length - errors} warnings)\n`,
      );
    }
    return errors > 0 ? ExitCode.failed : ExitCode.ok;
  },
};
