import type { Command } from './command.js';
import { commands } from './commands/index.js';
import { FailedError, UsageError } from './errors.js';
import { type CliIO, ExitCode } from './io.js';
import { paint } from './output.js';
import { didYouMean } from './suggest.js';
import { cliVersion } from './version.js';

const globalHelp = `Options every command takes:
  --json     print the result as JSON on stdout; on failure, an error object { "error": { code, message, exitCode } }
  --debug    on an unexpected failure, print the stack trace
  -h, --help this help (also: sds help <command>)

Exit codes: 0 done, 1 the work failed, 2 bad usage (a wrong option or value, an unreadable input).
Colour and progress only on a terminal; NO_COLOR turns colour off.`;

function overview(available: readonly Command[]): string {
  const width = Math.max(...available.map((c) => c.name.length));
  const lines = available.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'sds — School Data Sync (Graph beta industryData) toolkit: docs → spec → client, simulator, contracts, set-ups as files',
    '',
    'Usage: sds <command> [options]     sds help <command>     sds --version',
    '',
    'Commands:',
    ...lines,
    '',
    globalHelp,
    '',
  ].join('\n');
}

const commandHelp = (command: Command) => `${command.usage}\n\n${globalHelp}\n`;

/** The arguments before `--`: what main looks at for --help, --json and --debug. */
function flagsOf(args: readonly string[]) {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  return {
    help: options.includes('--help') || options.includes('-h'),
    json: options.some((a) => a === '--json' || a.startsWith('--json=')),
    debug: options.includes('--debug'),
  };
}

type ErrorKind = 'usage' | 'failed' | 'unexpected';

/** One line, whatever the error carried (a YAML parser's message can span several). */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * The one error path: a line on stderr naming what is wrong and what to do; under --json also an error object on
 * stdout; the stack only with --debug.
 */
function report(
  io: CliIO,
  where: string,
  kind: ErrorKind,
  message: string,
  flags: { json: boolean; debug: boolean },
  stack?: string,
): number {
  const exitCode = kind === 'usage' ? ExitCode.usage : ExitCode.failed;
  const { red } = paint(io, 'stderr');
  io.stderr(`${red(`${where}:`)} ${oneLine(message)}\n`);
  if (flags.debug && stack) io.stderr(`${stack}\n`);
  if (flags.json)
    io.stdout(`${JSON.stringify({ error: { code: kind, message: oneLine(message), exitCode } })}\n`);
  return exitCode;
}

function reportThrown(
  io: CliIO,
  command: Command,
  error: unknown,
  flags: { json: boolean; debug: boolean },
): number {
  const where = `sds ${command.name}`;
  if (error instanceof UsageError)
    return report(io, where, 'usage', `${error.message} (see 'sds help ${command.name}')`, flags);
  if (error instanceof FailedError) return report(io, where, 'failed', error.message, flags, error.stack);
  const message = error instanceof Error ? error.message || error.name : String(error);
  return report(
    io,
    where,
    'unexpected',
    `unexpected failure: ${message}${flags.debug ? '' : ' (run again with --debug for the stack trace)'}`,
    flags,
    error instanceof Error ? error.stack : undefined,
  );
}

/** Runs the `sds` command line; returns the process exit code (0 ok, 1 failed, 2 bad usage). Never throws. */
export async function main(
  argv: readonly string[],
  io: CliIO,
  available: readonly Command[] = commands,
): Promise<number> {
  const [first, ...rest] = argv;
  const names = available.map((c) => c.name);
  const flags = flagsOf(rest);
  const unknownCommand = (name: string) =>
    report(
      io,
      'sds',
      'usage',
      `unknown command '${name}'${didYouMean(name, names)} (commands: ${names.join(', ')}; see 'sds --help')`,
      flags,
    );
  if (first === undefined) {
    io.stdout(overview(available));
    return ExitCode.usage;
  }
  if (first === '-h' || first === '--help') {
    io.stdout(overview(available));
    return ExitCode.ok;
  }
  if (first === 'help') {
    const [topic, ...extra] = rest;
    if (topic === undefined) {
      io.stdout(overview(available));
      return ExitCode.ok;
    }
    const command = available.find((c) => c.name === topic);
    if (!command) return unknownCommand(topic);
    if (extra.length > 0)
      return report(io, 'sds help', 'usage', `one command at a time: sds help ${topic}`, flags);
    io.stdout(commandHelp(command));
    return ExitCode.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${cliVersion()}\n`);
    return ExitCode.ok;
  }
  if (first.startsWith('-'))
    return report(
      io,
      'sds',
      'usage',
      `'${first}' comes before the command; options go after it: sds <command> ${first} (see 'sds --help')`,
      flagsOf(argv),
    );
  const command = available.find((c) => c.name === first);
  if (!command) return unknownCommand(first);
  if (flags.help) {
    io.stdout(commandHelp(command));
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportThrown(io, command, error, flags);
  }
}
