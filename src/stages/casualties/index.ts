/**
 * Casualties stage: counts of killed, wounded, missing, abducted, arrested and displaced people, grouped
 * by incident (weapon, place, date, victims, perpetrator), with running and historical totals kept apart.
 *
 * sentence → chunks (sentenceChunks.ts) → counts (countExtractors.ts, rules in rules.ts) → one candidate
 * per sentence and incident (incidentContext.ts, cumulativeCues.ts) → one record per incident (mergeIncidents.ts).
 *
 * Decisions: a negated count ("no one was killed", "nobody was hurt") yields nothing, not a zero; a
 * historical count ("the 1988 bombing that killed 270 people") is a record marked `cumulative`; sports
 * injuries and natural deaths are not casualties; vague quantities keep a lower bound ("scores of" → value 40, min 40).
 */
import type { Segmented, Token } from '../../model/analysis.ts';
import type { Casualty, DateRecord, Entity, Place } from '../../model/record.ts';
import { extractCounts, type CountMention } from './countExtractors.ts';
import { claimCues, cumulativeCues } from './cumulativeCues.ts';
import { dateOf, incidentIn, perpetratorOf, placeOf, type IncidentCandidate } from './incidentContext.ts';
import { CASUALTY_KINDS, casualtyLexicons, type CasualtyKind } from './lexicons.ts';
import { mergeIncidents, type MergedIncident } from './mergeIncidents.ts';
import { chunkSentence, type ChunkContext, type ChunkedSentence } from './sentenceChunks.ts';

export interface CasualtyContext {
  places: readonly Place[];
  dates: readonly DateRecord[];
  entities: readonly Entity[];
  /** Publication date (ISO); the implied date of the day's incident. */
  published: string | null;
  /** The dateline's place: the implied place of an incident whose sentence names none. */
  datelinePlaceId: string | null;
}

/**
 * @example
 * findCasualties(segment(text, paragraphs), { places, dates, entities, published: '2007-05-28', datelinePlaceId })
 * // "a truck bomb exploded ... in central Baghdad, killing 24 people and wounding 68 others"
 * // → [{ killed: { value: 24, ... }, wounded: { value: 68, ... }, incident: 'truck bomb', place: { name: 'Baghdad', ... }, ... }]
 */
export function findCasualties(seg: Segmented, context: CasualtyContext): Casualty[] {
  const lex = casualtyLexicons();
  const chunkContext = buildChunkContext(seg, context);
  const candidates: IncidentCandidate[] = [];
  for (const sentence of seg.sentences) {
    if (!lex.triggers.mayMatch(seg.tokens, sentence.firstToken, sentence.endToken)) continue;
    const chunked = chunkSentence(sentence, chunkContext);
    const counts = extractCounts(chunked, seg.tokens, seg.text);
    if (counts.length === 0 || isNotViolence(chunked, seg.tokens)) continue;
    candidates.push(...sentenceIncidents(counts, chunked, seg, context));
  }
  return mergeIncidents(candidates, context.places).map((record, n) => toCasualty(record, n));
}

function buildChunkContext(seg: Segmented, context: CasualtyContext): ChunkContext {
  const timeTokens = new Set<number>();
  for (const entity of seg.numeric) {
    if (entity.type !== 'DATE' && entity.type !== 'TIME' && entity.type !== 'DURATION') continue;
    for (let k = entity.firstToken; k < entity.endToken; k++) timeTokens.add(k);
  }
  const placeTokens = new Set<number>();
  for (const place of context.places) {
    for (const m of place.mentions) {
      for (let k = tokenAt(seg.tokens, m.start); k >= 0 && k < seg.tokens.length && seg.tokens[k]!.end <= m.end; k++) placeTokens.add(k);
    }
  }
  const personMentions = new Map<number, number>();
  const entityTokens = new Set<number>();
  for (const entity of context.entities) {
    for (const m of entity.mentions) {
      const first = tokenAt(seg.tokens, m.start);
      if (first < 0) continue;
      let end = first;
      while (end < seg.tokens.length && seg.tokens[end]!.end <= m.end) end++;
      if (entity.type === 'PERSON' && (m.kind === 'name' || m.kind === 'surname')) {
        if (end > first) personMentions.set(first, end);
      } else if (entity.type !== 'PERSON') {
        for (let k = first; k < end; k++) entityTokens.add(k);
      }
    }
  }
  return { tokens: seg.tokens, timeTokens, placeTokens, personMentions, entityTokens };
}

/** Index of the token that starts at `offset`, or -1. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = tokens[mid]!.start;
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** "He injured his hamstring in the match", "Peel died after a heart attack": sports or illness, and no violent incident. */
function isNotViolence(chunked: ChunkedSentence, tokens: readonly Token[]): boolean {
  const lex = casualtyLexicons();
  const { firstToken, endToken } = chunked.sentence;
  let found = false;
  for (let k = firstToken; k < endToken && !found; k++) found = lex.notViolence.match(tokens, k, endToken) !== null;
  return found && (incidentIn(chunked, tokens, 0)?.rank ?? 0) < 2;
}

/** The counts of one sentence grouped by incident: a kind counted twice, or a total next to the day's count, starts another. */
function sentenceIncidents(counts: readonly CountMention[], chunked: ChunkedSentence, seg: Segmented, context: CasualtyContext): IncidentCandidate[] {
  const groups: { counts: CountMention[]; cues: string[] }[] = [];
  for (const count of counts) {
    const cues = cumulativeCues(count, chunked, seg.tokens, seg.text, context.dates, context.published);
    const group = groups.at(-1);
    if (group && (cues.length > 0) === (group.cues.length > 0) && !group.counts.some((c) => c.kind === count.kind)) {
      group.counts.push(count);
      group.cues.push(...cues);
    } else groups.push({ counts: [count], cues });
  }
  const claims = claimCues(chunked, seg.tokens);
  const sentence = chunked.sentence;
  return groups.map(({ counts: members, cues }) => {
    const near = members[0]!.count.start;
    const cumulative = cues.length > 0;
    const byKind: IncidentCandidate['counts'] = {};
    for (const m of members) byKind[m.kind] = m;
    const victims = (byKind.killed ?? members.find((m) => m.victims))?.victims?.text ?? members.find((m) => m.victims)?.victims?.text ?? null;
    return {
      sentence: sentence.index,
      counts: byKind,
      incident: incidentIn(chunked, seg.tokens, near),
      place: placeOf(sentence.index, near, context.places, context.datelinePlaceId, !cumulative),
      date: dateOf(sentence.index, near, context.dates, context.published, !cumulative),
      victims,
      perpetrator: perpetratorOf(members, chunked, seg.tokens, context.entities, seg.text),
      cumulative,
      claimed: claims.length > 0,
      evidence: { start: sentence.start, end: sentence.end, sentence: sentence.index },
      rules: [...new Set([...members.flatMap((m) => m.rules), ...cues, ...claims])],
    };
  });
}

function toCasualty(record: MergedIncident, n: number): Casualty {
  const counts: Partial<Pick<Casualty, CasualtyKind>> = {};
  for (const kind of CASUALTY_KINDS) {
    const count = record.counts[kind];
    if (count) counts[kind] = count.count;
  }
  return {
    id: `cas${n + 1}`,
    ...counts,
    incident: record.incident?.label ?? null,
    place: record.place,
    date: record.date,
    victims: record.victims,
    perpetrator: record.perpetrator,
    cumulative: record.cumulative,
    claimed: record.claimed,
    evidence: record.evidence,
    mentions: record.mentions,
    rules: record.incident ? [...record.rules, record.incident.id] : record.rules,
  };
}
