/**
 * Features of a token for the name tagger: the word and its neighbours, shapes, affixes, wink POS, sentence
 * casing (ALL-CAPS headline, title case, lower case), joins without spaces ("Kazemi-Qomi") and list matches.
 */
import type { Token } from '../../../model/analysis.ts';
import { MARK_NAMES, matchKey, type Gazetteer } from './gazetteer.ts';

/** How the sentence is capitalised: N normal, A ALL CAPS, T Title Case, L all lower case. */
export type Casing = 'N' | 'A' | 'T' | 'L';

/** "Kazemi-Qomi" → "Xxxxx-Xxxx", "U.S." → "X.X.", "1,200" → "d,ddd": letters and digits with runs cut at 4. */
export function wordShape(text: string): string {
  let shape = '';
  let last = '';
  let run = 0;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    const code = text.charCodeAt(k);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else if (ch !== ch.toLowerCase()) c = 'X';
    else if (ch !== ch.toUpperCase()) c = 'x';
    else c = ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) shape += c;
  }
  return shape;
}

/** wordShape with every run cut to one: "Xxxxx-Xxxx" → "Xx-Xx". */
export function shortShape(text: string): string {
  let shape = '';
  let last = '';
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    const code = text.charCodeAt(k);
    let c: string;
    if (code >= 48 && code <= 57) c = 'd';
    else if (ch !== ch.toLowerCase()) c = 'X';
    else if (ch !== ch.toUpperCase()) c = 'x';
    else c = ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** 'C' capitalised, 'U' no lower-case letter ("U.S."), 'l' starts lower-case, '-' no letters. */
function capitalClass(text: string): string {
  const upper = text.toUpperCase();
  if (upper === text.toLowerCase()) return '-';
  if (text === upper) return 'U';
  const first = text[0]!;
  return first === first.toLowerCase() ? 'l' : 'C';
}

/** Casing of a sentence from its words: ALL CAPS, Title Case or all lower case need enough words to tell. */
export function sentenceCasing(texts: readonly string[]): Casing {
  let words = 0;
  let upper = 0;
  let capital = 0;
  let lower = 0;
  for (const text of texts) {
    const c = capitalClass(text);
    if (c === '-') continue;
    words++;
    if (c === 'U') upper++;
    else if (c === 'C') capital++;
    else lower++;
  }
  if (words < 3) return 'N';
  if (upper >= 0.7 * words) return 'A';
  if (lower === words) return 'L';
  if (words >= 4 && capital > 0 && capital + upper >= 0.7 * words) return 'T';
  return 'N';
}

/** What the features of one sentence are computed from. */
export interface SentenceView {
  length: number;
  texts: string[];
  /** Match keys: lower case, accents dropped. */
  keys: string[];
  shapes: string[];
  shortShapes: string[];
  capitals: string[];
  pos: string[];
  /** No whitespace before the token ("Qomi" in "Kazemi-Qomi"). */
  joined: boolean[];
  /** Gazetteer marks per token (bits, see gazetteer.ts). */
  marks: Uint32Array;
  casing: Casing;
  headline: boolean;
}

export function viewSentence(tokens: readonly Token[], headline: boolean, gazetteer: Gazetteer): SentenceView {
  const n = tokens.length;
  const texts = new Array<string>(n);
  const keys = new Array<string>(n);
  const shapes = new Array<string>(n);
  const shortShapes = new Array<string>(n);
  const capitals = new Array<string>(n);
  const pos = new Array<string>(n);
  const joined = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const token = tokens[i]!;
    texts[i] = token.text;
    keys[i] = matchKey(token.text);
    shapes[i] = wordShape(token.text);
    shortShapes[i] = shortShape(token.text);
    capitals[i] = capitalClass(token.text);
    pos[i] = token.pos;
    joined[i] = i > 0 && !token.spaceBefore;
  }
  return { length: n, texts, keys, shapes, shortShapes, capitals, pos, joined, marks: gazetteer.mark(keys), casing: sentenceCasing(texts), headline };
}

const OFFSETS = [-2, -1, 1, 2] as const;

/** Features that do not depend on the labels already chosen. */
export function staticFeatures(v: SentenceView, i: number, emit: (feature: string) => void): void {
  const key = v.keys[i]!;
  const c = v.casing;
  emit('b');
  emit('w=' + key);
  emit('W=' + v.texts[i]!);
  for (let k = 1; k <= 4 && k < key.length; k++) {
    emit('p' + k + '=' + key.slice(0, k));
    emit('s' + k + '=' + key.slice(-k));
  }
  emit('S=' + c + v.shapes[i]!);
  emit('t=' + v.pos[i]!);
  for (const o of OFFSETS) {
    const j = i + o;
    if (j < 0 || j >= v.length) {
      if (o === -1 || o === 1) emit('w' + o + '=<s>');
      continue;
    }
    emit('w' + o + '=' + v.keys[j]!);
    emit('s' + o + '=' + c + v.shortShapes[j]!);
    emit('t' + o + '=' + v.pos[j]!);
  }
  const prev = i > 0 ? v.keys[i - 1]! : '<s>';
  const next = i + 1 < v.length ? v.keys[i + 1]! : '<s>';
  emit('ww-=' + prev + '|' + key);
  emit('ww+=' + key + '|' + next);
  emit('tt-=' + (i > 0 ? v.pos[i - 1]! : '<s>') + '|' + v.pos[i]!);
  emit('tt+=' + v.pos[i]! + '|' + (i + 1 < v.length ? v.pos[i + 1]! : '<s>'));
  if (i === 0) emit('first=' + c + v.shortShapes[i]!);
  if (v.headline) emit('head=' + c + v.shortShapes[i]!);
  // "Kazemi-Qomi": the hyphen and the parts around it touch each other.
  const joinedNext = i + 1 < v.length && v.joined[i + 1]!;
  if (v.joined[i]! || joinedNext) {
    emit('j=' + (v.joined[i]! ? '1' : '0') + (joinedNext ? '1' : '0') + v.shortShapes[i]!);
    if (v.joined[i]! && joinedNext) emit('jj=' + v.shortShapes[i - 1]! + v.texts[i]! + v.shortShapes[i + 1]!);
  }
  for (let o = -1; o <= 1; o++) {
    const j = i + o;
    if (j < 0 || j >= v.length) continue;
    for (let bits = v.marks[j]!, b = 0; bits !== 0; bits >>>= 1, b++) {
      if ((bits & 1) === 0) continue;
      emit('g' + o + '=' + MARK_NAMES[b]!);
      if (o === 0) emit('gc=' + MARK_NAMES[b]! + c + v.capitals[i]!);
    }
  }
}

/** Features of the labels chosen for the two previous tokens (label indexes; -1 before the sentence). */
export function historyFeatures(v: SentenceView, i: number, prev1: number, prev2: number, emit: (feature: string) => void): void {
  const p1 = String(prev1);
  emit('T1=' + p1);
  emit('T2=' + prev2 + ',' + p1);
  emit('T1w=' + p1 + v.keys[i]!);
  emit('T1s=' + p1 + v.casing + v.shortShapes[i]!);
  emit('T1t=' + p1 + v.pos[i]!);
}
