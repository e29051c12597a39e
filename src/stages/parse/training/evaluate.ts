/**
 * Attachment scores, as the CoNLL 2018 shared task counts them: every word (punctuation included); on system
 * tokens that differ from the gold words, a token counts only when its span is exactly a gold word's (and its
 * head's span the gold head's), giving precision over system tokens, recall over gold words and F1.
 */
import { parseSentence, type ParserModel } from '../index.ts';
import type { TaggedSentence } from './corpus.ts';
import { alignWords } from './winkTokens.ts';

export interface Attachment {
  /** Gold words and system tokens. */
  gold: number;
  system: number;
  /** System tokens with a gold word's exact span. */
  aligned: number;
  /** Aligned tokens whose head is right (UAS), and whose label too (LAS), and LAS on the universal part only. */
  heads: number;
  labelled: number;
  universal: number;
  /** Per relation: gold count, system count, both right (head and label). */
  relations: Map<string, { gold: number; system: number; correct: number }>;
}

export function emptyAttachment(): Attachment {
  return { gold: 0, system: 0, aligned: 0, heads: 0, labelled: 0, universal: 0, relations: new Map() };
}

export interface Tree {
  heads: ArrayLike<number>;
  labels: readonly string[];
}

/**
 * Adds one sentence. `alignment[k]` is the gold word with system token k's span, or -1; with gold tokens it is
 * the identity.
 */
export function countSentence(total: Attachment, gold: Tree, system: Tree, alignment: ArrayLike<number>): void {
  total.gold += gold.labels.length;
  total.system += system.labels.length;
  const relation = (label: string) => {
    let r = total.relations.get(label);
    if (!r) total.relations.set(label, (r = { gold: 0, system: 0, correct: 0 }));
    return r;
  };
  for (const label of gold.labels) relation(label).gold++;
  for (let k = 0; k < system.labels.length; k++) {
    const label = system.labels[k]!;
    relation(label).system++;
    const g = alignment[k]!;
    if (g < 0) continue;
    total.aligned++;
    const systemHead = system.heads[k]!;
    const mappedHead = systemHead < 0 ? -1 : alignment[systemHead]!;
    // A head on an unaligned token is wrong (-2 never equals a gold head).
    if ((systemHead < 0 ? -1 : mappedHead < 0 ? -2 : mappedHead) !== gold.heads[g]) continue;
    total.heads++;
    if (label.split(':')[0] === gold.labels[g]!.split(':')[0]) total.universal++;
    if (label !== gold.labels[g]) continue;
    total.labelled++;
    relation(label).correct++;
  }
}

/** F1 of a count against gold words and system tokens (precision = recall = accuracy with gold tokens). */
export function f1(correct: number, gold: number, system: number): number {
  const p = system > 0 ? correct / system : 0;
  const r = gold > 0 ? correct / gold : 0;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

export function scores(a: Attachment): { uas: number; las: number; universalLas: number; tokensF1: number } {
  return {
    uas: f1(a.heads, a.gold, a.system),
    las: f1(a.labelled, a.gold, a.system),
    universalLas: f1(a.universal, a.gold, a.system),
    tokensF1: f1(a.aligned, a.gold, a.system),
  };
}

/** Parses every sentence on its gold words (with wink's tags, or the gold ones) and counts. */
export function evaluateOnGoldWords(model: ParserModel, sentences: readonly TaggedSentence[], tags: 'wink' | 'gold'): Attachment {
  const total = emptyAttachment();
  for (const s of sentences) {
    const words = s.gold.words;
    const parsed = parseSentence(model, words.map((w) => w.form), tags === 'wink' ? s.goldWordTags : words.map((w) => w.upos));
    countSentence(total, goldTree(s), parsed, identity(words.length));
  }
  return total;
}

/** Parses wink's own tokens of each sentence's text and counts them against the gold words by span. */
export function evaluateOnWinkTokens(model: ParserModel, sentences: readonly TaggedSentence[]): Attachment {
  const total = emptyAttachment();
  for (const s of sentences) {
    const parsed = parseSentence(model, s.tokens.map((t) => t.text), s.tokens.map((t) => t.pos));
    countSentence(total, goldTree(s), parsed, alignWords(s.gold, s.tokens));
  }
  return total;
}

function goldTree(s: TaggedSentence): Tree {
  return { heads: s.gold.words.map((w) => w.head), labels: s.gold.words.map((w) => w.deprel) };
}

function identity(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, k) => k);
}
