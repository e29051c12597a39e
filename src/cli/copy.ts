/** `dateline copy --from sqlite:PATH --to postgres://…`: move a store to another engine or server. */
import { copyStore } from '../store/copy.ts';
import { describeSpec, openStoreAt, parseStoreSpec, type StoreSpec } from '../store/open.ts';
import { noPositionals } from './args.ts';
import { UsageError } from './errors.ts';
import { duration, fmt, ProgressLine } from './progress.ts';

type Values = Record<string, string | boolean | undefined>;

export async function runCopy(positionals: string[], values: Values): Promise<number> {
  noPositionals('copy', positionals);
  const from = specOf(values, 'from');
  const to = specOf(values, 'to');
  if (describeSpec(from) === describeSpec(to)) throw new UsageError('--from and --to name the same store');
  const source = await openStoreAt(from, { readonly: true });
  const total = (await source.counts()).articles;
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.on('SIGINT', onSigint);
  const progress = new ProgressLine('copy');
  try {
    const target = await openStoreAt(to);
    try {
      const s = await copyStore(source, target, { signal: stop.signal, onProgress: (p) => progress.update({ done: p.done, total, events: p.events, elapsedMs: p.elapsedMs }) });
      progress.finish();
      const counts = await target.counts();
      process.stdout.write(
        `${stop.signal.aborted ? 'Interrupted (run the same copy again to finish). ' : ''}Copied ${fmt(s.copied)} of ${fmt(total)} articles from ${describeSpec(from)} to ${describeSpec(to)} in ${duration(s.elapsedMs)}; ${fmt(s.skipped)} were there already.\n` +
          `${describeSpec(to)} now holds ${fmt(counts.articles)} articles, ${fmt(counts.events)} events, ${fmt(counts.event_mentions)} event reports, ${fmt(counts.quotes)} quotes, ${fmt(counts.casualties)} casualty reports.\n`,
      );
      return stop.signal.aborted ? 1 : 0;
    } finally {
      await target.close();
    }
  } finally {
    process.off('SIGINT', onSigint);
    progress.finish();
    await source.close();
  }
}

function specOf(values: Values, name: 'from' | 'to'): StoreSpec {
  const given = values[name];
  if (typeof given !== 'string' || given === '') throw new UsageError(`give --${name} sqlite:PATH or postgres://HOST/DATABASE; see \`dateline copy --help\``);
  const spec = parseStoreSpec(given);
  if (!spec) throw new UsageError(`--${name} must be sqlite:PATH or postgres://[USER@]HOST[:PORT]/DATABASE, not "${given}"`);
  return spec;
}
