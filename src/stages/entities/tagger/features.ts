/**
 * Features of a token for the name tagger: the word and its neighbours, shapes, affixes, wink POS, sentence
 * casing (ALL-CAPS headline, title case, lower case), joins without spaces ("Kazemi-Qomi") and list matches.
 *
 * A feature is a template and a value, named `template=value` in the model. Features are grouped by what
 * they depend on, so that the run-time scorer can cache the groups that depend on the word alone.
 */
import type { Token } from '../../../model/analysis.ts';
import { LIST_NAMES, MARK_NAMES, MARKS, markBit, matchKey, type Gazetteer } from './gazetteer.ts';

/** A feature: template and value, or for pair templates ("ww-": previous word and word) two values. */
export type Emit = (template: string, value: string, second?: string) => void;

export function featureName(template: string, value: string, second?: string): string {
  return second === undefined ? template + '=' + value : template + '=' + value + '|' + second;
}

/** Templates whose features have two values. */
export const PAIR_TEMPLATES: readonly string[] = ['ww-', 'ww+', 'tt-', 'tt+', 'j'];

/** How the sentence is capitalised: N normal, A ALL CAPS, T Title Case, L all lower case. */
export type Casing = 'N' | 'A' | 'T' | 'L';
export const CASINGS: readonly Casing[] = ['N', 'A', 'T', 'L'];

/** What the features need to know about a word, whatever its context. */
export interface WordInfo {
  text: string;
  /** Match key: lower case, accents dropped. */
  key: string;
  /** "Kazemi-Qomi" → "Xxxxx-Xxxx", "U.S." → "X.X.", "1,200" → "d,ddd": letters and digits, runs cut at 4. */
  shape: string;
  /** The shape with every run cut to one: "Xx-Xx". */
  shortShape: string;
  capital: Capital;
  /** Index of `capital` in CAPITALS. */
  capitalIndex: number;
  /** The short shape behind each casing letter (index as in CASINGS): "NXx", "AXx"... */
  casedShortShapes: string[];
}

export function describeWord(text: string): WordInfo {
  let shape = '';
  let shortShape = '';
  let last = '';
  let run = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code < 128) c = text[k]!;
    else {
      const ch = text[k]!;
      c = ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    }
    run = c === last ? run + 1 : 1;
    if (run <= 4) shape += c;
    if (run === 1) shortShape += c;
    last = c;
  }
  const casedShortShapes = CASINGS.map((c) => c + shortShape);
  const capital = capitalClass(shape);
  return { text, key: matchKey(text), shape, shortShape, capital, capitalIndex: CAPITALS.indexOf(capital), casedShortShapes };
}

/** Capital classes: 'C' capitalised, 'U' no lower-case letter ("U.S."), 'l' starts lower-case, '-' no letters. */
export const CAPITALS = ['C', 'U', 'l', '-'] as const;
export type Capital = (typeof CAPITALS)[number];

function capitalClass(shape: string): Capital {
  const first = shape.indexOf('X');
  const lower = shape.indexOf('x');
  if (first === -1 && lower === -1) return '-';
  if (lower === -1) return 'U';
  return first === -1 || lower < first ? 'l' : 'C';
}

/** Words Title Case leaves in lower case ("Talks on Iraq Violence"). */
export const TITLE_CASE_SMALL_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'vs', 'vs.', 'via', 'into', 'over', 'off', 'up']);

/**
 * Casing of a sentence from its words: ALL CAPS (70 % of the words), Title Case (capitalised words, lower
 * case only for small words) or all lower case; it takes enough words to tell.
 */
export function sentenceCasing(words: readonly WordInfo[]): Casing {
  let count = 0;
  let upper = 0;
  let capital = 0;
  let lower = 0;
  let lowerContent = 0;
  for (const word of words) {
    if (word.capital === '-') continue;
    count++;
    if (word.capital === 'U') upper++;
    else if (word.capital === 'C') capital++;
    else {
      lower++;
      if (!TITLE_CASE_SMALL_WORDS.has(word.key)) lowerContent++;
    }
  }
  if (count < 3) return 'N';
  if (upper >= 0.7 * count) return 'A';
  if (lower === count) return 'L';
  if (count >= 4 && capital > 0 && lowerContent === 0) return 'T';
  return 'N';
}

/** What the features of one sentence are computed from. */
export interface SentenceView {
  length: number;
  words: WordInfo[];
  pos: string[];
  /** No whitespace before the token ("Qomi" in "Kazemi-Qomi"). */
  joined: boolean[];
  /** Gazetteer marks per token (bits, see gazetteer.ts). */
  marks: Uint32Array;
  /** Run of name-like tokens each token is in, as [first, end), or -1 outside runs. */
  runFirst: Int32Array;
  runEnd: Int32Array;
  casing: Casing;
  /** Index of `casing` in CASINGS. */
  casingIndex: number;
  headline: boolean;
  /** The sentence holds a score line ("2-1", "3 – 0", "245-6"): towns in it are often teams. */
  scoreLine: boolean;
}

export function viewSentence(tokens: readonly Token[], headline: boolean, gazetteer: Gazetteer, describe: (text: string) => WordInfo = describeWord): SentenceView {
  const n = tokens.length;
  const words = new Array<WordInfo>(n);
  const keys = new Array<string>(n);
  const pos = new Array<string>(n);
  const joined = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    words[i] = describe(token.text);
    keys[i] = words[i]!.key;
    pos[i] = token.pos;
    joined[i] = i > 0 && !token.spaceBefore;
  }
  const casing = sentenceCasing(words);
  const { runFirst, runEnd } = nameRuns(words, joined, casing);
  const scoreLine = hasScoreLine(words);
  return { length: n, words, pos, joined, marks: gazetteer.mark(keys), runFirst, runEnd, casing, casingIndex: CASINGS.indexOf(casing), headline, scoreLine };
}

const SCORE = /^\d{1,3}[-–]\d{1,3}$/;

/** "2-1" is one wink token; "3 – 0" is three. Years and ranges ("1990-1995", "10-15 people") are longer or round. */
function hasScoreLine(words: readonly WordInfo[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const text = words[i]!.text;
    if (SCORE.test(text)) return true;
    if ((text === '-' || text === '–') && i > 0 && i + 1 < words.length && /^\d{1,2}$/.test(words[i - 1]!.text) && /^\d{1,2}$/.test(words[i + 1]!.text)) return true;
  }
  return false;
}

/**
 * Runs of capitalised tokens, with the lower-case and hyphen pieces of a capitalised word ("al-Maliki",
 * "Kazemi-Qomi") inside them. In ALL-CAPS or Title Case sentences every word looks like a name: no runs.
 */
function nameRuns(words: readonly WordInfo[], joined: readonly boolean[], casing: Casing): { runFirst: Int32Array; runEnd: Int32Array } {
  const n = words.length;
  const runFirst = new Int32Array(n).fill(-1);
  const runEnd = new Int32Array(n).fill(-1);
  if (casing === 'A' || casing === 'T') return { runFirst, runEnd };
  const nameLike = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (words[i]!.capital === 'C' || words[i]!.capital === 'U') nameLike[i] = 1;
  // Pull in the pieces hyphen-joined to a capitalised token: "al" "-" in "al-Maliki", "-" in "Kazemi-Qomi".
  const piece = (k: number) => words[k]!.text === '-' || words[k]!.capital === 'l';
  for (let i = 0; i < n; i++) {
    if (nameLike[i] || !piece(i)) continue;
    let k = i;
    while (k + 1 < n && joined[k + 1] && piece(k + 1)) k++;
    const after = k + 1 < n && joined[k + 1] && nameLike[k + 1] === 1;
    const before = i > 0 && joined[i] && nameLike[i - 1] === 1 && words[i]!.text === '-' && k + 1 < n && joined[k + 1];
    if (after || before) for (let j = i; j <= k; j++) nameLike[j] = 1;
  }
  for (let i = 0; i < n; ) {
    if (!nameLike[i]) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && nameLike[end]) end++;
    for (let k = i; k < end; k++) {
      runFirst[k] = i;
      runEnd[k] = end;
    }
    i = end;
  }
  return { runFirst, runEnd };
}

const AFFIX_LENGTHS = [1, 2, 3, 4] as const;
const PREFIX_TEMPLATES = AFFIX_LENGTHS.map((k) => 'p' + k);
const SUFFIX_TEMPLATES = AFFIX_LENGTHS.map((k) => 's' + k);
/** Neighbour offsets and their templates: the word and short shape of the token 2 before ... 2 after. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;
const NEIGHBOUR_WORD = NEIGHBOUR_OFFSETS.map((o) => 'w' + o);
const NEIGHBOUR_SHAPE = NEIGHBOUR_OFFSETS.map((o) => 's' + o);

/** Features of the word itself: key, exact text, prefixes and suffixes. */
export function ownFeatures(word: WordInfo, emit: Emit): void {
  const key = word.key;
  emit('w', key);
  emit('W', word.text);
  for (let k = 1; k <= 4 && k < key.length; k++) {
    emit(PREFIX_TEMPLATES[k - 1]!, key.slice(0, k));
    emit(SUFFIX_TEMPLATES[k - 1]!, key.slice(-k));
  }
}

/** The word's shape in a sentence of the given casing ("Xxxx" means little in a Title Case headline). */
export function shapeFeatures(word: WordInfo, casingIndex: number, emit: Emit): void {
  emit('S', CASINGS[casingIndex]! + word.shape);
}

/** What a word tells the token `NEIGHBOUR_OFFSETS[n]` places away from it. */
export function neighbourFeatures(word: WordInfo, n: number, casingIndex: number, emit: Emit): void {
  emit(NEIGHBOUR_WORD[n]!, word.key);
  emit(NEIGHBOUR_SHAPE[n]!, word.casedShortShapes[casingIndex]!);
}

/** Offsets of the POS window; posFeatures takes an index into it. */
export const POS_OFFSETS = [-2, -1, 0, 1, 2] as const;
const POS_TEMPLATES = POS_OFFSETS.map((o) => (o === 0 ? 't' : 't' + o));

/** The POS of the token POS_OFFSETS[k] places away. */
export function posFeatures(pos: string, k: number, emit: Emit): void {
  emit(POS_TEMPLATES[k]!, pos);
}

/** Gazetteer mark `bit` on the token `offset` (-1, 0, 1) places away. */
export function markFeatures(bit: number, offset: number, emit: Emit): void {
  emit(MARK_TEMPLATES[offset + 1]!, MARK_FEATURE_NAMES[bit]!);
}

/** Gazetteer mark `bit` on the token itself, with the sentence casing and the token's capitals ("city:UNC"). */
export function markCapitalFeatures(bit: number, casingIndex: number, capitalIndex: number, emit: Emit): void {
  emit('gc', CAPITALISED_MARKS[bit]![casingIndex]![capitalIndex]!);
}

/** The match word of a token that is a known lower-case word and on no other list. */
const ONLY_LOWER_WORD = markBit(LIST_NAMES.indexOf('lowerWord'), MARKS.indexOf('U'));

/** Lower-case words that do open names in GMB: "southern Texas", "da Silva". */
const LOWER_NAME_OPENERS = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central',
  'northeast', 'northwest', 'southeast', 'southwest', 'northeastern', 'northwestern', 'southeastern', 'southwestern',
  'al', 'el', 'bin', 'ibn', 'abu', 'van', 'von', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le',
]);

/**
 * A token the decoder labels O without scoring it, when the token before is O too: a common lower-case word
 * ("said", "the", "militias") in a normally cased sentence, not part of a hyphenated word, not a word that
 * opens names. Scored, such tokens come out O (all 52,282 of them in the GMB test split's 100,807 tokens).
 */
export function plainWord(v: SentenceView, i: number): boolean {
  const word = v.words[i]!;
  return (
    v.casingIndex === 0 &&
    v.marks[i] === ONLY_LOWER_WORD &&
    word.capital === 'l' &&
    !v.joined[i]! &&
    !(i + 1 < v.length && v.joined[i + 1]!) &&
    !LOWER_NAME_OPENERS.has(word.key)
  );
}

/** What stands for the word or POS before the first token and after the last. */
export const BOUNDARY = '<s>';

/** Word pairs and POS pairs: the previous token with this one, this one with the next. */
export function pairFeatures(v: SentenceView, i: number, emit: Emit): void {
  const n = v.length;
  const key = v.words[i]!.key;
  emit('ww-', i > 0 ? v.words[i - 1]!.key : BOUNDARY, key);
  emit('ww+', key, i + 1 < n ? v.words[i + 1]!.key : BOUNDARY);
  emit('tt-', i > 0 ? v.pos[i - 1]! : BOUNDARY, v.pos[i]!);
  emit('tt+', v.pos[i]!, i + 1 < n ? v.pos[i + 1]! : BOUNDARY);
}

/** Features of the token in its sentence that no cache holds: position, joins, name runs. */
export function contextFeatures(v: SentenceView, i: number, emit: Emit): void {
  const word = v.words[i]!;
  const c = v.casingIndex;
  const n = v.length;
  if (i === 0) emit('w-1', BOUNDARY);
  if (i === n - 1) emit('w1', BOUNDARY);
  if (i === 0) emit('first', word.casedShortShapes[c]!);
  if (v.headline) emit('head', word.casedShortShapes[c]!);
  // "Kazemi-Qomi": the hyphen and the parts around it touch each other.
  const joinedNext = i + 1 < n && v.joined[i + 1]!;
  if (v.joined[i]! || joinedNext) {
    emit('j', v.joined[i]! ? (joinedNext ? '11' : '10') : '01', word.shortShape);
    if (v.joined[i]! && joinedNext) emit('jj', v.words[i - 1]!.shortShape + word.text + v.words[i + 1]!.shortShape);
  }
  // "Liverpool beat Chelsea 2-1": a capitalised word in a sentence with a score line, and whether a list knows it.
  if (v.scoreLine && word.capital !== 'l' && word.capital !== '-') emit('sc', word.capital + (v.marks[i]! & PLACE_BITS ? 'g' : ''));
  const runFirst = v.runFirst[i]!;
  if (runFirst !== -1) {
    // "Information Office of China's State Council": the run's first and last words type the whole run.
    const runEnd = v.runEnd[i]!;
    const place = runEnd - runFirst === 1 ? 0 : i === runFirst ? 1 : i === runEnd - 1 ? 3 : 2;
    emit('rp', RUN_PLACES[place]![Math.min(runEnd - runFirst, 4)]!);
    emit('rh', v.words[runEnd - 1]!.key);
    emit('rf', v.words[runFirst]!.key);
  }
}

/** Copy of an imported name: read for every token. */
const MARK_FEATURE_NAMES = MARK_NAMES;
/** Mark bits of the country and city lists, any mark. */
const PLACE_BITS = (['country', 'city'] as const).reduce((bits, list) => bits | MARKS.reduce((b, _, m) => b | markBit(LIST_NAMES.indexOf(list), m), 0), 0);
const MARK_TEMPLATES = ['g-1', 'g0', 'g1'];
const CAPITALISED_MARKS = MARK_NAMES.map((mark) => CASINGS.map((casing) => CAPITALS.map((capital) => mark + casing + capital)));
/** Place in the run (U alone, B first, I inside, E last) and its length up to 4: "B2". */
const RUN_PLACES = ['U', 'B', 'I', 'E'].map((place) => [0, 1, 2, 3, 4].map((length) => place + length));

/** Every feature that does not depend on the labels already chosen. */
export function staticFeatures(v: SentenceView, i: number, emit: Emit): void {
  const word = v.words[i]!;
  const c = v.casingIndex;
  ownFeatures(word, emit);
  shapeFeatures(word, c, emit);
  for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
    const j = i + NEIGHBOUR_OFFSETS[k]!;
    if (j >= 0 && j < v.length) neighbourFeatures(v.words[j]!, k, c, emit);
  }
  for (let k = 0; k < POS_OFFSETS.length; k++) {
    const j = i + POS_OFFSETS[k]!;
    if (j >= 0 && j < v.length) posFeatures(v.pos[j]!, k, emit);
  }
  for (let o = -1; o <= 1; o++) {
    const j = i + o;
    if (j < 0 || j >= v.length) continue;
    for (let bits = v.marks[j]!, b = 0; bits !== 0; bits >>>= 1, b++) {
      if ((bits & 1) === 0) continue;
      markFeatures(b, o, emit);
      if (o === 0) markCapitalFeatures(b, c, word.capitalIndex, emit);
    }
  }
  pairFeatures(v, i, emit);
  contextFeatures(v, i, emit);
}

/** History templates per previous label (index label + 1; 0 is "before the sentence"). */
const HISTORY_LABELS = Array.from({ length: 10 }, (_, k) => String(k - 1));
const T1W = HISTORY_LABELS.map((p) => 'T1w' + p);
const T1S = HISTORY_LABELS.map((p) => 'T1s' + p);
const T1T = HISTORY_LABELS.map((p) => 'T1t' + p);
const T2 = HISTORY_LABELS.map((p2) => HISTORY_LABELS.map((p1) => p2 + ',' + p1));

/** The two previous labels alone (label indexes; -1 before the sentence), and the bias. */
export function labelFeatures(prev1: number, prev2: number, emit: Emit): void {
  emit('b', '');
  emit('T1', HISTORY_LABELS[prev1 + 1]!);
  emit('T2', T2[prev2 + 1]![prev1 + 1]!);
}

/** The previous label with the word and its shape. */
export function wordLabelFeatures(word: WordInfo, casingIndex: number, prev1: number, emit: Emit): void {
  emit(T1W[prev1 + 1]!, word.key);
  emit(T1S[prev1 + 1]!, word.casedShortShapes[casingIndex]!);
}

/** The previous label with the token's POS. */
export function posLabelFeatures(pos: string, prev1: number, emit: Emit): void {
  emit(T1T[prev1 + 1]!, pos);
}

/** Every feature of the labels chosen for the two previous tokens. */
export function historyFeatures(v: SentenceView, i: number, prev1: number, prev2: number, emit: Emit): void {
  labelFeatures(prev1, prev2, emit);
  wordLabelFeatures(v.words[i]!, v.casingIndex, prev1, emit);
  posLabelFeatures(v.pos[i]!, prev1, emit);
}
