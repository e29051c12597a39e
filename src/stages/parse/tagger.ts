/**
 * The parser's own PTB tagger (the 49 XPOS tags of UD English-EWT: VBD / VBN / VBG, NNP / NNPS, PRP$, WDT…),
 * reading wink's UPOS as one feature among the words, suffixes and shapes. It fixes many of wink's tags on web
 * and news text and gives the parser the finer distinctions UPOS lacks (a past participle, a possessive pronoun).
 * Greedy, left to right, each word seeing the tags already given to the two before it.
 *
 * The templates that read only the word itself and its wink tag give the same scores wherever the word is, so
 * their sums are kept per (form, wink tag) for the life of the model.
 */
import { ATTRIBUTE_COUNT, TemplateSet, type SentenceCodes } from './features.ts';
import type { SparseClassTable } from './model.ts';

const TAGGER_POSITIONS = ['Wm2', 'Wm1', 'W0', 'Wp1', 'Wp2'] as const;
const TAGGER_EXTRAS = ['W0s2', 'W0sh'] as const;

/** W0 the word, Wm1 / Wm2 the words before it, Wp1 / Wp2 after; s2 the last two letters, sh the shape. */
export const TAGGER_TEMPLATES = new TemplateSet(TAGGER_POSITIONS, TAGGER_EXTRAS, [
  'W0w', 'W0p', 'W0f', 'W0s', 'W0s2', 'W0sh', 'W0w W0p', 'W0s2 W0f', 'W0sh W0f',
  'Wm1w', 'Wp1w', 'Wm2w', 'Wp2w', 'Wm1w W0w', 'W0w Wp1w',
  'Wm1p', 'Wp1p', 'W0p Wp1p Wp2p', 'Wp1s',
  'Wm1x', 'Wm2x Wm1x', 'Wm1x W0p', 'Wm1x W0s',
]);

const WORD_TEMPLATES = TAGGER_TEMPLATES.templatesWithin(['W0w', 'W0p', 'W0f', 'W0s', 'W0s2', 'W0sh']);
const CONTEXT_TEMPLATES = Int32Array.from(TAGGER_TEMPLATES.templates.keys()).filter((t) => !WORD_TEMPLATES.includes(t));
const wordKeys = TAGGER_TEMPLATES.compile(WORD_TEMPLATES);
const contextKeys = TAGGER_TEMPLATES.compile(CONTEXT_TEMPLATES);
/** (form, wink tag) pairs whose word scores a tagger keeps. */
const WORD_CACHE_LIMIT = 1 << 15;

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

/** A model's tagger: its weights, scratch arrays and the per-word score cache. */
export class Tagger {
  private readonly atoms = TAGGER_TEMPLATES.newAtoms();
  private readonly keys = new Int32Array(TAGGER_TEMPLATES.size);
  private readonly scores: Int32Array;
  /** (form number × 32 + wink tag) → row of `wordScores`. */
  private readonly wordRows = new Map<number, number>();
  private wordScores: Int32Array;

  constructor(
    private readonly table: SparseClassTable,
    private readonly tagCount: number,
  ) {
    this.scores = new Int32Array(tagCount);
    this.wordScores = new Int32Array(tagCount * 256);
  }

  /** Tags the encoded sentence: codes.xpos[i] = tag id + 1. */
  tag(codes: SentenceCodes): void {
    const { atoms, keys, scores, tagCount } = this;
    for (let i = 0; i < codes.n; i++) {
      taggerAtoms(codes, i, atoms);
      scores.fill(0);
      this.addWordScores(codes, i);
      contextKeys(atoms, keys);
      this.table.score(keys, CONTEXT_TEMPLATES.length, scores);
      let best = 0;
      for (let t = 1; t < tagCount; t++) if (scores[t]! > scores[best]!) best = t;
      codes.xpos[i] = best + 1;
    }
  }

  private addWordScores(codes: SentenceCodes, i: number): void {
    const { scores, tagCount } = this;
    const form = codes.form[i]!;
    const cacheKey = form * 32 + codes.tag[i]!;
    let row = form < 0 ? undefined : this.wordRows.get(cacheKey);
    if (row === undefined) {
      wordKeys(this.atoms, this.keys);
      if (form < 0 || this.wordRows.size === WORD_CACHE_LIMIT) {
        this.table.score(this.keys, WORD_TEMPLATES.length, scores);
        return;
      }
      row = this.wordRows.size;
      if ((row + 1) * tagCount > this.wordScores.length) {
        const bigger = new Int32Array(this.wordScores.length * 2);
        bigger.set(this.wordScores);
        this.wordScores = bigger;
      }
      this.table.score(this.keys, WORD_TEMPLATES.length, this.wordScores.subarray(row * tagCount, (row + 1) * tagCount));
      this.wordRows.set(cacheKey, row);
    }
    const base = row * tagCount;
    for (let t = 0; t < tagCount; t++) scores[t]! += this.wordScores[base + t]!;
  }
}
