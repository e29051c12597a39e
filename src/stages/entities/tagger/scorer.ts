/**
 * Label scores of a token: the sum of the weight rows of its features. Two ways to find the rows: by full
 * feature name (training, and the reference in tests), or per template with every feature group that depends
 * on little (a word, a POS, a gazetteer mark, the previous labels) summed once and cached (run time; the same
 * features, several times faster).
 */
import { HASH_START, hashOn, keySlots, StringList } from '../../../lexicon/packed.ts';
import { LABEL_COUNT } from './labels.ts';
import { LIST_NAMES, MARKS } from './gazetteer.ts';
import {
  BOUNDARY,
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

/**
 * Feature name → row, over the names in row order and their slot table (packed in the compiled model): a name is
 * found from its parts (template, value, second value) without joining them.
 */
export class FeatureRows {
  /** Hash of `template=` per template. */
  private readonly starts = new Map<string, number>();

  constructor(
    readonly names: StringList,
    readonly slots: Uint32Array,
  ) {}

  static of(names: readonly string[]): FeatureRows {
    return new FeatureRows(StringList.of(names), keySlots(names));
  }

  /** Row of `template=value`, or -1. */
  row(template: string, value: string): number {
    const h = hashOn(this.templateStart(template), value);
    const mask = this.slots.length - 1;
    for (let slot = (h >>> 0) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const i = this.slots[slot]! - 1;
      if (this.names.equalsJoined(i, template, '=', value)) return i;
    }
    return -1;
  }

  /** What pairRow needs of `template=first|`, worked out once per first value. */
  pair(template: string, first: string): PairRows {
    return { template, first, hash: hashOn(hashOn(this.templateStart(template), first), '|') };
  }

  /** Row of `template=first|second`, or -1. */
  pairRow(pair: PairRows, second: string): number {
    const h = hashOn(pair.hash, second);
    const mask = this.slots.length - 1;
    for (let slot = (h >>> 0) & mask; this.slots[slot] !== 0; slot = (slot + 1) & mask) {
      const i = this.slots[slot]! - 1;
      if (this.names.equalsJoined(i, pair.template, '=', pair.first, '|', second)) return i;
    }
    return -1;
  }

  private templateStart(template: string): number {
    let h = this.starts.get(template);
    if (h === undefined) this.starts.set(template, (h = hashOn(hashOn(HASH_START, template), '=')));
    return h;
  }
}

/** A pair template with its first value fixed (see FeatureRows.pair). */
interface PairRows {
  template: string;
  first: string;
  hash: number;
}

interface WordScores {
  info: WordInfo;
  /** Pair rows with this word first: "ww-" (it is the previous word), "ww+" (it is the token). */
  wordBefore: PairRows;
  wordFirst: PairRows;
  /** Sum of the word's own features. */
  own: Float32Array;
  /** Per casing: its shape feature, then what it tells each neighbour offset (1 + 4 blocks of L). */
  byCasing: (Float32Array | undefined)[];
  /** Per casing: the word with each previous label (HISTORY blocks of L). */
  withLabel: (Float32Array | undefined)[];
  /** Per casing: bit k set once block k of `withLabel` is summed (blocks are summed when first needed). */
  withLabelDone: number[];
}

interface PosScores {
  /** At each POS_OFFSETS index, then with each previous label (5 + HISTORY blocks of L). */
  scores: Float32Array;
  /** Pair rows with this POS first: "tt-" (it is the previous token's), "tt+" (it is the token's). */
  posBefore: PairRows;
  posFirst: PairRows;
}

/** Words cached at most; the cache starts over when full (news vocabularies are far smaller per run). */
const WORD_CACHE_SIZE = 200_000;

export class CachedScorer implements Scorer {
  private readonly words = new Map<string, WordScores>();
  private readonly posScores = new Map<string, PosScores>();
  /** Per mark bit and offset -1..1 (index bit × 3 + offset + 1), blocks of L. */
  private readonly marks: Float32Array;
  /** Per mark bit, casing and capital class, blocks of L. */
  private readonly capitalMarks: Float32Array;
  /** Sums over the bits of a token's match word: at offsets -1, 0, 1 (3 blocks of L), by match word. */
  private readonly markSums = new Map<number, Float32Array>();
  /** Sums over the bits of the token's own match word with casing and capitals, by (word, casing, capitals). */
  private readonly capitalMarkSums = new Map<number, Float32Array>();
  /** Per (prev2, prev1), blocks of L. */
  private readonly labels: Float32Array;
  private lastView: SentenceView | null = null;
  private lastEntries: { words: WordScores[]; tags: PosScores[] } = { words: [], tags: [] };
  private target: Float32Array | Float64Array = new Float64Array(L);
  private targetOffset = 0;
  private readonly emit: Emit;
  /** Pair rows with the sentence boundary first (the previous word or POS of a sentence's first token). */
  private readonly boundaryPairs: { word: PairRows; pos: PairRows };

  /** `rows` finds the row of `weights` of each feature. */
  constructor(
    private readonly rows: FeatureRows,
    private readonly weights: Float32Array,
  ) {
    this.boundaryPairs = { word: rows.pair('ww-', BOUNDARY), pos: rows.pair('tt-', BOUNDARY) };
    this.emit = (template, value, second) => {
      const row = second === undefined ? rows.row(template, value) : rows.pairRow(rows.pair(template, value), second);
      if (row < 0) return;
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

  featureRows(): FeatureRows {
    return this.rows;
  }

  staticScores(v: SentenceView, i: number, out: Float64Array): void {
    const n = v.length;
    const c = v.casingIndex;
    const { words, tags } = this.entriesOf(v);
    const word = words[i]!;
    add(out, word.own, 0);
    add(out, this.casingScores(word, c), 0);
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const j = i + NEIGHBOURS[k]!;
      if (j >= 0 && j < n) add(out, this.casingScores(words[j]!, c), (1 + k) * L);
    }
    for (let k = 0; k < POS_WINDOW.length; k++) {
      const j = i + POS_WINDOW[k]!;
      if (j >= 0 && j < n) add(out, tags[j]!.scores, k * L);
    }
    for (let o = -1; o <= 1; o++) {
      const j = i + o;
      if (j >= 0 && j < n && v.marks[j] !== 0) add(out, this.markSum(v.marks[j]!), (o + 1) * L);
    }
    if (v.marks[i] !== 0) add(out, this.capitalMarkSum(v.marks[i]!, c, word.info.capitalIndex), 0);
    // pairFeatures, from the rows cached with each pair's first word or POS
    const key = word.info.key;
    const rows = this.rows;
    this.addRow(out, rows.pairRow(i > 0 ? words[i - 1]!.wordBefore : this.boundaryPairs.word, key));
    this.addRow(out, rows.pairRow(word.wordFirst, i + 1 < n ? words[i + 1]!.info.key : BOUNDARY));
    const tag = v.pos[i]!;
    this.addRow(out, rows.pairRow(i > 0 ? tags[i - 1]!.posBefore : this.boundaryPairs.pos, tag));
    this.addRow(out, rows.pairRow(tags[i]!.posFirst, i + 1 < n ? v.pos[i + 1]! : BOUNDARY));
    this.target = out;
    this.targetOffset = 0;
    contextFeatures(v, i, this.emit);
  }

  historyScores(v: SentenceView, i: number, prev1: number, prev2: number, out: Float64Array): void {
    const { words, tags } = this.entriesOf(v);
    add(out, this.labels, ((prev2 + 1) * HISTORY + prev1 + 1) * L);
    add(out, this.labelScores(words[i]!, v.casingIndex, prev1), (prev1 + 1) * L);
    add(out, tags[i]!.scores, (POS_WINDOW.length + prev1 + 1) * L);
  }

  private addRow(out: Float64Array, row: number): void {
    if (row >= 0) add(out, this.weights, row * L);
  }

  private markSum(bits: number): Float32Array {
    let sum = this.markSums.get(bits);
    if (!sum) {
      sum = new Float32Array(3 * L);
      for (let b = 0; b < MARK_BITS; b++) {
        if (((bits >>> b) & 1) === 0) continue;
        for (let o = 0; o < 3; o++) add32(sum, o * L, this.marks, (b * 3 + o) * L);
      }
      this.markSums.set(bits, sum);
    }
    return sum;
  }

  private capitalMarkSum(bits: number, c: number, capital: number): Float32Array {
    const key = bits * PER_BIT + c * CAPITAL_COUNT + capital;
    let sum = this.capitalMarkSums.get(key);
    if (!sum) {
      sum = new Float32Array(L);
      for (let b = 0; b < MARK_BITS; b++) {
        if (((bits >>> b) & 1) !== 0) add32(sum, 0, this.capitalMarks, (b * PER_BIT + c * CAPITAL_COUNT + capital) * L);
      }
      this.capitalMarkSums.set(key, sum);
    }
    return sum;
  }

  /** The cache entries of a view's words and POS tags, looked up once per sentence. */
  private entriesOf(v: SentenceView): { words: WordScores[]; tags: PosScores[] } {
    if (this.lastView !== v) {
      this.lastView = v;
      this.lastEntries = { words: v.words.map((w) => this.word(w.text)), tags: v.pos.map((tag) => this.pos(tag)) };
    }
    return this.lastEntries;
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
    const own = this.table(1, () => ownFeatures(info, this.emit));
    entry = { info, wordBefore: this.rows.pair('ww-', info.key), wordFirst: this.rows.pair('ww+', info.key), own, byCasing: [], withLabel: [], withLabelDone: [] };
    this.words.set(text, entry);
    return entry;
  }

  private casingScores(entry: WordScores, c: number): Float32Array {
    return (entry.byCasing[c] ??= this.table(1 + NEIGHBOUR_OFFSETS.length, (k) =>
      k === 0 ? shapeFeatures(entry.info, c, this.emit) : neighbourFeatures(entry.info, k - 1, c, this.emit),
    ));
  }

  private labelScores(entry: WordScores, c: number, prev1: number): Float32Array {
    const scores = (entry.withLabel[c] ??= new Float32Array(HISTORY * L));
    const bit = 1 << (prev1 + 1);
    const done = entry.withLabelDone[c] ?? 0;
    if ((done & bit) === 0) {
      this.target = scores;
      this.targetOffset = (prev1 + 1) * L;
      wordLabelFeatures(entry.info, c, prev1, this.emit);
      entry.withLabelDone[c] = done | bit;
    }
    return scores;
  }

  private pos(tag: string): PosScores {
    let entry = this.posScores.get(tag);
    if (!entry) {
      const scores = this.table(POS_OFFSETS.length + HISTORY, (k) =>
        k < POS_OFFSETS.length ? posFeatures(tag, k, this.emit) : posLabelFeatures(tag, k - POS_OFFSETS.length - 1, this.emit),
      );
      this.posScores.set(tag, (entry = { scores, posBefore: this.rows.pair('tt-', tag), posFirst: this.rows.pair('tt+', tag) }));
    }
    return entry;
  }
}

if (L !== 9) throw new Error(`dateline ner: add() is unrolled for 9 labels, found ${L}`);

/** out += scores[offset .. offset + 9), unrolled: this runs about 15 times per token. */
function add(out: Float64Array, s: Float32Array, o: number): void {
  out[0]! += s[o]!;
  out[1]! += s[o + 1]!;
  out[2]! += s[o + 2]!;
  out[3]! += s[o + 3]!;
  out[4]! += s[o + 4]!;
  out[5]! += s[o + 5]!;
  out[6]! += s[o + 6]!;
  out[7]! += s[o + 7]!;
  out[8]! += s[o + 8]!;
}

function add32(out: Float32Array, at: number, scores: Float32Array, offset: number): void {
  for (let l = 0; l < L; l++) out[at + l]! += scores[offset + l]!;
}
