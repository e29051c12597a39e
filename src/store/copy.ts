/**
 * Copy: every article of one store into another (SQLite → PostgreSQL when a team outgrows one machine), rebuilt from
 * the stored input and record without coding again. The target's writer does the rest as for any write: articles it
 * holds already are skipped, events merge by the canonical merge key, near-duplicates are linked. So a copy that
 * stopped half-way is finished by running it again.
 */
import type { ArticleInput } from '../model/analysis.ts';
import type { ArticleRecord } from '../model/record.ts';
import { articleRows, failedArticleRows, type ArticleRows } from './rows.ts';
import type { Store, StoredInput } from './store.ts';

export interface CopySummary {
  /** Articles read from the source. */
  done: number;
  copied: number;
  /** The target held them already. */
  skipped: number;
  /** Events the copied articles created in the target. */
  events: number;
  elapsedMs: number;
}

/** Articles per transaction in the target. */
const PAGE = 256;

export async function copyStore(from: Store, to: Store, options: { signal?: AbortSignal; onProgress?: (s: CopySummary) => void } = {}): Promise<CopySummary> {
  const started = performance.now();
  const summary: CopySummary = { done: 0, copied: 0, skipped: 0, events: 0, elapsedMs: 0 };
  let last = 0;
  for (;;) {
    if (options.signal?.aborted) break;
    const page = await from.storedInputs(last, PAGE);
    if (page.length === 0) break;
    last = page.at(-1)!.id;
    const written = await to.write(page.map(storedRows));
    for (const w of written) {
      summary.events += w.newEvents;
      if (w.stored) summary.copied++;
      else summary.skipped++;
    }
    summary.done += page.length;
    summary.elapsedMs = performance.now() - started;
    options.onProgress?.({ ...summary });
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}

/** A stored article's rows as its coding built them (records are stored without the text they point into). */
export function storedRows(stored: StoredInput): ArticleRows {
  const input = { ...(JSON.parse(stored.input) as Omit<ArticleInput, 'text'>), text: stored.text };
  const meta = { key: stored.key, contentHash: stored.contentHash, origin: stored.origin };
  if (stored.record === null) return failedArticleRows(input, meta, stored.error ?? 'unknown error');
  const record = JSON.parse(stored.record) as ArticleRecord;
  return articleRows(input, { ...record, article: { ...record.article, text: stored.text } }, meta);
}
