/** Shared by the quotes tests: run the stage on a text whose paragraphs are separated by blank lines. */
import type { Entity, Mention, Quote } from '../../../src/model/record.ts';
import { findQuotes } from '../../../src/stages/quotes/index.ts';
import { docWith } from '../../helpers/doc.ts';

export function quotesOf(text: string, entities: readonly Entity[] = []): Quote[] {
  return findQuotes(docWith(text, { paragraphs: 'blank-lines', entities: [...entities] }));
}

/** A compact view of a quote for table assertions: [content, speaker words (or name when none), direct]. */
export function view(text: string, q: Quote): [string, string, boolean] {
  const words = q.speaker.start === undefined ? q.speaker.name : text.slice(q.speaker.start, q.speaker.end);
  return [text.slice(q.start, q.end), words, q.direct];
}

/** An entity whose mentions are every whole-word match of the given patterns, each with its kind. */
export function entityIn(text: string, id: string, type: Entity['type'], name: string, patterns: [string, Mention['kind']][], actor?: string): Entity {
  const mentions: Mention[] = [];
  for (const [pattern, kind] of patterns) {
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}-])(?:${pattern})(?![\\p{L}-])`, 'gu'))) {
      mentions.push({ start: m.index, end: m.index + m[0].length, sentence: 0, kind });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  return { id, type, name, mentions, sources: ['rule'], rules: [], ...(actor ? { actor } : {}) };
}
