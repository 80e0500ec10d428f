import type { RequestOption } from '@microsoft/kiota-abstractions';
import type { Middleware } from '@microsoft/kiota-http-fetchlibrary';

/** Reason phrases of the statuses a gateway answers without a body (HTTP/2 responses carry none). */
const reasons: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Gives an error response without a body (a bare 503 from a gateway, say) an OData error body, so that the
 * adapter rejects with the status instead of "no response content type found for deserialization".
 */
export class EmptyErrorBodyHandler implements Middleware {
  next: Middleware | undefined;

  async execute(
    url: string,
    requestInit: RequestInit,
    requestOptions?: Record<string, RequestOption>,
  ): Promise<Response> {
    if (!this.next) throw new Error('EmptyErrorBodyHandler needs a next middleware to send the request');
    const response = await this.next.execute(url, requestInit, requestOptions);
    if (response.status < 400 || response.headers.get('content-type')) return response;
    const text = await response.text();
    if (text.trim())
      return new Response(text, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    const headers = new Headers(response.headers);
    headers.set('content-type', 'application/json');
    const reason = response.statusText || reasons[response.status] || '';
    const code = reason.replace(/\s+/g, '') || `http${response.status}`;
    const body = {
      error: {
        code: code[0]?.toLowerCase() + code.slice(1),
        message: `The service answered ${response.status}${reason ? ` ${reason}` : ''} with no body.`,
      },
    };
    return new Response(JSON.stringify(body), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
}
