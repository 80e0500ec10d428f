import {
  defaultValidator,
  type OperationInfo,
  parsePayload,
  type RuleDiagnostic,
  type Validator,
} from '@sds-toolkit/rules';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { readInputFile } from '../files.js';
import { type CliIO, ExitCode } from '../io.js';
import { type Paint, paint, plural } from '../output.js';
import { didYouMean } from '../suggest.js';

function operationsList(): string {
  const { catalogue } = defaultValidator();
  return [...catalogue.operations.values()]
    .map((o) => `  ${(o.alias ?? '').padEnd(14)} ${o.id}  (${o.method.toUpperCase()} ${o.path})`)
    .join('\n');
}

const usage =
  () => `Usage: sds validate <payload.json> --operation <name> [--json] [--state <flowset.json>] [--target <flow.json>]

Checks a request body against the spec's JSON Schemas and the documented rules, before anything is sent. Each
finding names the JSON path, the rule, what to change, and the docs page that says so (its learn.microsoft.com
address, and the file and line in the docs folder where known).

  --operation <name>   the operation: its id or short alias (below)
  --state <file>       creates only: the flow set it goes to, as the service returns it (GET with
                       $expand=provisioningFlows): checks one-flow-per-type
  --target <file>      updates only: the entity the PATCH updates: its @odata.type must match the body's
  --json               print the findings as JSON: [{ ruleId, severity, path, message, docs, line?, url }]

Operations:
${operationsList()}

Exit codes: 0 valid (warnings allowed), 1 invalid, 2 bad usage (unreadable file, unknown operation).`;

function findOperation(validator: Validator, name: string): OperationInfo {
  const operation = validator.catalogue.find(name);
  if (operation) return operation;
  const names = [...validator.catalogue.operations.values()].flatMap((o) =>
    o.alias ? [o.alias, o.id] : [o.id],
  );
  const aliases = [...validator.catalogue.operations.values()].flatMap((o) => (o.alias ? [o.alias] : []));
  const suggestion = didYouMean(name, names);
  throw new UsageError(
    `unknown operation '${name}'${suggestion || `; give an operation id or one of ${aliases.join(', ')}`}`,
  );
}

function readJson(io: CliIO, path: string, what: string): unknown {
  const parsed = parsePayload(readInputFile(io, path, what));
  if (!parsed.ok) throw new UsageError(`${what} ${path}: ${parsed.diagnostic.message}`);
  return parsed.value;
}

/** Where a finding comes from: the page to open, and the file (and line) in the docs folder. */
function citation(d: RuleDiagnostic): string {
  if (d.url === d.docs) return d.url;
  return `${d.url} (${d.docs}${d.line ? `:${d.line}` : ''})`;
}

const format = (d: RuleDiagnostic, { red, yellow, dim }: Paint) =>
  `${d.severity === 'error' ? red('error') : yellow('warning')} ${d.path || '/'} [${d.ruleId}] ${d.message}\n    ${dim(`see ${citation(d)}`)}`;

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
        state: { type: 'string' },
        target: { type: 'string' },
      },
      true,
    );
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError('give the payload file: sds validate <payload.json> --operation <name>');
    if (extra.length > 0)
      throw new UsageError(`one payload at a time (got ${positionals.length}: ${positionals.join(', ')})`);
    if (!values.operation)
      throw new UsageError('give the operation with --operation <name>, e.g. --operation createFlow');
    const validator = defaultValidator();
    const operation = findOperation(validator, values.operation);
    // Each file is for one kind of operation: given to another, it would be read and silently mean nothing.
    const name = operation.alias ?? operation.id;
    if (values.target && operation.kind !== 'update')
      throw new UsageError(
        `--target is the entity a PATCH updates; ${name} is not an update (${operation.method.toUpperCase()} ${operation.path}): leave --target out`,
      );
    if (values.state && operation.kind !== 'create')
      throw new UsageError(
        `--state is the flow set a create adds a flow to; ${name} is not a create (${operation.method.toUpperCase()} ${operation.path}): leave --state out`,
      );
    const text = readInputFile(io, file, 'the payload');
    const flowSet = values.state ? readJson(io, values.state, 'the state file') : undefined;
    const target = values.target ? readJson(io, values.target, 'the target file') : undefined;
    const parsed = parsePayload(text);
    const diagnostics = parsed.ok
      ? validator.validate(operation, parsed.value, {
          ...(flowSet !== undefined ? { flowSet: flowSet as never } : {}),
          ...(target !== undefined ? { target: target as never } : {}),
        })
      : [parsed.diagnostic];
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    if (values.json) io.stdout(`${JSON.stringify(diagnostics, null, 2)}\n`);
    else {
      const colours = paint(io, 'stdout');
      for (const d of diagnostics) io.stdout(`${format(d, colours)}\n`);
      const verdict = errors === 0 ? colours.green('valid') : colours.red('invalid');
      io.stdout(
        `${file}: ${verdict} for ${operation.alias ?? operation.id} (${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')})\n`,
      );
    }
    return errors > 0 ? ExitCode.failed : ExitCode.ok;
  },
};
