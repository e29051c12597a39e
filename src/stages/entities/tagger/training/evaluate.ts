/** Entity-level scoring (exact character span and type) and tagging whole texts for it. */
import { segment } from '../../../segment/index.ts';
import type { Token } from '../../../../model/analysis.ts';
import { ENTITY_TYPES, type EntityType } from '../labels.ts';
import type { TaggedSpan } from '../index.ts';
import type { CharEntity } from './gmb.ts';

export type Counts = Record<EntityType, { tp: number; fp: number; fn: number }>;

export function emptyCounts(): Counts {
  return { PER: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, MISC: { tp: 0, fp: 0, fn: 0 } };
}

export function countMatches(gold: readonly CharEntity[], predicted: readonly CharEntity[], counts: Counts): void {
  const key = (e: CharEntity) => `${e.start}:${e.end}:${e.type}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  for (const e of predicted) counts[e.type][goldKeys.has(key(e)) ? 'tp' : 'fp']++;
  for (const e of gold) if (!predictedKeys.has(key(e))) counts[e.type].fn++;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export function scoreOf(c: { tp: number; fp: number; fn: number }): Score {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, support: c.tp + c.fn };
}

/** Per-type P/R/F1 as a small table, micro-averaged over PER+ORG+LOC (the types every corpus has) and over all. */
export function formatCounts(counts: Counts, types: readonly EntityType[] = ENTITY_TYPES): string {
  const lines = ['type          P      R      F1     gold'];
  const line = (name: string, c: { tp: number; fp: number; fn: number }) => {
    const s = scoreOf(c);
    lines.push(`${name.padEnd(12)}  ${s.precision.toFixed(3)}  ${s.recall.toFixed(3)}  ${s.f1.toFixed(3)}  ${s.support}`);
  };
  for (const type of types) line(type, counts[type]);
  line('PER+ORG+LOC', sumCounts(counts, ['PER', 'ORG', 'LOC']));
  if (types.includes('MISC')) line('all', sumCounts(counts, types));
  return lines.join('\n');
}

export function sumCounts(counts: Counts, types: readonly EntityType[]): { tp: number; fp: number; fn: number } {
  const sum = { tp: 0, fp: 0, fn: 0 };
  for (const type of types) {
    sum.tp += counts[type].tp;
    sum.fp += counts[type].fp;
    sum.fn += counts[type].fn;
  }
  return sum;
}

/** Segments a text and tags each sentence, returning character spans. */
export function tagText(text: string, tag: (tokens: readonly Token[], context: { headline: boolean }) => TaggedSpan[]): CharEntity[] {
  const seg = segment(text, [{ start: 0, end: text.length }]);
  const entities: CharEntity[] = [];
  for (const s of seg.sentences) {
    const tokens = seg.tokens.slice(s.firstToken, s.endToken);
    for (const span of tag(tokens, { headline: false })) {
      entities.push({ start: tokens[span.firstToken]!.start, end: tokens[span.endToken - 1]!.end, type: span.type });
    }
  }
  return entities;
}
