/** `dateline ingest`: code articles into the store, with progress and a closing summary. Ctrl-C stops cleanly. */
import { ingest, type IngestSummary } from '../ingest/ingest.ts';
import { estimateArticles, type SourceSpec } from '../ingest/sources.ts';
import { DEFAULT_MAX_BYTES } from '../stages/input/index.ts';
import { parsePublished } from '../stages/input/published.ts';
import { describeSpec, openStoreAt } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { articleTimeout, dictionaryOptions, storeSpec, wholeNumber, workerCount } from './args.ts';
import { UsageError } from './errors.ts';
import { duration, fmt, ProgressLine } from './progress.ts';

type Values = Record<string, string | boolean | undefined>;

export async function runIngest(specs: string[], values: Values): Promise<number> {
  if (specs.length === 0) throw new UsageError('give at least one file, directory, feed, URL or "-" for stdin; see `dateline ingest --help`');
  let published: string | undefined;
  if (typeof values.date === 'string') {
    published = parsePublished(values.date) ?? undefined;
    if (!published) throw new UsageError(`--date "${values.date}" is not a date; use YYYY-MM-DD`);
  }
  const maxBytes = wholeNumber(values, 'max-bytes', DEFAULT_MAX_BYTES, 1, 2 ** 31);
  const workers = workerCount(values);
  const articleTimeoutMs = articleTimeout(values);
  const dictionaries = dictionaryOptions(values);
  // a dictionary that cannot be read is one line here, before any worker starts
  if (dictionaries.addDictionaries !== undefined || dictionaries.dictionaries !== undefined) (await import('./world.ts')).checkDictionaries(dictionaries);
  const spec = storeSpec(values);
  const store = await openStoreAt(spec);
  try {
    const summary = await ingestWithProgress(store, specs, { workers, articleTimeoutMs, ...dictionaries, maxBytes, ...(published ? { published } : {}) });
    process.stdout.write(`${describeIngest(summary, describeSpec(spec))}\n`);
    return summary.failed > 0 || summary.interrupted || summary.writeFailure ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** Runs an ingest with the progress line and Ctrl-C handling (first press: finish what is being coded; second: quit). */
export async function ingestWithProgress(store: Store, specs: SourceSpec[], options: { workers: number; articleTimeoutMs: number; addDictionaries?: string; dictionaries?: string; maxBytes?: number; published?: string }): Promise<IngestSummary> {
  const total = process.stderr.isTTY ? estimateArticles(specs) : null;
  const progress = new ProgressLine('ingest');
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    progress.finish();
    process.stderr.write('dateline: stopping after the articles being coded (Ctrl-C again to quit now; nothing stored is lost)\n');
  };
  process.on('SIGINT', onSigint);
  try {
    return await ingest(store, specs, { ...options, signal: stop.signal, onProgress: (p) => progress.update({ done: p.done, total, events: p.events, elapsedMs: p.elapsedMs }) });
  } finally {
    process.off('SIGINT', onSigint);
    progress.finish();
  }
}

export function describeIngest(s: IngestSummary, file: string): string {
  const seconds = s.elapsedMs / 1000;
  // "0 articles/s" for one article in two seconds would read as nothing done.
  const rate = seconds > 0 ? (s.stored / seconds < 10 ? Math.round((s.stored / seconds) * 10) / 10 : Math.round(s.stored / seconds)) : 0;
  // Starting the workers comes before coding: "took 13s: 8s starting the workers, then 5s coding (42 articles/s)".
  const times = s.startupMs > 0 ? `Took ${duration(s.startupMs + s.elapsedMs)}: ${duration(s.startupMs)} starting the workers, then ${duration(s.elapsedMs)} coding (${fmt(rate)} articles/s).` : `Took ${duration(s.elapsedMs)} (${fmt(rate)} articles/s).`;
  const lines = [
    `${s.interrupted ? 'Interrupted. ' : ''}Stored ${fmt(s.stored)} article${s.stored === 1 ? '' : 's'} in ${file}` +
      (s.nearDuplicates ? ` (${fmt(s.nearDuplicates)} near-duplicate${s.nearDuplicates === 1 ? '' : 's'} of earlier articles, linked and not counted twice)` : '') +
      `: ${fmt(s.mentions)} event reports, ${fmt(s.events)} new events.`,
    `Skipped ${fmt(s.duplicates)} already stored. Failed ${fmt(s.failed)}.` + (s.stored > 0 ? ` ${times}` : ''),
  ];
  for (const f of s.failures.slice(0, 10)) lines.push(`  ${fmt(f.count)} × ${f.reason} (first: ${f.first})`);
  if (s.failures.length > 10) lines.push(`  … and ${s.failures.length - 10} other reasons`);
  if (s.writeFailure) lines.push(`Stopped: the store refused a write (${s.writeFailure}); what was stored before is kept. Run the same ingest again to store the rest.`);
  return lines.join('\n');
}
