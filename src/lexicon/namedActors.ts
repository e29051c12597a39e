/**
 * Named actors of our own (data/lexicon/named-actors.tsv): historical states, armed groups, national news media and
 * office terms after the shipped PETRARCH dictionaries' 2014 horizon. On an article's date a row that holds wins
 * over the dictionaries ("Joe Biden" in 2020 → USAELI, not the dictionaries' open-ended USAGOV); a name without a
 * row holding then is left to them.
 */
import { fold } from './petrarch/phrases.ts';
import { dataPath, readTsv } from './tables.ts';

export interface NamedActorRow {
  id: string;
  names: string[];
  code: string;
  /** Inclusive ISO date; null: any time before `to`. */
  from: string | null;
  /** Exclusive ISO date; null: open. */
  to: string | null;
  exampleDate: string;
  /** A sentence whose [bracketed] actor resolves to `code` on `exampleDate` (the row's test). */
  example: string;
}

export interface NamedActorMatch {
  code: string;
  /** The row id, cited in the actor's rules ("named.person.biden-out"). */
  entryId: string;
}

let rows: NamedActorRow[] | null = null;
let byName: Map<string, NamedActorRow[]> | null = null;
let bySurname: Map<string, NamedActorRow[]> | null = null;

/** Every row of data/lexicon/named-actors.tsv, in file order. */
export function namedActorRows(): readonly NamedActorRow[] {
  rows ??= readTsv(dataPath('lexicon', 'named-actors.tsv'), 7).map(([id, names, code, from, to, exampleDate, example]) => ({
    id: id!,
    names: names!.split('|').map((n) => n.trim()),
    code: code!,
    from: from || null,
    to: to || null,
    exampleDate: exampleDate!,
    example: example!,
  }));
  return rows;
}

/** "Kim Jong-un", "kim jong un", "Mevlüt Çavuşoğlu" → one key: folded, hyphens and spaces alike, no leading "the". */
function nameKey(name: string): string {
  return fold(name)
    .replace(/[’‘]/g, "'")
    .replace(/[-‐–_]/g, ' ')
    .replace(/^the\s+/, '')
    .replace(/\s+'s\b/g, "'s")
    .split(/\s+/)
    .filter((w) => w !== '')
    .join(' ');
}

function holds(row: NamedActorRow, day: string | undefined): boolean {
  if (day === undefined) return row.from === null && row.to === null;
  return (row.from === null || row.from <= day) && (row.to === null || day < row.to);
}

function nameIndex(): Map<string, NamedActorRow[]> {
  if (byName) return byName;
  byName = new Map();
  for (const row of namedActorRows()) {
    for (const name of row.names) {
      const key = nameKey(name);
      byName.set(key, [...(byName.get(key) ?? []), row]);
    }
  }
  return byName;
}

/** A row's code on `date` (ISO; a year or month is read as its first day); without a date only an undated row answers. */
export function namedActor(name: string, date: string | null): NamedActorMatch | null {
  const found = nameIndex().get(nameKey(name));
  if (!found) return null;
  const day = date === null ? undefined : `${date}-01-01`.slice(0, 10);
  const row = found.find((r) => holds(r, day));
  return row ? { code: row.code, entryId: row.id } : null;
}

/**
 * The one person of the table whose name ends in `surname` ("Biden" → the row of Joe Biden holding on `date`);
 * null when none or people of different codes hold then. People only: names of two words or more with a sector.
 */
export function namedActorBySurname(surname: string, date: string | null): NamedActorMatch | null {
  if (!bySurname) {
    bySurname = new Map();
    for (const row of namedActorRows()) {
      if (row.code.length < 6 || !row.id.startsWith('named.person.')) continue;
      for (const name of row.names) {
        const words = nameKey(name).split(' ');
        const last = words.at(-1) ?? '';
        if (words.length < 2 || last.length < 4) continue;
        const list = bySurname.get(last) ?? [];
        if (!list.includes(row)) list.push(row);
        bySurname.set(last, list);
      }
    }
  }
  const day = date === null ? undefined : `${date}-01-01`.slice(0, 10);
  const holding = (bySurname.get(nameKey(surname)) ?? []).filter((r) => holds(r, day));
  const first = holding[0];
  if (!first || holding.some((r) => r.code !== first.code)) return null;
  return { code: first.code, entryId: first.id };
}

/** Names of the table as written, by key, and the words they open with (a cheap first test per token). */
let written: { byKey: Map<string, string[]>; firstWords: Set<string>; longest: number } | null = null;

function writtenNames(): NonNullable<typeof written> {
  if (written) return written;
  const byKey = new Map<string, string[]>();
  const firstWords = new Set<string>();
  let longest = 0;
  for (const row of namedActorRows()) {
    for (const name of row.names) {
      const key = nameKey(name);
      const words = key.split(' ');
      longest = Math.max(longest, words.length);
      // "People's Daily" is tokenised "People" "'s" "Daily"
      firstWords.add(words[0]!.replace(/'s$/, ''));
      byKey.set(key, [...(byKey.get(key) ?? []), name]);
    }
  }
  written = { byKey, firstWords, longest };
  return written;
}

/** "SANA" only in capitals, "Houthis" capitalised, "dpa" as written: a word in text written as the table writes it. */
function sameCase(written: string, word: string): boolean {
  const letters = written.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return word === word.toUpperCase();
  const first = written.match(/\p{L}/u)?.[0];
  if (first === undefined) return word === written;
  const wordFirst = word.match(/\p{L}/u)?.[0] ?? '';
  return first === first.toUpperCase() ? wordFirst !== '' && wordFirst === wordFirst.toUpperCase() : wordFirst === wordFirst.toLowerCase();
}

/**
 * The longest name of the table that starts at `words[at]` (words as written, one per token) and holds on `date`,
 * written as the table writes it (case of its first and last words): "Press Trust of India", "Voice of America".
 */
export function namedActorPhrase(words: readonly string[], at: number, date: string | null): (NamedActorMatch & { length: number }) | null {
  const { byKey, firstWords, longest } = writtenNames();
  const first = words[at];
  if (first === undefined || !firstWords.has(nameKey(first).split(' ')[0] ?? '')) return null;
  // a token may hold several words of a name ("Jong-un") or a name's word be split in tokens ("Al", "-", "Jazeera")
  for (let n = Math.min(longest * 2, words.length - at); n >= 1; n--) {
    const phrase = words.slice(at, at + n);
    const key = nameKey(phrase.join(' '));
    const names = byKey.get(key);
    if (!names) continue;
    const last = phrase.at(-1)!;
    if (!names.some((name) => sameCase(name.replace(/^the\s+/i, '').split(/[\s-]+/)[0]!, phrase[0]!) && sameCase(name.split(/[\s-]+/).at(-1)!, last))) continue;
    const found = namedActor(key, date);
    if (found) return { ...found, length: n };
  }
  return null;
}
