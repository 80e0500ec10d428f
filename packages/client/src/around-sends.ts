import type { RequestAdapter } from '@microsoft/kiota-abstractions';

type Send = (...args: unknown[]) => Promise<unknown>;

/**
 * The adapter with its `send*` methods (the ones the request builders call with a RequestInformation) going
 * through `around`; everything else (base URL, serializers, middleware, authentication) is the adapter's own.
 */
export function aroundSends(
  adapter: RequestAdapter,
  around: (send: Send, args: unknown[]) => Promise<unknown>,
): RequestAdapter {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      const bound = (value as Send).bind(target);
      if (typeof property === 'string' && property.startsWith('send'))
        return (...args: unknown[]) => around(bound, args);
      return bound;
    },
  });
}
