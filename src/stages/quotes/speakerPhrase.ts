/**
 * Noun phrases around a cue verb, read from wink POS tags: the speaker before the verb ("Crocker said",
 * "Kazemi-Qomi, speaking at a separate media conference, said"), after it ("said Crocker"), and the subject of a
 * participle ("with Kazemi-Qomi calling", "they had criticized …, saying").
 */
import type { Token } from '../../model/analysis.ts';
import { isPunctuation } from './tokenKinds.ts';

/** Token range [first, end). */
export interface TokenRange {
  first: number;
  end: number;
}

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
const POSSESSIVES = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Prepositions that join the parts of one speaker phrase: "a spokesman for the ministry", "officials in Baghdad". */
const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'from', 'in', 'to']);
const MAX_PHRASE = 12;
/** Heads of time phrases, which stand where a subject would but never speak: "said Tuesday", "this month announced". */
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'tomorrow',
  'morning', 'afternoon', 'evening', 'night', 'day', 'week', 'weekend', 'month', 'year', 'time', 'moment', 'hour', 'hours', 'minutes',
]);
/** Words wink tags ADP that open a clause, so a subject may follow them: "after Tehran said". */
const SUBORDINATORS = new Set(['after', 'before', 'as', 'because', 'since', 'until', 'while', 'though', 'although', 'if', 'unless', 'once', 'whether', 'than']);
/** Words that sit between a subject and its verb: "has also said", "later told". */
const SKIPPABLE_POS = new Set(['AUX', 'ADV']);

export function isPersonalPronoun(token: Token): boolean {
  return PERSONAL_PRONOUNS.has(token.normal);
}

function isNominal(token: Token): boolean {
  return token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'NUM' || (token.pos === 'PRON' && !isPersonalPronoun(token) && !POSSESSIVES.has(token.normal) && /^(everyone|someone|nobody|none|both|all|many|some|others?)$/.test(token.normal));
}

/** A token that may stand inside a noun phrase, given the token on its right already in it. */
function fitsPhrase(token: Token, right: Token | undefined, left: Token | undefined): boolean {
  if (isNominal(token) || token.pos === 'ADJ' || token.pos === 'DET') return true;
  if (POSSESSIVES.has(token.normal)) return true;
  if (token.pos === 'PART' && /^['’]s$/.test(token.normal)) return true;
  // Glued punctuation inside a name or a compound: "Kazemi-Qomi", "U.S.-led", "lowest-paid".
  if (token.pos === 'PUNCT' && /^[-.]$/.test(token.text) && right !== undefined && !right.spaceBefore) return true;
  // The second half of a hyphenated compound, whatever wink tagged it: "lowest-paid", "Iranian-made".
  if (!token.spaceBefore && left?.text === '-') return true;
  if (right !== undefined && token.pos === 'ADP' && INNER_PREPOSITIONS.has(token.normal)) return true;
  if (right !== undefined && token.pos === 'CCONJ' && token.normal === 'and') return true;
  if (token.pos !== 'VERB') return false;
  // wink tags some names and nouns as verbs ("police", surnames that are also verbs), and participles modify nouns ("the suing states").
  if (/^[A-Z]/.test(token.text)) return (right !== undefined && (isNominal(right) || right.pos === 'PROPN')) || left?.pos === 'PROPN';
  return right !== undefined && isNominal(right) && left !== undefined && (left.pos === 'DET' || left.pos === 'ADJ');
}

/** Trims function words off the left edge and checks there is a head; null when nothing nominal is left. */
function finish(tokens: readonly Token[], first: number, end: number): TokenRange | null {
  let f = first;
  while (f < end && (tokens[f]!.pos === 'ADP' || tokens[f]!.pos === 'CCONJ' || isPunctuation(tokens[f]!))) f++;
  let e = end;
  while (e > f && (tokens[e - 1]!.pos === 'ADP' || tokens[e - 1]!.pos === 'CCONJ' || isPunctuation(tokens[e - 1]!) || tokens[e - 1]!.pos === 'DET')) e--;
  if (e <= f) return null;
  const head = tokens[e - 1]!;
  if (TIME_WORDS.has(head.normal)) return null;
  // "the military", "the wounded": an adjective after a determiner heads its phrase.
  const adjectiveHead = head.pos === 'ADJ' && e - f >= 2 && tokens[f]!.pos === 'DET';
  if (!(isNominal(head) || (head.pos === 'PRON' && isPersonalPronoun(head)) || adjectiveHead)) return null;
  return { first: f, end: e };
}

/** The noun phrase that ends just before token `end` (exclusive), not reaching left of `floor`. */
export function phraseEndingAt(tokens: readonly Token[], end: number, floor: number): TokenRange | null {
  const last = tokens[end - 1];
  if (!last || end - 1 < floor) return null;
  if (last.pos === 'PRON' && isPersonalPronoun(last)) return { first: end - 1, end };
  if (isJoiner(last)) return null;
  let first = end;
  while (first - 1 >= floor && end - (first - 1) <= MAX_PHRASE) {
    const token = tokens[first - 1]!;
    if (!fitsPhrase(token, tokens[first], first - 2 >= floor ? tokens[first - 2] : undefined)) break;
    // A joining word needs a nominal on its left: "a spokesman for the ministry", not "In Baghdad officials".
    if (isJoiner(token) && !(first - 2 >= floor && isNominal(tokens[first - 2]!))) break;
    first--;
    const opensPhrase = token.pos === 'DET' || POSSESSIVES.has(token.normal);
    if (opensPhrase && !(first - 2 >= floor && isJoiner(tokens[first - 1]!) && isNominal(tokens[first - 2]!))) break;
  }
  return first < end ? finish(tokens, first, end) : null;
}

function isJoiner(token: Token): boolean {
  return (token.pos === 'ADP' && INNER_PREPOSITIONS.has(token.normal)) || (token.pos === 'CCONJ' && token.normal === 'and');
}

/** The noun phrase that starts at token `first`, not reaching `ceiling` (exclusive). */
export function phraseStartingAt(tokens: readonly Token[], first: number, ceiling: number): TokenRange | null {
  const token = tokens[first];
  if (!token || first >= ceiling) return null;
  if (token.pos === 'PRON' && isPersonalPronoun(token)) return { first, end: first + 1 };
  let end = first;
  while (end < ceiling && end - first < MAX_PHRASE) {
    const t = tokens[end]!;
    const next = tokens[end + 1];
    const fits = fitsPhrase(t, next && end + 1 < ceiling ? next : undefined, end > first ? tokens[end - 1] : undefined);
    // Joining words need a nominal on their right: "spokesman for the ministry", not "Crocker in Baghdad said".
    if (!fits || ((t.pos === 'ADP' || t.pos === 'CCONJ') && !(next && end + 1 < ceiling && (isNominal(next) || next.pos === 'DET' || next.pos === 'ADJ')))) break;
    // A determiner opens a phrase; inside one it follows a joining word ("a spokesman for the ministry").
    if (t.pos === 'DET' && end > first && tokens[end - 1]!.pos !== 'ADP' && tokens[end - 1]!.pos !== 'CCONJ') break;
    end++;
  }
  return end > first ? finish(tokens, first, end) : null;
}

/**
 * The subject of the verb at `verb`: the phrase just before it, skipping auxiliaries and adverbs ("has also said")
 * and a parenthetical between commas ("Kazemi-Qomi, speaking at a separate media conference, said").
 */
export function subjectBefore(tokens: readonly Token[], verb: number, floor: number): TokenRange | null {
  let k = skipBack(tokens, verb, floor);
  // A time phrase between subject and verb: "The company this month announced"
  const time = timePhraseEndingAt(tokens, k, floor);
  if (time !== null) k = skipBack(tokens, time, floor);
  // A second verb of its clause: "The officer orders the driver to get out and repeatedly says"
  if (tokens[k - 1]?.normal === 'and' && k - 1 >= floor) return clauseSubject(tokens, floor, k);
  // A bracketed aside after the name: "Rep. Jane Smith (D-Ohio) said"
  if (tokens[k - 1]?.text === ')') {
    for (let j = k - 2; j >= Math.max(floor, k - 10); j--) {
      if (tokens[j]!.text !== '(') continue;
      k = j;
      break;
    }
  }
  if (k - 1 >= floor && tokens[k - 1]!.text === ',') {
    for (let j = k - 2; j >= Math.max(floor, k - 25); j--) {
      if (tokens[j]!.text !== ',') continue;
      return asSubject(tokens, phraseEndingAt(tokens, j, floor), floor, k);
    }
    return null;
  }
  return asSubject(tokens, phraseEndingAt(tokens, k, floor), floor, k);
}

/** Left past auxiliaries and adverbs: "has also said", "later told". */
function skipBack(tokens: readonly Token[], from: number, floor: number): number {
  let k = from;
  while (k - 1 >= floor && SKIPPABLE_POS.has(tokens[k - 1]!.pos) && !isPersonalPronoun(tokens[k - 1]!)) k--;
  return k;
}

/** Where a time phrase ending at `end` starts ("this month", "on Monday", "late Friday"), or null. */
function timePhraseEndingAt(tokens: readonly Token[], end: number, floor: number): number | null {
  const head = tokens[end - 1];
  if (!head || end - 1 < floor || !TIME_WORDS.has(head.normal)) return null;
  let k = end - 1;
  while (k - 1 >= floor && end - k < 4 && /^(this|last|next|that|early|late|on|earlier|later|the)$/.test(tokens[k - 1]!.normal)) k--;
  return k;
}

/**
 * A phrase governed by a preposition is no subject but the end of a longer one ("Students marching through
 * the capital chanted"): take the subject of the clause instead. After a conjunction it is one ("after Tehran said").
 */
function asSubject(tokens: readonly Token[], phrase: TokenRange | null, floor: number, verb: number): TokenRange | null {
  const before = phrase ? tokens[phrase.first - 1] : undefined;
  if (!phrase || before?.pos !== 'ADP' || SUBORDINATORS.has(before.normal)) return phrase;
  return clauseSubject(tokens, floor, verb);
}

/**
 * The subject of the clause a participle hangs on: "with Kazemi-Qomi calling …" → Kazemi-Qomi;
 * "In turn, they had criticized …, saying" → they; "… calling … and saying" → the subject of "calling".
 */
export function participleSubject(tokens: readonly Token[], participle: number, floor: number): TokenRange | null {
  const prev = tokens[participle - 1];
  if (prev && participle - 1 >= floor && prev.text !== ',' && prev.normal !== 'and') {
    // "with Kazemi-Qomi calling"; after "while"/"by" the participle has the clause's subject.
    return phraseEndingAt(tokens, participle, floor) ?? clauseSubject(tokens, floor, participle);
  }
  // "with X calling … and saying": the subject of the earlier participle.
  for (let j = participle - 2; j > floor; j--) {
    const t = tokens[j]!;
    if (!/ing$/.test(t.normal) || t.pos !== 'VERB') continue;
    const subject = phraseEndingAt(tokens, j, floor);
    if (subject && tokens[subject.first - 1]?.normal === 'with') return subject;
  }
  // "“…,” he told the group, adding that …": the subject of the verb the participle follows.
  for (let j = participle - 2; j > floor; j--) {
    const t = tokens[j]!;
    if (t.pos !== 'VERB' || /ing$/.test(t.normal)) continue;
    const subject = subjectBefore(tokens, j, floor);
    if (subject) return subject;
    break;
  }
  return clauseSubject(tokens, floor, participle);
}

/** The subject at the start of a clause, after an opening adverbial ("In turn, they had criticized"). */
export function clauseSubject(tokens: readonly Token[], first: number, limit: number): TokenRange | null {
  let k = first;
  const opener = tokens[k];
  if (opener && (opener.pos === 'ADP' || opener.pos === 'ADV' || opener.pos === 'SCONJ')) {
    while (k < limit && tokens[k]!.text !== ',') k++;
    k++;
  }
  const subject = phraseStartingAt(tokens, k, limit);
  if (!subject) return null;
  const next = tokens[subject.end];
  return next && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'ADV') ? subject : null;
}

/**
 * Where to look for the subject of the verb at `verb`: the start of its sentence, or of the sentence before when
 * wink cut the sentence just before a lower-case verb ("Sen. John Smith (R-Ga.) | said he …").
 */
export function subjectFloor(tokens: readonly Token[], verb: number, sentenceStart: number, paragraphStart: number): number {
  const token = tokens[verb];
  if (verb !== sentenceStart || !token || !/^[a-z]/.test(token.text) || sentenceStart <= paragraphStart) return sentenceStart;
  let k = sentenceStart - 1;
  const previous = tokens[k]!.sentence;
  while (k - 1 >= paragraphStart && tokens[k - 1]!.sentence === previous) k--;
  return k;
}
