import {
  AnonymousAuthenticationProvider,
  type AuthenticationProvider,
  type RequestAdapter,
  type RequestInformation,
} from '@microsoft/kiota-abstractions';
import { AzureIdentityAuthenticationProvider } from '@microsoft/kiota-authentication-azure';
import { FetchRequestAdapter, HttpClient, type Middleware } from '@microsoft/kiota-http-fetchlibrary';
import { chainWith, defaultMiddleware, type RetryOptions } from './middleware.js';
import { FastJsonParseNodeFactory } from './serialization/parse-node.js';
import { FastJsonSerializationWriterFactory } from './serialization/serialization-writer.js';

/**
 * An `@azure/identity` credential (`DefaultAzureCredential`, `ClientSecretCredential`, …): anything with
 * `getToken(scopes)`, as Kiota's Azure authentication provider takes it.
 */
export type TokenCredential = ConstructorParameters<typeof AzureIdentityAuthenticationProvider>[0];

/** The Microsoft Graph scope a credential is asked a token for: the app's permissions on Graph. */
export const graphScope = 'https://graph.microsoft.com/.default';

export interface AdapterOptions {
  /** A bearer token, or a function returning one per request. */
  readonly accessToken?: string | (() => string | Promise<string>);
  /**
   * Sign in with an `@azure/identity` credential, through Kiota's Azure authentication provider: a token for
   * `scopes` (default `https://graph.microsoft.com/.default`) is sent to the base URL's host only, over HTTPS
   * (or to localhost).
   */
  readonly credential?: TokenCredential;
  /** The scopes a `credential` is asked a token for. */
  readonly scopes?: readonly string[];
  /** Authentication of your own (an existing Graph app's provider, say). */
  readonly authenticationProvider?: AuthenticationProvider;
  /** Default: https://graph.microsoft.com/beta. Point it at the simulator to develop without a tenant. */
  readonly baseUrl?: string;
  /** The fetch to send with (tests inject one). Default: the global fetch. */
  readonly fetch?: (request: string, init: RequestInit) => Promise<Response>;
  /**
   * Middleware chain; default: `defaultMiddleware({ retry })` (Kiota's chain, sending a request again after
   * 429, 503 and 504, with Retry-After, when the spec makes its operation retry-safe). `[]` sends each request
   * once, as is. Whatever the chain, a bodiless error response becomes an `IndustryDataError` with its status.
   */
  readonly middleware?: Middleware[];
  /**
   * Retries of the default chain (ignored with `middleware`); `false`: none. Creates, updates (PATCH) and
   * actions are not retried unless `nonIdempotent` (or the request's own `RetryHandlerOptions`).
   */
  readonly retry?: RetryOptions | false;
}

class BearerTokenProvider implements AuthenticationProvider {
  constructor(private readonly token: string | (() => string | Promise<string>)) {}

  async authenticateRequest(request: RequestInformation): Promise<void> {
    const token = typeof this.token === 'function' ? await this.token() : this.token;
    request.headers.tryAdd('Authorization', `Bearer ${token}`);
  }
}

/** One way to authenticate, from the options: giving two is a mistake, said at once. */
function authentication(options: AdapterOptions, baseUrl: string): AuthenticationProvider {
  const given = (['accessToken', 'credential', 'authenticationProvider'] as const).filter(
    (k) => options[k] !== undefined,
  );
  if (given.length > 1)
    throw new TypeError(`createIndustryDataAdapter: give one of ${given.join(' and ')}, not both`);
  if (options.authenticationProvider) return options.authenticationProvider;
  if (options.credential) {
    let host: string;
    try {
      host = new URL(baseUrl).hostname;
    } catch {
      throw new TypeError(`createIndustryDataAdapter: baseUrl '${baseUrl}' is not a URL`);
    }
    return new AzureIdentityAuthenticationProvider(
      options.credential,
      [...(options.scopes ?? [graphScope])],
      undefined,
      new Set([host]),
    );
  }
  return options.accessToken
    ? new BearerTokenProvider(options.accessToken)
    : new AnonymousAuthenticationProvider();
}

/**
 * A Kiota fetch adapter with JSON serialization, for scripts that have no Graph app of their own. Apps that
 * already have a Graph adapter pass that one to `createIndustryDataClient` instead.
 */
export function createIndustryDataAdapter(options: AdapterOptions = {}): RequestAdapter {
  const baseUrl = options.baseUrl ?? 'https://graph.microsoft.com/beta';
  const auth = authentication(options, baseUrl);
  const send = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  // Kiota treats an empty middleware list as "use the defaults", so the chain is always spelled out.
  const chain = chainWith(options.middleware ?? defaultMiddleware({ retry: options.retry ?? {} }), send);
  const httpClient = new HttpClient(undefined, ...chain);
  const adapter = new FetchRequestAdapter(
    auth,
    new FastJsonParseNodeFactory(),
    new FastJsonSerializationWriterFactory(),
    httpClient,
  );
  adapter.baseUrl = baseUrl;
  return adapter;
}
