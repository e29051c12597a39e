/**
 * Places stage: finds place names (findPlaceMentions, a gazetteer spotter over tokens) and geocodes them
 * (resolvePlaces: one Place record per distinct place, with all its mentions). The entities stage may feed
 * its own GPE/LOC spans to resolvePlaces as well; the two finders stay separate.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Segmented } from '../../model/analysis.ts';
import type { Place } from '../../model/record.ts';
import { countryByDemonym, countryByName, lookupPlace } from '../../lexicon/gazetteer.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { findPlaceMentions } from './findPlaceMentions.ts';
import { resolvePlaces } from './resolvePlaces.ts';
import { RULES as ENTITY_RULES } from '../entities/rules.ts';
import { INSTITUTION_AFTER_PLACE, LIST_SEPARATOR, LOCATIVE_PREPOSITIONS, MIN_POPULATION_AREA_OVER_TOWN, MIN_POPULATION_WITHOUT_CONTEXT, PLACE_PREPOSITIONS } from './rules.ts';

export { findPlaceMentions, resolvePlaces };

/**
 * Candidates are the gazetteer's hits in the body, the entities stage's place names and the dateline. Names the
 * entities stage read as people or organisations ("Crocker", "Bank of England") are not places. Each GPE / LOC
 * entity gets the id of the place its mentions resolved to.
 */
export const POSSESSIVE_PLACE_RULE = 'places.possessive-is-place';
/** A "person" the gazetteer knows as a country or region, that the story names as a place elsewhere, or that stands after "in", "near" or in a list of places. */
export const PERSON_PLACE_RULE = 'places.person-is-place';
/** An "organisation" that is a place name and nothing else ("Weiswampach", "Rift Valley"), by the tagger alone. */
export const ORGANISATION_PLACE_RULE = 'places.organisation-is-place';

export const placesStage: Stage = {
  name: 'places',
  requires: ['clean', 'tokens', 'entities'],
  assigns: ['places'],
  run(doc: Doc) {
    const { text, entities } = doc;
    const spotted = findPlaceMentions(doc);
    // the spotted name a mention is, or lies inside: "of Georgia" → "Georgia", "Cote" → "Cote d'Ivoire"
    const spottedAround = (m: Span) => spotted.find((c) => c.start <= m.start + nameOffset(text, m) && m.end <= c.end);
    const placeNames = new Set(entities.filter((e) => e.type === 'GPE' || e.type === 'LOC').map((e) => e.name));
    for (const e of entities) {
      if (e.type === 'PERSON') {
        const names = e.mentions.filter((m) => m.kind !== 'pronoun' && m.kind !== 'nominal');
        // "Springfield's mayor": a one-word "person" known only in the possessive, with no role, that the gazetteer
        // knows, is the place.
        if (!e.role && names.every((m) => m.kind === 'name' && !/\s/.test(text.slice(m.start, m.end)) && /^['’]s\b/.test(text.slice(m.end, m.end + 2))) && lookupPlace(e.name).length > 0) {
          e.type = 'GPE';
          e.rules.push(POSSESSIVE_PLACE_RULE);
        } else if (
          names.length > 0 &&
          // "Prime Minister of Georgia": the role's "person" opens with a lower-case word
          (!e.role || names.every((m) => nameOffset(text, m) > 0)) &&
          names.every((m) => spottedAround(m)) &&
          // the story names it as a place elsewhere (one sense per discourse), or it reads as one here
          (placeNames.has(e.name) || names.some((m) => readsAsPlace(text, spottedAround(m)!, spotted)))
        ) {
          // each mention becomes the place name it is or lies in: "of Georgia" → "Georgia"
          e.mentions = names.map((m) => ({ ...m, kind: 'name' as const, start: spottedAround(m)!.start, end: spottedAround(m)!.end }));
          e.name = spottedAround(names[0]!)!.text;
          delete e.role;
          e.type = 'GPE';
          e.rules.push(PERSON_PLACE_RULE);
          // a country stands for its state as an actor ("Finland will give Tanzania a grant")
          const country = countryByName(e.name);
          if (country) e.country = country.iso3;
        } else {
          // "both Darfur and Malakal", "in Malakal": a surname mention that coreference drew from a longer "name"
          // ("SOS Children's Village Malakal") and that reads as a place leaves the person
          const places = e.mentions.filter((m) => m.kind === 'surname' && spotted.some((c) => c.start === m.start && c.end === m.end && readsAsPlace(text, c, spotted, LOCATIVE_PREPOSITIONS)));
          if (places.length > 0 && places.length < e.mentions.length) e.mentions = e.mentions.filter((m) => !places.includes(m));
        }
      } else if (e.type === 'ORG' && e.rules.includes(ENTITY_RULES.taggerSpan) && !e.rules.some((r) => ORGANISATION_EVIDENCE.has(r)) && e.mentions.every((m) => m.kind === 'name' && spotted.some((c) => c.start === m.start && c.end === m.end))) {
        e.type = 'GPE';
        e.rules.push(ORGANISATION_PLACE_RULE);
      }
    }
    const people = entities.filter((e) => e.type === 'PERSON').flatMap((e) => e.mentions);
    const organisations = entities.filter((e) => e.type === 'ORG').flatMap((e) => e.mentions.filter((m) => m.kind === 'name').map((m) => ({ ...m, entity: e })));
    const candidates: PlaceMentionCandidate[] = [];
    for (const c of spotted) {
      if (people.some((m) => m.start < c.end && c.start < m.end)) continue;
      const organisation = organisations.find((m) => m.start < c.end && c.start < m.end);
      if (!organisation) {
        candidates.push(c);
        continue;
      }
      // "Kentucky and Utah", "India-Pakistan": a tagger's "organisation" made of place names is a list of places
      const rest = [...spotted.filter((o) => o.start < organisation.end && organisation.start < o.end)].reverse().reduce((span, o) => span.slice(0, Math.max(0, o.start - organisation.start)) + span.slice(Math.max(0, o.end - organisation.start)), text.slice(organisation.start, organisation.end));
      if (PLACE_LIST_REST.test(rest) && !organisation.entity.rules.some((r) => ORGANISATION_EVIDENCE.has(r))) {
        candidates.push(c);
        continue;
      }
      // "Scott County Sheriff's Office", "Santa Ana Police": a place that opens an organisation's name is still found
      const institution = organisation.start === c.start && c.end < organisation.end && INSTITUTION_AFTER_PLACE.has(text.slice(c.end, organisation.end).trim().split(/\s+/)[0]!.toLowerCase());
      // "U.S. Centers for Disease Control", "Health Ministry of Uganda": a country or region inside any organisation's name
      // ("Agence France-Presse", "University of Manchester" are no country's or region's names)
      const area = !organisation.entity.rules.includes(ENTITY_RULES.sportsTeam) && !/^-\p{Lu}/u.test(text.slice(c.end, c.end + 2)) && namesArea(c.text);
      if (c.start >= organisation.start && c.end <= organisation.end && (institution || area)) candidates.push({ ...c, kind: 'in-name' });
    }
    const taken = (s: number, e: number) => candidates.some((c) => c.start < e && s < c.end);
    for (const e of entities) {
      if (e.type !== 'GPE' && e.type !== 'LOC') continue;
      // "More than 650 people", "ALMA": a name typed a place only because the gazetteer has it, where the spotter
      // (the same gazetteer, reading the context) turned it down, is no place
      const gazetteerOnly = e.rules.includes(ENTITY_RULES.place) && !e.sources.includes('model');
      for (const m of e.mentions) {
        if (m.kind !== 'name' || taken(m.start, m.end) || (gazetteerOnly && spotted.some((c) => c.start < m.end && m.start < c.end) === false)) continue;
        candidates.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), sentence: m.sentence });
      }
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

interface Span {
  start: number;
  end: number;
}

/** Rules by which the entities stage knew an organisation for one, not by the tagger alone. */
const ORGANISATION_EVIDENCE = new Set<string>([ENTITY_RULES.sportsTeam, ENTITY_RULES.dictionaryName, ENTITY_RULES.orgHead]);

/** What is left of an organisation's name without its place names, when it is a list of places: "Kentucky and Utah". */
const PLACE_LIST_REST = /^[\s,;&/\-–—]*(?:(?:and|or)[\s,;&/\-–—]*)?$/;

/** Offset of the name in a mention that opens with lower-case words: "of Georgia" → 3. */
function nameOffset(text: string, m: Span): number {
  return /^(?:\p{Ll}+\s+)*/u.exec(text.slice(m.start, m.end))?.[0].length ?? 0;
}

/** A country or region, not also a large town: "Uganda", "Maharashtra", not "Manchester" (a parish of Jamaica too). */
function namesArea(name: string): boolean {
  const readings = lookupPlace(name);
  return readings.some((r) => r.kind !== 'city') && !readings.some((r) => r.kind === 'city' && (r.population ?? 0) >= MIN_POPULATION_AREA_OVER_TOWN);
}

/** "Kenya", "near Tyler", "Darfur and Malakal": a spotted name that reads as a place whatever the tagger said. */
function readsAsPlace(text: string, c: PlaceMentionCandidate, spotted: readonly PlaceMentionCandidate[], prepositions: ReadonlySet<string> = PLACE_PREPOSITIONS): boolean {
  if (namesArea(c.text) || lookupPlace(c.text).some((r) => r.source.startsWith('place-alias.'))) return true;
  const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, c.start - 20), c.start))?.[1];
  if (before !== undefined && prepositions.has(before)) return true;
  // the neighbour in the list must be a place by itself: "Thomas and Friends" is no list of towns
  return spotted.some((o) => o !== c && LIST_SEPARATOR.test(o.end <= c.start ? text.slice(o.end, c.start) : text.slice(c.end, o.start)) && lookupPlace(o.text).some((r) => r.kind !== 'city' || (r.population ?? 0) >= MIN_POPULATION_WITHOUT_CONTEXT));
}

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
