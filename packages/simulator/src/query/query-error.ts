/** A query option the simulator cannot honour, as Graph answers it: 400 with this message. */
export class QueryError extends Error {
  override readonly name = 'QueryError';
}
