import {
  AnonymousAuthenticationProvider,
  type AuthenticationProvider,
  type RequestAdapter,
  type RequestInformation,
} from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter, HttpClient, type Middleware } from '@microsoft/kiota-http-fetchlibrary';
import { chainWith, defaultMiddleware, type RetryOptions } from './middleware.js';
import { FastJsonParseNodeFactory } from './serialization/parse-node.js';
import { FastJsonSerializationWriterFactory } from './serialization/serialization-writer.js';

export interface AdapterOptions {
  /** A bearer token, or a function returning one per request. Ignored when `authenticationProvider` is given. */
  readonly accessToken?: string | (() => string | Promise<string>);
  readonly authenticationProvider?: AuthenticationProvider;
  /** Default: https://graph.microsoft.com/beta. Point it at the simulator to develop without a tenant. */
  readonly baseUrl?: string;
  /** The fetch to send with (tests inject one). Default: the global fetch. */
  readonly fetch?: (request: string, init: RequestInit) => Promise<Response>;
  /**
   * Middleware chain; default: `defaultMiddleware({ retry })` (Kiota's chain, retrying idempotent requests on
   * 429, 503 and 504 with Retry-After). `[]` sends each request once, as is. Whatever the chain, a bodiless
   * error response becomes an `IndustryDataError` with its status.
   */
  readonly middleware?: Middleware[];
  /** Retries of the default chain (ignored with `middleware`); `false`: none. Creates are never retried unless `nonIdempotent`. */
  readonly retry?: RetryOptions | false;
}

class BearerTokenProvider implements AuthenticationProvider {
  constructor(private readonly token: string | (() => string | Promise<string>)) {}

  async authenticateRequest(request: RequestInformation): Promise<void> {
    const token = typeof this.token === 'function' ? await this.token() : this.token;
    request.headers.tryAdd('Authorization', `Bearer ${token}`);
  }
}

/**
 * A Kiota fetch adapter with JSON serialization, for scripts that have no Graph app of their own. Apps that
 * already have a Graph adapter pass that one to `createIndustryDataClient` instead.
 */
export function createIndustryDataAdapter(options: AdapterOptions = {}): RequestAdapter {
  const auth =
    options.authenticationProvider ??
    (options.accessToken
      ? new BearerTokenProvider(options.accessToken)
      : new AnonymousAuthenticationProvider());
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
  adapter.baseUrl = options.baseUrl ?? 'https://graph.microsoft.com/beta';
  return adapter;
}
