import { isAbsolute, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { didYouMean, orList } from './suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes: `main` reads them before the command runs, to know how to report a failure. */
export const globalOptions = {
  json: { type: 'boolean', default: false },
  debug: { type: 'boolean', default: false },
} as const satisfies Options;

const looksLikeOption = (value: string) => /^--?[A-Za-z]/.test(value);

/**
 * Checks the command line token by token, so that each mistake gets its own message naming the option and what
 * to do (node's own messages say "argument is ambiguous" for `--expires-in -5`).
 */
function check(args: readonly string[], options: Options, allowPositionals: boolean): string[] {
  const { tokens } = parseArgs({
    args: [...args],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const names = Object.keys(options).sort();
  const normalized: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'option-terminator') {
      normalized.push('--');
      continue;
    }
    if (token.kind === 'positional') {
      if (!allowPositionals)
        throw new UsageError(`unexpected argument '${token.value}': this command takes options only`);
      normalized.push(token.value);
      continue;
    }
    const option = options[token.name];
    if (!option)
      throw new UsageError(`unknown option '${token.rawName}'${didYouMean(token.name, names, '--')}`);
    if (option.type === 'boolean') {
      if (token.value !== undefined)
        throw new UsageError(`${token.rawName} takes no value (got '${token.value}')`);
      normalized.push(`--${token.name}`);
      continue;
    }
    if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    // `--docs --out x`: the value is missing, the next option was taken for it. A negative number is a value.
    if (!token.inlineValue && looksLikeOption(token.value))
      throw new UsageError(`${token.rawName} needs a value, but is followed by the option '${token.value}'`);
    normalized.push(`--${token.name}=${token.value}`);
  }
  return normalized;
}

/**
 * `util.parseArgs` with the global options (--json, --debug) added and every mistake turned into a usage error
 * (exit 2) that names the option and, for a typo, the option meant.
 */
export function parseCommandArgs<const O extends Options>(
  args: readonly string[],
  options: O,
  allowPositionals = false,
) {
  const all = { ...options, ...globalOptions };
  const normalized = check(args, all, allowPositionals);
  return parseArgs({ args: normalized, options: all, strict: true, allowPositionals });
}

/** A value that must be one of a few words: anything else is a usage error naming them and the nearest. */
export function oneOf<const T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `${option} takes ${orList(allowed.map((a) => `'${a}'`))}, not '${value}'${didYouMean(value, allowed)}`,
  );
}

/**
 * Where the user ran the command: pnpm runs root scripts from the repository root and keeps the caller's
 * folder in INIT_CWD, so relative paths the user typed resolve against that.
 */
export function userPath(io: CliIO, path: string): string {
  return isAbsolute(path) ? path : resolve(io.env.INIT_CWD ?? io.cwd, path);
}
