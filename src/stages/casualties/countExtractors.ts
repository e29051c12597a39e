/**
 * Runs the count rules (rules.ts) over a chunked sentence: each match links the counted people
 * ("24 people", "a man", "scores of American soldiers") to a casualty word ("killing", "were shot dead").
 */
import type { Token } from '../../model/analysis.ts';
import type { Count } from '../../model/record.ts';
import { casualtyLexicons, type CasualtyKind } from './lexicons.ts';
import { COUNT_RULES, type Voice } from './rules.ts';
import type { Chunk, ChunkedSentence } from './sentenceChunks.ts';

export interface CountMention {
  kind: CasualtyKind;
  count: Count;
  sentence: number;
  voice: Voice;
  /** The casualty word does not itself say the person was badly hurt ("shot", "taken to hospital"). */
  weak: boolean;
  /** Every counted person is a pronoun or a definite phrase ("he", "the victim"): someone already counted. */
  anaphoric: boolean;
  /** Who was counted, without the number ("American soldiers"); null for pronouns and "others". */
  victims: { text: string; start: number; end: number } | null;
  /** For one named or described person: what tells them apart from another ("Bettie Jones", "woman"). */
  person: { name: string | null; sex: string } | null;
  /** Chunk index of the casualty word and chunk range of the counted people. */
  outcome: number;
  people: { first: number; end: number };
  rules: string[];
}

const PEOPLE_TAGS = 'QSMR';

export function extractCounts(chunked: ChunkedSentence, tokens: readonly Token[], text: string): CountMention[] {
  const { chunks, tags } = chunked;
  const used = new Set<number>();
  const counts: CountMention[] = [];
  for (const rule of COUNT_RULES) {
    rule.pattern.lastIndex = 0;
    for (const match of tags.matchAll(rule.pattern)) {
      const people = match.indices?.groups?.q;
      const outcome = match.indices?.groups?.o;
      if (!people || !outcome) continue;
      const appos = match.indices?.groups?.appos;
      const counted: number[] = [];
      for (let c = people[0]; c < people[1]; c++) {
        if (appos && c >= appos[0] && c < appos[1]) continue;
        if (PEOPLE_TAGS.includes(chunks[c]!.tag)) counted.push(c);
      }
      if (counted.length === 0 || counted.some((c) => used.has(c))) continue;
      const trigger = chunks[outcome[0]]!;
      if (!trigger.kind || !trigger.trigger) continue;
      const victims = victimPhrase(chunks, counted, people[1], appos, tokens, text);
      if (trigger.trigger.weak && !countsPeople(chunks, counted, people[1], tokens)) continue;
      for (const c of counted) used.add(c);
      counts.push({
        kind: trigger.kind,
        count: sumCounts(counted.map((c) => chunks[c]!), text),
        sentence: chunked.sentence.index,
        voice: rule.voice,
        weak: trigger.trigger.weak && trigger.kind === 'wounded',
        anaphoric: counted.every((c) => chunks[c]!.anaphoric === true),
        victims,
        person: counted.length === 1 ? personKey(chunks[counted[0]!]!, tokens, text) : null,
        outcome: outcome[0],
        people: { first: people[0], end: people[1] },
        rules: [rule.id, ...(trigger.rules ?? []), ...new Set(counted.flatMap((c) => chunks[c]!.quantity?.rules ?? []))],
      });
    }
  }
  return counts.sort((a, b) => a.count.start - b.count.start);
}

/** Several quantities joined by "and" are added up: "a man and a woman" → 2. */
function sumCounts(parts: readonly Chunk[], text: string): Count {
  const quantities = parts.map((p) => p.quantity!);
  const first = quantities[0]!;
  const last = quantities.at(-1)!;
  const count: Count = {
    value: quantities.reduce((s, q) => s + q.value, 0),
    approximate: quantities.some((q) => q.approximate),
    text: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
  };
  if (quantities.some((q) => q.min !== undefined)) count.min = quantities.reduce((s, q) => s + (q.min ?? q.value), 0);
  if (quantities.some((q) => q.max !== undefined)) count.max = quantities.reduce((s, q) => s + (q.max ?? q.value), 0);
  return count;
}

/** The noun phrases after the numbers ("24 [people]", "scores of [American soldiers]", "a [24-year-old man]", a name). */
function victimPhrase(chunks: readonly Chunk[], counted: readonly number[], end: number, appos: [number, number] | undefined, tokens: readonly Token[], text: string): CountMention['victims'] {
  const phrases: { start: number; end: number }[] = [];
  for (const c of counted) {
    const chunk = chunks[c]!;
    if (chunk.tag === 'R') continue;
    // S chunks drop their determiner; Q chunks take the noun-phrase chunks that follow them.
    let firstToken = chunk.tag === 'S' ? chunk.firstToken + 1 : chunk.tag === 'M' ? chunk.firstToken : chunk.endToken;
    let endToken = chunk.endToken;
    if (chunk.tag === 'Q') {
      for (let n = c + 1; n < end && 'NDO'.includes(chunks[n]!.tag) && !(appos && n >= appos[0]); n++) endToken = chunks[n]!.endToken;
    }
    while (firstToken < endToken && /^(of|the|them|those|these)$/.test(tokens[firstToken]!.normal)) firstToken++;
    if (firstToken >= endToken) continue;
    const head = tokens[endToken - 1]!;
    // "68 others", "two of them": who they are is said elsewhere.
    if (head.lemma === 'other' || head.lemma === 'others' || head.pos === 'PRON') continue;
    if (chunk.tag === 'Q' && head.pos !== 'NOUN' && head.pos !== 'PROPN') continue;
    phrases.push({ start: tokens[firstToken]!.start, end: head.end });
  }
  if (phrases.length === 0) return null;
  return { text: phrases.map((p) => text.slice(p.start, p.end)).join(' and '), start: phrases[0]!.start, end: phrases.at(-1)!.end };
}

/** Weak casualty words need people, not things: "shot a man", not "shot a film" or "shot 3 photos". */
function countsPeople(chunks: readonly Chunk[], counted: readonly number[], end: number, tokens: readonly Token[]): boolean {
  const lex = casualtyLexicons();
  return counted.every((c) => {
    const chunk = chunks[c]!;
    if (chunk.tag !== 'Q') return true;
    let head: Token | null = null;
    for (let n = c + 1; n < end && chunks[n]!.tag === 'N'; n++) head = tokens[chunks[n]!.endToken - 1]!;
    return head === null || lex.victims.has(head.lemma) || head.pos === 'PROPN';
  });
}

/** A named person ("Bettie Jones") or a described one ("a woman") by the sex its head noun gives. */
function personKey(chunk: Chunk, tokens: readonly Token[], text: string): CountMention['person'] {
  if (chunk.tag === 'M') return { name: text.slice(tokens[chunk.firstToken]!.start, tokens[chunk.endToken - 1]!.end), sex: '' };
  if (chunk.tag !== 'S') return null;
  const head = tokens[chunk.endToken - 1]!;
  return { name: null, sex: casualtyLexicons().victims.get(head.lemma)?.sex ?? '' };
}
