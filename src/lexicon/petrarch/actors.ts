/**
 * PETRARCH actor dictionaries (the shipped Phoenix files in data/petrarch, MIT, Open Event Data Alliance, or any
 * file in their format) as a phrase index over lower-cased words.
 *
 * An entry starts with a head phrase, has `+` synonym lines, and its codes in `[...]`, on the head line or on the
 * (indented) lines that follow; text after `#` is a comment.
 *   UNITED_STATES_OF_AMERICA_  [USA]            a country, undated
 *   +U.S.                                       a synonym
 *   NURI_AL_MALIKI_                             a person...
 *   +NOURI_AL-MALIKI
 *   	[IRQGOV 20060520-20140908]               ...with a code valid between two dates (YYMMDD or YYYYMMDD),
 *   	[IRQELI]                                 ...and an undated one for any other date
 *   GOLLUM [HOB <950601]                        `<d` before d, `>d` from d on; `[---]` means "no code"
 *   THE_SHIRE [FRO/BIL/SAM]                     `/` separates the codes of a compound actor
 * On a date, the first dated code valid then wins, else the first undated one (PETRARCH's validation suite:
 * "[ORCHOB 20100109-20100112] should override the next restriction"); interval dates are inclusive at both ends.
 * Without a date: the first undated code, else the last one listed.
 *
 * Entry ids name the entry by content: `phoenix.countries:NURI_AL_MALIKI_`, and for a synonym
 * `phoenix.countries:NURI_AL_MALIKI_ +NOURI_AL-MALIKI`; a user's file has "user:" and its name before.
 *
 * Simplifications: `_` and space both join consecutive words unless the caller allows gaps (see phrases.ts);
 * hyphens and diacritics are ignored. In the shipped files, entries without any code (International line 22
 * `U.N._`) never match and six codes with a malformed date (`[ARMUNR 9008223-911221]`) are dropped; a user's file
 * with such lines is refused (see `issues`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { findKey, keySlots, pack, unpack, type StringList } from '../packed.ts';
import { dictionaryLines, DictionaryError, shippedSources, type DictionaryOrigin, type DictionarySource } from './files.ts';
import { addPhrase, countPhrases, fold, longestPhrase, readable, sortIndex, type Phrase, type PhraseIndex, type PhraseLookup } from './phrases.ts';

export interface ActorMatch {
  /** CAMEO actor code ("USA", "IRQGOV"); the first of `codes`. */
  code: string;
  /** Every code of a compound actor (THE_SHIRE [FRO/BIL/SAM]); [code] otherwise. */
  codes: string[];
  /** The dictionary phrase that matched, lower-cased with spaces ("nouri al-maliki"). */
  phrase: string;
  /** The entry by content: `phoenix.countries:NURI_AL_MALIKI_ +NOURI_AL-MALIKI`. */
  entryId: string;
  origin: DictionaryOrigin;
  /** Number of words of `words` covered, from `at`. */
  length: number;
}

export interface ActorLookupOptions {
  /** Words written with a space in the dictionary may have up to this many other words between them (default 0). */
  gap?: number;
  /** Return the phrase even when its code on the date is `[---]` (code "---"): PETRARCH's null-coded actor. */
  nullCoded?: boolean;
}

export interface ActorDictionary {
  /** Longest actor phrase starting at words[at] with a code valid on `date` (ISO "2007-05-28"). */
  lookup(words: readonly string[], at: number, date?: string, options?: ActorLookupOptions): ActorMatch | null;
  /**
   * The one person whose name in the dictionaries ends in `surname` ("Museveni" → YOWERI_MUSEVENI_), with the code
   * valid on `date`; null when no entry or several entries end so.
   */
  surname(surname: string, date?: string): ActorMatch | null;
  /** Indexed phrases, and entries without any code (which never match). */
  readonly stats: { phrases: number; entries: number; entriesWithoutCode: number };
  /** Lines that could not be read (and were skipped); loadDictionaries refuses a user's file that has any. */
  readonly issues: readonly DictionaryError[];
}

interface Role {
  codes: string[];
  /** Inclusive ISO date; null is open. */
  from: string | null;
  /** ISO date; null is open. */
  to: string | null;
  /** `<d`: the code holds before d, not on it. */
  toExclusive: boolean;
}

interface ActorEntry {
  roles: Role[];
  head: string;
  /** Head and synonyms as written. */
  names: string[];
  id: string;
  origin: DictionaryOrigin;
}

interface ActorTarget {
  entry: ActorEntry;
  /** The entry id for this phrase: the head's, or the head's with the synonym. */
  id: string;
}

/** "080120" → "2008-01-20" (YY up to 30 is 20YY, as in TABARI); "20140908" → "2014-09-08"; anything else → null. */
function isoDate(digits: string): string | null {
  let year: number;
  let rest: string;
  if (/^\d{8}$/.test(digits)) {
    year = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else if (/^\d{6}$/.test(digits)) {
    const yy = Number(digits.slice(0, 2));
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else return null;
  const month = Number(rest.slice(0, 2));
  const day = Number(rest.slice(2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${rest.slice(0, 2)}-${rest.slice(2)}`;
}

/** "IRQGOV 20060520-20140908", "HOB < 950601", "ELR/GAL", "IGOUNO" → Role; null when a date is malformed or the code empty. */
export function parseRole(inside: string): Role | null {
  const [code = '', ...dateParts] = inside.trim().split(/\s+/);
  const codes = code.split('/').filter((c) => c !== '');
  if (codes.length === 0) return null;
  const dates = dateParts.join('');
  if (dates === '') return { codes, from: null, to: null, toExclusive: false };
  if (dates.startsWith('<')) {
    const to = isoDate(dates.slice(1));
    return to ? { codes, from: null, to, toExclusive: true } : null;
  }
  const [start = '', end, extra] = dates.replace(/^>/, '').split('-');
  if (extra !== undefined) return null;
  const from = isoDate(start);
  if (!from) return null;
  if (end === undefined) return { codes, from, to: null, toExclusive: false };
  const to = isoDate(end);
  return to ? { codes, from, to, toExclusive: false } : null;
}

/** The role valid on `date`: the first dated one that holds, else the first undated; without a date, the first undated, else the last. */
function roleOn(roles: readonly Role[], date: string | undefined): Role | null {
  const undated = roles.find((r) => r.from === null && r.to === null);
  if (date === undefined) return undated ?? roles.at(-1) ?? null;
  const dated = roles.find((r) => (r.from !== null || r.to !== null) && (r.from === null || r.from <= date) && (r.to === null || (r.toExclusive ? date < r.to : date <= r.to)));
  return dated ?? undated ?? null;
}

/** Adds a file's phrases to `index`; returns its entry counts. */
function parseActorFile(source: DictionarySource, index: PhraseIndex<ActorTarget>, order: { n: number }, issues: DictionaryError[], entriesRead: ActorEntry[]): { entries: number; withoutCode: number } {
  let entries = 0;
  let withoutCode = 0;
  let entry: ActorEntry | null = null;
  const close = (): void => {
    if (entry && entry.roles.length === 0) withoutCode++;
  };
  for (const { text, line } of dictionaryLines(source.path)) {
    const trimmed = text.trim();
    const opens = (trimmed.match(/\[/g) ?? []).length;
    if (opens !== (trimmed.match(/\]/g) ?? []).length) {
      issues.push(new DictionaryError(source.path, line, 'a [ is not closed by ] (or a ] has no [); write codes as [ABC] or [ABC 20010101-20051231]'));
      continue;
    }
    const bracket = trimmed.indexOf('[');
    const phrase = (bracket >= 0 ? trimmed.slice(0, bracket) : trimmed).trim();
    if (trimmed.startsWith('+')) {
      if (!entry) {
        issues.push(new DictionaryError(source.path, line, 'a +synonym must follow the entry it belongs to (a line with the actor\'s phrase)'));
        continue;
      }
      const synonym = phrase.slice(1).trim();
      if (synonym !== '' && addPhrase(index, synonym, order.n++, { entry, id: `${entry.id} +${synonym}` })) entry.names.push(synonym);
    } else if (phrase !== '') {
      close();
      entries++;
      entry = { roles: [], head: phrase, names: [phrase], id: `${source.id}:${phrase}`, origin: source.origin };
      entriesRead.push(entry);
      addPhrase(index, phrase, order.n++, { entry, id: entry.id });
    } else if (!entry) {
      issues.push(new DictionaryError(source.path, line, 'a code line must follow the entry it belongs to (a line with the actor\'s phrase)'));
      continue;
    }
    if (bracket < 0 || !entry) continue;
    for (const group of trimmed.slice(bracket).matchAll(/\[([^\]]*)\]/g)) {
      const role = parseRole(group[1]!);
      if (role) entry.roles.push(role);
      else issues.push(new DictionaryError(source.path, line, `cannot read the code [${group[1]}]; write [ABC], [ABC 950601-990815], [ABC <950601] or [ABC >990816] (dates YYMMDD or YYYYMMDD)`));
    }
  }
  close();
  return { entries, withoutCode };
}

/** An actor dictionary's parts: its phrases, its people by surname (made on first use), what reading it found. */
interface ActorTables {
  index: PhraseLookup<ActorTarget>;
  surnames: () => { get(key: string): readonly ActorEntry[] | undefined };
  stats: ActorDictionary['stats'];
  issues: readonly DictionaryError[];
}

/** Reads actor dictionary files: the phrase index (sorted, see sortIndex), the entries in reading order, counts, issues. */
function readActorFiles(sources: readonly DictionarySource[]): { index: PhraseIndex<ActorTarget>; entriesRead: ActorEntry[]; stats: ActorDictionary['stats']; issues: DictionaryError[] } {
  const index: PhraseIndex<ActorTarget> = new Map();
  const issues: DictionaryError[] = [];
  const order = { n: 0 };
  const entriesRead: ActorEntry[] = [];
  let entries = 0;
  let entriesWithoutCode = 0;
  // shipped first, so that a user's phrase is read later and wins a tie
  for (const source of [...sources].sort((a, b) => Number(a.origin === 'user') - Number(b.origin === 'user'))) {
    const counts = parseActorFile(source, index, order, issues, entriesRead);
    entries += counts.entries;
    entriesWithoutCode += counts.withoutCode;
  }
  sortIndex(index);
  return { index, entriesRead, stats: { phrases: countPhrases(index), entries, entriesWithoutCode }, issues };
}

/** Loads actor dictionaries; a user's entries win over shipped phrases of the same length. */
export function loadActorDictionary(sources: readonly DictionarySource[]): ActorDictionary {
  const { index, entriesRead, stats, issues } = readActorFiles(sources);
  let bySurname: Map<string, ActorEntry[]> | null = null;
  return actorDictionary({ index, surnames: () => (bySurname ??= surnameIndex(entriesRead)), stats, issues });
}

function actorDictionary({ index, surnames, stats, issues }: ActorTables): ActorDictionary {
  const dayOf = (date: string | undefined) => (date === undefined ? undefined : `${date}-01-01`.slice(0, 10));
  return {
    lookup(words, at, date, options = {}) {
      const day = dayOf(date);
      const codesOf = (target: ActorTarget): string[] | null => {
        const codes = roleOn(target.entry.roles, day)?.codes;
        if (!codes) return null;
        return codes[0] === '---' && !options.nullCoded ? null : codes;
      };
      const hit = longestPhrase(index, words, at, (target) => codesOf(target) !== null, options.gap ?? 0);
      if (!hit) return null;
      const codes = codesOf(hit.found.target)!;
      return { code: codes[0]!, codes, phrase: readable(hit.found.raw), entryId: hit.found.target.id, origin: hit.found.target.entry.origin, length: hit.length };
    },
    surname(surname, date) {
      const day = dayOf(date);
      const found = surnames().get(surnameKey(surname)) ?? [];
      // of several people with the surname, those whose dated office holds on the day; they must agree on the code
      // ("Museveni" in 2019: Yoweri and Janet Museveni, both UGAGOV)
      const holding = found.length > 1 && day ? found.filter((e) => e.roles.some((r) => (r.from !== null || r.to !== null) && roleOn([r], day))) : found;
      const entry = holding[0];
      const codes = entry ? roleOn(entry.roles, day)?.codes : undefined;
      if (!entry || !codes || codes[0] === '---' || holding.some((e) => roleOn(e.roles, day)?.codes[0] !== codes[0])) return null;
      return { code: codes[0]!, codes, phrase: readable(entry.head), entryId: entry.id, origin: entry.origin, length: 1 };
    },
    stats,
    issues,
  };
}

/**
 * Last words of the names of people in the dictionaries ("YOWERI_KAGUTA_MUSEVENI_" → museveni): entries of two words
 * or more coded with a country and a sector at some date (a person or an office, not a country or a town).
 */
function surnameIndex(entries: readonly ActorEntry[]): Map<string, ActorEntry[]> {
  const index = new Map<string, ActorEntry[]>();
  for (const entry of entries) {
    if (!entry.roles.some((r) => (r.codes[0]?.length ?? 0) >= 6)) continue;
    for (const name of entry.names) {
      const words = fold(name).split(/[\s_]+/).filter((w) => /\p{L}/u.test(w));
      const last = surnameKey(words.at(-1) ?? '');
      // "Lam", "Kim", "Li": short surnames are too common to stand for one person
      if (words.length < 2 || last.length < 4) continue;
      const list = index.get(last) ?? [];
      if (!list.includes(entry)) list.push(entry);
      index.set(last, list);
    }
  }
  return index;
}

/** "al-Maliki" → "maliki", "Erdoğan" → "erdogan". */
function surnameKey(word: string): string {
  return fold(word).replace(/^(al|el|bin|ibn|abu)[-‐]/, '');
}

/** Written by `npm run build` next to the compiled module (dist/lexicon/petrarch/actors.bin); from src/ it is built in memory. */
const COMPILED = new URL('./actors.bin', import.meta.url);

/** The compiled shipped dictionaries for `npm run build`. */
export function writeCompiledActors(): void {
  writeFileSync(COMPILED, compileShippedActors());
}

function shippedActorSources(): DictionarySource[] {
  return shippedSources().filter((s) => s.kind === 'actors');
}

/**
 * The shipped dictionaries as read: entries (head, id, names, roles) and phrases (per first word, in lookup order)
 * as columns over one string table, the surname index, counts and the files' known faults.
 */
function compileShippedActors(): Buffer {
  const { index, entriesRead, stats, issues } = readActorFiles(shippedActorSources());
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const ref = (s: string) => stringIds.get(s) ?? (stringIds.set(s, strings.length), strings.push(s) - 1);
  const NONE = -1;
  const entryRows = new Map(entriesRead.map((entry, row) => [entry, row]));
  const entryHead: number[] = [];
  const entryId: number[] = [];
  const nameStarts = [0];
  const names: number[] = [];
  const roleStarts = [0];
  const roleCodes: number[] = [];
  const roleFrom: number[] = [];
  const roleTo: number[] = [];
  const roleToExclusive: number[] = [];
  for (const entry of entriesRead) {
    if (entry.origin !== 'shipped') throw new Error(`dateline: ${entry.id} is not a shipped entry`);
    entryHead.push(ref(entry.head));
    entryId.push(ref(entry.id));
    for (const name of entry.names) names.push(ref(name));
    nameStarts.push(names.length);
    for (const role of entry.roles) {
      roleCodes.push(ref(role.codes.join('/')));
      roleFrom.push(role.from === null ? NONE : ref(role.from));
      roleTo.push(role.to === null ? NONE : ref(role.to));
      roleToExclusive.push(Number(role.toExclusive));
    }
    roleStarts.push(roleCodes.length);
  }
  const keys = [...index.keys()];
  const phraseStarts = [0];
  const phrase = { rest: [] as number[], raw: [] as number[], order: [] as number[], entry: [] as number[], id: [] as number[], open: [] as number[] };
  for (const key of keys) {
    for (const p of index.get(key)!) {
      if (p.tokens.join(' ') !== p.rest || p.tokens.some((t) => t === '' || t.includes(' ')) || p.open.length > 32) throw new Error(`dateline: cannot compile the actor phrase ${p.raw}`);
      phrase.rest.push(ref(p.rest));
      phrase.raw.push(ref(p.raw));
      phrase.order.push(p.order);
      phrase.entry.push(entryRows.get(p.target.entry)!);
      phrase.id.push(ref(p.target.id));
      phrase.open.push(p.open.reduce((bits, open, k) => (open ? bits | (1 << k) : bits), 0));
    }
    phraseStarts.push(phrase.rest.length);
  }
  const surnames = surnameIndex(entriesRead);
  const surnameKeys = [...surnames.keys()];
  const surnameStarts = [0];
  const surnameEntries: number[] = [];
  for (const key of surnameKeys) {
    for (const entry of surnames.get(key)!) surnameEntries.push(entryRows.get(entry)!);
    surnameStarts.push(surnameEntries.length);
  }
  const i32 = (values: readonly number[]) => Int32Array.from(values);
  return pack({
    strings,
    entryHead: i32(entryHead),
    entryId: i32(entryId),
    nameStarts: i32(nameStarts),
    names: i32(names),
    roleStarts: i32(roleStarts),
    roleCodes: i32(roleCodes),
    roleFrom: i32(roleFrom),
    roleTo: i32(roleTo),
    roleToExclusive: i32(roleToExclusive),
    keys,
    keySlots: keySlots(keys),
    phraseStarts: i32(phraseStarts),
    phraseRest: i32(phrase.rest),
    phraseRaw: i32(phrase.raw),
    phraseOrder: i32(phrase.order),
    phraseEntry: i32(phrase.entry),
    phraseId: i32(phrase.id),
    phraseOpen: i32(phrase.open),
    surnameKeys,
    surnameSlots: keySlots(surnameKeys),
    surnameStarts: i32(surnameStarts),
    surnameEntries: i32(surnameEntries),
    stats: i32([stats.phrases, stats.entries, stats.entriesWithoutCode]),
    issueFiles: issues.map((issue) => issue.file),
    issueLines: i32(issues.map((issue) => issue.line ?? NONE)),
    issueProblems: issues.map((issue) => issue.problem),
  });
}

/** The compiled shipped dictionaries: entries and each first word's phrases are made when first looked up. */
function loadShippedActors(): ActorDictionary {
  const packed = unpack(existsSync(COMPILED) ? readFileSync(COMPILED) : compileShippedActors());
  const ints = (name: string) => packed.get(name) as Int32Array;
  const list = (name: string) => packed.get(name) as StringList;
  const strings = list('strings');
  const text = (id: number) => strings.at(id);
  const orNull = (id: number) => (id < 0 ? null : strings.at(id));
  const [entryHead, entryId, nameStarts, names, roleStarts, roleCodes, roleFrom, roleTo, roleToExclusive] = ['entryHead', 'entryId', 'nameStarts', 'names', 'roleStarts', 'roleCodes', 'roleFrom', 'roleTo', 'roleToExclusive'].map(ints) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const made: (ActorEntry | undefined)[] = [];
  const entry = (row: number): ActorEntry => {
    let found = made[row];
    if (found) return found;
    const roles: Role[] = [];
    for (let r = roleStarts[row]!; r < roleStarts[row + 1]!; r++) {
      roles.push({ codes: text(roleCodes[r]!).split('/'), from: orNull(roleFrom[r]!), to: orNull(roleTo[r]!), toExclusive: roleToExclusive[r] === 1 });
    }
    const entryNames: string[] = [];
    for (let n = nameStarts[row]!; n < nameStarts[row + 1]!; n++) entryNames.push(text(names[n]!));
    found = { roles, head: text(entryHead[row]!), names: entryNames, id: text(entryId[row]!), origin: 'shipped' };
    made[row] = found;
    return found;
  };
  const keys = list('keys');
  const slots = packed.get('keySlots') as Uint32Array;
  const [phraseStarts, phraseRest, phraseRaw, phraseOrder, phraseEntry, phraseId, phraseOpen] = ['phraseStarts', 'phraseRest', 'phraseRaw', 'phraseOrder', 'phraseEntry', 'phraseId', 'phraseOpen'].map(ints) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const phrases = new Map<number, Phrase<ActorTarget>[]>();
  const index: PhraseLookup<ActorTarget> = {
    get(key) {
      const k = findKey(keys, slots, key);
      if (k < 0) return undefined;
      let found = phrases.get(k);
      if (!found) {
        found = [];
        for (let p = phraseStarts[k]!; p < phraseStarts[k + 1]!; p++) {
          const rest = text(phraseRest[p]!);
          const tokens = rest === '' ? [] : rest.split(' ');
          const open = tokens.map((_, t) => ((phraseOpen[p]! >>> t) & 1) === 1);
          found.push({ rest, tokens, open, raw: text(phraseRaw[p]!), order: phraseOrder[p]!, target: { entry: entry(phraseEntry[p]!), id: text(phraseId[p]!) } });
        }
        phrases.set(k, found);
      }
      return found;
    },
  };
  const surnameKeys = list('surnameKeys');
  const surnameSlots = packed.get('surnameSlots') as Uint32Array;
  const surnameStarts = ints('surnameStarts');
  const surnameEntries = ints('surnameEntries');
  const surnames = {
    get(key: string) {
      const k = findKey(surnameKeys, surnameSlots, key);
      return k < 0 ? undefined : Array.from(surnameEntries.subarray(surnameStarts[k], surnameStarts[k + 1]), entry);
    },
  };
  const [phraseCount, entryCount, entriesWithoutCode] = ints('stats') as unknown as [number, number, number];
  const issueFiles = list('issueFiles');
  const issueLines = ints('issueLines');
  const issueProblems = list('issueProblems');
  const issues = Array.from({ length: issueFiles.length }, (_, k) => new DictionaryError(issueFiles.at(k), issueLines[k]! < 0 ? null : issueLines[k]!, issueProblems.at(k)));
  return actorDictionary({ index, surnames: () => surnames, stats: { phrases: phraseCount, entries: entryCount, entriesWithoutCode }, issues });
}

let shipped: ActorDictionary | null = null;

/** The shipped actor dictionaries (Phoenix Countries, International, MilNonState), compiled by `npm run build`, read on first use. */
export function shippedActorDictionary(): ActorDictionary {
  shipped ??= loadShippedActors();
  return shipped;
}

/**
 * Longest actor phrase of the shipped dictionaries starting at words[at] (words lower-cased as in the text), with
 * the code valid on `date`.
 * @example lookupActor(['nuri', 'al-maliki', 'said'], 0, '2007-05-28') // { code: 'IRQGOV', length: 2, ... }
 */
export function lookupActor(words: readonly string[], at: number, date?: string): ActorMatch | null {
  return shippedActorDictionary().lookup(words, at, date);
}
