import { editDistance } from '@sds-toolkit/openapi-model';
import type { Command } from './command.js';
import { commands } from './commands/index.js';
import { type CliIO, ExitCode } from './io.js';
import { UsageError } from './usage-error.js';
import { cliVersion } from './version.js';

function overview(available: readonly Command[]): string {
  const width = Math.max(...available.map((c) => c.name.length));
  const lines = available.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'sds — School Data Sync (Graph beta industryData) outbound provisioning toolkit',
    '',
    'Usage: sds <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    "  -h, --help     show this help, or a command's help with `sds <command> --help`",
    '  -v, --version  print the version',
    '',
  ].join('\n');
}

function closestName(name: string, names: readonly string[]): string | undefined {
  const ranked = names.map((n) => ({ n, d: editDistance(name, n) })).sort((x, y) => x.d - y.d);
  const best = ranked[0];
  return best && best.d <= 2 ? best.n : undefined;
}

/** Runs the `sds` command line; returns the process exit code (0 ok, 1 failed, 2 bad usage). */
export async function main(
  argv: readonly string[],
  io: CliIO,
  available: readonly Command[] = commands,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout(overview(available));
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${cliVersion()}\n`);
    return ExitCode.ok;
  }
  const command = available.find((c) => c.name === first);
  if (!command) {
    const suggestion = closestName(
      first,
      available.map((c) => c.name),
    );
    io.stderr(
      `sds: unknown command '${first}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}\n` +
        `Run 'sds --help' to list the commands: ${available.map((c) => c.name).join(', ')}.\n`,
    );
    return ExitCode.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return ExitCode.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sds ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return ExitCode.usage;
    }
    throw error;
  }
}
