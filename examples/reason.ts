/**
 * What went wrong, in one line. fetch says only "fetch failed" when the API cannot be reached and keeps the
 * reason (ECONNREFUSED, ENOTFOUND, a certificate problem) in `cause`: that is the part a person needs.
 */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (error.message === 'fetch failed' && cause instanceof Error)
    return `cannot reach the API: ${cause.message} (check --base-url or GRAPH_BASE_URL, and that the simulator or network is up)`;
  return error.message;
}
