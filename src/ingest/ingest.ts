/**
 * Ingest: read articles, code them on worker threads, write them from this thread in batched transactions.
 * Idempotent (an article whose key is stored is skipped before it is coded) and crash-safe (a batch is one
 * transaction: after kill -9, re-running codes again only what was not committed).
 */
import { articleKey } from '../store/articleKey.ts';
import type { Store } from '../store/store.ts';
import type { InputOrigin } from '../stages/input/index.ts';
import { FailureTally, type FailureGroup } from './failures.ts';
import { CodingPool, type CodeOutcome, type CodingPoolOptions } from '../pool/coding.ts';
import type { ArticleInput } from '../model/analysis.ts';
import { failedArticleRows, type ArticleMeta, type ArticleRows } from '../store/rows.ts';
import { readSources, type SourceOptions, type SourceSpec } from './sources.ts';

export interface IngestOptions extends SourceOptions {
  workers: number;
  /** Time budget of one article, in milliseconds (default: the coding pool's). */
  articleTimeoutMs?: number;
  /** The user's PETRARCH dictionaries the workers code with (see CodingPoolOptions). */
  addDictionaries?: string;
  dictionaries?: string;
  /** Stops reading new articles; what is being coded is still stored. */
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  /** Articles read so far (stored, duplicate or failed). */
  done: number;
  stored: number;
  duplicates: number;
  failed: number;
  /** Events created by this run (reports merged into an existing event do not count). */
  events: number;
  /** Since the workers were ready. */
  elapsedMs: number;
}

export interface IngestSummary extends IngestProgress {
  /** Stored articles found to be near-duplicates of earlier ones (linked, not counted twice). */
  nearDuplicates: number;
  mentions: number;
  failures: FailureGroup[];
  /** Starting the workers (loading the pipeline); 0 when nothing needed coding. */
  startupMs: number;
  interrupted: boolean;
  /** Why the store refused a write (busy, disk full…): the ingest stopped there; what was written stays. */
  writeFailure: string | null;
}

/** Articles per transaction: large enough to amortise the commit, small enough to lose little on a crash. */
const BATCH = 64;
const FLUSH_MS = 500;

export async function ingest(store: Store, specs: readonly SourceSpec[], options: IngestOptions): Promise<IngestSummary> {
  let started = performance.now();
  // Workers start at the first article to code: re-running over stored articles costs no start-up.
  let pool: CodingPool | null = null;
  const failures = new FailureTally();
  const summary: IngestSummary = { done: 0, stored: 0, duplicates: 0, failed: 0, events: 0, elapsedMs: 0, nearDuplicates: 0, mentions: 0, failures: [], startupMs: 0, interrupted: false, writeFailure: null };
  const seen = new Set<string>();
  const coding = new Set<Promise<void>>();
  let batch: { rows: ArticleRows; failure: string | null; where: string }[] = [];

  const report = () => {
    summary.elapsedMs = performance.now() - started - summary.startupMs;
    summary.failed = failures.count;
    options.onProgress?.({ ...summary });
  };
  // Batches are written one after another; a failed write stops the ingest and is thrown at the end.
  let writing: Promise<void> = Promise.resolve();
  let writeFailure: Error | null = null;
  const flush = () => {
    if (batch.length === 0) return writing;
    const items = batch;
    batch = [];
    writing = writing.then(async () => {
      const written = await store.write(items.map((i) => i.rows));
      items.forEach(({ failure, where }, i) => {
        const w = written[i]!;
        summary.done++;
        // Stored meanwhile by another writer of the same store.
        if (!w.stored) return void summary.duplicates++;
        if (failure !== null) failures.add(where, `${failure}; the article is stored with this message and \`dateline recode\` retries it`);
        else summary.stored++;
        if (w.duplicateOf !== null) summary.nearDuplicates++;
        summary.events += w.newEvents;
        summary.mentions += w.mentions;
      });
      report();
    });
    writing.catch((error: Error) => (writeFailure ??= error));
    return writing;
  };
  const timer = setInterval(() => void flush().catch(() => undefined), FLUSH_MS);

  try {
    for await (const item of readSources(specs, options)) {
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      if (writeFailure) break;
      const where = describe(item.origin);
      if (!item.ok) {
        await store.recordInputFailure(where, item.message);
        failures.add(where, item.message);
        summary.done++;
        continue;
      }
      const { key, contentHash } = articleKey(item.input);
      if (seen.has(key) || (await store.hasKey(key))) {
        summary.duplicates++;
        summary.done++;
        continue;
      }
      seen.add(key);
      if (!pool) {
        const starting = performance.now();
        pool = await CodingPool.start(poolOptions(options));
        summary.startupMs = performance.now() - starting;
        started = starting;
      }
      await pool.whenFree();
      const meta = { key, contentHash, origin: where };
      const task = pool.codeRows(item.input, meta).then((outcome) => {
        batch.push({ ...storable(item.input, meta, outcome), where });
        if (batch.length >= BATCH) void flush().catch(() => undefined);
      });
      coding.add(task);
      void task.finally(() => coding.delete(task)).catch(() => undefined);
    }
    await Promise.all(coding);
    // A refused write ends the ingest with its summary (the reason in it), not with an exception.
    await flush().catch(() => undefined);
  } finally {
    clearInterval(timer);
    await pool?.close();
  }
  summary.elapsedMs = performance.now() - started - summary.startupMs;
  summary.failed = failures.count;
  summary.failures = failures.list();
  summary.writeFailure = (writeFailure as Error | null)?.message ?? null;
  return summary;
}

/** The rows to store for a coded article, or for one that failed (its text and the message, for \`recode\` to retry). */
export function storable(input: ArticleInput, meta: ArticleMeta, outcome: CodeOutcome<ArticleRows>): { rows: ArticleRows; failure: string | null } {
  return outcome.ok ? { rows: outcome.value, failure: null } : { rows: failedArticleRows(input, meta, outcome.message), failure: outcome.message };
}

export function describe(origin: InputOrigin): string {
  if (origin.item !== undefined) return `${origin.file}#${origin.item}`;
  return origin.line === undefined ? origin.file : `${origin.file}:${origin.line}`;
}

/** The coding pool options of an ingest or recode. */
export function poolOptions(options: { workers: number; articleTimeoutMs?: number; addDictionaries?: string; dictionaries?: string }): CodingPoolOptions {
  const { workers, articleTimeoutMs, addDictionaries, dictionaries } = options;
  return { workers, ...(articleTimeoutMs ? { articleTimeoutMs } : {}), ...(addDictionaries === undefined ? {} : { addDictionaries }), ...(dictionaries === undefined ? {} : { dictionaries }) };
}
