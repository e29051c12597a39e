/** `dateline recode`: code every stored article again and replace its records in place. */
import { recode } from '../ingest/recode.ts';
import { openStoreAt } from '../store/open.ts';
import { articleTimeout, dictionaryOptions, existingStoreSpec, noPositionals, workerCount } from './args.ts';
import { duration, fmt, ProgressLine } from './progress.ts';

type Values = Record<string, string | boolean | undefined>;

export async function runRecode(positionals: string[], values: Values): Promise<number> {
  noPositionals('recode', positionals);
  const articleTimeoutMs = articleTimeout(values);
  const dictionaries = dictionaryOptions(values);
  // a dictionary that cannot be read is one line here, before any worker starts
  if (dictionaries.addDictionaries !== undefined || dictionaries.dictionaries !== undefined) (await import('./world.ts')).checkDictionaries(dictionaries);
  const store = await openStoreAt(existingStoreSpec(values));
  const progress = new ProgressLine('recode');
  const stop = new AbortController();
  const onSigint = () => {
    if (stop.signal.aborted) process.exit(130);
    stop.abort();
    progress.finish();
    process.stderr.write('dateline: stopping after the articles being coded (each article is old or new, never half; run recode again to finish)\n');
  };
  process.on('SIGINT', onSigint);
  try {
    const s = await recode(store, { workers: workerCount(values), articleTimeoutMs, ...dictionaries, signal: stop.signal, onProgress: (p) => progress.update(p) });
    process.off('SIGINT', onSigint);
    // The last progress state, then the summary: never the other way round.
    progress.finish();
    const lines = [
      `${s.interrupted ? 'Interrupted. ' : ''}Recoded ${fmt(s.recoded)} of ${fmt(s.total)} articles in ${duration(s.elapsedMs)}; events ${fmt(s.eventsBefore)} → ${fmt(s.events)}. Failed ${fmt(s.failed)}.`,
      ...s.failures.slice(0, 10).map((f) => `  ${fmt(f.count)} × ${f.reason} (first: ${f.first})`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return s.failed > 0 || s.interrupted ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    progress.finish();
    await store.close();
  }
}
