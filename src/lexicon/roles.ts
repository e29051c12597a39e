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
}

let byFirstWord: Map<string, RoleEntry[]> | null = null;

function index(): Map<string, RoleEntry[]> {
  if (byFirstWord) return byFirstWord;
  byFirstWord = new Map();
  for (const [id, phrase, role, agent, kind] of readTsv(dataPath('lexicon', 'roles.tsv'), 5)) {
    const entry: RoleEntry = { id: id!, words: phrase!.split(' '), role: role!, agent: agent!, asTitle: kind !== 'noun', asNoun: kind !== 'title' };
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
  const candidates = [...(index().get(first) ?? []), ...(index().get(singular(first)) ?? [])];
  for (const entry of candidates) {
    const n = entry.words.length;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const word = words[at + k];
      ok = word !== undefined && (word === entry.words[k] || (k === n - 1 && singular(word) === entry.words[k]));
    }
    if (ok) return { entry, length: n };
  }
  return null;
}
