/**
 * A search box query → a query the engine cannot refuse: FTS5 for SQLite, tsquery for PostgreSQL, with the same
 * meaning. Understood: words (all must match), "quoted phrases", OR between terms, -word or NOT word to exclude,
 * word* for a prefix. Everything else is a word to find, so `U.S.-Iran (talks` searches for u s iran talks.
 */

import { QueryError } from './queryError.ts';

export interface FtsQuery {
  match: string;
}

/**
 * The shape of a query bounds its cost: each term, and above all each prefix term (every indexed word it starts),
 * multiplies the work of matching and ranking; 80 one-letter prefixes took 31 s on 629 articles.
 */
export const QUERY_LIMITS = { terms: 16, prefixTerms: 4, prefixLetters: 3 };

interface Term {
  words: string[];
  prefix: boolean;
}

/** Terms joined by AND, a term joined by OR to the one before it, and terms that must not match. */
interface Parsed {
  include: { term: Term; or: boolean }[];
  exclude: Term[];
}

/** Null when the text has nothing to search for (only punctuation, or only exclusions). */
export function toFtsQuery(text: string): FtsQuery | null {
  const parsed = parse(text);
  if (!parsed) return null;
  const term = (t: Term) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
  const positive = parsed.include.map((i) => (i.or ? `OR ${term(i.term)}` : term(i.term))).join(' ');
  return { match: parsed.exclude.length === 0 ? positive : `(${positive}) ${parsed.exclude.map((t) => `NOT ${term(t)}`).join(' ')}` };
}

/** The same query for PostgreSQL's to_tsquery('english', …): & binds tighter than |, as FTS5's AND does than OR. */
export function toTsQuery(text: string): string | null {
  const parsed = parse(text);
  if (!parsed) return null;
  const term = (t: Term) => {
    const words = t.words.map((w, i) => (t.prefix && i === t.words.length - 1 ? `${w}:*` : w));
    return words.length === 1 ? words[0]! : `(${words.join(' <-> ')})`;
  };
  const positive = parsed.include.map((i, n) => (n === 0 ? term(i.term) : `${i.or ? '|' : '&'} ${term(i.term)}`)).join(' ');
  return parsed.exclude.length === 0 ? positive : `(${positive}) ${parsed.exclude.map((t) => `& !${term(t)}`).join(' ')}`;
}

function parse(text: string): Parsed | null {
  const include: Parsed['include'] = [];
  const exclude: Term[] = [];
  let orNext = false;
  let notNext = false;
  for (const m of text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const raw = m[3];
    if (raw === 'OR') {
      orNext = include.length > 0;
      continue;
    }
    if (raw === 'NOT') {
      notNext = true;
      continue;
    }
    if (raw === 'AND') continue;
    const negative = notNext || m[1] === '-' || (raw?.startsWith('-') ?? false);
    notNext = false;
    const body = m[2] ?? raw!.replace(/^-+/, '');
    const prefix = m[2] === undefined && /\w\*$/u.test(body);
    const words = body.replace(/\*$/, '').match(/[\p{L}\p{N}_]+/gu);
    if (!words) continue;
    if (negative) exclude.push({ words, prefix });
    else include.push({ term: { words, prefix }, or: orNext });
    orNext = false;
  }
  checkShape([...include.map((i) => i.term), ...exclude]);
  return include.length === 0 ? null : { include, exclude };
}

function checkShape(terms: readonly Term[]): void {
  const { terms: maxTerms, prefixTerms, prefixLetters } = QUERY_LIMITS;
  const prefixes = terms.filter((t) => t.prefix);
  if (prefixes.length > prefixTerms) throw new QueryError('q', `q has ${prefixes.length} prefix terms (word*); use at most ${prefixTerms}`);
  const short = prefixes.find((t) => t.words.at(-1)!.length < prefixLetters);
  if (short) throw new QueryError('q', `q's prefix "${short.words.at(-1)}*" is too short; a prefix needs at least ${prefixLetters} letters`);
  if (terms.length > maxTerms) throw new QueryError('q', `q has ${terms.length} terms; use at most ${maxTerms} terms`);
}
