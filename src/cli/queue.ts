/** `dateline enqueue`, `dateline worker`, `dateline status`: the NATS JetStream work queue from the command line. */
import type { NatsConnection } from 'nats';
import { connectQueue, ensureStreams, queueNames, queueServers, streamName } from '../queue/connect.ts';
import { enqueue } from '../queue/enqueue.ts';
import { queueStatus, type QueueStatus } from '../queue/status.ts';
import { runWorker, type WorkerSummary } from '../queue/worker.ts';
import { poolOptions } from '../ingest/ingest.ts';
import { DEFAULT_MAX_BYTES } from '../stages/input/index.ts';
import { parsePublished } from '../stages/input/published.ts';
import { describeSpec, openStoreAt } from '../store/open.ts';
import type { CountedTable } from '../store/tables.ts';
import { articleTimeout, dictionaryOptions, existingStoreSpec, noPositionals, storeSpec, wholeNumber, workerCount } from './args.ts';
import { UsageError } from './errors.ts';
import { duration, fmt } from './progress.ts';

type Values = Record<string, string | boolean | undefined>;

export const DEFAULT_ACK_WAIT = '60s';
export const DEFAULT_MAX_DELIVER = 5;

export async function runEnqueue(specs: string[], values: Values): Promise<number> {
  if (specs.length === 0) throw new UsageError('give at least one file, directory, feed, URL or "-" for stdin; see `dateline enqueue --help`');
  let published: string | undefined;
  if (typeof values.date === 'string') {
    published = parsePublished(values.date) ?? undefined;
    if (!published) throw new UsageError(`--date "${values.date}" is not a date; use YYYY-MM-DD`);
  }
  const maxBytes = wholeNumber(values, 'max-bytes', DEFAULT_MAX_BYTES, 1, 2 ** 31);
  const names = queueNames(streamName(values.stream));
  const servers = queueServers(values.queue);
  const { nc, jsm } = await connectQueue(servers, 'dateline enqueue');
  const stop = new AbortController();
  const onSigint = () => stop.abort();
  process.on('SIGINT', onSigint);
  try {
    await ensureStreams(jsm, names);
    const s = await enqueue(nc.jetstream(), names, specs, { maxBytes, maxPayload: nc.info?.max_payload ?? 1024 * 1024, signal: stop.signal, ...(published ? { published } : {}) });
    const lines = [
      `${stop.signal.aborted ? 'Interrupted. ' : ''}Enqueued ${fmt(s.published)} article${s.published === 1 ? '' : 's'} on ${names.stream} at ${servers.join(',')} in ${duration(s.elapsedMs)}; ${fmt(s.duplicates)} dropped as already enqueued. Failed ${fmt(s.failed)}.`,
      ...s.failures.slice(0, 10).map((f) => `  ${fmt(f.count)} × ${f.reason} (first: ${f.first})`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return s.failed > 0 || stop.signal.aborted ? 1 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    await nc.drain();
  }
}

export async function runQueueWorker(positionals: string[], values: Values): Promise<number> {
  noPositionals('worker', positionals);
  const names = queueNames(streamName(values.stream));
  const servers = queueServers(values.queue);
  const inFlight = wholeNumber(values, 'in-flight', 32, 1, 10_000);
  const maxDeliver = wholeNumber(values, 'max-deliver', DEFAULT_MAX_DELIVER, 1, 1000);
  const ackWaitMs = durationMs(values, 'ack-wait', DEFAULT_ACK_WAIT);
  const articleTimeoutMs = articleTimeout(values);
  if (ackWaitMs <= articleTimeoutMs) throw new UsageError(`--ack-wait (${ackWaitMs / 1000}s) must be longer than --article-timeout (${articleTimeoutMs / 1000}s), or JetStream redelivers articles still being coded`);
  const dictionaries = dictionaryOptions(values);
  if (dictionaries.addDictionaries !== undefined || dictionaries.dictionaries !== undefined) (await import('./world.ts')).checkDictionaries(dictionaries);
  const spec = storeSpec(values);
  const { nc, jsm } = await connectQueue(servers, `dateline worker ${process.pid}`);
  const store = await openStoreAt(spec).catch(async (error: unknown) => {
    await nc.close();
    throw error;
  });
  const stop = new AbortController();
  const onSignal = (signal: string) => {
    if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    process.stderr.write(`dateline worker: ${signal}: finishing the articles in flight, then stopping\n`);
    stop.abort();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    const pool = poolOptions({ workers: workerCount(values), articleTimeoutMs, ...dictionaries });
    process.stderr.write(`dateline worker: pulling from ${names.stream} at ${servers.join(',')} into ${describeSpec(spec)}, ${pool.workers} coding thread${pool.workers === 1 ? '' : 's'}, at most ${inFlight} in flight\n`);
    const summary = await runWorker(nc, jsm, store, names, {
      inFlight,
      maxDeliver,
      ackWaitMs,
      untilEmpty: values['until-empty'] === true,
      pool,
      signal: stop.signal,
      log: (line) => process.stderr.write(`dateline worker: ${line}\n`),
    });
    process.stdout.write(`${values.format === 'json' ? JSON.stringify(summary) : describeWorker(summary)}\n`);
    return summary.writeFailure ? 1 : 0;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await store.close();
    await closeQuietly(nc);
  }
}

export async function runStatus(positionals: string[], values: Values): Promise<number> {
  noPositionals('status', positionals);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${String(format)}"`);
  const names = queueNames(streamName(values.stream));
  const servers = queueServers(values.queue);
  // The store part only when a store is named: a queue may feed a store this machine cannot reach.
  const named = values.store !== undefined || values.db !== undefined || (process.env.DATELINE_STORE ?? '') !== '';
  const spec = named ? existingStoreSpec(values) : null;
  const { nc, jsm } = await connectQueue(servers, 'dateline status');
  let queue: QueueStatus;
  let store: { location: string; counts: Record<CountedTable, number> } | null = null;
  try {
    queue = await queueStatus(jsm, names, servers.join(','));
    if (spec) {
      const opened = await openStoreAt(spec, { readonly: true });
      try {
        store = { location: opened.location, counts: await opened.counts() };
      } finally {
        await opened.close();
      }
    }
  } finally {
    await closeQuietly(nc);
  }
  process.stdout.write(`${format === 'json' ? JSON.stringify({ queue, store }, null, 2) : describeStatus(queue, store)}\n`);
  return 0;
}

/** `--ack-wait 60s | 2m | 500ms | 90` (a bare number is seconds). */
export function durationMs(values: Values, name: string, fallback: string): number {
  const raw = values[name] ?? fallback;
  const match = typeof raw === 'string' ? /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw) : null;
  const ms = match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm' | 'h'] : NaN;
  if (!(ms >= 1000 && ms <= 24 * 3_600_000)) throw new UsageError(`--${name} must be a duration from 1s to 24h such as 60s, 2m or 1500ms, not "${String(raw)}"`);
  return Math.round(ms);
}

export function describeWorker(s: WorkerSummary): string {
  const rate = s.elapsedMs > 0 ? Math.round((s.stored / s.elapsedMs) * 10_000) / 10 : 0;
  const latency = s.latencyMs ? ` Queue latency (enqueued → stored) p50 ${(s.latencyMs.p50 / 1000).toFixed(1)}s, p95 ${(s.latencyMs.p95 / 1000).toFixed(1)}s.` : '';
  return (
    `Worker stopped. Stored ${fmt(s.stored)} article${s.stored === 1 ? '' : 's'} (${fmt(s.mentions)} event reports, ${fmt(s.newEvents)} new events) in ${duration(s.elapsedMs)} (${fmt(rate)} articles/s) after ${duration(s.startupMs)} starting; ` +
    `skipped ${fmt(s.skipped)} already stored, took over ${fmt(s.redelivered)} redelivered, retried ${fmt(s.retried)}, dead-lettered ${fmt(s.deadLettered)}.${latency}` +
    (s.writeFailure ? `\nStopped because the store refused a write (${s.writeFailure}); the unwritten articles are back in the queue.` : '')
  );
}

function describeStatus(q: QueueStatus, store: { location: string; counts: Record<CountedTable, number> } | null): string {
  const lines = [
    `Stream ${q.stream}: ${fmt(q.depth)} message${q.depth === 1 ? '' : 's'} (${fmt(Math.round(q.bytes / 1024))} KB): ${fmt(q.pending)} waiting for a worker, ${fmt(q.inFlight)} in flight (${fmt(q.redelivered)} redelivered); ${fmt(q.waitingWorkers)} idle pull request${q.waitingWorkers === 1 ? '' : 's'}.`,
    `Dead letters: ${fmt(q.deadLetters)}.`,
    ...q.recentDeadLetters.map((d) => `  #${d.seq} ${d.origin ?? '(not an article)'}: ${d.error} (${d.deliveries} deliveries, ${d.at})`),
  ];
  if (store) lines.push(`Store ${store.location}: ${Object.entries(store.counts).map(([table, n]) => `${fmt(n)} ${table.replace('_', ' ')}`).join(', ')}.`);
  return lines.join('\n');
}

async function closeQuietly(nc: NatsConnection): Promise<void> {
  // drain sends the last acknowledgements before closing.
  await nc.drain().catch(() => nc.close());
}
