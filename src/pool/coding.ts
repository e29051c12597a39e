/**
 * The coding pool: the one place articles are coded off the caller's thread, used by `code`, `ingest`, `recode`,
 * POST /api/code and the queue worker. Each article has a time budget (`--article-timeout`); an article that runs
 * over it, or kills its worker (say, by running out of memory), comes back as a failure with a one-line message,
 * its worker is replaced, and the other articles go on.
 *
 *   const pool = await CodingPool.start({ workers: 2, articleTimeoutMs: 5000 });
 *   const outcome = await pool.code(input);            // { ok: true, value: ArticleRecord } | { ok: false, failure, message }
 *   const rows = await pool.codeRows(input, meta);     // the store's rows, built in the worker
 *   const posted = await pool.codePosted({ text: '…' }); // a JSON record as posted (read in the worker, HTML too)
 *   await pool.whenFree();                              // back-pressure for a reader
 *   await pool.close();
 */
import type { ArticleInput } from '../model/analysis.ts';
import type { ArticleRecord } from '../model/record.ts';
import type { WorldOptions } from '../pipeline/world.ts';
import type { ArticleMeta, ArticleRows } from '../store/rows.ts';
import type { CodingResult, CodingTask, CodingWorkerOptions } from './codingWorker.ts';
import { siblingModule, WorkerPool, type TaskFailure } from './pool.ts';

export interface CodingPoolOptions {
  workers: number;
  /** Time budget of one article, in milliseconds (default DEFAULT_ARTICLE_TIMEOUT_MS). */
  articleTimeoutMs?: number;
  /** Use the statistical name tagger (default true); false is `--rules-only`. */
  tagger?: boolean;
  /** The user's PETRARCH dictionaries: `--add-dictionaries DIR` (on top of the shipped ones) or `--dictionaries DIR` (instead). */
  addDictionaries?: string;
  dictionaries?: string;
}

/** Why an article was not coded: the pool's failures, or (for a posted record) bad input. */
export type CodingFailure = TaskFailure | 'input';

export type CodeOutcome<V> = { ok: true; value: V } | { ok: false; failure: CodingFailure; message: string };

export const DEFAULT_ARTICLE_TIMEOUT_MS = 10_000;

/** Heap of one coding worker: far above any article under the size limit, far below what would starve the machine. */
const WORKER_HEAP_MB = 2048;

export class CodingPool {
  private constructor(
    private readonly pool: WorkerPool<CodingTask, CodingResult>,
    readonly articleTimeoutMs: number,
  ) {}

  /** Starts the workers and waits until each has loaded the pipeline (about a second). */
  static async start(options: CodingPoolOptions): Promise<CodingPool> {
    const articleTimeoutMs = options.articleTimeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS;
    const pool = await WorkerPool.start<CodingTask, CodingResult>({
      entry: siblingModule('./codingWorker.ts', import.meta.url),
      size: options.workers,
      timeoutMs: articleTimeoutMs,
      data: {
        tagger: options.tagger !== false,
        ...(options.addDictionaries === undefined ? {} : { addDictionaries: options.addDictionaries }),
        ...(options.dictionaries === undefined ? {} : { dictionaries: options.dictionaries }),
      } satisfies CodingWorkerOptions & WorldOptions,
      maxHeapMb: WORKER_HEAP_MB,
      // Enough queued that a worker codes on while the caller's thread writes a batch.
      depth: 4,
      name: 'coding worker',
    });
    return new CodingPool(pool, articleTimeoutMs);
  }

  get size(): number {
    return this.pool.size;
  }

  /** Articles accepted and not yet coded. */
  get pending(): number {
    return this.pool.pending;
  }

  code(input: ArticleInput, options: { explain?: boolean; tokens?: boolean } = {}): Promise<CodeOutcome<ArticleRecord>> {
    return this.run({ kind: 'record', input, explain: options.explain === true, tokens: options.tokens === true });
  }

  /** Codes an article and builds its store rows in the worker, so the writer only binds values. */
  codeRows(input: ArticleInput, meta: ArticleMeta): Promise<CodeOutcome<ArticleRows>> {
    return this.run({ kind: 'rows', input, meta });
  }

  /** A record as `dateline code` reads from JSONL ({id?, text | html, title?, published?, …}), read and coded in the worker. */
  codePosted(record: Record<string, unknown>, options: { explain?: boolean; maxBytes: number }): Promise<CodeOutcome<ArticleRecord>> {
    return this.run({ kind: 'posted', record, explain: options.explain === true, maxBytes: options.maxBytes });
  }

  whenFree(): Promise<void> {
    return this.pool.whenFree();
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /** The worker answers a record task with a record and a rows task with rows (codingWorker.ts). */
  private async run<V extends ArticleRecord | ArticleRows>(task: CodingTask): Promise<CodeOutcome<V>> {
    const outcome = await this.pool.run(task);
    if (!outcome.ok) return { ok: false, failure: outcome.failure, message: failureMessage(outcome.failure, outcome.message) };
    if ('inputError' in outcome.value) return { ok: false, failure: 'input', message: outcome.value.inputError };
    return { ok: true, value: outcome.value as V };
  }
}

function failureMessage(failure: TaskFailure, detail: string): string {
  if (failure === 'timeout') return `coding ${detail}, the time budget of one article; it was stopped`;
  if (failure === 'crash') return `the coding worker died on this article (${detail}) and was replaced`;
  return `internal error while coding (${detail})`;
}
