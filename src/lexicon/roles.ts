/** Role words (titles and functions) from data/lexicon/roles.tsv: "prime minister" → GOV, "militia" → UAF. */
import { dataPath, readTsv } from './tables.ts';

export interface RoleEntry {
  id: string;
  /** Lower-case words. */
  words: string[];
  role: string;
  /** CAMEO agent code, or "=" when the role takes its organisation's or counterpart's code. */
  agent: string;
  asTitle: boolean;
  asNoun: boolean;
  /** A domestic role ("police", "students") belongs to the story's own country when nothing else names one. */
  domestic: boolean;
  /** A sentence whose [bracketed] actor resolves to `expect` (the row's test). */
  example: string;
  expect: string;
}

let byFirstWord: Map<string, RoleEntry[]> | null = null;
let entries: RoleEntry[] | null = null;

/** Every row of data/lexicon/roles.tsv, in file order. */
export function roleEntries(): readonly RoleEntry[] {
  entries ??= readTsv(dataPath('lexicon', 'roles.tsv'), 8).map(([id, phrase, role, agent, kind, scope, example, expect]) => ({
    id: id!,
    words: phrase!.split(' '),
    role: role!,
    agent: agent!,
    asTitle: kind !== 'noun',
    asNoun: kind !== 'title',
    domestic: scope === 'domestic',
    example: example!,
    expect: expect!,
  }));
  return entries;
}

/** The row a canonical role comes from ("prime minister" → role.prime-minister). */
export function roleByName(role: string): RoleEntry | null {
  return roleEntries().find((e) => e.role === role) ?? null;
}

function index(): Map<string, RoleEntry[]> {
  if (byFirstWord) return byFirstWord;
  byFirstWord = new Map();
  for (const entry of roleEntries()) {
    const list = byFirstWord.get(entry.words[0]!) ?? [];
    list.push(entry);
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord.set(entry.words[0]!, list);
  }
  return byFirstWord;
}

/** Singular form of a plural role noun ("militias" → "militia", "officials" → "official"). */
function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('men')) return `${word.slice(0, -3)}man`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The longest role phrase starting at words[at] (lower-cased), allowing a plural last word.
 * Returns the entry and how many words it covers.
 */
export function matchRole(words: readonly string[], at: number): { entry: RoleEntry; length: number } | null {
  const first = words[at];
  if (first === undefined) return null;
  const candidates = [...(index().get(first) ?? []), ...(index().get(singular(first)) ?? []), ...(index().get(`${first}.`) ?? [])];
  for (const entry of candidates) {
    const n = entry.words.length;
    let p = at;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const want = entry.words[k]!;
      const word = words[p];
      if (word !== undefined && (word === want || (k === n - 1 && singular(word) === want))) p++;
      // "Maj ." : the tokenizer may split an abbreviation's full stop off
      else if (want.endsWith('.') && word === want.slice(0, -1) && words[p + 1] === '.') p += 2;
      else ok = false;
    }
    if (ok) return { entry, length: p - at };
  }
  return null;
}
