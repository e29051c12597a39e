/** The reliability probe's inputs, rebuilt on the fly (nothing generated is committed). */
import { readFileSync } from 'node:fs';
import type { ArticleInput } from '../../src/model/analysis.ts';

export const FOUNDING_PATH = new URL('../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url).pathname;
export const FOUNDING = readFileSync(FOUNDING_PATH, 'utf8');

/**
 * One line of `bytes` characters with no sentence end: the founding article's words with every punctuation mark
 * removed ('bare'), or with its commas kept ('commas', so appositions and ", said" are there to scan).
 */
export function runOnLine(bytes: number, kind: 'bare' | 'commas' = 'bare'): string {
  const words = kind === 'bare' ? FOUNDING.replace(/[^\p{L}\p{N}\s]/gu, ' ') : FOUNDING.replace(/[^\p{L}\p{N}\s,]/gu, ' ');
  const unit = `${words.replace(/\s+/g, ' ').trim()} `;
  return unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);
}

export function articleInput(id: string, text: string): ArticleInput {
  return { id, text, title: null, titleSpan: null, published: '2007-05-28', publishedFrom: 'option', url: null, source: null, byline: null, messages: [] };
}
