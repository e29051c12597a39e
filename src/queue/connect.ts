/**
 * The work queue on NATS JetStream: one work-queue stream of articles (`NAME`, subject `NAME.articles`) that a
 * durable pull consumer (`workers`) shares among all worker processes, and a dead-letter stream (`NAME_DEAD`,
 * subject `NAME.dead`) for messages that failed `--max-deliver` times. Names and connection errors live here.
 */
import { connect, nanos, RetentionPolicy, StorageType, type JetStreamManager, type NatsConnection, type StreamConfig } from 'nats';
import { UsageError } from '../cli/errors.ts';

export const DEFAULT_STREAM = 'DATELINE';
/** The durable consumer every worker pulls from: one consumer, so each message goes to one worker. */
export const CONSUMER = 'workers';
/**
 * How long JetStream remembers a message id: an article enqueued again within it is dropped at once (workers also
 * skip an article whose key is stored, so a later re-send is skipped there, uncoded).
 */
export const DUPLICATE_WINDOW_MS = 60 * 60 * 1000;

export interface QueueNames {
  stream: string;
  subject: string;
  deadStream: string;
  deadSubject: string;
}

export function queueNames(stream: string): QueueNames {
  return { stream, subject: `${stream}.articles`, deadStream: `${stream}_DEAD`, deadSubject: `${stream}.dead` };
}

/** `--stream NAME`: JetStream names are letters, digits, - and _. */
export function streamName(given: string | boolean | undefined): string {
  if (given === undefined) return DEFAULT_STREAM;
  if (typeof given !== 'string' || !/^[A-Za-z0-9_-]{1,200}$/.test(given)) throw new UsageError(`--stream must be a name of letters, digits, - and _ (e.g. ${DEFAULT_STREAM}), not "${String(given)}"`);
  return given;
}

/** `--queue nats://HOST:PORT[,nats://…]`, else DATELINE_QUEUE. */
export function queueServers(given: string | boolean | undefined): string[] {
  const raw = given ?? process.env.DATELINE_QUEUE;
  const from = given !== undefined ? '--queue' : 'DATELINE_QUEUE';
  if (raw === undefined || raw === '') throw new UsageError('give the queue with --queue nats://HOST:4222 (or DATELINE_QUEUE)');
  if (typeof raw !== 'string') throw new UsageError(`${from} needs a value: nats://HOST:4222`);
  const servers = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const s of servers) if (!/^(nats|tls):\/\/[^/\s]+\/?$/i.test(s)) throw new UsageError(`${from} must be nats://HOST[:PORT] (several separated by commas), not "${s}"`);
  return servers;
}

/** Connects and checks that JetStream is on; the failures a user can fix are one line each. */
export async function connectQueue(servers: string[], name: string): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  const where = servers.join(',');
  let nc: NatsConnection;
  try {
    nc = await connect({ servers, name, timeout: 5000, maxReconnectAttempts: 30, reconnectTimeWait: 1000 });
  } catch (error) {
    throw new UsageError(`cannot reach NATS at ${where} (${(error as Error).message}): start it (nats-server -js) or pass --queue`);
  }
  try {
    return { nc, jsm: await nc.jetstreamManager({ timeout: 5000 }) };
  } catch (error) {
    await nc.close();
    const message = (error as Error).message;
    if (/503|jetstream not enabled|no responders/i.test(message)) throw new UsageError(`NATS at ${where} has no JetStream: start the server with JetStream on (nats-server -js)`);
    throw new UsageError(`cannot use JetStream at ${where}: ${message}`);
  }
}

/** Creates the article and dead-letter streams when missing (every command may be the first to run). */
export async function ensureStreams(jsm: JetStreamManager, names: QueueNames): Promise<void> {
  await ensureStream(jsm, { name: names.stream, subjects: [names.subject], retention: RetentionPolicy.Workqueue, duplicate_window: nanos(DUPLICATE_WINDOW_MS) });
  await ensureStream(jsm, { name: names.deadStream, subjects: [names.deadSubject] });
}

async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  try {
    await jsm.streams.info(config.name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    await jsm.streams.add({ storage: StorageType.File, ...config });
  }
}

export function isNotFound(error: unknown): boolean {
  const e = error as { code?: string; api_error?: { err_code?: number }; message?: string };
  return e.code === '404' || e.api_error?.err_code === 10059 || e.api_error?.err_code === 10014 || /not found/i.test(e.message ?? '');
}
