import type { RequestOption } from '@microsoft/kiota-abstractions';
import type { Middleware } from '@microsoft/kiota-http-fetchlibrary';

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
    const code = response.statusText.replace(/\s+/g, '') || `http${response.status}`;
    const body = {
      error: {
        code: code[0]?.toLowerCase() + code.slice(1),
        message: `The service answered ${response.status} ${response.statusText} with no body.`,
      },
    };
    return new Response(JSON.stringify(body), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  }
}
