/**
 * A read-only SQLite connection in a pool worker (the entry of readers.ts): the API's read queries run here, off the
 * server's event loop, so that a slow search is stopped at its time budget instead of stalling every other request.
 */
import { serveTasks, workerOptions } from '../pool/serve.ts';
import { openStore } from './db.ts';
import { QueryError } from './queryError.ts';
import { ftsGuard, type Params } from './sql.ts';

export interface ReadTask {
  method: 'all' | 'get';
  text: string;
  params: Params;
}

/** The rows, or the QueryError the query raised (parameter and message) for the caller to raise again. */
export type ReadResult = { rows: unknown } | { queryError: { parameter: string; message: string } };

const db = openStore(workerOptions<{ file: string }>().file, { readonly: true });
const statements = new Map<string, ReturnType<typeof db.prepare>>();

serveTasks<ReadTask, ReadResult>(({ method, text, params }) => {
  let statement = statements.get(text);
  if (!statement) statements.set(text, (statement = db.prepare(text)));
  const run = statement;
  try {
    return { rows: ftsGuard(() => (method === 'all' ? run.all(params) : run.get(params))) };
  } catch (error) {
    if (error instanceof QueryError) return { queryError: { parameter: error.parameter, message: error.message } };
    throw error;
  }
});
