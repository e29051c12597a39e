/**
 * The pipeline, in one place and in order:
 * text → clean → segment → entities → places → actors → dates → casualties → events | quotes → article record.
 * Stages are pure functions over plain data; the world (gazetteer, dictionaries, tagger) comes in through `World`.
 */
import type { ArticleInput } from '../model/analysis.ts';
import { SCHEMA_VERSION, type ArticleRecord, type Explanation, type Message } from '../model/record.ts';
import { assignActors } from '../stages/actors/index.ts';
import { findCasualties } from '../stages/casualties/index.ts';
import { cleanText } from '../stages/clean/index.ts';
import { findDates } from '../stages/dates/index.ts';
import { findEntities } from '../stages/entities/index.ts';
import { codeEvents } from '../stages/events/index.ts';
import { demonymCountryHints, findPlaceMentions, resolvePlaces, type PlaceMentionCandidate } from '../stages/places/index.ts';
import { findQuotes } from '../stages/quotes/index.ts';
import { segment } from '../stages/segment/index.ts';
import { defaultWorld, type World } from './world.ts';

export interface CodeOptions {
  /** Adds `explain`: for every record, its rules and the words it rests on. */
  explain?: boolean;
  world?: World;
}

export function codeArticle(input: ArticleInput, options: CodeOptions = {}): ArticleRecord {
  const world = options.world ?? defaultWorld();
  const { text } = input;
  const messages: Message[] = [...input.messages];
  const cleaned = cleanText(text, input.titleSpan);
  const seg = segment(text, cleaned.paragraphs);
  const found = findEntities(seg, world.entities);

  // Places: gazetteer hits in the body, place entities, and the dateline.
  // Names the entities stage read as people or organisations ("Crocker", "Bank of England") are not places.
  const named = found.filter((e) => e.type === 'PERSON' || e.type === 'ORG').flatMap((e) => e.mentions);
  const candidates: PlaceMentionCandidate[] = findPlaceMentions(seg).filter((c) => !named.some((m) => m.start < c.end && c.start < m.end));
  const taken = (s: number, e: number) => candidates.some((c) => c.start < e && s < c.end);
  for (const e of found) {
    if (e.type !== 'GPE' && e.type !== 'LOC') continue;
    for (const m of e.mentions) if (m.kind === 'name' && !taken(m.start, m.end)) candidates.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), sentence: m.sentence });
  }
  const dateline = cleaned.dateline;
  candidates.sort((a, b) => a.start - b.start);
  const { places, placeOf, datelinePlace: datelinePlaceId } = resolvePlaces(candidates, {
    text,
    dateline: dateline ? { place: dateline.place, start: dateline.start, end: dateline.end } : null,
    countryHints: demonymCountryHints(seg),
  });
  const placeIdAt = new Map<number, string>();
  for (const [c, id] of placeOf) placeIdAt.set(c.start, id);
  for (const e of found) {
    if (e.type !== 'GPE' && e.type !== 'LOC') continue;
    const id = e.mentions.map((m) => placeIdAt.get(m.start)).find((x) => x !== undefined);
    if (id) e.placeId = id;
  }

  const published = input.published;
  const { entities, actors } = assignActors(seg, found, world.actors, published);
  const dates = findDates(seg, published);
  const casualties = findCasualties(seg, { places, dates, entities, published, datelinePlaceId });
  const events = codeEvents({ seg, entities, actors, places, dates, published, datelinePlaceId, casualties, verbDictionary: world.verbDictionary });
  const quotes = findQuotes(seg, entities);

  if (cleaned.paragraphs.length === 0) messages.push({ level: 'warning', stage: 'clean', text: 'no article text was found after removing the headline, dateline, credits and page furniture' });

  const record: ArticleRecord = {
    schemaVersion: SCHEMA_VERSION,
    article: {
      id: input.id,
      title: input.title ?? cleaned.title?.text ?? null,
      titleSpan: input.titleSpan ?? (cleaned.title ? { start: cleaned.title.start, end: cleaned.title.end } : null),
      source: input.source ?? dateline?.source ?? null,
      published,
      publishedFrom: input.publishedFrom,
      url: input.url,
      byline: input.byline,
      dateline: dateline ? { place: dateline.place, source: dateline.source, start: dateline.start, end: dateline.end, ...(datelinePlaceId ? { placeId: datelinePlaceId } : {}) } : null,
      credits: cleaned.credits,
      furniture: cleaned.furniture,
      text,
    },
    sentences: seg.sentences.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph })),
    entities,
    places,
    dates,
    events,
    quotes,
    casualties,
    messages,
  };
  if (options.explain) record.explain = explain(record);
  return record;
}

function explain(record: ArticleRecord): Explanation[] {
  const text = record.article.text;
  const slice = (s: number, e: number) => text.slice(s, e).replace(/\s+/g, ' ');
  const out: Explanation[] = [];
  for (const e of record.entities) out.push({ record: `entities/${e.id}`, rules: e.rules, evidence: e.mentions.map((m) => slice(m.start, m.end)).join(' | ') });
  for (const p of record.places) out.push({ record: `places/${p.id}`, rules: p.rules, evidence: p.mentions.map((m) => slice(m.start, m.end)).join(' | ') });
  for (const d of record.dates) out.push({ record: `dates/${d.id}`, rules: d.rules, evidence: slice(d.start, d.end) });
  for (const e of record.events) out.push({ record: `events/${e.id}`, rules: e.rules, evidence: slice(e.evidence.start, e.evidence.end) });
  for (const q of record.quotes) out.push({ record: `quotes/${q.id}`, rules: q.rules, evidence: slice(q.start, q.end) });
  for (const c of record.casualties) out.push({ record: `casualties/${c.id}`, rules: c.rules, evidence: slice(c.evidence.start, c.evidence.end) });
  return out;
}
