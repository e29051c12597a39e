/**
 * What travels on the queue: one article as read by `enqueue` (its ArticleInput and where it came from), JSON in the
 * message body, the article key as message id. A dead letter carries the message back with the error it met.
 */
import type { ArticleInput } from '../model/analysis.ts';

export interface QueuedArticle {
  /** "file", "file:line", "file#item" or a URL: where enqueue read it. */
  origin: string;
  input: ArticleInput;
}

export interface DeadLetter {
  /** Sequence of the message in the article stream. */
  seq: number;
  origin: string | null;
  key: string | null;
  /** The last error met. */
  error: string;
  deliveries: number;
  /** Host and process id of the worker that gave up. */
  worker: string;
  at: string;
  /** The message body as it was enqueued. */
  body: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeArticle(article: QueuedArticle): Uint8Array {
  return encoder.encode(JSON.stringify(article));
}

/** Reads a message body; a body that is not an article is an error naming what is wrong. */
export function decodeArticle(data: Uint8Array): QueuedArticle {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(data));
  } catch {
    throw new Error(`the message is not JSON (starts ${JSON.stringify(decoder.decode(data.subarray(0, 40)))})`);
  }
  const v = value as Partial<QueuedArticle> | null;
  const input = v?.input as Partial<ArticleInput> | undefined;
  if (typeof v?.origin !== 'string' || typeof input !== 'object' || input === null) throw new Error('the message is not an enqueued article: it needs "origin" and "input"');
  if (typeof input.text !== 'string' || typeof input.id !== 'string') throw new Error('the message is not an enqueued article: "input" needs "id" and "text"');
  // Fields an older enqueue may have left out take their defaults.
  const article: ArticleInput = {
    id: input.id,
    text: input.text,
    title: input.title ?? null,
    titleSpan: input.titleSpan ?? null,
    published: input.published ?? null,
    publishedFrom: input.publishedFrom ?? 'none',
    url: input.url ?? null,
    source: input.source ?? null,
    byline: input.byline ?? null,
    messages: input.messages ?? [],
  };
  return { origin: v.origin, input: article };
}

export function bodyText(data: Uint8Array): string {
  return decoder.decode(data);
}
