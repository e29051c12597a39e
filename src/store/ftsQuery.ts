/**
 * A search box query → a query the engine cannot refuse: FTS5 for SQLite, tsquery for PostgreSQL, with the same
 * meaning. Understood: words (all must match), "quoted phrases", OR between terms, -word or NOT word to exclude,
 * word* for a prefix. Everything else is a word to find, so `U.S.-Iran (talks` searches for u s iran talks.
 */

export interface FtsQuery {
  match: string;
}

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
  return include.length === 0 ? null : { include, exclude };
}
