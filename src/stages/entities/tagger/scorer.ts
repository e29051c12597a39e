/**
 * Label scores of a token: the sum of the weight rows of its features. Two ways to find the rows: by full
 * feature name (training, and the reference in tests), or per template with the word-only feature groups
 * cached per word (run time; the same features, several times faster).
 */
import { LABEL_COUNT } from './labels.ts';
import {
  contextFeatures,
  describeWord,
  featureName,
  historyFeatures,
  NEIGHBOUR_OFFSETS,
  neighbourFeatures,
  PAIR_TEMPLATES,
  ownFeatures,
  shapeFeatures,
  staticFeatures,
  type Casing,
  type Emit,
  type SentenceView,
  type WordInfo,
} from './features.ts';

/** Local copy: imported bindings are slower to read in hot loops under some loaders. */
const L = LABEL_COUNT;

export interface Scorer {
  /** Adds the scores of the features that do not depend on earlier labels to `out`. */
  staticScores(v: SentenceView, i: number, out: Float64Array): void;
  /** Adds the scores of the features of the two previous labels to `out`. */
  historyScores(v: SentenceView, i: number, prev1: number, prev2: number, out: Float64Array): void;
  /** Word facts for viewSentence (cached or not). */
  describe(text: string): WordInfo;
}

export class NamedScorer implements Scorer {
  private out: Float64Array = new Float64Array(L);
  private readonly emit: Emit;

  constructor(
    private readonly rows: ReadonlyMap<string, number>,
    private readonly weights: ArrayLike<number>,
  ) {
    this.emit = (template, value, second) => {
      const row = this.rows.get(featureName(template, value, second));
      if (row === undefined) return;
      for (let l = 0; l < L; l++) this.out[l]! += this.weights[row * L + l]!;
    };
  }

  staticScores(v: SentenceView, i: number, out: Float64Array): void {
    this.out = out;
    staticFeatures(v, i, this.emit);
  }

  historyScores(v: SentenceView, i: number, prev1: number, prev2: number, out: Float64Array): void {
    this.out = out;
    historyFeatures(v, i, prev1, prev2, this.emit);
  }

  describe(text: string): WordInfo {
    return describeWord(text);
  }
}

interface WordScores {
  info: WordInfo;
  /** Sum of the word's own features. */
  own: Float32Array;
  /** Per casing: its shape feature, then what it tells each neighbour offset (1 + 4 rows of L). */
  byCasing: (Float32Array | undefined)[];
}

/** Words cached at most; the cache starts over when full (news vocabularies are far smaller per run). */
const WORD_CACHE_SIZE = 200_000;

export class CachedScorer implements Scorer {
  private readonly templates = new Map<string, Map<string, number>>();
  /** Pair templates: first value → second value → row. */
  private readonly pairs = new Map<string, Map<string, Map<string, number>>>();
  private readonly words = new Map<string, WordScores>();
  private target: Float32Array | Float64Array = new Float64Array(L);
  private targetOffset = 0;
  private readonly emit: Emit;

  /** `features[r]` names row r of `weights`. */
  constructor(
    features: readonly string[],
    private readonly weights: Float32Array,
  ) {
    const pairTemplates = new Set(PAIR_TEMPLATES);
    for (let r = 0; r < features.length; r++) {
      const feature = features[r]!;
      const cut = feature.indexOf('=');
      const template = feature.slice(0, cut);
      const value = feature.slice(cut + 1);
      if (pairTemplates.has(template)) this.addPair(template, value, r);
      else getOrAdd(this.templates, template, () => new Map()).set(value, r);
    }
    this.emit = (template, value, second) => {
      const row = second === undefined ? this.templates.get(template)?.get(value) : this.pairs.get(template)?.get(value)?.get(second);
      if (row === undefined) return;
      const base = row * L;
      const target = this.target;
      const offset = this.targetOffset;
      for (let l = 0; l < L; l++) target[offset + l]! += this.weights[base + l]!;
    };
  }

  /** Files "a|b|c" under every split ("a" + "b|c", "a|b" + "c"), so that the lookup needs no joining. */
  private addPair(template: string, value: string, row: number): void {
    const firsts = getOrAdd(this.pairs, template, () => new Map());
    for (let cut = value.indexOf('|'); cut !== -1; cut = value.indexOf('|', cut + 1)) {
      getOrAdd(firsts, value.slice(0, cut), () => new Map()).set(value.slice(cut + 1), row);
    }
  }

  describe(text: string): WordInfo {
    return this.word(text).info;
  }

  staticScores(v: SentenceView, i: number, out: Float64Array): void {
    const c = v.casingIndex;
    add(out, this.word(v.words[i]!.text).own, 0);
    add(out, this.casingScores(v.words[i]!.text, v.casing, c), 0);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
      const j = i + NEIGHBOUR_OFFSETS[k]!;
      if (j >= 0 && j < v.length) add(out, this.casingScores(v.words[j]!.text, v.casing, c), (1 + k) * L);
    }
    this.target = out;
    this.targetOffset = 0;
    contextFeatures(v, i, this.emit);
  }

  historyScores(v: SentenceView, i: number, prev1: number, prev2: number, out: Float64Array): void {
    this.target = out;
    this.targetOffset = 0;
    historyFeatures(v, i, prev1, prev2, this.emit);
  }

  private word(text: string): WordScores {
    let entry = this.words.get(text);
    if (entry) return entry;
    if (this.words.size >= WORD_CACHE_SIZE) this.words.clear();
    const info = describeWord(text);
    const own = new Float32Array(L);
    this.target = own;
    this.targetOffset = 0;
    ownFeatures(info, this.emit);
    entry = { info, own, byCasing: [] };
    this.words.set(text, entry);
    return entry;
  }

  private casingScores(text: string, casing: Casing, c: number): Float32Array {
    const entry = this.word(text);
    let scores = entry.byCasing[c];
    if (scores) return scores;
    scores = new Float32Array((1 + NEIGHBOUR_OFFSETS.length) * L);
    this.target = scores;
    this.targetOffset = 0;
    shapeFeatures(entry.info, casing, this.emit);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
      this.targetOffset = (1 + k) * L;
      neighbourFeatures(entry.info, k, c, this.emit);
    }
    entry.byCasing[c] = scores;
    return scores;
  }
}

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

function add(out: Float64Array, scores: Float32Array, offset: number): void {
  for (let l = 0; l < L; l++) out[l]! += scores[offset + l]!;
}
