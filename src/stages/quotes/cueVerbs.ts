/**
 * Speech cue verbs ("said", "told", "added", "calling"), read once from data/lexicon/cue-verbs.tsv.
 * A cue is matched on the wink-nlp lemma; a phrasal entry ("point out") also needs its particle next.
 */
import { readFileSync } from 'node:fs';
import type { Token } from '../../model/analysis.ts';

export type CueUse = 'direct' | 'indirect' | 'listener' | 'fragment';

export interface CueVerb {
  id: string;
  lemma: string;
  /** Second word of a phrasal verb ("out" in "point out"), or null. */
  particle: string | null;
  uses: ReadonlySet<CueUse>;
}

/** A cue verb found in the tokens: [first, end) covers the verb and its particle. */
export interface CueMatch {
  verb: CueVerb;
  first: number;
  end: number;
}

const LEXICON_URL = new URL('../../../data/lexicon/cue-verbs.tsv', import.meta.url);
const USES: readonly CueUse[] = ['direct', 'indirect', 'listener', 'fragment'];

let byLemma: Map<string, CueVerb[]> | null = null;

function lexicon(): Map<string, CueVerb[]> {
  if (byLemma) return byLemma;
  const table = new Map<string, CueVerb[]>();
  const ids = new Set<string>();
  for (const line of readFileSync(LEXICON_URL, 'utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [id, phrase, uses] = line.split('\t');
    if (!id || !phrase || !uses) throw new Error(`cue-verbs.tsv: expected "id<TAB>lemma<TAB>uses<TAB>example", found "${line}"`);
    if (ids.has(id)) throw new Error(`cue-verbs.tsv: duplicate id ${id}`);
    ids.add(id);
    const useList = uses.split(',').map((u) => u.trim());
    const bad = useList.find((u) => !(USES as readonly string[]).includes(u));
    if (bad) throw new Error(`cue-verbs.tsv: ${id} has use "${bad}"; expected one of ${USES.join(', ')}`);
    const [lemma, particle] = phrase.split(' ');
    const verb: CueVerb = { id, lemma: lemma!, particle: particle ?? null, uses: new Set(useList as CueUse[]) };
    table.set(verb.lemma, [...(table.get(verb.lemma) ?? []), verb]);
  }
  byLemma = table;
  return table;
}

/** Every entry of the lexicon, for tests and docs. */
export function cueVerbs(): CueVerb[] {
  return [...lexicon().values()].flat();
}

/** The cue verb starting at token `i`, if the token is a verb (or a participle wink tags otherwise) in the lexicon. */
export function cueAt(tokens: readonly Token[], i: number): CueMatch | null {
  const token = tokens[i];
  if (!token || !isVerbLike(token)) return null;
  const entries = lexicon().get(token.lemma) ?? pastTenseEntries(token);
  if (!entries) return null;
  const next = tokens[i + 1];
  const phrasal = entries.find((v) => v.particle !== null && next?.normal === v.particle && next.sentence === token.sentence);
  if (phrasal) return { verb: phrasal, first: i, end: i + 2 };
  const plain = entries.find((v) => v.particle === null);
  return plain ? { verb: plain, first: i, end: i + 1 } : null;
}

/** wink tags most cue verbs VERB; a few inflected forms come out as NOUN/ADJ ("saying", "alleged"). */
function isVerbLike(token: Token): boolean {
  if (token.pos === 'VERB') return true;
  return (token.pos === 'NOUN' || token.pos === 'ADJ') && /(?:ed|ing)$/.test(token.normal);
}

/** A past tense wink left unlemmatised ("alleged"/ADJ → allege). */
function pastTenseEntries(token: Token): CueVerb[] | undefined {
  if (!token.normal.endsWith('ed')) return undefined;
  return lexicon().get(token.normal.slice(0, -1)) ?? lexicon().get(token.normal.slice(0, -2));
}
