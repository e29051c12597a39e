/** The idempotency key of an article: its URL (else its id) and its exact text. Re-ingesting the same input finds the key and skips it. */
import { createHash } from 'node:crypto';
import type { ArticleInput } from '../model/analysis.ts';

export function articleKey(input: Pick<ArticleInput, 'id' | 'url' | 'text'>): { key: string; contentHash: string } {
  const contentHash = createHash('sha256').update(input.text).digest('hex');
  const key = createHash('sha256').update(input.url ?? `id:${input.id}`).update('\n').update(contentHash).digest('hex');
  return { key, contentHash };
}
