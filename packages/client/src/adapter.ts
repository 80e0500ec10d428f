import {
  AnonymousAuthenticationProvider,
  type AuthenticationProvider,
  type RequestAdapter,
  type RequestInformation,
} from '@microsoft/kiota-abstractions';
import {
  CustomFetchHandler,
  FetchRequestAdapter,
  HttpClient,
  type Middleware,
  MiddlewareFactory,
} from '@microsoft/kiota-http-fetchlibrary';
import { EmptyErrorBodyHandler } from './empty-error-body.js';
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
   * Middleware chain; default: Kiota's (retry with Retry-After, redirects, compression, user agent, …).
   * `[]` sends each request once, as is.
   */
  readonly middleware?: Middleware[];
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
  // Kiota treats an empty middleware list as "use the defaults", so the chain is always spelled out here:
  // the caller's (or Kiota's default) middleware, then ours, then the fetch.
  const chain = [
    ...(options.middleware ?? MiddlewareFactory.getDefaultMiddlewares(send)),
    new EmptyErrorBodyHandler(),
    new CustomFetchHandler(send),
  ];
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
