import { describe, expect, it } from 'vitest';
import type { Command } from '../src/command.js';
import { main, UsageError } from '../src/index.js';
import { captureIO } from './capture.js';

const echo: Command = {
  name: 'echo',
  summary: 'prints its arguments',
  usage: 'Usage: sds echo <words...>',
  async run(args, io) {
    if (args.length === 0) throw new UsageError('give at least one word');
    io.stdout(`${args.join(' ')}\n`);
    return 0;
  },
};

describe('sds main', () => {
  it.each([
    ['--help', ['--help'], 0],
    ['-h', ['-h'], 0],
    ['no arguments', [], 2],
  ])('%s prints the command list', async (_name, argv, code) => {
    const io = captureIO();
    expect(await main(argv, io, [echo])).toBe(code);
    expect(io.out).toContain('Usage: sds <command>');
    expect(io.out).toMatch(/echo\s+prints its arguments/);
  });

  it('lists the real commands', async () => {
    const io = captureIO();
    await main(['--help'], io);
    expect(io.out).toContain('pipeline');
  });

  it('--version prints the package version', async () => {
    const io = captureIO();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    ['a near miss gets a suggestion', 'ecko', /^sds: unknown command 'ecko'; did you mean 'echo'\?/],
    [
      'a far miss lists the commands',
      'nope',
      /^sds: unknown command 'nope' \(commands: echo; see 'sds --help'\)\n$/,
    ],
  ])('unknown command: %s, in one line, exit 2', async (_name, given, want) => {
    const io = captureIO();
    expect(await main([given], io, [echo])).toBe(2);
    expect(io.err).toMatch(want);
    expect(io.err.split('\n')).toHaveLength(2);
  });

  it('runs a command with its arguments', async () => {
    const io = captureIO();
    expect(await main(['echo', 'a', 'b'], io, [echo])).toBe(0);
    expect(io.out).toBe('a b\n');
  });

  it('a usage error exits 2 with one line: the message and where the help is', async () => {
    const io = captureIO();
    expect(await main(['echo'], io, [echo])).toBe(2);
    expect(io.err).toBe("sds echo: give at least one word (see 'sds help echo')\n");
  });

  it('<command> --help and help <command> print that command usage and the global options', async () => {
    for (const argv of [
      ['echo', '--help'],
      ['help', 'echo'],
    ]) {
      const io = captureIO();
      expect(await main(argv, io, [echo])).toBe(0);
      expect(io.out).toMatch(/^Usage: sds echo <words\.\.\.>\n\nOptions every command takes:/);
    }
  });
});
