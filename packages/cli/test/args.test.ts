import { describe, expect, it } from 'vitest';
import { lines, sds } from './run.js';

/** How the shared parser words each mistake, seen through a real command. */
describe.concurrent('command-line mistakes, through the binary', () => {
  it.each([
    ['an unknown option', ['token', '--nope'], "unknown option '--nope'"],
    ['a misspelt option', ['token', '--secrte', 'x'], "unknown option '--secrte'; did you mean '--secret'?"],
    ['an option without its value', ['token', '--scopes'], '--scopes needs a value'],
    [
      'an option whose value is missing before the next option',
      ['token', '--scopes', '--app'],
      "--scopes needs a value, but is followed by the option '--app'",
    ],
    ['a value given to a switch', ['token', '--app=yes'], "--app takes no value (got 'yes')"],
    [
      'an argument where only options are taken',
      ['token', 'extra'],
      "unexpected argument 'extra': this command takes options only",
    ],
    [
      'a value outside a closed list',
      ['diff', 'a', 'b', '--fail-on', 'breakng'],
      "--fail-on takes 'breaking', 'non-breaking' or 'any', not 'breakng'; did you mean 'breaking'?",
    ],
  ])('%s: one line naming it, exit 2', { timeout: 30_000 }, async (_name, argv, message) => {
    const run = await sds(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([`sds ${argv[0]}: ${message} (see 'sds help ${argv[0]}')`]);
  });

  it('a negative number is a value, not an option', { timeout: 30_000 }, async () => {
    const run = await sds(['token', '--scopes', 'IndustryData-OutboundFlow.Read.All', '--expires-in', '-5']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('ambiguous');
    expect(run.stderr).toContain("--expires-in is the token's lifetime in whole seconds above 0");
  });
});
