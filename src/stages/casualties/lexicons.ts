/**
 * The casualty word lists under data/lexicon/casualty-*.tsv, read once on first use and matched
 * against tokens (lower-cased surface form or wink lemma).
 */
import { readFileSync } from 'node:fs';
import type { Token } from '../../model/analysis.ts';

export type CasualtyKind = 'killed' | 'wounded' | 'missing' | 'abducted' | 'arrested' | 'displaced';
export const CASUALTY_KINDS: readonly CasualtyKind[] = ['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced'];

/** verb: "killed 24", "24 were killed"; state: "24 dead"; intrans: "24 died"; noun: "24 deaths"; toll: "a death toll of 24"; not: no casualty ("shot at"). */
export type TriggerClass = 'verb' | 'state' | 'intrans' | 'noun' | 'toll' | 'not';
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
  /** The words of the last required tail slot, one of which a sentence must hold for a match; null for one-word phrases. */
  signal: string[] | null;
}

/** Longest-match phrase lookup keyed on the head word. */
export class PhraseIndex<T> {
  private readonly byHead = new Map<string, Phrase<T>[]>();

  add(entry: T, headForms: readonly (readonly string[])[], tail: readonly (readonly string[])[]): void {
    const head = new Map<string, number>();
    // A word that is two forms of a verb ("hurt") reads as the participle: "were hurt".
    const order = headForms.length === 4 ? [2, 3, 1, 0] : headForms.map((_, index) => index);
    for (const index of order) for (const form of headForms[index] ?? []) if (!head.has(form)) head.set(form, index);
    const signal = tail.filter((slot) => !slot.includes('') && slot[0] !== '@name').at(-1);
    const phrase: Phrase<T> = { entry, head, tail: tail.map((slot) => [...slot]), signal: signal ? [...signal] : null };
    for (const word of head.keys()) {
      const list = this.byHead.get(word) ?? [];
      list.push(phrase);
      this.byHead.set(word, list);
    }
  }

  /**
   * Whether tokens [first, end) may hold a match: a head word and, for longer phrases, a word of their
   * last required slot somewhere after it. A cheap test that spares most sentences the full lookup.
   */
  mayMatch(tokens: readonly Token[], first: number, end: number): boolean {
    let words: Set<string> | null = null;
    for (let k = first; k < end; k++) {
      for (const phrase of this.byHead.get(tokens[k]!.normal) ?? []) {
        if (!phrase.signal) return true;
        if (!words) {
          words = new Set<string>();
          for (let m = first; m < end; m++) words.add(tokens[m]!.normal).add(tokens[m]!.lemma);
        }
        const seen = words;
        if (phrase.signal.some((w) => seen.has(w))) return true;
      }
    }
    return false;
  }

  /** All phrases starting at token `i` (not crossing `end`), longest first. The head word matches its surface form. */
  matchAll(tokens: readonly Token[], i: number, end: number): PhraseMatch<T>[] {
    const token = tokens[i];
    if (!token || i >= end) return [];
    const matches: PhraseMatch<T>[] = [];
    for (const phrase of this.byHead.get(token.normal) ?? []) {
      const stop = matchTail(phrase.tail, 0, tokens, i + 1, end);
      if (stop >= 0) matches.push({ entry: phrase.entry, end: stop, headForm: phrase.head.get(token.normal) ?? 0 });
    }
    return matches.sort((a, b) => b.end - a.end);
  }

  match(tokens: readonly Token[], i: number, end: number): PhraseMatch<T> | null {
    return this.matchAll(tokens, i, end)[0] ?? null;
  }
}

/** Up to this many capitalised words stand for `@name` ("taken to Kings County Hospital"). */
const NAME_SLOT_WORDS = 3;

/** Token index after the tail slots from `slot` on, matched at token `k`, or -1. */
function matchTail(tail: readonly string[][], slot: number, tokens: readonly Token[], k: number, end: number): number {
  const words = tail[slot];
  if (!words) return k;
  if (words.length === 1 && words[0] === '@name') {
    for (let n = NAME_SLOT_WORDS; n >= 0; n--) {
      let capitalised = k + n <= end;
      for (let m = k; capitalised && m < k + n; m++) capitalised = /^\p{Lu}/u.test(tokens[m]!.text);
      if (!capitalised) continue;
      const stop = matchTail(tail, slot + 1, tokens, k + n, end);
      if (stop >= 0) return stop;
    }
    return -1;
  }
  const token = k < end ? tokens[k] : undefined;
  if (token && (words.includes(token.normal) || words.includes(token.lemma))) {
    const stop = matchTail(tail, slot + 1, tokens, k + 1, end);
    if (stop >= 0) return stop;
  }
  return words.includes('') ? matchTail(tail, slot + 1, tokens, k, end) : -1;
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

export interface Victim {
  id: string;
  group: string;
  /** 'm' or 'f' when the noun says ("woman", "son"): two such victims of different sex are two people. */
  sex: string;
}

export interface CasualtyLexicons {
  triggers: PhraseIndex<Trigger>;
  incidents: PhraseIndex<Incident>;
  /** Person noun lemma → its entry. */
  victims: Map<string, Victim>;
  /** Non-person head lemma → class (time, measure, money, object, animal). */
  units: Map<string, string>;
  /** Words before a number that make it part of a name ("Route 66"). */
  prefixes: Set<string>;
  /** Sports and natural-death phrases ("hamstring", "heart attack"): no casualty of violence without a named incident. */
  notViolence: PhraseIndex<string>;
  perpetrators: Set<string>;
}

/** Rows of id and phrase as a phrase index that yields the id. */
function phraseTable(rows: readonly string[][]): PhraseIndex<string> {
  const index = new PhraseIndex<string>();
  for (const [id, phrase] of rows) {
    const [head = [], ...tail] = slots(phrase ?? '');
    if (id) index.add(id, [head], tail);
  }
  return index;
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
    const headForms = forms.split(',').map((f) => f.split('|'));
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
    victims: new Map(readTsv('casualty-victims.tsv').map(([id, lemma, group, sex]) => [lemma ?? '', { id: id ?? '', group: group ?? '', sex: sex ?? '' }])),
    units,
    prefixes,
    notViolence: phraseTable(readTsv('casualty-not-violence.tsv')),
    perpetrators: new Set(readTsv('casualty-perpetrators.tsv').map(([, lemma]) => lemma ?? '')),
  };
}
