/** What the queue holds: the article stream's depth, what the workers hold, and the latest dead letters. */
import type { JetStreamManager } from 'nats';
import { UsageError } from '../cli/errors.ts';
import { CONSUMER, isNotFound, type QueueNames } from './connect.ts';
import type { DeadLetter } from './message.ts';

export interface QueueStatus {
  stream: string;
  /** Messages in the stream: not yet acknowledged by any worker. */
  depth: number;
  bytes: number;
  /** Not yet delivered to a worker. */
  pending: number;
  /** Delivered and not yet acknowledged (being coded, or held by a worker that died, until the ack wait). */
  inFlight: number;
  /** Delivered more than once and not yet acknowledged. */
  redelivered: number;
  /** Pull requests of idle workers waiting for messages. */
  waitingWorkers: number;
  deadLetters: number;
  /** The latest dead letters, newest first, without their bodies. */
  recentDeadLetters: Omit<DeadLetter, 'body'>[];
}

export async function queueStatus(jsm: JetStreamManager, names: QueueNames, where: string, recent = 10): Promise<QueueStatus> {
  let stream;
  try {
    stream = await jsm.streams.info(names.stream);
  } catch (error) {
    if (isNotFound(error)) throw new UsageError(`there is no stream ${names.stream} at ${where} yet; \`dateline enqueue … --stream ${names.stream}\` creates it`);
    throw error;
  }
  const consumer = await jsm.consumers.info(names.stream, CONSUMER).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  const status: QueueStatus = {
    stream: names.stream,
    depth: stream.state.messages,
    bytes: stream.state.bytes,
    // Before the first worker made the consumer, everything in the stream is pending.
    pending: consumer?.num_pending ?? stream.state.messages,
    inFlight: consumer?.num_ack_pending ?? 0,
    redelivered: consumer?.num_redelivered ?? 0,
    waitingWorkers: consumer?.num_waiting ?? 0,
    deadLetters: 0,
    recentDeadLetters: [],
  };
  const dead = await jsm.streams.info(names.deadStream).catch(() => null);
  if (!dead) return status;
  status.deadLetters = dead.state.messages;
  for (let seq = dead.state.last_seq; seq >= dead.state.first_seq && seq > 0 && status.recentDeadLetters.length < recent; seq--) {
    const stored = await jsm.streams.getMessage(names.deadStream, { seq }).catch(() => null);
    if (!stored) continue;
    const { body: _body, ...letter } = stored.json<DeadLetter>();
    status.recentDeadLetters.push(letter);
  }
  return status;
}
