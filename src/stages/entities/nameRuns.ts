/**
 * Capitalised token runs: the raw name candidates of a sentence, with hyphenated parts and particles rejoined
 * ("Kazemi-Qomi" is three wink tokens; the "al" of "al-Maliki" is tagged NOUN).
 */
import type { SentenceInfo, Token } from '../../model/analysis.ts';
import { NAME_PARTICLES, ORG_HEADS, ORG_OPENERS } from './rules.ts';

export interface TokenRange {
  firstToken: number;
  endToken: number;
}

/** Titles that take "of": "Secretary of State", "Minister of Defence", "Chief of Staff". */
const TITLE_OPENERS = new Set(['secretary', 'minister', 'chief', 'head', 'director', 'governor', 'chairman', 'president', 'commander', 'speaker']);

const FUNCTION_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'PUNCT', 'SYM', 'NUM', 'INTJ']);
const OPENING_MARKS = new Set(['"', '“', '‘', "'", '(', '[', '—', '–', '-', ':']);

export function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** Sentence-initial (or right after an opening quote): capitals there say nothing about names. */
export function atSentenceStart(tokens: readonly Token[], sentence: SentenceInfo, i: number): boolean {
  for (let k = i - 1; k >= sentence.firstToken; k--) if (!OPENING_MARKS.has(tokens[k]!.text)) return false;
  return true;
}

function canJoinHyphen(tokens: readonly Token[], i: number, end: number): boolean {
  const hyphen = tokens[i];
  const next = tokens[i + 1];
  // "Kazemi-Qomi", "al-Maliki" join; "Iranian-made" does not.
  return i + 1 < end && hyphen !== undefined && next !== undefined && hyphen.text === '-' && !hyphen.spaceBefore && !next.spaceBefore && /^\p{Lu}/u.test(next.text);
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.']);

function isNameToken(tokens: readonly Token[], sentence: SentenceInfo, i: number): boolean {
  const token = tokens[i]!;
  if (!isCapitalised(token) || !/\p{L}/u.test(token.text)) return false;
  // "on Wednesday NATO said", "in May 2006": dates are not part of names
  if (WEEKDAYS.has(token.normal) || (MONTHS.has(token.normal) && /^\d/.test(tokens[i + 1]?.text ?? ''))) return false;
  if (atSentenceStart(tokens, sentence, i)) return token.pos === 'PROPN' || token.pos === 'NOUN' || token.pos === 'X' || token.pos === 'ADJ';
  return !FUNCTION_POS.has(token.pos) || token.pos === 'NUM' || /^\p{Lu}[\p{Ll}]/u.test(token.text);
}

/** Runs of capitalised tokens in one sentence. */
export function findNameRuns(tokens: readonly Token[], sentence: SentenceInfo): TokenRange[] {
  const runs: TokenRange[] = [];
  const end = sentence.endToken;
  let i = sentence.firstToken;
  while (i < end) {
    const particleStart = isParticleBeforeName(tokens, sentence, i);
    if (!isNameToken(tokens, sentence, i) && !particleStart) {
      i++;
      continue;
    }
    const start = i;
    let last = i;
    i++;
    for (;;) {
      if (i >= end) break;
      if (canJoinHyphen(tokens, i, end)) {
        i += 2;
        last = i - 1;
        continue;
      }
      if (isNameToken(tokens, sentence, i)) {
        last = i;
        i++;
        continue;
      }
      // Joaquín "El Chapo" Guzmán, Matiu "Matt" Ratana: a nickname in quotes inside a name
      const nickname = quotedNickname(tokens, sentence, i);
      if (nickname > 0) {
        i += nickname;
        continue;
      }
      // al-Maliki, bin Laden, van der Veen
      if (isParticleBeforeName(tokens, sentence, i)) {
        i++;
        continue;
      }
      // Ministry of Defence, Bank of England, University of Baghdad, Secretary of State Warren Christopher
      const previous = tokens[last]!.normal;
      if ((tokens[i]!.normal === 'of' || tokens[i]!.normal === 'for') && (ORG_OPENERS.has(previous) || ORG_HEADS.has(previous) || TITLE_OPENERS.has(previous)) && i + 1 < end && isNameToken(tokens, sentence, i + 1)) {
        i++;
        continue;
      }
      break;
    }
    runs.push({ firstToken: start, endToken: last + 1 });
    i = last + 1;
  }
  return runs;
}

/** Length of a quoted nickname of one or two capitalised words at i that a name goes on after, else 0. */
function quotedNickname(tokens: readonly Token[], sentence: SentenceInfo, i: number): number {
  if (!NICKNAME_OPEN.has(tokens[i]!.text)) return 0;
  for (let n = 1; n <= 2; n++) {
    const close = i + 1 + n;
    if (close + 1 >= sentence.endToken) return 0;
    if (!isCapitalised(tokens[close - 1]!)) return 0;
    if (NICKNAME_CLOSE.has(tokens[close]!.text) && isNameToken(tokens, sentence, close + 1)) return n + 2;
  }
  return 0;
}

const NICKNAME_OPEN = new Set(['"', '“', '‘', "'"]);
const NICKNAME_CLOSE = new Set(['"', '”', '’', "'"]);

function isParticleBeforeName(tokens: readonly Token[], sentence: SentenceInfo, i: number): boolean {
  const token = tokens[i]!;
  if (!NAME_PARTICLES.has(token.normal) || isCapitalised(token)) return false;
  const next = tokens[i + 1];
  if (next === undefined || i + 1 >= sentence.endToken) return false;
  if (next.text === '-' && !next.spaceBefore) return canJoinHyphen(tokens, i + 1, sentence.endToken) && isCapitalised(tokens[i + 2]!);
  // "bin Laden" needs a name on both sides, so that the French "de" in running text is not taken.
  const previous = tokens[i - 1];
  return isCapitalised(next) && previous !== undefined && isCapitalised(previous) && i - 1 >= sentence.firstToken;
}
