/**
 * Enqueue: read articles as ingest does and publish each to the article stream, its key as message id, so an article
 * sent again within the duplicate window is dropped by JetStream. Publishing waits for the stream's acknowledgement
 * (a bounded number at a time): when enqueue says "published", the article is on disk in the stream.
 */
import type { JetStreamClient } from 'nats';
import { describe } from '../ingest/ingest.ts';
import { FailureTally, type FailureGroup } from '../ingest/failures.ts';
import { readSources, type SourceOptions, type SourceSpec } from '../ingest/sources.ts';
import { articleKey } from '../store/articleKey.ts';
import type { QueueNames } from './connect.ts';
import { encodeArticle } from './message.ts';

export interface EnqueueSummary {
  read: number;
  published: number;
  /** Dropped by the stream: the same article was enqueued within the duplicate window. */
  duplicates: number;
  failed: number;
  failures: FailureGroup[];
  elapsedMs: number;
}

/** Acknowledgements awaited at once: enough to keep the connection busy, few enough to bound memory. */
const WINDOW = 256;

export async function enqueue(js: JetStreamClient, names: QueueNames, specs: readonly SourceSpec[], options: SourceOptions & { maxPayload: number; signal?: AbortSignal; onProgress?: (s: EnqueueSummary) => void }): Promise<EnqueueSummary> {
  const started = performance.now();
  const failures = new FailureTally();
  const summary: EnqueueSummary = { read: 0, published: 0, duplicates: 0, failed: 0, failures: [], elapsedMs: 0 };
  const pending = new Set<Promise<void>>();
  let publishError: Error | null = null;
  for await (const item of readSources(specs, options)) {
    if (options.signal?.aborted || publishError) break;
    summary.read++;
    const where = describe(item.origin);
    if (!item.ok) {
      failures.add(where, item.message);
      continue;
    }
    const body = encodeArticle({ origin: where, input: item.input });
    if (body.length > options.maxPayload) {
      failures.add(where, `the article takes ${body.length} bytes, more than the NATS server's max_payload (${options.maxPayload}); raise max_payload in its configuration or ingest it directly`);
      continue;
    }
    const { key } = articleKey(item.input);
    const sent = js.publish(names.subject, body, { msgID: key, timeout: 30_000 }).then(
      (ack) => {
        if (ack.duplicate) summary.duplicates++;
        else summary.published++;
        options.onProgress?.({ ...summary, elapsedMs: performance.now() - started });
      },
      (error: Error) => void (publishError ??= error),
    );
    pending.add(sent);
    void sent.finally(() => pending.delete(sent));
    if (pending.size >= WINDOW) await Promise.race(pending);
  }
  await Promise.all(pending);
  if (publishError) throw new Error(`the stream ${names.stream} refused a message (${(publishError as Error).message}); what was acknowledged is queued, enqueue again to send the rest (re-sends are dropped)`);
  summary.failed = failures.count;
  summary.failures = failures.list();
  summary.elapsedMs = performance.now() - started;
  return summary;
}
