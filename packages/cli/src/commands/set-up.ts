/**
 * What `sds plan`, `sds apply` and `sds export` share: the target (base URL and sign-in), reading the set-up
 * file, and turning the config package's errors into the command line's (one line, exit 1 or 2, --json).
 */
import type { ConfigFileError, LoadedFile, Target, Toolkit } from '@sds-toolkit/config';
import { FailedError, UsageError } from '../errors.js';
import { readInputFile } from '../files.js';
import type { CliIO } from '../io.js';
import { paint, plural } from '../output.js';

/** The options every one of the three takes, for parseCommandArgs. */
export const targetOptions = {
  'base-url': { type: 'string' },
  token: { type: 'string' },
} as const;

export const targetUsage = `  --base-url <url>   the API (default https://graph.microsoft.com/beta; a simulator: http://127.0.0.1:<port>/beta)
  --token <token>    a bearer token; else GRAPH_TOKEN; else the @azure/identity environment credential
                     (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET); against a simulator on this
                     machine without any of them, a development token with the industryData scopes`;

/** What a set-up needs of a tenant: read and write each kind, and read the role groups. */
const developmentScopes = [
  'IndustryData-SourceSystem.ReadWrite.All',
  'IndustryData-DataConnector.ReadWrite.All',
  'IndustryData-TimePeriod.ReadWrite.All',
  'IndustryData-InboundFlow.ReadWrite.All',
  'IndustryData-OutboundFlow.ReadWrite.All',
  'IndustryData.ReadBasic.All',
];

/** Connects to the target the options name; a wrong URL or no way to sign in is a usage error. */
export async function openTarget(
  io: CliIO,
  values: { 'base-url'?: string | undefined; token?: string | undefined },
): Promise<Target> {
  const config = await import('@sds-toolkit/config');
  let token = values.token;
  try {
    const baseUrl = config.checkBaseUrl(values['base-url'] ?? config.graphBeta);
    if (token === '') throw new UsageError('--token is empty: give the token, or leave the option out');
    if (
      token === undefined &&
      !io.env.GRAPH_TOKEN &&
      !config.hasEnvironmentCredential(io.env) &&
      config.isLocal(baseUrl)
    ) {
      const { createToken } = await import('@sds-toolkit/simulator');
      token = createToken({ scopes: developmentScopes });
    }
    return await config.connect({ baseUrl, env: io.env, ...(token !== undefined ? { token } : {}) });
  } catch (error) {
    if (error instanceof config.TargetError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The set-up file named by --config, read and checked; its warnings on stderr. An invalid one is reported (each
 * problem at its line, the error object under --json) and gives undefined: the command exits 1.
 */
export async function loadSetUp(
  io: CliIO,
  given: string | undefined,
  command: string,
  json: boolean,
): Promise<{ toolkit: Toolkit; loaded: LoadedFile } | undefined> {
  if (!given) throw new UsageError(`give the set-up file: sds ${command} --config sds.yaml`);
  const text = readInputFile(io, given, 'the set-up file');
  const config = await import('@sds-toolkit/config');
  const toolkit = config.defaultToolkit();
  try {
    const loaded = config.loadFile(toolkit, text, given);
    const { yellow } = paint(io, 'stderr');
    for (const w of loaded.warnings)
      io.stderr(
        `${given}:${w.line}:${w.column}: ${yellow('warning')} ${w.message}${w.ruleId ? ` [${w.ruleId}]` : ''}\n`,
      );
    return { toolkit, loaded };
  } catch (error) {
    if (!(error instanceof config.ConfigFileError)) throw error;
    await failure(io, command, error, json);
    return undefined;
  }
}

/** Printed before the one-line error: each problem of the file at its line (editors and CI link them). */
export function printFindings(io: CliIO, error: ConfigFileError): void {
  const { red, yellow } = paint(io, 'stderr');
  for (const f of error.findings) {
    const line = `${error.file}${f.line > 0 ? `:${f.line}:${f.column}` : ''}`;
    io.stderr(
      `${line}: ${f.severity === 'error' ? red('error') : yellow('warning')} ${f.message}${f.ruleId ? ` [${f.ruleId}]` : ''}\n`,
    );
  }
}

/** A problem of the file, a request the service refused, or an unreachable target, as a command failure. */
export async function failure(io: CliIO, command: string, error: unknown, json: boolean): Promise<number> {
  const config = await import('@sds-toolkit/config');
  if (error instanceof config.ConfigFileError) {
    printFindings(io, error);
    const problems = plural(error.findings.filter((f) => f.severity === 'error').length, 'problem');
    // On stderr the findings come just before; in the JSON error they are its `findings`.
    const message = (where: string) =>
      `${error.message.split(': ')[0]}: ${problems}, ${where}; nothing was sent`;
    const { red } = paint(io, 'stderr');
    io.stderr(`${red(`sds ${command}:`)} ${message('listed above')}\n`);
    if (json)
      io.stdout(
        `${JSON.stringify({
          error: {
            code: 'failed',
            message: message('listed in findings'),
            exitCode: 1,
            findings: error.findings.map((f) => ({ file: error.file, ...f })),
          },
        })}\n`,
      );
    return 1;
  }
  if (error instanceof config.MissingSecretsError) throw new FailedError(error.message);
  if (error instanceof config.ThrottledError) throw new FailedError(error.message);
  if (error instanceof config.IndustryDataError)
    throw new FailedError(
      `the service refused: ${error.message}${error.requestId ? ` (request-id ${error.requestId})` : ''}`,
    );
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  if (error instanceof TypeError && error.message === 'fetch failed')
    throw new FailedError(
      `cannot reach the API: ${cause?.message ?? cause?.code ?? 'no answer'} (check --base-url and the network)`,
    );
  throw error;
}
