import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { ExitCode } from '../io.js';
import { knownScopes } from '../scopes.js';
import { readSecret } from '../secret.js';
import { didYouMean } from '../suggest.js';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'print a development token for the simulator',
  usage: `Usage: sds token --scopes "<scope> [<scope> ...]" [--app] [--secret-file <file>] [--expires-in <seconds>]

Prints a JWT for the simulator: delegated (scopes in scp) or, with --app, application (roles). Unsigned unless a
secret is given (then HS256, for a simulator started with the same secret): --secret-file, or SDS_SIMULATOR_SECRET
as \`sds simulate\` reads it.

  --scopes "<s> …"         the permissions, separated by spaces or commas; only those the spec's permission
                           tables list are accepted (e.g. IndustryData-OutboundFlow.ReadWrite.All)
  --app                    an application token (roles) instead of a delegated one (scp)
  --secret-file <file>     sign with HS256, with the secret on the file's first line (or SDS_SIMULATOR_SECRET)
  --secret <s>             the same, from the command line (where ps shows it: prefer the two above)
  --expires-in <seconds>   lifetime, whole seconds above 0 (default 3600)
  --json                   print { token, kind, scopes, expiresInSeconds, signed }`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      scopes: { type: 'string' },
      app: { type: 'boolean', default: false },
      secret: { type: 'string' },
      'secret-file': { type: 'string' },
      'expires-in': { type: 'string', default: '3600' },
    });
    const scopes = (values.scopes ?? '').split(/[\s,]+/).filter(Boolean);
    if (scopes.length === 0)
      throw new UsageError('give the scopes: --scopes "IndustryData-OutboundFlow.ReadWrite.All"');
    const kind = values.app ? 'application' : 'delegated';
    const { loadSpec } = await import('@sds-toolkit/openapi-model');
    const { defaultSpecPath } = await import('@sds-toolkit/rules');
    const known = knownScopes(loadSpec(defaultSpecPath), kind);
    const unknown = scopes.filter((s) => !known.includes(s));
    const [first] = unknown;
    if (first !== undefined) {
      const named = `unknown ${kind} scope${unknown.length === 1 ? '' : 's'} ${unknown.map((s) => `'${s}'`).join(', ')}`;
      // A likely typo gets the one scope meant; the whole list (some twenty) only when none is close.
      const meant = unknown.length === 1 ? didYouMean(first, known) : '';
      throw new UsageError(
        meant ? `${named}${meant}` : `${named}; the spec's permission tables list ${known.join(', ')}`,
      );
    }
    const raw = values['expires-in'];
    const expires = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(expires) || expires <= 0)
      throw new UsageError(
        `--expires-in is the token's lifetime in whole seconds above 0, e.g. --expires-in 3600 (got '${raw}')`,
      );
    const secret = values.secret ?? readSecret(io, values['secret-file']);
    const { createToken } = await import('@sds-toolkit/simulator');
    const token = createToken({
      scopes,
      application: values.app,
      expiresInSeconds: expires,
      ...(secret ? { secret } : {}),
    });
    io.stdout(
      values.json
        ? `${JSON.stringify({ token, kind, scopes, expiresInSeconds: expires, signed: secret !== undefined }, null, 2)}\n`
        : `${token}\n`,
    );
    return ExitCode.ok;
  },
};
