import {
  AnonymousAuthenticationProvider,
  type AuthenticationProvider,
  type RequestAdapter,
  type RequestInformation,
} from '@microsoft/kiota-abstractions';
import { FetchRequestAdapter, KiotaClientFactory, type Middleware } from '@microsoft/kiota-http-fetchlibrary';
import { JsonParseNodeFactory, JsonSerializationWriterFactory } from '@microsoft/kiota-serialization-json';

export interface AdapterOptions {
  /** A bearer token, or a function returning one per request. Ignored when `authenticationProvider` is given. */
  readonly accessToken?: string | (() => string | Promise<string>);
  readonly authenticationProvider?: AuthenticationProvider;
  /** Default: https://graph.microsoft.com/beta. Point it at the simulator to develop without a tenant. */
  readonly baseUrl?: string;
  /** The fetch to send with (tests inject one). Default: the global fetch. */
  readonly fetch?: (request: string, init: RequestInit) => Promise<Response>;
  /** Middleware chain; default: Kiota's (retry with Retry-After, redirects, compression, user agent, …). */
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
  const httpClient = KiotaClientFactory.create(options.fetch, options.middleware);
  const adapter = new FetchRequestAdapter(
    auth,
    new JsonParseNodeFactory(),
    new JsonSerializationWriterFactory(),
    httpClient,
  );
  adapter.baseUrl = options.baseUrl ?? 'https://graph.microsoft.com/beta';
  return adapter;
}
