/**
 * The API's reads of a SQLite store in worker threads with a time budget: better-sqlite3 runs a query to its end
 * on the thread that asked (version 12 has no interrupt; 13 needs Node 22), so a search that takes long would stall
 * the server. A query over budget has its worker stopped and replaced and answers 400 with what to do.
 */
import { siblingModule, WorkerPool } from '../pool/pool.ts';
import { QueryError } from './queryError.ts';
import type { ReadResult, ReadTask } from './readerWorker.ts';
import { SQLITE, type Params, type Sql } from './sql.ts';
import type { Store } from './store.ts';

export const DEFAULT_QUERY_TIMEOUT_MS = 5000;

export interface ReaderSql extends Sql {
  close(): Promise<void>;
}

/** Read queries on `file` in `size` worker threads, each stopped after `timeoutMs`. */
export async function readerSql(file: string, timeoutMs: number, size = 2): Promise<ReaderSql> {
  const pool = await WorkerPool.start<ReadTask, ReadResult>({ entry: siblingModule('./readerWorker.ts', import.meta.url), size, timeoutMs, data: { file }, depth: 1, name: 'store reader' });
  const run = async (method: ReadTask['method'], text: string, params: Params): Promise<unknown> => {
    const outcome = await pool.run({ method, text, params });
    if (!outcome.ok) {
      if (outcome.failure === 'timeout') throw new QueryError('q', `the query ran longer than ${timeoutMs / 1000} s and was stopped; narrow it (more specific words, a date range, a source)`);
      throw new Error(outcome.message);
    }
    const result = outcome.value;
    if ('queryError' in result) throw new QueryError(result.queryError.parameter, result.queryError.message);
    return result.rows;
  };
  return {
    dialect: SQLITE,
    all: async <T>(text: string, params: Params = {}) => (await run('all', text, params)) as T[],
    get: async <T>(text: string, params: Params = {}) => (await run('get', text, params)) as T | undefined,
    close: () => pool.close(),
  };
}

/** The store with its reads moved to `readers`; writes and the rest stay the store's. */
export function withReaders(store: Store, readers: Sql): Store {
  return Object.assign(Object.create(store) as Store, { sql: readers });
}
