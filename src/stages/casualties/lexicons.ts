/**
 * The casualty word lists under data/lexicon/casualty-*.tsv, read once on first use and matched
 * against tokens (lower-cased surface form or wink lemma).
 */
import { readFileSync } from 'node:fs';
import type { Token } from '../../model/analysis.ts';

export type CasualtyKind = 'killed' | 'wounded' | 'missing' | 'abducted' | 'arrested' | 'displaced';
export const CASUALTY_KINDS: readonly CasualtyKind[] = ['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced'];

/** verb: "killed 24", "24 were killed"; state: "24 dead"; intrans: "24 died"; noun: "24 deaths"; toll: "a death toll of 24". */
export type TriggerClass = 'verb' | 'state' | 'intrans' | 'noun' | 'toll';
/** Verb form of the head word: base ("to kill"), third person ("kills"), past or participle ("killed"), gerund ("killing"). */
export type VerbForm = 'base' | 'third' | 'past' | 'gerund';

export interface Trigger {
  id: string;
  class: TriggerClass;
  kind: CasualtyKind;
  weak: boolean;
}

export interface PhraseMatch<T> {
  entry: T;
  /** Token index after the match. */
  end: number;
  /** Index of the alternative list the head word matched (the verb form for verbs). */
  headForm: number;
}

/** A phrase as word slots, each a set of accepted words; an empty string in a slot makes the slot optional. */
interface Phrase<T> {
  entry: T;
  /** Head word → index of the form list it belongs to. */
  head: Map<string, number>;
  tail: string[][];
}

/** Longest-match phrase lookup keyed on the head word. */
export class PhraseIndex<T> {
  private readonly byHead = new Map<string, Phrase<T>[]>();
  /** Every head word: a sentence without one has no match. */
  readonly heads = new Set<string>();

  add(entry: T, headForms: readonly (readonly string[])[], tail: readonly (readonly string[])[]): void {
    const head = new Map<string, number>();
    // A word that is two forms of a verb ("hurt") reads as the participle: "were hurt".
    const order = headForms.length === 4 ? [2, 3, 1, 0] : headForms.map((_, index) => index);
    for (const index of order) for (const form of headForms[index] ?? []) if (!head.has(form)) head.set(form, index);
    const phrase: Phrase<T> = { entry, head, tail: tail.map((slot) => [...slot]) };
    for (const word of head.keys()) {
      this.heads.add(word);
      const list = this.byHead.get(word) ?? [];
      list.push(phrase);
      this.byHead.set(word, list);
    }
  }

  /** All phrases starting at token `i` (not crossing `end`), longest first. */
  matchAll(tokens: readonly Token[], i: number, end: number): PhraseMatch<T>[] {
    const token = tokens[i];
    if (!token) return [];
    const candidates = [...(this.byHead.get(token.normal) ?? []), ...(token.lemma !== token.normal ? this.byHead.get(token.lemma) ?? [] : [])];
    const matches: PhraseMatch<T>[] = [];
    for (const phrase of candidates) {
      const stop = matchTail(phrase.tail, tokens, i + 1, end);
      if (stop < 0) continue;
      const headForm = phrase.head.get(token.normal) ?? phrase.head.get(token.lemma) ?? 0;
      if (!matches.some((m) => m.entry === phrase.entry)) matches.push({ entry: phrase.entry, end: stop, headForm });
    }
    return matches.sort((a, b) => b.end - a.end);
  }

  match(tokens: readonly Token[], i: number, end: number): PhraseMatch<T> | null {
    return this.matchAll(tokens, i, end)[0] ?? null;
  }
}

function matchTail(tail: readonly string[][], tokens: readonly Token[], i: number, end: number): number {
  let k = i;
  for (const slot of tail) {
    const token = k < end ? tokens[k] : undefined;
    if (token && (slot.includes(token.normal) || slot.includes(token.lemma))) k++;
    else if (!slot.includes('')) return -1;
  }
  return k;
}

function readTsv(name: string): string[][] {
  const text = readFileSync(new URL(`../../../data/lexicon/${name}`, import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

const slots = (words: string): string[][] => (words.trim() === '' ? [] : words.trim().split(/\s+/).map((w) => w.split('|')));

export interface Incident {
  id: string;
  label: string;
  rank: number;
}

export interface CasualtyLexicons {
  triggers: PhraseIndex<Trigger>;
  incidents: PhraseIndex<Incident>;
  /** Person noun lemma → entry id. */
  victims: Map<string, string>;
  /** Non-person head lemma → class (time, measure, money, object, animal). */
  units: Map<string, string>;
  /** Words before a number that make it part of a name ("Route 66"). */
  prefixes: Set<string>;
  sports: Set<string>;
  perpetrators: Set<string>;
}

let lexicons: CasualtyLexicons | null = null;

export function casualtyLexicons(): CasualtyLexicons {
  lexicons ??= buildLexicons();
  return lexicons;
}

function buildLexicons(): CasualtyLexicons {
  const triggers = new PhraseIndex<Trigger>();
  for (const [id, cls, kind, forms, tail, weak] of readTsv('casualty-triggers.tsv')) {
    if (!id || !cls || !kind || !forms) throw new Error(`casualty-triggers.tsv: expecting id, class, kind and forms, found "${id}"`);
    const entry: Trigger = { id, class: cls as TriggerClass, kind: kind as CasualtyKind, weak: weak === '1' };
    const headForms = cls === 'verb' ? forms.split(',').map((f) => f.split('|')) : [forms.split('|')];
    triggers.add(entry, headForms, slots(tail ?? ''));
  }
  const incidents = new PhraseIndex<Incident>();
  for (const [id, phrase, label, rank] of readTsv('casualty-incidents.tsv')) {
    if (!id || !phrase || !label) throw new Error(`casualty-incidents.tsv: expecting id, phrase and label, found "${id}"`);
    const [head = [], ...tail] = slots(phrase);
    incidents.add({ id, label, rank: Number(rank ?? 1) }, [head], tail);
  }
  const units = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const [, lemma, cls] of readTsv('casualty-units.tsv')) {
    if (!lemma) continue;
    if (cls === 'prefix') prefixes.add(lemma);
    else units.set(lemma, cls ?? 'object');
  }
  return {
    triggers,
    incidents,
    victims: new Map(readTsv('casualty-victims.tsv').map(([id, lemma]) => [lemma ?? '', id ?? ''])),
    units,
    prefixes,
    sports: new Set(readTsv('casualty-sports.tsv').map(([, word]) => word ?? '')),
    perpetrators: new Set(readTsv('casualty-perpetrators.tsv').map(([, lemma]) => lemma ?? '')),
  };
}
