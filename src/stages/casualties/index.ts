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
import type { Doc } from '../../doc/doc.ts';
import type { Token } from '../../model/analysis.ts';
import type { Casualty } from '../../model/record.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { extractCounts, type CountMention } from './countExtractors.ts';
import { claimCues, cumulativeCues } from './cumulativeCues.ts';
import { dateOf, incidentIn, perpetratorOf, placeOf, type IncidentCandidate } from './incidentContext.ts';
import { CASUALTY_KINDS, casualtyLexicons, type CasualtyKind } from './lexicons.ts';
import { mergeIncidents, type MergedIncident } from './mergeIncidents.ts';
import { chunkSentence, type ChunkContext, type ChunkedSentence } from './sentenceChunks.ts';

export const casualtiesStage: Stage = {
  name: 'casualties',
  requires: ['tokens', 'entities', 'places', 'dates'],
  assigns: ['casualties'],
  run(doc: Doc) {
    doc.casualties = findCasualties(doc);
  },
};

/**
 * Reads the entities, places and dates layers, the publication date (the implied date of the day's incident) and
 * the dateline's place (the implied place of an incident whose sentence names none).
 * @example
 * findCasualties(doc)
 * // "a truck bomb exploded ... in central Baghdad, killing 24 people and wounding 68 others"
 * // → [{ killed: { value: 24, ... }, wounded: { value: 68, ... }, incident: 'truck bomb', place: { name: 'Baghdad', ... }, ... }]
 */
export function findCasualties(doc: Doc): Casualty[] {
  const lex = casualtyLexicons();
  const chunkContext = buildChunkContext(doc);
  const candidates: IncidentCandidate[] = [];
  for (const sentence of doc.sentences) {
    if (!lex.triggers.mayMatch(doc.tokens, sentence.firstToken, sentence.endToken)) continue;
    const chunked = chunkSentence(sentence, chunkContext);
    const counts = extractCounts(chunked, doc.tokens, doc.text);
    if (counts.length === 0 || isNotViolence(chunked, doc.tokens)) continue;
    candidates.push(...sentenceIncidents(counts, chunked, doc));
  }
  return mergeIncidents(candidates, doc.places.places).map((record, n) => toCasualty(record, n));
}

function buildChunkContext(doc: Doc): ChunkContext {
  const personMentions = new Map<number, number>();
  const entityTokens = new Set<number>();
  for (const { entity, mention: m } of doc.entityMentions()) {
    const { firstToken, endToken } = doc.tokenRange(m.start, m.end);
    if (entity.type === 'PERSON' && (m.kind === 'name' || m.kind === 'surname')) {
      if (endToken > firstToken) personMentions.set(firstToken, endToken);
    } else if (entity.type !== 'PERSON') {
      for (let k = firstToken; k < endToken; k++) entityTokens.add(k);
    }
  }
  return { tokens: doc.tokens, isTime: (i) => doc.isTime(i), isPlace: (i) => doc.placeAt(i) !== undefined, personMentions, entityTokens };
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
function sentenceIncidents(counts: readonly CountMention[], chunked: ChunkedSentence, doc: Doc): IncidentCandidate[] {
  const { datelinePlaceId, places } = doc.places;
  const groups: { counts: CountMention[]; cues: string[] }[] = [];
  for (const count of counts) {
    const cues = cumulativeCues(count, chunked, doc.tokens, doc.text, doc.dates, doc.published);
    const group = groups.at(-1);
    if (group && (cues.length > 0) === (group.cues.length > 0) && !group.counts.some((c) => c.kind === count.kind)) {
      group.counts.push(count);
      group.cues.push(...cues);
    } else groups.push({ counts: [count], cues });
  }
  const claims = claimCues(chunked, doc.tokens);
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
      incident: incidentIn(chunked, doc.tokens, near),
      place: placeOf(sentence.index, near, places, datelinePlaceId, !cumulative),
      date: dateOf(sentence.index, near, doc.dates, doc.published, !cumulative),
      victims,
      perpetrator: perpetratorOf(members, chunked, doc.tokens, doc.entities, doc.text),
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
