/**
 * What surrounds the counts of one sentence: the incident ("truck bomb"), its place, its date, the
 * victims' group and the perpetrator.
 */
import type { Token } from '../../model/analysis.ts';
import type { ActorRef, DateRecord, DateValue, Entity, Place, PlaceRef } from '../../model/record.ts';
import type { CountMention } from './countExtractors.ts';
import { casualtyLexicons, type CasualtyKind, type Incident } from './lexicons.ts';
import { CLAIM_CUE } from './rules.ts';
import type { Chunk, ChunkedSentence } from './sentenceChunks.ts';

export interface IncidentCandidate {
  sentence: number;
  counts: Partial<Record<CasualtyKind, CountMention>>;
  incident: (Incident & { start: number; end: number }) | null;
  place: PlaceRef | null;
  date: DateValue | null;
  victims: string | null;
  perpetrator: ActorRef;
  cumulative: boolean;
  claimed: boolean;
  evidence: { start: number; end: number; sentence: number };
  rules: string[];
}

/** The most specific incident named in the sentence; the nearest one to `near` among equals. */
export function incidentIn(chunked: ChunkedSentence, tokens: readonly Token[], near: number): IncidentCandidate['incident'] {
  const lex = casualtyLexicons();
  let best: IncidentCandidate['incident'] = null;
  for (let k = chunked.sentence.firstToken; k < chunked.sentence.endToken; k++) {
    const match = lex.incidents.match(tokens, k, chunked.sentence.endToken);
    if (!match) continue;
    const found = { ...match.entry, start: tokens[k]!.start, end: tokens[match.end - 1]!.end };
    const closer = best !== null && Math.abs(found.start - near) < Math.abs(best.start - near);
    if (!best || found.rank > best.rank || (found.rank === best.rank && closer)) best = found;
    k = match.end - 1;
  }
  return best;
}

const PLACE_KIND_ORDER: Record<Place['kind'], number> = { landmark: 0, city: 0, admin2: 1, admin1: 1, region: 1, country: 2, water: 3 };

/** The most specific place named in the sentence, else the dateline place (implied). */
export function placeOf(sentence: number, near: number, places: readonly Place[], datelinePlaceId: string | null, useDateline: boolean): PlaceRef | null {
  let best: { place: Place; distance: number } | null = null;
  for (const place of places) {
    for (const mention of place.mentions) {
      if (mention.sentence !== sentence) continue;
      const distance = Math.abs(mention.start - near);
      if (!best || PLACE_KIND_ORDER[place.kind] < PLACE_KIND_ORDER[best.place.kind] || (place.kind === best.place.kind && distance < best.distance)) {
        best = { place, distance };
      }
    }
  }
  if (best) return placeRef(best.place, 'stated');
  const dateline = useDateline && datelinePlaceId ? places.find((p) => p.id === datelinePlaceId) : undefined;
  return dateline ? placeRef(dateline, 'implied') : null;
}

function placeRef(place: Place, certainty: PlaceRef['certainty']): PlaceRef {
  const ref: PlaceRef = { name: place.name, placeId: place.id, lat: place.lat, lon: place.lon, country: place.country, certainty };
  return ref;
}

/** A date in the sentence (the nearest "on" date first), else the publication date (implied) for the day's incident. */
export function dateOf(sentence: number, near: number, dates: readonly DateRecord[], published: string | null, usePublicationDate: boolean): DateValue | null {
  const inSentence = dates
    .filter((d) => d.sentence === sentence && d.value !== null)
    .sort((a, b) => Number(b.relation === 'on') - Number(a.relation === 'on') || Math.abs(a.start - near) - Math.abs(b.start - near));
  const date = inSentence[0];
  if (date) return { value: date.value, certainty: date.certainty, granularity: date.granularity, dateId: date.id };
  if (!usePublicationDate || !published) return null;
  return { value: published.slice(0, 10), certainty: 'implied', granularity: 'day' };
}

/**
 * Who did it: an entity or a perpetrator noun ("gunmen") that is the subject of an active casualty verb
 * ("Taliban fighters killed", the nearest one before the verb, after any "police said"), or the agent
 * after "by" ("were killed by Israeli troops"); else unknown (---). A perpetrator noun is kept as the
 * name of an unknown actor.
 */
export function perpetratorOf(counts: readonly CountMention[], chunked: ChunkedSentence, tokens: readonly Token[], entities: readonly Entity[], text: string): ActorRef {
  const { sentence } = chunked;
  const mentions = entities.flatMap((entity) => entity.mentions.filter((m) => m.sentence === sentence.index).map((m) => ({ entity, start: m.start, end: m.end })));
  const lex = casualtyLexicons();
  for (const count of counts) {
    const region = agentRegion(count, chunked, tokens);
    if (!region) continue;
    const outsideVictims = (start: number, end: number) => !count.victims || end <= count.victims.start || start >= count.victims.end;
    type Agent = { start: number; end: number; entity?: Entity };
    const agents: Agent[] = mentions.filter(
      (m) => m.start >= region.start && m.end <= region.end && outsideVictims(m.start, m.end) && (!region.active || !inPrepositionalPhrase(m.start, chunked, tokens)),
    );
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      const token = tokens[k]!;
      if (token.start < region.start || token.end > region.end || !outsideVictims(token.start, token.end)) continue;
      if (lex.perpetrators.has(token.lemma) || lex.perpetrators.has(token.normal)) agents.push({ start: token.start, end: token.end });
    }
    // The agent nearest the verb: last before an active verb, first after "by".
    agents.sort((a, b) => (region.active ? b.start - a.start : a.start - b.start));
    const agent = agents[0];
    if (!agent) continue;
    const ref: ActorRef = { actor: agent.entity?.actor ?? '---', name: text.slice(agent.start, agent.end), start: agent.start, end: agent.end };
    if (agent.entity) ref.entity = agent.entity.id;
    return ref;
  }
  return { actor: '---' };
}

/** Where the agent of a count's verb is named: its clause before an active verb, or the phrase after "by". */
function agentRegion(count: CountMention, chunked: ChunkedSentence, tokens: readonly Token[]): { start: number; end: number; active: boolean } | null {
  const { chunks } = chunked;
  if (count.voice === 'active') {
    let c = count.outcome;
    while (c > 0 && !'|.s'.includes(chunks[c - 1]!.tag) && !isReportVerb(chunks[c - 1]!, tokens)) c--;
    return { start: tokens[chunks[c]!.firstToken]!.start, end: tokens[chunks[count.outcome]!.firstToken]!.start, active: true };
  }
  let by = count.outcome + 1;
  while (by < chunks.length && by <= count.outcome + 3 && chunks[by]!.tag !== 'K') by++;
  if (chunks[by]?.tag !== 'K') return null;
  let c = by + 1;
  while (c < chunks.length && !'|.,s'.includes(chunks[c]!.tag)) c++;
  if (c === by + 1) return null;
  return { start: tokens[chunks[by + 1]!.firstToken]!.start, end: tokens[chunks[c - 1]!.endToken - 1]!.end, active: false };
}

/** "in central Baghdad", "near an important Sunni mosque": a name inside a prepositional phrase is no subject. */
function inPrepositionalPhrase(start: number, chunked: ChunkedSentence, tokens: readonly Token[]): boolean {
  let k = chunked.sentence.firstToken;
  while (k < chunked.sentence.endToken && tokens[k]!.start < start) k++;
  for (k--; k >= chunked.sentence.firstToken; k--) {
    const pos = tokens[k]!.pos;
    if (pos === 'ADP') return true;
    if (!/^(DET|ADJ|NOUN|PROPN|NUM|PART)$/.test(pos)) return false;
  }
  return false;
}

function isReportVerb(chunk: Chunk, tokens: readonly Token[]): boolean {
  const token = tokens[chunk.firstToken]!;
  return token.pos === 'VERB' && CLAIM_CUE.lemmas.has(token.lemma);
}
