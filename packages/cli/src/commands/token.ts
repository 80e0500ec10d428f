import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../io.js';
import { UsageError } from '../usage-error.js';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'print a development token for the simulator',
  usage: `Usage: sds token --scopes "<scope> [<scope> ...]" [--app] [--secret <s>] [--expires-in <seconds>]

Prints a JWT for the simulator: delegated (scopes in scp) or, with --app, application (roles). Unsigned unless
--secret is given (then HS256, for a simulator started with the same --secret).`,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      scopes: { type: 'string' },
      app: { type: 'boolean', default: false },
      secret: { type: 'string' },
      'expires-in': { type: 'string', default: '3600' },
    });
    const { createToken } = await import('@sds-toolkit/simulator');
    const scopes = (values.scopes ?? '').split(/[\s,]+/).filter(Boolean);
    if (scopes.length === 0)
      throw new UsageError('give the scopes: --scopes "IndustryData-OutboundFlow.ReadWrite.All"');
    const expires = Number(values['expires-in']);
    if (!Number.isInteger(expires))
      throw new UsageError(`--expires-in must be whole seconds, got '${values['expires-in']}'`);
    io.stdout(
      `${createToken({ scopes, application: values.app, expiresInSeconds: expires, ...(values.secret ? { secret: values.secret } : {}) })}\n`,
    );
    return ExitCode.ok;
  },
};
