/** A fetch that answers from a handler and records what was sent: the transport tests inject. */
export interface Sent {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

export type Handler = (sent: Sent) => { status: number; body?: unknown; headers?: Record<string, string> };

export function fakeFetch(handler: Handler): {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const raw = init.body ? new TextDecoder().decode(init.body as ArrayBuffer) : undefined;
    const request: Sent = {
      method: init.method ?? 'GET',
      url,
      headers,
      body: raw ? JSON.parse(raw) : undefined,
    };
    sent.push(request);
    const answer = handler(request);
    const body = answer.body === undefined ? null : JSON.stringify(answer.body);
    return new Response(body, {
      status: answer.status,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...answer.headers },
    });
  };
  return { fetch, sent };
}
