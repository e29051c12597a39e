/**
 * The PETRARCH-2 / Phoenix actor and agent dictionaries (data/petrarch/, MIT, Open Event Data Alliance) as a
 * phrase index over lower-cased words.
 *
 * Actor files: an entry starts with a head phrase, has `+` synonym lines, and its roles in `[...]`, on the head
 * line or on following (indented) lines; text after `#` is a comment.
 *   UNITED_STATES_OF_AMERICA_  [USA]            a country, undated
 *   +U.S.                                       a synonym
 *   NURI_AL_MALIKI_                             a person...
 *   +NOURI_AL-MALIKI
 *   	[IRQGOV 20060520-20140908]               ...with a role valid between two dates (YYMMDD or YYYYMMDD),
 *   	[IRQELI]                                 ...and an undated role used when no dated one applies
 *   HAIDAR_AL_ABADI [IRQGOV >20140908]          `>d` from d on, `<d` until d; `[---]` means "no code"
 * Agent file: `PHRASE {plural} [~CODE]`; `~GOV` follows the actor code (IRQGOV), `NGO~` precedes it; a missing
 * `{}` means a regular plural, `{}` none; `!MINIST! = MINISTER, MINISTRY, ...` defines a substitution marker.
 *
 * Simplifications: phrases must be consecutive words (`_` and space are read alike); hyphens and diacritics are
 * ignored on both sides, so "al-Maliki" read as one word or as "al", "-", "Maliki" both match AL-MALIKI; dates
 * are inclusive at both ends; roles with a malformed date (`[ARMUNR 9008223-911221]`) are dropped, and entries
 * without any code (International line 22 `U.N._`) never match.
 */
import { readFileSync } from 'node:fs';
import { basename, delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ActorMatch {
  /** CAMEO actor code ("USA", "IRQGOV"). */
  code: string;
  /** The dictionary phrase that matched, lower-cased with spaces ("nouri al-maliki"). */
  phrase: string;
  /** `<file>:<line>` of the phrase in its dictionary ("phoenix.countries:22629"). */
  entryId: string;
  /** Number of words of `words` covered, from `at`. */
  length: number;
}

export interface AgentMatch {
  /** CAMEO agent code without the tilde ("GOV", "REB", "NGO"). */
  code: string;
  /** Where the code goes relative to an actor code: `~GOV` after (IRQGOV), `NGO~` before (NGOIRQ). */
  placement: 'after' | 'before';
  phrase: string;
  entryId: string;
  length: number;
}

export interface ActorLexicon {
  /** Longest actor phrase starting at words[at] with a role valid on `date` (ISO "2007-05-28"). */
  lookupActor(words: readonly string[], at: number, date?: string): ActorMatch | null;
  /** Longest agent phrase starting at words[at] ("foreign minister" → GOV). */
  lookupAgentAt(words: readonly string[], at: number): AgentMatch | null;
  /** The agent a single word names ("police" → COP, "rebels" → REB). */
  lookupAgent(word: string): AgentMatch | null;
  /** What loading found: indexed phrases, and actor entries without any code (which never match). */
  stats: { actorPhrases: number; agentPhrases: number; entriesWithoutCode: number };
}

interface Role {
  code: string;
  /** Inclusive ISO dates; null is open. */
  from: string | null;
  to: string | null;
}

/** An actor entry; its `[...]` groups are parsed on first use, which keeps loading fast. */
interface ActorEntry {
  roleText: string;
  roles: Role[] | null;
}

interface AgentTarget {
  code: string;
  placement: 'after' | 'before';
}

interface Phrase<T> {
  /** Folded tokens after the first one (the first is the index key), joined by spaces. */
  rest: string;
  /** Number of tokens after the first. */
  restLength: number;
  /** The phrase as written in the dictionary. */
  raw: string;
  file: string;
  line: number;
  target: T;
}

type PhraseIndex<T> = Map<string, Phrase<T>[]>;

const PETRARCH_DIR = fileURLToPath(new URL('../../../data/petrarch/', import.meta.url));
const BUILT_IN_ACTOR_FILES = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'];
const BUILT_IN_AGENT_FILE = 'Phoenix.agents.txt';

/** "Phoenix.Countries.actors.txt" → "phoenix.countries"; "Phoenix.agents.txt" → "phoenix.agents". */
function fileId(path: string): string {
  return basename(path).toLowerCase().replace(/\.txt$/, '').replace(/\.actors$/, '');
}

/** Lower case without diacritics: "Erdoğan" → "erdogan". */
function fold(word: string): string {
  const lower = word.toLowerCase();
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

/** Dictionary phrase → folded tokens joined by spaces: "AMERICA_(UNITED_STATES)_" → "america ( united states )"; "AL-MALIKI" → "al maliki". */
function phraseKey(phrase: string): string {
  let folded = fold(phrase);
  if (folded.includes('(') || folded.includes(')')) folded = folded.replace(/[()]/g, ' $& ');
  return folded.replace(/[\s_-]+/g, ' ').trim();
}

function addPhrase<T>(index: PhraseIndex<T>, raw: string, file: string, line: number, target: T): void {
  const key = phraseKey(raw);
  if (key === '') return;
  const space = key.indexOf(' ');
  const first = space < 0 ? key : key.slice(0, space);
  const rest = space < 0 ? '' : key.slice(space + 1);
  let restLength = 0;
  for (let i = space; i >= 0; i = key.indexOf(' ', i + 1)) restLength++;
  const phrase: Phrase<T> = { rest, restLength, raw, file, line, target };
  const list = index.get(first);
  if (list) list.push(phrase);
  else index.set(first, [phrase]);
}

function count<T>(index: PhraseIndex<T>): number {
  let n = 0;
  for (const list of index.values()) n += list.length;
  return n;
}

/** Longest phrases first; among equal lengths, load order (user dictionaries come first). */
function sortIndex<T>(index: PhraseIndex<T>): void {
  for (const list of index.values()) if (list.length > 1) list.sort((a, b) => b.restLength - a.restLength);
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

/** "IRQGOV 20060520-20140908", "IRQGOV >140608", "IGOUNO" → Role; null when a date is malformed. */
function parseRole(inside: string): Role | null {
  const [code = '', ...dateParts] = inside.trim().split(/\s+/);
  const dates = dateParts.join('');
  if (dates === '') return { code, from: null, to: null };
  if (dates.startsWith('<')) {
    const to = isoDate(dates.slice(1));
    return to ? { code, from: null, to } : null;
  }
  const [start = '', end] = dates.replace(/^>/, '').split('-');
  const from = isoDate(start);
  if (!from) return null;
  if (end === undefined) return { code, from, to: null };
  const to = isoDate(end);
  return to ? { code, from, to } : null;
}

/** The entry's roles in the order listed; roles with a malformed date are dropped. */
function rolesOf(entry: ActorEntry): Role[] {
  entry.roles ??= [...entry.roleText.matchAll(/\[([^\]]*)\]/g)].map((group) => parseRole(group[1]!)).filter((role) => role !== null);
  return entry.roles;
}

/** `line` without its `#` comment, trimmed. */
function content(line: string): string {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).trim();
}

/** Adds the file's phrases to `index`; returns the number of entries without any code (their phrases never match). */
function parseActorFile(path: string, index: PhraseIndex<ActorEntry>): number {
  const file = fileId(path);
  const lines = readFileSync(path, 'utf8').split('\n');
  let withoutCode = 0;
  let entry: ActorEntry | null = null;
  for (let n = 0; n < lines.length; n++) {
    const line = content(lines[n]!);
    if (line === '') continue;
    const bracket = line.indexOf('[');
    const phrase = bracket >= 0 ? line.slice(0, bracket).trim() : line;
    if (line[0] === '+') {
      if (entry) addPhrase(index, phrase.slice(1), file, n + 1, entry);
    } else if (phrase !== '') {
      if (entry?.roleText === '') withoutCode++;
      entry = { roleText: '', roles: null };
      addPhrase(index, phrase, file, n + 1, entry);
    }
    if (bracket >= 0 && entry) entry.roleText += line.slice(bracket);
  }
  if (entry?.roleText === '') withoutCode++;
  return withoutCode;
}

function parseAgentFile(path: string, index: PhraseIndex<AgentTarget>): void {
  const file = fileId(path);
  const markers = new Map<string, string[]>();
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = content(lines[n]!);
    if (line === '') continue;
    // !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    const definition = /^!(\w+)!\s*=(.*)$/.exec(line);
    if (definition) {
      markers.set(definition[1]!, definition[2]!.split(',').map((s) => s.trim()));
      continue;
    }
    const code = /\[([^\]]*)\]/.exec(line)?.[1]?.trim();
    if (!code) continue;
    const target: AgentTarget = { code: code.replace('~', ''), placement: code.startsWith('~') ? 'after' : 'before' };
    const head = line.slice(0, line.indexOf('[')).trim();
    const braces = /^(.*?)\{(.*)\}/.exec(head);
    const singular = (braces ? braces[1]! : head).trim();
    const forms = [singular];
    const marker = /!(\w+)!/.exec(singular);
    if (marker) {
      // CONGRESS!PERSON! → CONGRESSMAN, CONGRESSMEN, ...: the list already holds the plurals
      forms.length = 0;
      for (const sub of markers.get(marker[1]!) ?? []) forms.push(singular.replace(marker[0], sub));
    } else if (braces) {
      if (braces[2]!.trim() !== '') forms.push(braces[2]!.trim());
    } else if (singular.endsWith('Y')) forms.push(`${singular.slice(0, -1)}IES`);
    else if (singular.endsWith('S')) forms.push(`${singular}ES`);
    else forms.push(`${singular}S`);
    for (const form of forms) addPhrase(index, form, file, n + 1, target);
  }
}

/** The role valid on `date` (first listed wins, undated always valid); without a date, the first undated role, else the last one. */
function roleOn(roles: readonly Role[], date: string | undefined): Role | null {
  if (date === undefined) return roles.find((r) => r.from === null && r.to === null) ?? roles.at(-1) ?? null;
  return roles.find((r) => (r.from === null || r.from <= date) && (r.to === null || date <= r.to)) ?? null;
}

/** Folded tokens of words[at...] with the word each came from; hyphens split words and are dropped. */
function tokensFrom(words: readonly string[], at: number, max: number): { token: string; word: number; endsWord: boolean }[] {
  const out: { token: string; word: number; endsWord: boolean }[] = [];
  for (let w = at; w < words.length && out.length < max; w++) {
    const parts = fold(words[w]!).split('-').filter((p) => p !== '');
    if (parts.length === 0 && w === at) return [];
    parts.forEach((token, k) => out.push({ token, word: w, endsWord: k === parts.length - 1 }));
  }
  return out;
}

/** The longest phrase starting at words[at] whose target `accept`s, with the number of words it covers. */
function longest<T>(index: PhraseIndex<T>, words: readonly string[], at: number, accept: (target: T) => boolean): { found: Phrase<T>; length: number } | null {
  const first = words[at];
  if (first === undefined) return null;
  const folded = fold(first);
  const key = folded.includes('-') ? folded.split('-').find((p) => p !== '') : folded;
  const candidates = key === undefined ? undefined : index.get(key);
  if (!candidates) return null;
  const tokens = tokensFrom(words, at, candidates[0]!.restLength + 1);
  // rests[n] = the n tokens after the first, joined as Phrase.rest is
  const rests = [''];
  for (let k = 1; k < tokens.length; k++) rests.push(k === 1 ? tokens[1]!.token : `${rests[k - 1]} ${tokens[k]!.token}`);
  for (const candidate of candidates) {
    const last = tokens[candidate.restLength];
    if (last?.endsWord && rests[candidate.restLength] === candidate.rest && accept(candidate.target)) return { found: candidate, length: last.word - at + 1 };
  }
  return null;
}

function readable(raw: string): string {
  return raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * An actor lexicon from the built-in Phoenix dictionaries plus `extraFiles` in the same formats
 * (files named `*.agents.txt` are agent dictionaries, others actor dictionaries). Entries of extra files win over
 * built-in ones of the same length.
 */
export function loadActorDictionaries(extraFiles: readonly string[]): ActorLexicon {
  const actors: PhraseIndex<ActorEntry> = new Map();
  const agents: PhraseIndex<AgentTarget> = new Map();
  let entriesWithoutCode = 0;
  const files = [...extraFiles, ...BUILT_IN_ACTOR_FILES.map((f) => PETRARCH_DIR + f), PETRARCH_DIR + BUILT_IN_AGENT_FILE];
  const ids = new Map<string, string>();
  for (const file of files) {
    const id = fileId(file);
    const other = ids.get(id);
    if (other !== undefined) throw new Error(`dateline: dictionaries ${other} and ${file} would share the entry id prefix "${id}"; rename one`);
    ids.set(id, file);
    if (/\.agents\.txt$/i.test(file)) parseAgentFile(file, agents);
    else entriesWithoutCode += parseActorFile(file, actors);
  }
  sortIndex(actors);
  sortIndex(agents);
  const agentAt = (words: readonly string[], at: number): AgentMatch | null => {
    const hit = longest(agents, words, at, () => true);
    if (!hit) return null;
    const { target, raw, file, line } = hit.found;
    return { code: target.code, placement: target.placement, phrase: readable(raw), entryId: `${file}:${line}`, length: hit.length };
  };
  return {
    lookupActor(words, at, date) {
      const day = date === undefined ? undefined : `${date}-01-01`.slice(0, 10);
      const codeOf = (entry: ActorEntry): string | null => {
        const code = roleOn(rolesOf(entry), day)?.code;
        return code === undefined || code === '---' ? null : code;
      };
      const hit = longest(actors, words, at, (entry) => codeOf(entry) !== null);
      if (!hit) return null;
      const { target, raw, file, line } = hit.found;
      return { code: codeOf(target)!, phrase: readable(raw), entryId: `${file}:${line}`, length: hit.length };
    },
    lookupAgentAt: agentAt,
    lookupAgent(word) {
      const hit = agentAt([word], 0);
      return hit?.length === 1 ? hit : null;
    },
    stats: { actorPhrases: count(actors), agentPhrases: count(agents), entriesWithoutCode },
  };
}

let defaultLexicon: ActorLexicon | null = null;

/** The built-in dictionaries plus those listed in DATELINE_DICTIONARIES (paths separated by ":" — ";" on Windows). */
function lexicon(): ActorLexicon {
  defaultLexicon ??= loadActorDictionaries((process.env['DATELINE_DICTIONARIES'] ?? '').split(delimiter).filter((p) => p !== ''));
  return defaultLexicon;
}

/**
 * Longest actor phrase starting at words[at] (words lower-cased as in the text), with the role valid on `date`.
 * @example lookupActor(['nuri', 'al-maliki', 'said'], 0, '2007-05-28') // { code: 'IRQGOV', length: 2, ... }
 */
export function lookupActor(words: readonly string[], at: number, date?: string): ActorMatch | null {
  return lexicon().lookupActor(words, at, date);
}

/**
 * The agent a single word names.
 * @example lookupAgent('police') // { code: 'COP', placement: 'after', ... }
 */
export function lookupAgent(word: string): AgentMatch | null {
  return lexicon().lookupAgent(word);
}

/** Longest agent phrase starting at words[at]: ["foreign", "minister"] → GOV. */
export function lookupAgentAt(words: readonly string[], at: number): AgentMatch | null {
  return lexicon().lookupAgentAt(words, at);
}
