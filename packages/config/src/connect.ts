import type { RequestAdapter } from '@microsoft/kiota-abstractions';
import { createIndustryDataAdapter, type TokenCredential } from '@sds-toolkit/client';

/** Where plan, apply and export go without `--base-url`. */
export const graphBeta = 'https://graph.microsoft.com/beta';

/** A target that cannot be used (a base URL that is not one, no way to sign in): the user's to fix. */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}

export interface TargetOptions {
  /** Default: Microsoft Graph beta. */
  readonly baseUrl?: string;
  /** A bearer token (`--token`); else `GRAPH_TOKEN`; else the `@azure/identity` environment credential. */
  readonly token?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The fetch requests go through (tests inject one). */
  readonly fetch?: (request: string, init: RequestInit) => Promise<Response>;
  /** Loads `@azure/identity`'s EnvironmentCredential (tests give their own; undefined: not installed). */
  readonly environmentCredential?: () => Promise<TokenCredential | undefined>;
}

export interface Target {
  readonly adapter: RequestAdapter;
  readonly baseUrl: string;
  /** How it signs in, in words (`--token`, `GRAPH_TOKEN`, `@azure/identity environment credential`). */
  readonly signIn: string;
}

const loopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127\./.test(host);

/** The base URL, checked: http(s), and plain http only to this machine (a token is never sent in clear). */
export function checkBaseUrl(given: string): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new TargetError(
      `--base-url '${given}' is not a URL (e.g. ${graphBeta}, or http://127.0.0.1:4010/beta for a simulator)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TargetError(`--base-url '${given}' is not http(s)`);
  if (url.protocol === 'http:' && !loopback(url.hostname))
    throw new TargetError(
      `--base-url '${given}' would send the token in clear: use https (plain http only to this machine)`,
    );
  return given.replace(/\/+$/, '');
}

/** Whether a base URL is on this machine (a simulator), where a development token may be made. */
export const isLocal = (baseUrl: string): boolean => loopback(new URL(baseUrl).hostname);

/** The variables `@azure/identity`'s EnvironmentCredential reads: a tenant, a client, and a secret or certificate. */
export function hasEnvironmentCredential(env: Readonly<Record<string, string | undefined>>): boolean {
  return Boolean(
    env.AZURE_TENANT_ID &&
      env.AZURE_CLIENT_ID &&
      (env.AZURE_CLIENT_SECRET ||
        env.AZURE_CLIENT_CERTIFICATE_PATH ||
        (env.AZURE_USERNAME && env.AZURE_PASSWORD)),
  );
}

async function loadEnvironmentCredential(): Promise<TokenCredential | undefined> {
  try {
    const identity = await import('@azure/identity');
    return new identity.EnvironmentCredential();
  } catch {
    return undefined;
  }
}

/**
 * The adapter plan, apply and export send through: `--token`, else `GRAPH_TOKEN`, else the `@azure/identity`
 * environment credential (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or a certificate). The
 * client's own retries are off: the caller retries throttled requests and reports the waits.
 */
export async function connect(options: TargetOptions): Promise<Target> {
  const baseUrl = checkBaseUrl(options.baseUrl ?? graphBeta);
  const common = { baseUrl, retry: false as const, ...(options.fetch ? { fetch: options.fetch } : {}) };
  const token = options.token ?? options.env.GRAPH_TOKEN;
  if (token !== undefined && token !== '')
    return {
      adapter: createIndustryDataAdapter({ ...common, accessToken: token }),
      baseUrl,
      signIn: options.token !== undefined ? '--token' : 'GRAPH_TOKEN',
    };
  if (hasEnvironmentCredential(options.env)) {
    const credential = await (options.environmentCredential ?? loadEnvironmentCredential)();
    if (!credential)
      throw new TargetError(
        'AZURE_TENANT_ID and AZURE_CLIENT_ID are set but @azure/identity is not installed: install it, or give --token',
      );
    return {
      adapter: createIndustryDataAdapter({ ...common, credential }),
      baseUrl,
      signIn: '@azure/identity environment credential',
    };
  }
  throw new TargetError(
    `no way to sign in to ${baseUrl}: give --token <token>, set GRAPH_TOKEN, or set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (the @azure/identity environment credential)`,
  );
}
