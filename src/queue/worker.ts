/**
 * A queue worker: pulls articles in batches from the shared durable consumer, codes them with the coding pool
 * (the same per-article time budget as ingest), writes them in batched transactions, and acknowledges each message
 * only after its article is committed. So a worker killed at any point loses nothing (its unacknowledged messages
 * come back after the ack wait) and doubles nothing (the store skips an article whose key it holds).
 *
 * A message that fails (not an article, coding stopped, the worker died on it) is retried by the other deliveries;
 * on its `maxDeliver`-th it goes to the dead-letter stream with its error and is acknowledged, and the others go on.
 * Stopping (SIGTERM) pulls nothing more, finishes, writes and acknowledges what is in flight, and returns.
 */
import { hostname } from 'node:os';
import { AckPolicy, nanos, type JetStreamManager, type JsMsg, type NatsConnection } from 'nats';
import { CodingPool, type CodingPoolOptions } from '../pool/coding.ts';
import { articleKey } from '../store/articleKey.ts';
import type { ArticleRows } from '../store/rows.ts';
import type { Store } from '../store/store.ts';
import { CONSUMER, ensureStreams, isNotFound, type QueueNames } from './connect.ts';
import { bodyText, decodeArticle, type DeadLetter, type QueuedArticle } from './message.ts';

export interface WorkerOptions {
  /** Messages pulled and not yet acknowledged, at most (back-pressure). */
  inFlight: number;
  /** Deliveries of a failing message before it goes to the dead-letter stream. */
  maxDeliver: number;
  /** How long JetStream waits for an acknowledgement before it redelivers (the consumer's ack wait). */
  ackWaitMs: number;
  /** Return when the queue holds nothing more for the workers (a backfill job), instead of waiting for more. */
  untilEmpty: boolean;
  pool: CodingPoolOptions;
  /** Aborting stops pulling; what is in flight is finished. */
  signal: AbortSignal;
  /** One line per dead letter and per refused write. */
  log: (line: string) => void;
}

export interface WorkerSummary {
  stored: number;
  /** Acknowledged without coding or writing: the store held the article already. */
  skipped: number;
  deadLettered: number;
  /** Failed deliveries handed back for another try. */
  retried: number;
  /** Messages that came to this worker on a second or later delivery (another worker failed or died on them). */
  redelivered: number;
  mentions: number;
  newEvents: number;
  /** From pulling the first message to the last acknowledgement. */
  elapsedMs: number;
  startupMs: number;
  /** Enqueued → committed and acknowledged, in milliseconds, of the articles this worker stored. */
  latencyMs: { p50: number; p95: number } | null;
  /** Why the store refused a write: the worker stopped and handed that batch back to the queue. */
  writeFailure: string | null;
}

/** Articles per transaction, as in ingest; a batch waits at most FLUSH_MS for more. */
const BATCH = 64;
const FLUSH_MS = 250;
/** The shortest pull the server accepts; also how long stopping may wait for a pull to end. */
const PULL_MS = 1000;

export async function ensureConsumer(jsm: JetStreamManager, names: QueueNames, ackWaitMs: number): Promise<void> {
  const config = { durable_name: CONSUMER, ack_policy: AckPolicy.Explicit, ack_wait: nanos(ackWaitMs), filter_subject: names.subject, max_deliver: -1, max_ack_pending: -1 };
  try {
    const info = await jsm.consumers.info(names.stream, CONSUMER);
    if (info.config.ack_wait !== config.ack_wait) await jsm.consumers.update(names.stream, CONSUMER, { ack_wait: config.ack_wait });
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.consumers.add(names.stream, config);
  }
}

export async function runWorker(nc: NatsConnection, jsm: JetStreamManager, store: Store, names: QueueNames, options: WorkerOptions): Promise<WorkerSummary> {
  await ensureStreams(jsm, names);
  await ensureConsumer(jsm, names, options.ackWaitMs);
  const starting = performance.now();
  const pool = await CodingPool.start(options.pool);
  const summary: WorkerSummary = { stored: 0, skipped: 0, deadLettered: 0, retried: 0, redelivered: 0, mentions: 0, newEvents: 0, elapsedMs: 0, startupMs: performance.now() - starting, latencyMs: null, writeFailure: null };
  const js = nc.jetstream();
  const consumer = await js.consumers.get(names.stream, CONSUMER);
  options.log(`ready: the coding pool started in ${(summary.startupMs / 1000).toFixed(1)}s; pulling`);
  const worker = `${hostname()}:${process.pid}`;
  const latencies: number[] = [];

  // Messages pulled and not yet settled (acknowledged, handed back or dead-lettered).
  const inFlight = new Set<JsMsg>();
  let freed: (() => void) | null = null;
  const settle = (m: JsMsg) => {
    inFlight.delete(m);
    freed?.();
    freed = null;
  };
  const room = () => (inFlight.size < options.inFlight ? Promise.resolve() : new Promise<void>((resolve) => (freed = resolve)));
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  options.signal.addEventListener('abort', stop);

  // Coding or writing may wait behind other articles: keep JetStream from redelivering what this worker holds.
  const heartbeat = setInterval(() => inFlight.forEach((m) => m.working()), Math.max(500, options.ackWaitMs / 3));

  let batch: { m: JsMsg; rows: ArticleRows }[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (batch.length === 0) return writing;
    const items = batch;
    batch = [];
    writing = writing.then(async () => {
      if (summary.writeFailure) return handBack(items.map((i) => i.m));
      try {
        const written = await store.write(items.map((i) => i.rows));
        const now = Date.now();
        items.forEach(({ m }, i) => {
          const w = written[i]!;
          if (w.stored) {
            summary.stored++;
            summary.mentions += w.mentions;
            summary.newEvents += w.newEvents;
            latencies.push(now - m.info.timestampNanos / 1e6);
          } else summary.skipped++;
          m.ack();
          settle(m);
        });
      } catch (error) {
        summary.writeFailure = (error as Error).message;
        options.log(`the store refused a write (${summary.writeFailure}); ${items.length} articles go back to the queue and this worker stops`);
        stop();
        handBack(items.map((i) => i.m));
      }
    });
    return writing;
  };
  const handBack = (messages: JsMsg[]) => {
    for (const m of messages) {
      m.nak(5000);
      settle(m);
    }
  };
  const timer = setInterval(() => void flush(), FLUSH_MS);

  const deadLetter = async (m: JsMsg, article: QueuedArticle | null, error: string) => {
    const letter: DeadLetter = {
      seq: m.info.streamSequence,
      origin: article?.origin ?? null,
      key: article ? articleKey(article.input).key : null,
      error,
      deliveries: m.info.deliveryCount,
      worker,
      at: new Date().toISOString(),
      body: bodyText(m.data),
    };
    try {
      await js.publish(names.deadSubject, JSON.stringify(letter), { msgID: `${names.stream}-${letter.seq}` });
      m.ack();
      summary.deadLettered++;
      options.log(`dead letter: message ${letter.seq}${letter.origin ? ` (${letter.origin})` : ''} failed ${letter.deliveries} times: ${error}`);
    } catch (publishError) {
      options.log(`could not dead-letter message ${letter.seq} (${(publishError as Error).message}); it stays in the queue`);
      m.nak(5000);
    }
    settle(m);
  };
  const fail = async (m: JsMsg, article: QueuedArticle | null, error: string) => {
    if (m.info.deliveryCount >= options.maxDeliver) return deadLetter(m, article, error);
    summary.retried++;
    // Back off a little more each time, so a failing message does not spin between workers.
    m.nak(Math.min(30_000, 1000 * m.info.deliveryCount));
    settle(m);
  };

  const handle = async (m: JsMsg) => {
    let article: QueuedArticle | null = null;
    try {
      article = decodeArticle(m.data);
      if (m.info.deliveryCount > options.maxDeliver) return await deadLetter(m, article, `delivered ${m.info.deliveryCount} times without an acknowledgement: a worker died on it or held it past --ack-wait`);
      const { key, contentHash } = articleKey(article.input);
      if (await store.hasKey(key)) {
        summary.skipped++;
        m.ack();
        return settle(m);
      }
      const outcome = await pool.codeRows(article.input, { key, contentHash, origin: article.origin });
      if (!outcome.ok) return await fail(m, article, outcome.message);
      batch.push({ m, rows: outcome.value });
      if (batch.length >= BATCH) void flush();
    } catch (error) {
      await fail(m, article, (error as Error).message);
    }
  };

  const started = performance.now();
  try {
    while (!stopping) {
      await room();
      if (stopping) break;
      let pulled = 0;
      try {
        const messages = await consumer.fetch({ max_messages: options.inFlight - inFlight.size, expires: PULL_MS });
        for await (const m of messages) {
          pulled++;
          if (m.info.deliveryCount > 1) summary.redelivered++;
          inFlight.add(m);
          void handle(m);
        }
      } catch (error) {
        // The client reconnects by itself for a while; after that nothing held can be acknowledged: stop.
        if (nc.isClosed()) throw new Error(`lost the connection to NATS (${(error as Error).message}); what this worker held goes back to the queue after the ack wait`);
        options.log(`pulling failed (${(error as Error).message}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, PULL_MS));
        continue;
      }
      if (pulled === 0 && options.untilEmpty && inFlight.size === 0) {
        const info = await consumer.info();
        if (info.num_pending === 0 && info.num_ack_pending === 0) break;
      }
    }
    // Finish what is in flight: coding ends within the article time budget, then one last write.
    while (inFlight.size > 0) {
      await flush();
      if (inFlight.size > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await flush();
  } finally {
    clearInterval(timer);
    clearInterval(heartbeat);
    options.signal.removeEventListener('abort', stop);
    await pool.close();
  }
  summary.elapsedMs = performance.now() - started;
  summary.latencyMs = percentiles(latencies);
  return summary;
}

function percentiles(values: number[]): { p50: number; p95: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
  return { p50: at(0.5), p95: at(0.95) };
}
