/**
 * The parser's own PTB tagger (the 50 XPOS tags of UD English-EWT: VBD / VBN / VBG, NNP / NNPS, PRP$, WDT…),
 * reading wink's UPOS as one feature among the words, suffixes and shapes. It fixes many of wink's tags on web
 * and news text and gives the parser the finer distinctions UPOS lacks (a past participle, a possessive pronoun).
 * Greedy, left to right, each word seeing the tags already given to the two before it.
 */
import { ATTRIBUTE_COUNT, TemplateSet, type SentenceCodes } from './features.ts';
import type { SparseClassTable } from './model.ts';

const TAGGER_POSITIONS = ['Wm2', 'Wm1', 'W0', 'Wp1', 'Wp2'] as const;
const TAGGER_EXTRAS = ['W0s2', 'W0sh'] as const;

/** W0 the word, Wm1 / Wm2 the words before it, Wp1 / Wp2 after; s2 the last two letters, sh the shape. */
export const TAGGER_TEMPLATES = new TemplateSet(TAGGER_POSITIONS, TAGGER_EXTRAS, [
  'W0w', 'W0p', 'W0f', 'W0s', 'W0s2', 'W0sh', 'W0w W0p', 'W0s W0f', 'W0s2 W0f', 'W0sh W0f',
  'Wm1w', 'Wp1w', 'Wm2w', 'Wp2w', 'Wm1w W0w', 'W0w Wp1w',
  'Wm1p', 'Wp1p', 'Wm1p W0p Wp1p', 'W0p Wp1p Wp2p', 'Wp1f', 'Wp1s',
  'Wm1x', 'Wm2x Wm1x', 'Wm1x W0w', 'Wm1x W0p', 'Wm1x W0s', 'Wm1x W0p Wp1p',
]);

/** Fills the tagger atoms of word i; the PTB tags of the words before i are the ones given so far. */
export function taggerAtoms(codes: SentenceCodes, i: number, atoms: Int32Array): void {
  for (let k = 0; k < TAGGER_POSITIONS.length; k++) {
    const j = i + k - 2;
    const base = 1 + k * ATTRIBUTE_COUNT;
    if (j < 0 || j >= codes.n) {
      for (let a = base; a < base + ATTRIBUTE_COUNT; a++) atoms[a] = 0;
      continue;
    }
    atoms[base] = codes.word[j]!;
    atoms[base + 1] = codes.tag[j]!;
    atoms[base + 2] = codes.fine[j]!;
    atoms[base + 3] = codes.suffix[j]!;
    atoms[base + 4] = 0;
    atoms[base + 5] = j < i ? codes.xpos[j]! : 0;
  }
  const extras = 1 + TAGGER_POSITIONS.length * ATTRIBUTE_COUNT;
  atoms[extras] = codes.suffix2[i]!;
  atoms[extras + 1] = codes.facts[i]! >>> 7;
}

/** Tags the encoded sentence: codes.xpos[i] = tag id + 1. */
export function tagEncoded(table: SparseClassTable, codes: SentenceCodes, atoms: Int32Array, keys: Int32Array, scores: Int32Array): void {
  for (let i = 0; i < codes.n; i++) {
    taggerAtoms(codes, i, atoms);
    TAGGER_TEMPLATES.keys(atoms, keys);
    scores.fill(0);
    table.score(keys, scores);
    let best = 0;
    for (let t = 1; t < scores.length; t++) if (scores[t]! > scores[best]!) best = t;
    codes.xpos[i] = best + 1;
  }
}
