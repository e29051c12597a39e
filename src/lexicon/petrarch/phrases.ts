/**
 * A phrase index over lower-cased words, shared by the actor and agent dictionaries: phrases are keyed by their
 * first word; `_` joins words that must be consecutive, a space lets a few other words in between when the caller
 * allows gaps (PETRARCH's "ITHILEN TELEVISION" ~ "Ithilen state-run television"). Hyphens and diacritics are
 * ignored on both sides, so "al-Maliki" read as one word or as "al", "-", "Maliki" both match AL-MALIKI.
 */

export interface Phrase<T> {
  /** Folded tokens after the first one (the first is the index key), joined by spaces. */
  rest: string;
  /** The same tokens, one by one. */
  tokens: string[];
  /** Per token of `tokens`: written with a space before it (other words may come in between when gaps are allowed). */
  open: boolean[];
  /** The phrase as written in the dictionary. */
  raw: string;
  /** Reading order: user files after shipped ones, so that equal phrases can prefer the user's. */
  order: number;
  target: T;
}

export type PhraseIndex<T> = Map<string, Phrase<T>[]>;

/** What a lookup needs of an index: a first word's phrases, longest first (see sortIndex). */
export interface PhraseLookup<T> {
  get(firstWord: string): readonly Phrase<T>[] | undefined;
}

/** Lower case without diacritics: "Erdoğan" → "erdogan". */
export function fold(word: string): string {
  const lower = word.toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** Dictionary phrase → folded tokens with their joins: "AMERICA_(UNITED_STATES)_" → america ( united states ); "AL-MALIKI" → al maliki. */
function phraseTokens(phrase: string): { tokens: string[]; open: boolean[] } {
  let folded = fold(phrase).trim();
  if (folded.includes('(') || folded.includes(')')) folded = folded.replace(/[()]/g, '_$&_');
  const tokens: string[] = [];
  const open: boolean[] = [];
  let spaced = false;
  for (const piece of folded.split(/(\s+|[_-]+)/)) {
    if (piece === '') continue;
    if (/^\s+$/.test(piece)) spaced = true;
    else if (/^[_-]+$/.test(piece)) continue;
    else {
      tokens.push(piece);
      open.push(spaced);
      spaced = false;
    }
  }
  return { tokens, open };
}

export function addPhrase<T>(index: PhraseIndex<T>, raw: string, order: number, target: T): boolean {
  const { tokens, open } = phraseTokens(raw);
  const [first, ...rest] = tokens;
  if (first === undefined) return false;
  const phrase: Phrase<T> = { rest: rest.join(' '), tokens: rest, open: open.slice(1), raw, order, target };
  const list = index.get(first);
  if (list) list.push(phrase);
  else index.set(first, [phrase]);
  return true;
}

export function countPhrases<T>(index: PhraseIndex<T>): number {
  let n = 0;
  for (const list of index.values()) n += list.length;
  return n;
}

/** Longest phrases first; among equal lengths, the later-read first (a user's entry before the shipped one). */
export function sortIndex<T>(index: PhraseIndex<T>): void {
  for (const list of index.values()) if (list.length > 1) list.sort((a, b) => b.tokens.length - a.tokens.length || b.order - a.order);
}

interface TextToken {
  token: string;
  word: number;
  endsWord: boolean;
}

/** Folded tokens of words[at...] with the word each came from; hyphens and underscores split words and are dropped. */
function tokensFrom(words: readonly string[], at: number, max: number): TextToken[] {
  const out: TextToken[] = [];
  for (let w = at; w < words.length && out.length < max; w++) {
    const parts = fold(words[w]!).split(/[-_]/).filter((p) => p !== '');
    if (parts.length === 0 && w === at) return [];
    parts.forEach((token, k) => out.push({ token, word: w, endsWord: k === parts.length - 1 }));
  }
  return out;
}

/** Index in `tokens` of the last token of `phrase` when it matches from tokens[0], allowing up to `gap` other tokens before its open words; -1 when not. */
function gappedEnd<T>(phrase: Phrase<T>, tokens: readonly TextToken[], gap: number): number {
  let at = 0;
  for (let k = 0; k < phrase.tokens.length; k++) {
    const want = phrase.tokens[k]!;
    const reach = phrase.open[k] ? gap : 0;
    let found = -1;
    for (let j = at + 1; j <= at + 1 + reach && j < tokens.length; j++) {
      if (tokens[j]!.token === want) {
        found = j;
        break;
      }
    }
    if (found < 0) return -1;
    at = found;
  }
  return tokens[at]!.endsWord ? at : -1;
}

/**
 * The longest phrase starting at words[at] whose target `accept`s, with the number of words it covers. With
 * `gap` > 0, words written with a space in the dictionary may have up to `gap` other tokens between them.
 */
export function longestPhrase<T>(index: PhraseLookup<T>, words: readonly string[], at: number, accept: (target: T) => boolean, gap = 0): { found: Phrase<T>; length: number } | null {
  const first = words[at];
  if (first === undefined) return null;
  const folded = fold(first);
  const key = /[-_]/.test(folded) ? folded.split(/[-_]/).find((p) => p !== '') : folded;
  const candidates = key === undefined ? undefined : index.get(key);
  if (!candidates) return null;
  const longest = candidates[0]!.tokens.length;
  const tokens = tokensFrom(words, at, gap > 0 ? (longest + 1) * (gap + 1) : longest + 1);
  if (gap === 0) {
    // rests[n] = the n tokens after the first, joined as Phrase.rest is
    const rests = [''];
    for (let k = 1; k < tokens.length; k++) rests.push(k === 1 ? tokens[1]!.token : `${rests[k - 1]} ${tokens[k]!.token}`);
    for (const candidate of candidates) {
      const last = tokens[candidate.tokens.length];
      if (last?.endsWord && rests[candidate.tokens.length] === candidate.rest && accept(candidate.target)) return { found: candidate, length: last.word - at + 1 };
    }
    return null;
  }
  let best: { found: Phrase<T>; length: number } | null = null;
  for (const candidate of candidates) {
    if (best && candidate.tokens.length < best.found.tokens.length) break;
    const end = gappedEnd(candidate, tokens, gap);
    if (end < 0 || !accept(candidate.target)) continue;
    const length = tokens[end]!.word - at + 1;
    if (!best || length < best.length) best = { found: candidate, length };
  }
  return best;
}

/** "UNITED_STATES_" → "united states". */
export function readable(raw: string): string {
  return raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}
