import { readFileSync } from 'node:fs';
import type { FaultRule } from '@sds-toolkit/simulator';
import { parse } from 'yaml';
import { parseCommandArgs, userPath } from '../args.js';
import type { Command } from '../command.js';
import { ExitCode } from '../io.js';
import { UsageError } from '../usage-error.js';

const usage = `Usage: sds simulate [--port N] [--host 127.0.0.1] [--data <file>] [--faults <file>] [--readiness-delay <ms>] [--secret <s>]

Serves the documented industryData API on HTTP, with state, the documented rules (400 / 409), Graph's OData
errors, permissions from the docs' tables (401 / 403), and injectable faults. Prints the base URL to give a
client, e.g. createIndustryDataAdapter({ baseUrl }). Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

  --port <n>              port (default 0: the OS picks a free one)
  --host <address>        default 127.0.0.1
  --data <file>           keep the state in this file (every acknowledged write is on disk first)
  --faults <file>         YAML/JSON { faults: [ { status: 429|503, retryAfter, latencyMs, probability, count, method, path } ] }
  --readiness-delay <ms>  how long a created or reset flow stays notReady (default 2000)
  --secret <s>            require HS256 tokens signed with this secret (default: signatures not checked)

Tokens: pnpm sds token --scopes "IndustryData-OutboundFlow.ReadWrite.All". Per-request faults: the header
x-sds-fault: status=429; retry-after=2 (or retry-after=http-date:2; latency=100).`;

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'serve the documented API locally: stateful, rules enforced, faults on demand',
  usage,
  async run(args, io) {
    const { values } = parseCommandArgs(args, {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      faults: { type: 'string' },
      'readiness-delay': { type: 'string', default: '2000' },
      secret: { type: 'string' },
    });
    // Loaded here, not at the top: `sds --help` should not pay for every stage.
    const { checkFaultRules, DataFileError, FaultConfigError, startSimulator } = await import(
      '@sds-toolkit/simulator'
    );
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError(`--port must be 0..65535, got '${values.port}'`);
    const readinessDelayMs = Number(values['readiness-delay']);
    if (!Number.isFinite(readinessDelayMs) || readinessDelayMs < 0)
      throw new UsageError(`--readiness-delay must be a number of ms, got '${values['readiness-delay']}'`);
    let faults: FaultRule[] = [];
    if (values.faults) {
      try {
        faults = checkFaultRules(parse(readFileSync(userPath(io, values.faults), 'utf8')), values.faults);
      } catch (error) {
        if (error instanceof FaultConfigError) throw new UsageError(error.message);
        throw new UsageError(`cannot read the faults file ${values.faults}: ${(error as Error).message}`);
      }
    }
    let running: Awaited<ReturnType<typeof startSimulator>>;
    try {
      running = await startSimulator({
        port,
        host: values.host,
        faults,
        readinessDelayMs,
        ...(values.data ? { data: userPath(io, values.data) } : {}),
        ...(values.secret ? { secret: values.secret } : {}),
      });
    } catch (error) {
      if (error instanceof DataFileError) {
        io.stderr(`sds simulate: ${error.message}\n`);
        return ExitCode.failed;
      }
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
        throw new UsageError(`port ${port} is in use; pick another, or --port 0`);
      throw error;
    }
    io.stdout(`${running.url}\n`);
    io.stderr(
      `sds simulate: serving the industryData API at ${running.url}${values.data ? ` (state in ${values.data})` : ' (state in memory)'}; Ctrl-C stops\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void running.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.stderr('sds simulate: stopped\n');
    return ExitCode.ok;
  },
};
