/**
 * All PETRARCH dictionaries a world codes with, in one object: the shipped ones (data/petrarch), the shipped ones
 * with a user's on top (`--add-dictionaries DIR`: theirs win on a conflict), or a user's alone (`--dictionaries DIR`).
 */
import { loadActorDictionary, shippedActorDictionary, type ActorDictionary } from './actors.ts';
import { loadAgentDictionary, shippedAgentDictionary, type AgentDictionary } from './agents.ts';
import { loadDiscardDictionary, type DiscardDictionary } from './discards.ts';
import { dictionaryDirectory, dictionarySource, shippedSources, type DictionaryError, type DictionaryKind, type DictionarySource } from './files.ts';
import { loadVerbDictionary, shippedVerbDictionary, type VerbDictionary, type VerbLoadOptions } from './verbs.ts';

export interface Dictionaries {
  verbs: VerbDictionary;
  actors: ActorDictionary;
  agents: AgentDictionary;
  discards: DiscardDictionary;
  /** The files read, shipped ones first, in reading order. */
  files: readonly DictionarySource[];
}

export interface DictionaryChoice {
  /** A directory of the user's dictionaries read on top of the shipped ones. */
  add?: string;
  /** A directory of the user's dictionaries read instead of the shipped ones. */
  replace?: string;
  /** Single files read on top (DATELINE_DICTIONARIES). */
  addFiles?: readonly string[];
}

/** The dictionary files a choice names; throws a DictionaryError for a missing directory or one without dictionaries. */
export function chosenSources(choice: DictionaryChoice): DictionarySource[] {
  if (choice.replace !== undefined) return dictionaryDirectory(choice.replace, 'user');
  const user = [...(choice.add === undefined ? [] : dictionaryDirectory(choice.add, 'user')), ...(choice.addFiles ?? []).map((path) => dictionarySource(path, 'user', kindOfExtraFile(path)))];
  return [...shippedSources(), ...user];
}

/** DATELINE_DICTIONARIES has always read `*.agents.txt` as agents and any other file as actors. */
function kindOfExtraFile(path: string): DictionaryKind {
  return /\.agents\.txt$/i.test(path) ? 'agents' : /\.discards\.txt$/i.test(path) ? 'discards' : /(\.verbs\.txt|[\\/]cameo[^\\/]*\.txt)$/i.test(path) ? 'verbs' : 'actors';
}

/**
 * The dictionaries of `sources` (verbs matched as `options` say, see VerbLoadOptions). A user's file with a line Dateline cannot read is refused here: the DictionaryError
 * names the file and line and says what to write. (The shipped files' known faults are skipped; see their README.)
 * Kinds with a user's file are read now; the others reuse the shipped dictionaries, read on first use.
 */
export function loadDictionaries(sources: readonly DictionarySource[], options: VerbLoadOptions = {}): Dictionaries {
  const of = (kind: DictionaryKind) => sources.filter((s) => s.kind === kind);
  const userFiles = new Set(sources.filter((s) => s.origin === 'user').map((s) => s.path));
  const check = <T extends { issues: readonly DictionaryError[] }>(dictionary: T): T => {
    const first = dictionary.issues.find((issue) => userFiles.has(issue.file));
    if (first) throw first;
    return dictionary;
  };
  /** Reads a kind now when the user gave files of it, else later; all-shipped kinds reuse the shipped dictionary. */
  const kind = <T extends { issues: readonly DictionaryError[] }>(k: DictionaryKind, load: (s: DictionarySource[]) => T, shippedOne: () => T): (() => T) => {
    const files = of(k);
    const user = files.some((s) => s.origin === 'user');
    if (user) {
      const loaded = check(load(files));
      return () => loaded;
    }
    const complete = files.length === shippedSources().filter((s) => s.kind === k).length;
    let loaded: T | null = null;
    return () => (loaded ??= complete ? shippedOne() : load(files));
  };
  const verbs = kind('verbs', (files) => loadVerbDictionary(files, options), options.exact ? () => loadVerbDictionary(of('verbs'), options) : shippedVerbDictionary);
  const actors = kind('actors', loadActorDictionary, shippedActorDictionary);
  const agents = kind('agents', loadAgentDictionary, shippedAgentDictionary);
  const discards = kind('discards', loadDiscardDictionary, () => loadDiscardDictionary([]));
  return {
    get verbs() {
      return verbs();
    },
    get actors() {
      return actors();
    },
    get agents() {
      return agents();
    },
    get discards() {
      return discards();
    },
    files: sources,
  };
}

let shipped: Dictionaries | null = null;

/** The shipped dictionaries (each kind read on first use). */
export function shippedDictionaries(): Dictionaries {
  shipped ??= loadDictionaries(shippedSources());
  return shipped;
}
