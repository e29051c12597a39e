/**
 * PETRARCH agent dictionaries (the shipped data/petrarch/Phoenix.agents.txt or any file in its format): common
 * nouns for kinds of actors, whose code goes after an actor's code (`[~GOV]`: Iraqi officials → IRQGOV) or
 * before it (`[NGO~]`: MSF Arnor → NGOARN).
 *   POLICE {} [~COP]                  `{}`: no plural
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   the plural, when it is not regular
 *   REBEL [~REB]                      otherwise the plural is made: -Y → -IES, -S → -SES, else -S
 *   !PERSON! = MAN, MEN, WOMAN        a substitution set, used as CONGRESS!PERSON! [~LEG] (congressman, congressmen…;
 *                                     no plurals are made)
 * Entry ids name the entry by content: `phoenix.agents:POLICE`, `user:petr.validate.agents:CONGRESS!PERSON!`.
 */
import { dictionaryLines, DictionaryError, shippedSources, type DictionaryOrigin, type DictionarySource } from './files.ts';
import { addPhrase, countPhrases, longestPhrase, readable, sortIndex, type PhraseIndex } from './phrases.ts';

export interface AgentMatch {
  /** CAMEO agent code without the tilde ("GOV", "REB", "NGO"). */
  code: string;
  /** Where the code goes relative to an actor code: `~GOV` after (IRQGOV), `NGO~` before (NGOIRQ). */
  placement: 'after' | 'before';
  /** The dictionary phrase that matched, lower-cased with spaces ("foreign minister"). */
  phrase: string;
  entryId: string;
  origin: DictionaryOrigin;
  /** Number of words covered, from `at`. */
  length: number;
}

export interface AgentDictionary {
  /** Longest agent phrase starting at words[at] ("foreign minister" → GOV); `gap` as for actors. */
  lookupAt(words: readonly string[], at: number, options?: { gap?: number }): AgentMatch | null;
  /** The agent a single word names ("police" → COP, "rebels" → REB). */
  lookup(word: string): AgentMatch | null;
  readonly stats: { phrases: number };
  readonly issues: readonly DictionaryError[];
}

interface AgentTarget {
  code: string;
  placement: 'after' | 'before';
  id: string;
  origin: DictionaryOrigin;
}

/** PETRARCH's regular plural of an agent phrase: AUTHORITY → AUTHORITIES, CONGRESS → CONGRESSES, MINISTER → MINISTERS. */
function plural(phrase: string): string {
  if (phrase.endsWith('Y')) return `${phrase.slice(0, -1)}IES`;
  if (phrase.endsWith('S')) return `${phrase}ES`;
  return `${phrase}S`;
}

function parseAgentFile(source: DictionarySource, index: PhraseIndex<AgentTarget>, order: { n: number }, issues: DictionaryError[]): void {
  const markers = new Map<string, string[]>();
  for (const { text, line } of dictionaryLines(source.path)) {
    const trimmed = text.trim();
    const issue = (message: string) => issues.push(new DictionaryError(source.path, line, message));
    if (trimmed.includes('!') && trimmed.includes('=')) {
      // !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
      const definition = /^!([^!\s]+)!\s*=(.*)$/.exec(trimmed);
      if (!definition) issue('cannot read this substitution set; write !NAME! = WORD, WORD, ...');
      else markers.set(definition[1]!, definition[2]!.split(',').map((s) => s.trim()).filter((s) => s !== ''));
      continue;
    }
    const code = /\[([^\]]*)\]/.exec(trimmed)?.[1]?.trim();
    if (code === undefined || code === '') {
      issue('an agent needs a code: PHRASE [~GOV] (the code goes after the actor\'s) or PHRASE [NGO~] (before it)');
      continue;
    }
    if (!/^~[^~\s]+$|^[^~\s]+~$/.test(code)) {
      issue(`cannot read the agent code [${code}]; write [~GOV] (after the actor's code) or [NGO~] (before it)`);
      continue;
    }
    const head = trimmed.slice(0, trimmed.indexOf('[')).trim();
    const braces = /^(.*?)\{([^}]*)\}/.exec(head);
    if (head.includes('{') && !braces) {
      issue('a { is not closed by }; write PHRASE {PLURAL} [~CODE], or {} for no plural');
      continue;
    }
    const singular = (braces ? braces[1]! : head).trim();
    if (singular === '') {
      issue('an agent needs a phrase before its code: PHRASE [~GOV]');
      continue;
    }
    const target: AgentTarget = { code: code.replace('~', ''), placement: code.startsWith('~') ? 'after' : 'before', id: `${source.id}:${singular}`, origin: source.origin };
    const forms: string[] = [];
    const marker = /!([^!\s]+)!/.exec(singular);
    if (marker) {
      const substitutes = markers.get(marker[1]!);
      if (!substitutes) {
        issue(`the substitution set !${marker[1]}! is not defined above this line; define it first: !${marker[1]}! = WORD, WORD, ...`);
        continue;
      }
      for (const sub of substitutes) forms.push(singular.replace(marker[0], sub));
    } else {
      forms.push(singular);
      if (braces) {
        if (braces[2]!.trim() !== '') forms.push(braces[2]!.trim());
      } else forms.push(plural(singular));
    }
    for (const form of forms) addPhrase(index, form, order.n++, target);
  }
}

/** Loads agent dictionaries; a user's entries win over shipped phrases of the same length. */
export function loadAgentDictionary(sources: readonly DictionarySource[]): AgentDictionary {
  const index: PhraseIndex<AgentTarget> = new Map();
  const issues: DictionaryError[] = [];
  const order = { n: 0 };
  for (const source of [...sources].sort((a, b) => Number(a.origin === 'user') - Number(b.origin === 'user'))) parseAgentFile(source, index, order, issues);
  sortIndex(index);
  const lookupAt = (words: readonly string[], at: number, options: { gap?: number } = {}): AgentMatch | null => {
    const hit = longestPhrase(index, words, at, () => true, options.gap ?? 0);
    if (!hit) return null;
    const { code, placement, id, origin } = hit.found.target;
    return { code, placement, phrase: readable(hit.found.raw), entryId: id, origin, length: hit.length };
  };
  return {
    lookupAt,
    lookup(word) {
      const hit = lookupAt([word], 0);
      return hit?.length === 1 ? hit : null;
    },
    stats: { phrases: countPhrases(index) },
    issues,
  };
}

let shipped: AgentDictionary | null = null;

/** The shipped agent dictionary, data/petrarch/Phoenix.agents.txt (read on first use). */
export function shippedAgentDictionary(): AgentDictionary {
  shipped ??= loadAgentDictionary(shippedSources().filter((s) => s.kind === 'agents'));
  return shipped;
}

/**
 * The agent a single word names in the shipped dictionary.
 * @example lookupAgent('police') // { code: 'COP', placement: 'after', ... }
 */
export function lookupAgent(word: string): AgentMatch | null {
  return shippedAgentDictionary().lookup(word);
}

/** Longest agent phrase of the shipped dictionary starting at words[at]: ["foreign", "minister"] → GOV. */
export function lookupAgentAt(words: readonly string[], at: number): AgentMatch | null {
  return shippedAgentDictionary().lookupAt(words, at);
}
