/**
 * Features of a parser state, after Zhang & Nivre (2011): words, tags, labels, distance, valency and label sets
 * of the stack top (S0), its head and grandparent, its outer children, the buffer front (N0) and its left
 * children, the next buffer words, plus the word under S0 (S1).
 *
 * A sentence is first encoded as integers (word ids, tags, classes, suffix hashes). For a state, `atoms` gets
 * the values of every named atom ("S0w" the word of S0, "N0lL" the label of N0's leftmost child...), and each
 * template — a list of atom names — hashes its values into one 32-bit feature key. No strings are built per
 * state. Two template sets: one scores the actions, one the label of the arc an action makes.
 */
import type { ParserState } from './transitions.ts';
import { type FormArrays, type Lexicon, MORPH_CLASS_COUNT, morphClass, tagId } from './words.ts';

/** A sentence as the features read it, in arrays reused from sentence to sentence. */
export class SentenceCodes implements FormArrays {
  n = 0;
  word = new Int32Array(64);
  suffix = new Int32Array(64);
  suffix2 = new Int32Array(64);
  facts = new Int32Array(64);
  form = new Int32Array(64);
  /** wink's UPOS (tag id). */
  tag = new Int32Array(64);
  /** tag × MORPH_CLASS_COUNT + morphological class. */
  fine = new Int32Array(64);
  /** The tagger's PTB tag (id + 1; 0 until tagged). */
  xpos = new Int32Array(64);

  encode(lexicon: Lexicon, words: readonly string[], upos: readonly string[]): void {
    const n = words.length;
    if (n > this.word.length) {
      const capacity = Math.max(n, this.word.length * 2);
      for (const name of ['word', 'suffix', 'suffix2', 'facts', 'form', 'tag', 'fine', 'xpos'] as const) this[name] = new Int32Array(capacity);
    }
    this.n = n;
    for (let i = 0; i < n; i++) {
      lexicon.describe(words[i] ?? '', i, this);
      const tag = tagId(upos[i] ?? 'X');
      this.tag[i] = tag;
      this.fine[i] = tag * MORPH_CLASS_COUNT + morphClass(this.facts[i]!, tag);
      this.xpos[i] = 0;
    }
  }
}

/** Word attributes every position has: word, wink tag, fine tag, suffix, label of its arc (0 none, 1 headless), PTB tag. */
const ATTRIBUTES = ['w', 'p', 'f', 's', 'L', 'x'] as const;
export const ATTRIBUTE_COUNT = ATTRIBUTES.length;

/** Writes feature keys computed from `atoms` into `out`. */
export type KeyFunction = (atoms: Int32Array, out: Int32Array) => void;

/**
 * A set of templates over named atoms (atom 0 is the constant "none"). A template's key hashes its id and its
 * atoms' values, so that a feature is the same whichever subset of templates computes it.
 */
export class TemplateSet {
  readonly atomNames: readonly string[];
  readonly templates: readonly string[];
  /** Atom indices of template t: atomIndex[atomStart[t] .. atomStart[t + 1]). */
  private readonly atomStart: Int32Array;
  private readonly atomIndex: Int32Array;

  constructor(positions: readonly string[], extras: readonly string[], templates: readonly string[]) {
    const names = ['none'];
    for (const position of positions) for (const attribute of ATTRIBUTES) names.push(position + attribute);
    names.push(...extras);
    this.atomNames = names;
    this.templates = templates;
    const indices: number[] = [];
    this.atomStart = new Int32Array(templates.length + 1);
    templates.forEach((template, t) => {
      for (const part of template.split(' ')) {
        const atom = names.indexOf(part);
        if (atom < 0) throw new Error(`feature template "${template}": unknown atom ${part}`);
        indices.push(atom);
      }
      this.atomStart[t + 1] = indices.length;
    });
    this.atomIndex = Int32Array.from(indices);
    this.keys = this.compile(Int32Array.from(templates.keys()));
  }

  get size(): number {
    return this.templates.length;
  }

  newAtoms(): Int32Array {
    return new Int32Array(this.atomNames.length);
  }

  /** Ids of the templates whose every atom is one of `atoms`. */
  templatesWithin(atoms: readonly string[]): Int32Array {
    const allowed = new Set(atoms);
    return Int32Array.from(this.templates.flatMap((template, t) => (template.split(' ').every((a) => allowed.has(a)) ? [t] : [])));
  }

  /** Writes the key of every template into out[t]. */
  readonly keys: KeyFunction;

  /**
   * A function writing the keys of the listed templates into out[0 .. ids.length): straight-line code generated
   * once, with each template's atoms and seed written in, which runs several times faster than a loop over the
   * template table. It computes exactly `key(t, atoms)` (tested).
   */
  compile(ids: Int32Array): KeyFunction {
    const lines = ['let h = 0;'];
    ids.forEach((t, k) => {
      lines.push(`h = ${Math.imul(t + 1, 0x9e3779b1)};`);
      for (let a = this.atomStart[t]!; a < this.atomStart[t + 1]!; a++) lines.push(`h = Math.imul(h ^ atoms[${this.atomIndex[a]}], 0x5bd1e995); h ^= h >>> 15;`);
      lines.push(`h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35); h ^= h >>> 16; out[${k}] = h === 0 ? 1 : h;`);
    });
    return new Function('atoms', 'out', lines.join('\n')) as KeyFunction;
  }

  /** The key of template t (the reference the compiled functions follow). */
  key(t: number, atoms: Int32Array): number {
    const index = this.atomIndex;
    let h = Math.imul(t + 1, 0x9e3779b1);
    for (let k = this.atomStart[t]!, end = this.atomStart[t + 1]!; k < end; k++) {
      h = Math.imul(h ^ atoms[index[k]!]!, 0x5bd1e995);
      h ^= h >>> 15;
    }
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    return h === 0 ? 1 : h;
  }
}

function writePosition(atoms: Int32Array, base: number, i: number, codes: SentenceCodes, state: ParserState): void {
  if (i < 0) {
    for (let k = base; k < base + ATTRIBUTE_COUNT; k++) atoms[k] = 0;
    return;
  }
  atoms[base] = codes.word[i]!;
  atoms[base + 1] = codes.tag[i]!;
  atoms[base + 2] = codes.fine[i]!;
  atoms[base + 3] = codes.suffix[i]!;
  atoms[base + 4] = state.label[i]! + 2;
  atoms[base + 5] = codes.xpos[i]!;
}

/** 1, 2, 3, 4, 5–6, 7–10, 11+ words apart → 1..7; 0 without both ends. */
function distanceBucket(a: number, b: number): number {
  if (a < 0 || b < 0) return 0;
  const d = Math.abs(b - a);
  return d <= 4 ? d : d <= 6 ? 5 : d <= 10 ? 6 : 7;
}

function labelSet(low: number, high: number): number {
  return Math.imul(low, 0x2f0b3c5d) ^ high;
}

const ACTION_POSITIONS = ['S0', 'S1', 'S0h', 'S0h2', 'S0l', 'S0l2', 'S0r', 'S0r2', 'N0', 'N0l', 'N0l2', 'N1', 'N2'] as const;
const ACTION_EXTRAS = ['d', 'S0vl', 'S0vr', 'N0vl', 'S0sl', 'S0sr', 'N0sl'] as const;

/** Templates of the action scores: Zhang & Nivre (2011) over PTB tags, with S1, wink's tags, fine tags and PP words. */
export const ACTION_TEMPLATES = new TemplateSet(ACTION_POSITIONS, ACTION_EXTRAS, [
  // single words
  'S0w S0x', 'S0w', 'S0x', 'N0w N0x', 'N0w', 'N0x', 'N1w N1x', 'N1w', 'N1x', 'N2w N2x', 'N2x',
  // word pairs
  'S0w N0w N0x', 'S0w S0x N0x', 'S0x N0w N0x', 'S0w N0w', 'S0x N0x', 'N0x N1x',
  // three words
  'N0x N1x N2x', 'S0x N0x N1x', 'S0hx S0x N0x', 'S0x S0lx N0x', 'S0x S0rx N0x', 'S0x N0x N0lx',
  // distance
  'S0w d', 'S0x d', 'N0x d', 'S0w N0w d', 'S0x N0x d',
  // valency
  'S0w S0vr', 'S0x S0vl', 'N0x N0vl',
  // heads, children and labels
  'S0hx', 'S0lw', 'S0lx', 'S0lL', 'S0rw', 'S0rx', 'S0rL', 'N0lw', 'N0lx', 'N0lL',
  // third order
  'S0h2w', 'S0l2w', 'S0l2x', 'S0l2L', 'S0r2L', 'N0l2w', 'N0l2x', 'N0l2L',
  'S0x S0lx S0l2x', 'S0x S0hx S0h2x', 'N0x N0lx N0l2x',
  // label sets
  'S0w S0sr', 'S0w S0sl', 'S0x S0sl', 'N0x N0sl',
  // the word under the top, fine tags, suffixes
  'S1w', 'S1x', 'S1x S0x N0x', 'S1w S0x N0x', 'S0f N0f', 'S0f', 'N0f', 'N1f', 'S0f N0f N1f', 'N0s',
  // wink's own tags
  'S0p', 'N0p', 'S0p N0p', 'N1p',
  // prepositional phrases: which word the preposition (N0's first child) and its noun attach to
  'S0w N0lw N0w', 'S0hw N0lw N0w', 'S0x N0lw N0x', 'S0hx N0lw N0x', 'S0hx S0x N0lw',
]);

/** Action templates that read only the static facts of the buffer's first three words, or of the stack top. */
const STATIC_ATTRIBUTES = ['w', 'p', 'f', 's', 'x'];
export const BUFFER_TEMPLATES = ACTION_TEMPLATES.templatesWithin(['N0', 'N1', 'N2'].flatMap((p) => STATIC_ATTRIBUTES.map((a) => p + a)));
export const STACK_TEMPLATES = ACTION_TEMPLATES.templatesWithin(STATIC_ATTRIBUTES.map((a) => 'S0' + a));
/** The other action templates: they read the state. */
export const STATE_TEMPLATES = Int32Array.from({ length: ACTION_TEMPLATES.size }, (_, t) => t).filter((t) => !BUFFER_TEMPLATES.includes(t) && !STACK_TEMPLATES.includes(t));
export const bufferKeys = ACTION_TEMPLATES.compile(BUFFER_TEMPLATES);
export const stackKeys = ACTION_TEMPLATES.compile(STACK_TEMPLATES);
export const stateKeys = ACTION_TEMPLATES.compile(STATE_TEMPLATES);

/** Fills the action atoms of a state. */
export function actionAtoms(state: ParserState, codes: SentenceCodes, atoms: Int32Array): void {
  const s0 = state.s0();
  const n0 = state.b0();
  const s0h = s0 >= 0 ? state.head[s0]! : -1;
  const A = ATTRIBUTE_COUNT;
  writePosition(atoms, 1, s0, codes, state);
  writePosition(atoms, 1 + A, state.s1(), codes, state);
  writePosition(atoms, 1 + 2 * A, s0h, codes, state);
  writePosition(atoms, 1 + 3 * A, s0h >= 0 ? state.head[s0h]! : -1, codes, state);
  writePosition(atoms, 1 + 4 * A, s0 >= 0 ? state.leftmost[s0]! : -1, codes, state);
  writePosition(atoms, 1 + 5 * A, s0 >= 0 ? state.leftmost2[s0]! : -1, codes, state);
  writePosition(atoms, 1 + 6 * A, s0 >= 0 ? state.rightmost[s0]! : -1, codes, state);
  writePosition(atoms, 1 + 7 * A, s0 >= 0 ? state.rightmost2[s0]! : -1, codes, state);
  writePosition(atoms, 1 + 8 * A, n0, codes, state);
  writePosition(atoms, 1 + 9 * A, n0 >= 0 ? state.leftmost[n0]! : -1, codes, state);
  writePosition(atoms, 1 + 10 * A, n0 >= 0 ? state.leftmost2[n0]! : -1, codes, state);
  writePosition(atoms, 1 + 11 * A, state.bufferAt(1), codes, state);
  writePosition(atoms, 1 + 12 * A, state.bufferAt(2), codes, state);
  const extras = 1 + 13 * A;
  atoms[extras] = distanceBucket(s0, n0);
  atoms[extras + 1] = s0 >= 0 ? state.leftCount[s0]! + 1 : 0;
  atoms[extras + 2] = s0 >= 0 ? state.rightCount[s0]! + 1 : 0;
  atoms[extras + 3] = n0 >= 0 ? state.leftCount[n0]! + 1 : 0;
  atoms[extras + 4] = s0 >= 0 ? labelSet(state.leftLabels[s0]!, state.leftLabelsHigh[s0]!) : 0;
  atoms[extras + 5] = s0 >= 0 ? labelSet(state.rightLabels[s0]!, state.rightLabelsHigh[s0]!) : 0;
  atoms[extras + 6] = n0 >= 0 ? labelSet(state.leftLabels[n0]!, state.leftLabelsHigh[n0]!) : 0;
}

const LABEL_POSITIONS = ['H', 'D', 'Hh', 'Dl', 'Dl2', 'Hl', 'Dm', 'Dn', 'Hm', 'Hn'] as const;
const LABEL_EXTRAS = ['dd', 'Hsl', 'Hsr'] as const;

/**
 * Templates of the label of an arc head → dependent, when the arc is made. H head, D dependent, Hh the head's
 * head, Dl/Dl2 the dependent's two leftmost children (a case marker: "by" makes obl:agent), Hl the head's leftmost
 * child so far, Dm/Dn and Hm/Hn the words before / after the dependent and the head; dd direction and distance,
 * Hsl/Hsr the labels of the head's left / right children so far (aux:pass makes nsubj:pass).
 */
export const LABEL_TEMPLATES = new TemplateSet(LABEL_POSITIONS, LABEL_EXTRAS, [
  'dd', 'Hw', 'Hx', 'Dw', 'Dx', 'Df', 'Ds', 'Hw dd', 'Hx Dx dd', 'Hw Dx dd', 'Hw Df dd', 'Hw Dw dd', 'Hw Hx Dw Dx',
  'Dlw Dx', 'DlL Dx', 'DlL Dlw', 'Dl2L Dx', 'Hsl Dx dd', 'Hsr Dx dd', 'Hsl Hf Df dd', 'HlL Hx Dx dd', 'Hhx Hx Dx dd',
  'Dmx Dx Dnx', 'Dnx Dx Hx dd', 'Dmx Dx Hx dd', 'Hmw Hx', 'Hnw Hx',
]);

/** Fills the label atoms of the arc head → dependent about to be made in `state`. */
export function labelAtoms(state: ParserState, codes: SentenceCodes, head: number, dependent: number, atoms: Int32Array): void {
  const A = ATTRIBUTE_COUNT;
  const n = codes.n;
  const hh = state.head[head]!;
  writePosition(atoms, 1, head, codes, state);
  writePosition(atoms, 1 + A, dependent, codes, state);
  writePosition(atoms, 1 + 2 * A, hh, codes, state);
  writePosition(atoms, 1 + 3 * A, state.leftmost[dependent]!, codes, state);
  writePosition(atoms, 1 + 4 * A, state.leftmost2[dependent]!, codes, state);
  writePosition(atoms, 1 + 5 * A, state.leftmost[head]!, codes, state);
  writePosition(atoms, 1 + 6 * A, dependent - 1, codes, state);
  writePosition(atoms, 1 + 7 * A, dependent + 1 < n ? dependent + 1 : -1, codes, state);
  writePosition(atoms, 1 + 8 * A, head - 1, codes, state);
  writePosition(atoms, 1 + 9 * A, head + 1 < n ? head + 1 : -1, codes, state);
  const extras = 1 + 10 * A;
  atoms[extras] = (dependent < head ? 8 : 16) + distanceBucket(head, dependent);
  atoms[extras + 1] = labelSet(state.leftLabels[head]!, state.leftLabelsHigh[head]!);
  atoms[extras + 2] = labelSet(state.rightLabels[head]!, state.rightLabelsHigh[head]!);
}
