/**
 * Places stage: finds place names (findPlaceMentions, a gazetteer spotter over tokens) and geocodes them
 * (resolvePlaces: one Place record per distinct place, with all its mentions). The entities stage may feed
 * its own GPE/LOC spans to resolvePlaces as well; the two finders stay separate.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Segmented } from '../../model/analysis.ts';
import type { Place } from '../../model/record.ts';
import { countryByDemonym, lookupPlace } from '../../lexicon/gazetteer.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { findPlaceMentions } from './findPlaceMentions.ts';
import { resolvePlaces } from './resolvePlaces.ts';
import { INSTITUTION_AFTER_PLACE } from './rules.ts';

export { findPlaceMentions, resolvePlaces };

/**
 * Candidates are the gazetteer's hits in the body, the entities stage's place names and the dateline. Names the
 * entities stage read as people or organisations ("Crocker", "Bank of England") are not places. Each GPE / LOC
 * entity gets the id of the place its mentions resolved to.
 */
export const POSSESSIVE_PLACE_RULE = 'places.possessive-is-place';

export const placesStage: Stage = {
  name: 'places',
  requires: ['clean', 'tokens', 'entities'],
  assigns: ['places'],
  run(doc: Doc) {
    const { text, entities } = doc;
    // "Springfield's mayor": a one-word "person" known only in the possessive, with no role, that the gazetteer
    // knows, is the place.
    for (const e of entities) {
      if (e.type !== 'PERSON' || e.role || e.mentions.some((m) => m.kind !== 'name' || /\s/.test(text.slice(m.start, m.end)) || !/^['’]s\b/.test(text.slice(m.end, m.end + 2)))) continue;
      if (lookupPlace(e.name).length === 0) continue;
      e.type = 'GPE';
      e.rules.push(POSSESSIVE_PLACE_RULE);
    }
    const people = entities.filter((e) => e.type === 'PERSON').flatMap((e) => e.mentions);
    const organisations = entities.filter((e) => e.type === 'ORG').flatMap((e) => e.mentions.filter((m) => m.kind === 'name'));
    const candidates: PlaceMentionCandidate[] = [];
    for (const c of findPlaceMentions(doc)) {
      if (people.some((m) => m.start < c.end && c.start < m.end)) continue;
      // "Scott County Sheriff's Office", "Santa Ana Police": a place that opens an organisation's name is still found
      const organisation = organisations.find((m) => m.start < c.end && c.start < m.end);
      if (!organisation) candidates.push(c);
      else if (organisation.start === c.start && c.end < organisation.end && INSTITUTION_AFTER_PLACE.has(text.slice(c.end, organisation.end).trim().split(/\s+/)[0]!.toLowerCase())) candidates.push({ ...c, kind: 'in-name' });
    }
    const taken = (s: number, e: number) => candidates.some((c) => c.start < e && s < c.end);
    for (const e of entities) {
      if (e.type !== 'GPE' && e.type !== 'LOC') continue;
      for (const m of e.mentions) if (m.kind === 'name' && !taken(m.start, m.end)) candidates.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), sentence: m.sentence });
    }
    candidates.sort((a, b) => a.start - b.start);
    const { dateline } = doc.clean;
    const { places, placeOf, datelinePlace } = resolvePlaces(candidates, {
      text,
      dateline: dateline ? { place: dateline.place, start: dateline.start, end: dateline.end } : null,
      countryHints: demonymCountryHints(doc),
    });
    const placeIdAt = new Map<number, string>();
    for (const [c, id] of placeOf) placeIdAt.set(c.start, id);
    // "Scott County Sheriff's Office": the organisation's place, a hint for where its events happen
    for (const e of entities) {
      if (e.type !== 'ORG') continue;
      const id = e.mentions.map((m) => [...placeOf].find(([c]) => c.kind === 'in-name' && c.start === m.start)?.[1]).find((x) => x !== undefined);
      if (id) e.placeId = id;
    }
    for (const e of entities) {
      if (e.type !== 'GPE' && e.type !== 'LOC') continue;
      const id = e.mentions.map((m) => placeIdAt.get(m.start)).find((x) => x !== undefined);
      if (id) e.placeId = id;
    }
    doc.places = { places, datelinePlaceId: datelinePlace };
  },
};

export interface PlaceMentionCandidate {
  start: number;
  end: number;
  text: string;
  sentence: number;
  /** How the place is named when it is not a name of its own: inside an organisation's name, in the possessive. */
  kind?: 'in-name' | 'possessive';
}

export interface PlaceContext {
  /** The article text the offsets point into (read for "X, Y" and "X in Y"). */
  text: string;
  /** The dateline's place as cleaned ("Baghdad", "Paris, Texas") and its span; null when there is none. */
  dateline: { place: string; start: number; end: number } | null;
  /** ISO alpha-3 countries the article points to by other means: nationality words, the source's country. */
  countryHints?: readonly string[];
}

export interface ResolvedPlaces {
  places: Place[];
  /** Place id of each candidate that resolved; candidates that name no known place are absent. */
  placeOf: Map<PlaceMentionCandidate, string>;
  /** Place id of the dateline, when it resolved. */
  datelinePlace: string | null;
}

/** Countries named by nationality words ("Iranian officials" → IRN), as hints for resolvePlaces. */
export function demonymCountryHints(seg: Segmented): string[] {
  const hints = new Set<string>();
  for (const token of seg.tokens) {
    if (token.text === token.normal) continue;
    const country = countryByDemonym(token.text);
    if (country) hints.add(country.iso3);
  }
  return [...hints];
}
