/**
 * A search box query → an FTS5 query that cannot be a syntax error. Understood: words (all must match),
 * "quoted phrases", OR between terms, -word or NOT word to exclude, word* for a prefix.
 * Everything else is a word to find, quoted, so `U.S.-Iran (talks` searches for u s iran talks.
 */

export interface FtsQuery {
  match: string;
}

/** Null when the text has nothing to search for (only punctuation, or only exclusions). */
export function toFtsQuery(text: string): FtsQuery | null {
  const include: string[] = [];
  const exclude: string[] = [];
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
    const term = `"${words.join(' ')}"${prefix ? '*' : ''}`;
    if (negative) exclude.push(term);
    else if (orNext) include.push(`OR ${term}`);
    else include.push(term);
    orNext = false;
  }
  if (include.length === 0) return null;
  const positive = include.join(' ');
  return { match: exclude.length === 0 ? positive : `(${positive}) ${exclude.map((t) => `NOT ${t}`).join(' ')}` };
}
