/**
 * Label scores of a token: the sum of the weight rows of its features. Two ways to find the rows: by full
 * feature name (training, and the reference in tests), or per template with every feature group that depends
 * on little (a word, a POS, a gazetteer mark, the previous labels) summed once and cached (run time; the same
 * features, several times faster).
 */
import { LABEL_COUNT } from './labels.ts';
import { LIST_NAMES, MARKS } from './gazetteer.ts';
import {
  CAPITALS,
  CASINGS,
  contextFeatures,
  describeWord,
  featureName,
  historyFeatures,
  labelFeatures,
  markCapitalFeatures,
  markFeatures,
  NEIGHBOUR_OFFSETS,
  neighbourFeatures,
  ownFeatures,
  PAIR_TEMPLATES,
  POS_OFFSETS,
  posFeatures,
  posLabelFeatures,
  shapeFeatures,
  staticFeatures,
  wordLabelFeatures,
  type Emit,
  type SentenceView,
  type WordInfo,
} from './features.ts';

// Local copies: imported bindings are read through getters under tsx, too slow for the per-token loops.
const L = LABEL_COUNT;
const NEIGHBOURS = NEIGHBOUR_OFFSETS;
const POS_WINDOW = POS_OFFSETS;
const CAPITAL_COUNT = CAPITALS.length;
const PER_BIT = CASINGS.length * CAPITALS.length;
/** Previous-label values: -1 (before the sentence) and every label. */
const HISTORY = L + 1;
const MARK_BITS = LIST_NAMES.length * MARKS.length;

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
  /** Per casing: its shape feature, then what it tells each neighbour offset (1 + 4 blocks of L). */
  byCasing: (Float32Array | undefined)[];
  /** Per casing: the word with each previous label (HISTORY blocks of L). */
  withLabel: (Float32Array | undefined)[];
}

interface PosScores {
  /** At each POS_OFFSETS index, then with each previous label (5 + HISTORY blocks of L). */
  scores: Float32Array;
}

/** Words cached at most; the cache starts over when full (news vocabularies are far smaller per run). */
const WORD_CACHE_SIZE = 200_000;

export class CachedScorer implements Scorer {
  private readonly templates = new Map<string, Map<string, number>>();
  /** Pair templates: first value → second value → row. */
  private readonly pairs = new Map<string, Map<string, Map<string, number>>>();
  private readonly words = new Map<string, WordScores>();
  private readonly posScores = new Map<string, PosScores>();
  /** Per mark bit and offset -1..1 (index bit × 3 + offset + 1), blocks of L. */
  private readonly marks: Float32Array;
  /** Per mark bit, casing and capital class, blocks of L. */
  private readonly capitalMarks: Float32Array;
  /** Per (prev2, prev1), blocks of L. */
  private readonly labels: Float32Array;
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
    this.marks = this.table(MARK_BITS * 3, (k) => markFeatures(Math.floor(k / 3), (k % 3) - 1, this.emit));
    const perBit = CASINGS.length * CAPITALS.length;
    this.capitalMarks = this.table(MARK_BITS * perBit, (k) =>
      markCapitalFeatures(Math.floor(k / perBit), Math.floor((k % perBit) / CAPITALS.length), k % CAPITALS.length, this.emit),
    );
    this.labels = this.table(HISTORY * HISTORY, (k) => labelFeatures((k % HISTORY) - 1, Math.floor(k / HISTORY) - 1, this.emit));
  }

  describe(text: string): WordInfo {
    return this.word(text).info;
  }

  staticScores(v: SentenceView, i: number, out: Float64Array): void {
    const n = v.length;
    const c = v.casingIndex;
    const word = this.word(v.words[i]!.text);
    add(out, word.own, 0);
    add(out, this.casingScores(word, c), 0);
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const j = i + NEIGHBOURS[k]!;
      if (j >= 0 && j < n) add(out, this.casingScores(this.word(v.words[j]!.text), c), (1 + k) * L);
    }
    for (let k = 0; k < POS_WINDOW.length; k++) {
      const j = i + POS_WINDOW[k]!;
      if (j >= 0 && j < n) add(out, this.pos(v.pos[j]!).scores, k * L);
    }
    for (let o = -1; o <= 1; o++) {
      const j = i + o;
      if (j < 0 || j >= n) continue;
      for (let bits = v.marks[j]!, b = 0; bits !== 0; bits >>>= 1, b++) {
        if ((bits & 1) === 0) continue;
        add(out, this.marks, (b * 3 + o + 1) * L);
        if (o === 0) add(out, this.capitalMarks, (b * PER_BIT + c * CAPITAL_COUNT + word.info.capitalIndex) * L);
      }
    }
    this.target = out;
    this.targetOffset = 0;
    contextFeatures(v, i, this.emit);
  }

  historyScores(v: SentenceView, i: number, prev1: number, prev2: number, out: Float64Array): void {
    add(out, this.labels, ((prev2 + 1) * HISTORY + prev1 + 1) * L);
    add(out, this.labelScores(this.word(v.words[i]!.text), v.casingIndex), (prev1 + 1) * L);
    add(out, this.pos(v.pos[i]!).scores, (POS_WINDOW.length + prev1 + 1) * L);
  }

  /** Files "a|b|c" under every split ("a" + "b|c", "a|b" + "c"), so that the lookup needs no joining. */
  private addPair(template: string, value: string, row: number): void {
    const firsts = getOrAdd(this.pairs, template, () => new Map());
    for (let cut = value.indexOf('|'); cut !== -1; cut = value.indexOf('|', cut + 1)) {
      getOrAdd(firsts, value.slice(0, cut), () => new Map()).set(value.slice(cut + 1), row);
    }
  }

  /** `blocks` blocks of L scores, block k summing what `fill(k)` emits. */
  private table(blocks: number, fill: (k: number) => void): Float32Array {
    const scores = new Float32Array(blocks * L);
    this.target = scores;
    for (let k = 0; k < blocks; k++) {
      this.targetOffset = k * L;
      fill(k);
    }
    return scores;
  }

  private word(text: string): WordScores {
    let entry = this.words.get(text);
    if (entry) return entry;
    if (this.words.size >= WORD_CACHE_SIZE) this.words.clear();
    const info = describeWord(text);
    entry = { info, own: this.table(1, () => ownFeatures(info, this.emit)), byCasing: [], withLabel: [] };
    this.words.set(text, entry);
    return entry;
  }

  private casingScores(entry: WordScores, c: number): Float32Array {
    return (entry.byCasing[c] ??= this.table(1 + NEIGHBOUR_OFFSETS.length, (k) =>
      k === 0 ? shapeFeatures(entry.info, c, this.emit) : neighbourFeatures(entry.info, k - 1, c, this.emit),
    ));
  }

  private labelScores(entry: WordScores, c: number): Float32Array {
    return (entry.withLabel[c] ??= this.table(HISTORY, (k) => wordLabelFeatures(entry.info, c, k - 1, this.emit)));
  }

  private pos(tag: string): PosScores {
    let entry = this.posScores.get(tag);
    if (!entry) {
      const scores = this.table(POS_OFFSETS.length + HISTORY, (k) =>
        k < POS_OFFSETS.length ? posFeatures(tag, k, this.emit) : posLabelFeatures(tag, k - POS_OFFSETS.length - 1, this.emit),
      );
      this.posScores.set(tag, (entry = { scores }));
    }
    return entry;
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
