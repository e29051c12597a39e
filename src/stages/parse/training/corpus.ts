/**
 * UD English-EWT as the parser trains and is measured on it: gold words with wink's tags (see winkTokens.ts),
 * the vocabulary and the label set read from the train split.
 */
import { fileURLToPath } from 'node:url';
import { wordKey } from '../words.ts';
import { readConllu, type GoldSentence } from './conllu.ts';
import { GoldTree } from './oracle.ts';
import type { TrainingSentence } from './perceptron.ts';
import { winkTagsOnGoldWords, winkTokens } from './winkTokens.ts';
import type { Token } from '../../../model/analysis.ts';

export const EWT_DIR = fileURLToPath(new URL('../../../../../shared/data/ud_english_ewt/', import.meta.url));
export const ewtPath = (split: 'train' | 'dev' | 'test') => `${EWT_DIR}en_ewt-ud-${split}.conllu.gz`;

/** A gold sentence with wink's view of its text. */
export interface TaggedSentence {
  gold: GoldSentence;
  /** wink's tokens of the text (with their tags), and wink's tags on the gold words. */
  tokens: Token[];
  goldWordTags: string[];
}

export function readTagged(split: 'train' | 'dev' | 'test'): TaggedSentence[] {
  return readConllu(ewtPath(split)).map((gold) => {
    const tokens = winkTokens(gold.text);
    return { gold, tokens, goldWordTags: winkTagsOnGoldWords(gold, tokens) };
  });
}

/** Vocabulary keys seen at least `minCount` times, most frequent first (ties alphabetically). */
export function buildVocabulary(sentences: readonly TaggedSentence[], minCount: number): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s.gold.words) counts.set(wordKey(w.form), (counts.get(wordKey(w.form)) ?? 0) + 1);
  return [...counts]
    .filter(([, n]) => n >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([word]) => word);
}

/** The relations of the train split (root aside), sorted, and which occur leftwards / rightwards. */
export function buildLabels(sentences: readonly TaggedSentence[]): { labels: string[]; leftLabels: number[]; rightLabels: number[] } {
  const left = new Set<string>();
  const right = new Set<string>();
  for (const s of sentences) {
    s.gold.words.forEach((w, i) => {
      if (w.head < 0) return;
      (i < w.head ? left : right).add(w.deprel);
    });
  }
  const labels = [...new Set([...left, ...right])].sort();
  return { labels, leftLabels: labels.flatMap((l, k) => (left.has(l) ? [k] : [])), rightLabels: labels.flatMap((l, k) => (right.has(l) ? [k] : [])) };
}

/** The PTB tags of the train split, sorted. */
export function buildXposTags(sentences: readonly TaggedSentence[]): string[] {
  return [...new Set(sentences.flatMap((s) => s.gold.words.map((w) => w.xpos)))].sort();
}

/** The gold words with wink's tags (or the gold UPOS), the gold tree, and the PTB tags the tagger gave. */
export function trainingSentence(s: TaggedSentence, labels: readonly string[], xpos: Int32Array, useGoldTags = false): TrainingSentence {
  const ids = new Map(labels.map((l, k) => [l, k]));
  return {
    words: s.gold.words.map((w) => w.form),
    upos: useGoldTags ? s.gold.words.map((w) => w.upos) : s.goldWordTags,
    gold: new GoldTree(s.gold.words.map((w) => w.head)),
    labels: Int32Array.from(s.gold.words, (w) => (w.head < 0 ? -1 : (ids.get(w.deprel) ?? -1))),
    xpos,
  };
}
