/**
 * Recode: run the pipeline again over every stored article (after a lexicon or rule change) and replace its
 * records in place. Each batch is one transaction, so an interrupted recode leaves every article either old or new;
 * running it again finishes the job.
 */
import type { ArticleInput } from '../model/analysis.ts';
import type { Store } from '../store/store.ts';
import { FailureTally, type FailureGroup } from './failures.ts';
import { CodingPool } from '../pool/coding.ts';
import type { ArticleRows } from '../store/rows.ts';
import { poolOptions, storable } from './ingest.ts';

export interface RecodeOptions {
  workers: number;
  /** Time budget of one article, in milliseconds (default: the coding pool's). */
  articleTimeoutMs?: number;
  /** The user's PETRARCH dictionaries the workers code with (see CodingPoolOptions). */
  addDictionaries?: string;
  dictionaries?: string;
  signal?: AbortSignal;
  onProgress?: (progress: RecodeProgress) => void;
}

export interface RecodeProgress {
  done: number;
  total: number;
  events: number;
  elapsedMs: number;
}

export interface RecodeSummary extends RecodeProgress {
  recoded: number;
  failed: number;
  failures: FailureGroup[];
  eventsBefore: number;
  interrupted: boolean;
}

const PAGE = 256;
const BATCH = 64;

export async function recode(store: Store, options: RecodeOptions): Promise<RecodeSummary> {
  const countEvents = async () => (await store.counts()).events;
  const total = (await store.counts()).articles;
  const pool = await CodingPool.start(poolOptions(options));
  const started = performance.now();
  const failures = new FailureTally();
  const summary: RecodeSummary = { done: 0, total, events: 0, elapsedMs: 0, recoded: 0, failed: 0, failures: [], eventsBefore: await countEvents(), interrupted: false };
  const coding = new Set<Promise<void>>();
  let batch: { id: number; where: string; rows: ArticleRows; failure: string | null }[] = [];
  // Batches are written one after another; a failed write is thrown when the recode stops.
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (batch.length === 0) return writing;
    const items = batch;
    batch = [];
    writing = writing.then(async () => {
      await store.replace(items.map(({ id, rows }) => ({ id, rows })));
      for (const { where, failure } of items) {
        if (failure !== null) failures.add(where, failure);
        else summary.recoded++;
        summary.done++;
      }
      summary.events = await countEvents();
      summary.elapsedMs = performance.now() - started;
      options.onProgress?.({ done: summary.done, total, events: summary.events, elapsedMs: summary.elapsedMs });
    });
    writing.catch(() => undefined);
    return writing;
  };
  try {
    let last = 0;
    for (;;) {
      // Pages, not an open cursor: the writer uses the same connection between pages.
      const rows = await store.storedInputs(last, PAGE);
      if (rows.length === 0 || options.signal?.aborted) break;
      for (const row of rows) {
        last = row.id;
        if (options.signal?.aborted) break;
        const input = { ...(JSON.parse(row.input) as Omit<ArticleInput, 'text'>), text: row.text };
        await pool.whenFree();
        const meta = { key: row.key, contentHash: row.contentHash, origin: row.origin };
        const task = pool.codeRows(input, meta).then((outcome) => {
          batch.push({ id: row.id, where: row.origin, ...storable(input, meta, outcome) });
          if (batch.length >= BATCH) void flush();
        });
        coding.add(task);
        void task.finally(() => coding.delete(task)).catch(() => undefined);
      }
    }
    summary.interrupted = options.signal?.aborted === true;
    await Promise.all(coding);
    await flush();
  } finally {
    await pool.close();
  }
  summary.failed = failures.count;
  summary.failures = failures.list();
  return summary;
}
