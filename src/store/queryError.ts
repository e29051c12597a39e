/** A query parameter the store cannot use (a search with no words, a cursor from another query); the API answers 400. */
export class QueryError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}
