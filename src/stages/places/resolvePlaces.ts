/**
 * Resolver: picks one reading per place name in an article and groups mentions into Place records.
 * One sense per article: every mention of a name gets the same place. Readings are ranked by a prior
 * (kind, population, capital) plus context: countries and regions the article names elsewhere, the dateline,
 * "X, Y" containers and the alias table's "near" countries.
 */
import type { Mention, Place } from '../../model/record.ts';
import { foldPlaceName, loosePlaceKey } from '../../lexicon/foldPlaceName.ts';
import { lookupPlace, WORLD_ADMIN2_SOURCE, type PlaceCandidate } from '../../lexicon/gazetteer.ts';
import type { PlaceContext, PlaceMentionCandidate, ResolvedPlaces } from './index.ts';
import { CONTAINER_BETWEEN, CONTEXT, LIST_SEPARATOR, MIN_POPULATION_WITHOUT_CONTEXT, PRIOR, RANK_RULES, REGION_TITLE_AFTER, REGION_TITLE_BEFORE } from './rules.ts';

interface Occurrence {
  /** Undefined for the dateline. */
  candidate: PlaceMentionCandidate | undefined;
  start: number;
  end: number;
  text: string;
  sentence: number;
  surface: string;
  readings: readonly PlaceCandidate[];
}

interface Choice {
  reading: PlaceCandidate;
  rules: Set<string>;
}

export function resolvePlaces(candidates: readonly PlaceMentionCandidate[], context: PlaceContext): ResolvedPlaces {
  const occurrences = [...datelineOccurrences(context), ...candidates.map((c) => occurrenceOf(c))].filter(
    (o): o is Occurrence => o !== null && o.readings.length > 0,
  );
  occurrences.sort((a, b) => a.start - b.start || b.end - a.end);
  const bySurface = new Map<string, Occurrence[]>();
  for (const o of occurrences) bySurface.set(o.surface, [...(bySurface.get(o.surface) ?? []), o]);

  const evidence = gatherEvidence(bySurface, context);
  const neighbours = neighbourBonuses(occurrences, context.text, evidence.provisional);
  const choices = new Map<string, Choice | null>();
  const outside = namedOutsideTheirArea(occurrences, context.text);
  for (const [surface, list] of bySurface) choices.set(surface, outside.has(surface) ? null : choose(surface, list, evidence, neighbours.get(surface)));

  const places: Place[] = [];
  const placeByKey = new Map<string, Place>();
  const placeOf = new Map<PlaceMentionCandidate, string>();
  let datelinePlace: string | null = null;
  for (const o of occurrences) {
    const choice = choices.get(o.surface);
    if (!choice) continue;
    const { reading } = choice;
    let place = placeByKey.get(reading.placeKey);
    if (!place) {
      place = {
        id: `p${places.length + 1}`,
        name: reading.name,
        kind: reading.kind,
        geonameid: reading.geonameid,
        lat: reading.lat,
        lon: reading.lon,
        country: reading.country,
        admin1: reading.admin ? { code: reading.admin, name: reading.adminName } : null,
        population: reading.population,
        mentions: [],
        rules: [],
      };
      places.push(place);
      placeByKey.set(reading.placeKey, place);
    }
    for (const rule of [reading.source, ...choice.rules]) if (!place.rules.includes(rule)) place.rules.push(rule);
    if (!place.mentions.some((m) => m.start === o.start && m.end === o.end)) {
      place.mentions.push({ start: o.start, end: o.end, sentence: o.sentence, kind: o.candidate?.kind ?? (POSSESSIVE.test(context.text.slice(o.end, o.end + 2)) ? 'possessive' : mentionKind(o.text, reading)) });
    }
    if (o.candidate) placeOf.set(o.candidate, place.id);
    else datelinePlace ??= place.id;
  }
  return { places, placeOf, datelinePlace };
}

/** "the Gulf" → "Gulf", "Iraq’s" → "Iraq", with the span narrowed to match. */
function occurrenceOf(candidate: PlaceMentionCandidate): Occurrence | null {
  const lead = /^(?:the\s+)/i.exec(candidate.text)?.[0].length ?? 0;
  const trail = /(?:['’]s?)?\s*$/.exec(candidate.text.slice(lead))?.[0].length ?? 0;
  const text = candidate.text.slice(lead, candidate.text.length - trail);
  if (text === '') return null;
  const start = candidate.start + lead;
  return { candidate, start, end: start + text.length, text, sentence: candidate.sentence, surface: foldPlaceName(text), readings: lookupPlace(text) };
}

/** "Baghdad" → one occurrence; "Paris, Texas" → Paris and Texas. */
function datelineOccurrences(context: PlaceContext): Occurrence[] {
  const dateline = context.dateline;
  if (!dateline) return [];
  const out: Occurrence[] = [];
  const partRe = /[^,]+/g;
  let part: RegExpExecArray | null;
  while ((part = partRe.exec(dateline.place)) !== null) {
    const text = part[0].trim();
    if (text === '') continue;
    const start = dateline.start + part.index + part[0].indexOf(text);
    out.push({ candidate: undefined, start, end: start + text.length, text, sentence: -1, surface: foldPlaceName(text), readings: lookupPlace(text) });
  }
  return out;
}

interface Evidence {
  /** Country code → surfaces (or "#dateline", "#hint") that point to it. */
  countries: Map<string, Set<string>>;
  /** First-level region code → surfaces that name it. */
  admins: Map<string, Set<string>>;
  /** First-level region code → sentences that name it. */
  adminSentences: Map<string, Set<number>>;
  /** Surface → its best reading before context. */
  provisional: Map<string, PlaceCandidate>;
}

/** What the article says about where it is, from names read without context. */
function gatherEvidence(bySurface: Map<string, Occurrence[]>, context: PlaceContext): Evidence {
  const evidence: Evidence = { countries: new Map(), admins: new Map(), adminSentences: new Map(), provisional: new Map() };
  const note = (map: Map<string, Set<string>>, key: string, source: string) => map.set(key, (map.get(key) ?? new Set()).add(source));
  for (const [surface, list] of bySurface) {
    const ranked = [...list[0]!.readings].sort((a, b) => prior(b) - prior(a));
    const best = ranked[0]!;
    evidence.provisional.set(surface, best);
    const second = ranked[1];
    const confident = (best.kind !== 'city' && best.source !== WORLD_ADMIN2_SOURCE) || !second || prior(best) - prior(second) >= 2;
    if (!confident) continue;
    const source = list.every((o) => o.sentence === -1) ? '#dateline' : surface;
    if (best.country) note(evidence.countries, best.country, source);
    if (best.kind === 'admin1' && best.admin) {
      note(evidence.admins, best.admin, source);
      for (const o of list) evidence.adminSentences.set(best.admin, (evidence.adminSentences.get(best.admin) ?? new Set()).add(o.sentence));
    }
    // "ALEXANDRIA, La." or a county: the dateline's and a county's region are the story's too
    if ((source === '#dateline' || best.kind === 'admin2') && best.admin) note(evidence.admins, best.admin, source);
  }
  for (const [i, code] of (context.countryHints ?? []).entries()) note(evidence.countries, code, `#hint${i}`);
  return evidence;
}

/** Surface → placeKey → rule → bonus, from what stands next to each name. */
type Bonuses = Map<string, Map<string, Map<string, number>>>;

/** "X, Y" and "X in Y" where Y holds X; lists of names of one kind; "New York Governor". */
function neighbourBonuses(occurrences: readonly Occurrence[], text: string, provisional: Map<string, PlaceCandidate>): Bonuses {
  const bonuses: Bonuses = new Map();
  const give = (surface: string, reading: PlaceCandidate, rule: string, bonus: number) => {
    const byReading = bonuses.get(surface) ?? new Map<string, Map<string, number>>();
    byReading.set(reading.placeKey, (byReading.get(reading.placeKey) ?? new Map()).set(rule, bonus));
    bonuses.set(surface, byReading);
  };
  for (const [k, o] of occurrences.entries()) {
    if (REGION_TITLE_AFTER.test(text.slice(o.end, o.end + 40)) || REGION_TITLE_BEFORE.test(text.slice(Math.max(0, o.start - 20), o.start))) {
      for (const r of o.readings) if (r.featureCode === 'ADM1') give(o.surface, r, RANK_RULES.regionTitle.id, CONTEXT.regionTitle);
    }
    const next = occurrences[k + 1];
    if (!next) continue;
    const between = text.slice(o.end, next.start);
    // "Buffalo, New York", "Crawford County located in Pennsylvania", "Austin, in Scott County, Indiana" (X in the one after next)
    const afterNext = occurrences[k + 2];
    const containers = CONTAINER_BETWEEN.test(between) || (o.sentence === -1 && next.sentence === -1) ? [next] : [];
    if (containers.length > 0 && afterNext && CONTAINER_BETWEEN.test(text.slice(next.end, afterNext.start))) containers.push(afterNext);
    for (const container of containers) {
      for (const r of o.readings) {
        for (const c of container.readings) {
          if (!contains(c, r)) continue;
          give(o.surface, r, RANK_RULES.container.id, CONTEXT.container);
          give(container.surface, c, RANK_RULES.container.id, CONTEXT.container);
        }
      }
    }
    if (LIST_SEPARATOR.test(between) && o.sentence === next.sentence) {
      for (const [self, peer] of [[o, next], [next, o]] as const) {
        const peerKind = kindForLists(provisional.get(peer.surface));
        if (!peerKind) continue;
        for (const r of self.readings) if (kindForLists(r) === peerKind) give(self.surface, r, RANK_RULES.listPeer.id, CONTEXT.listPeer);
      }
    }
  }
  return bonuses;
}

/**
 * "Stroud, Ontario" where no Stroud of the gazetteer lies in Ontario: the town is one we do not know, and stays
 * unresolved rather than put in England. Only towns and counties before a country or a state or province of the alias
 * table are judged.
 */
function namedOutsideTheirArea(occurrences: readonly Occurrence[], text: string): Set<string> {
  const outside = new Set<string>();
  for (const [k, o] of occurrences.entries()) {
    const next = occurrences[k + 1];
    if (!next || o.sentence !== next.sentence || !/^\s*,\s*$/.test(text.slice(o.end, next.start))) continue;
    // countries and the states and provinces of the alias table, not any region of the generated tables ("Long Island", Bahamas)
    const areas = next.readings.filter((c) => c.kind === 'country' || (c.kind === 'admin1' && c.source.startsWith('place-alias.')));
    if (areas.length === 0 || !o.readings.every((r) => r.kind === 'city' || r.kind === 'admin2')) continue;
    if (!o.readings.some((r) => areas.some((c) => contains(c, r)))) outside.add(o.surface);
  }
  return outside;
}

/** What makes names of one list alike: countries, or first-level regions of one country. */
function kindForLists(reading: PlaceCandidate | undefined): string | null {
  if (!reading) return null;
  if (reading.kind === 'country') return 'country';
  if (reading.featureCode === 'ADM1') return `ADM1 ${reading.country}`;
  return null;
}

function contains(outer: PlaceCandidate, inner: PlaceCandidate): boolean {
  if (outer.placeKey === inner.placeKey) return false;
  if (outer.kind === 'country') return inner.kind !== 'country' && inner.country === outer.country;
  if (outer.kind === 'admin1' && outer.admin) return (inner.kind === 'city' || inner.kind === 'admin2') && inner.admin === outer.admin;
  return false;
}

function choose(surface: string, occurrences: readonly Occurrence[], evidence: Evidence, neighbours: Map<string, Map<string, number>> | undefined): Choice | null {
  const readings = occurrences[0]!.readings;
  let best: Choice | null = null;
  let bestScore = -Infinity;
  let contextual = false;
  // A name our alias table makes a region ("Oregon") stays one; a governorate named after its city ("Alexandria") does not.
  const namesRegion = readings.some((r) => r.kind === 'country' || ((r.kind === 'region' || r.kind === 'admin1') && r.source.startsWith('place-alias.')));
  for (const reading of readings) {
    const rules = new Set<string>();
    let score = prior(reading);
    const support = othersThan(evidence.countries.get(reading.country), surface);
    if (support > 0) {
      score += CONTEXT.articleCountry + (support >= 3 ? CONTEXT.strongArticleCountry : 0);
      rules.add(RANK_RULES.articleCountry.id);
    }
    // Ranks cities among cities: "Oregon" stays the state even in a story that names Ohio (Oregon, Ohio).
    if ((reading.kind === 'city' || reading.kind === 'admin2') && reading.admin && !namesRegion && othersThan(evidence.admins.get(reading.admin), surface) > 0) {
      // a story that names many states (a campaign round-up) says less about each of them
      score += CONTEXT.adminContext;
      // "in Michigan ... in Monroe County" beats an Iowa lab named further on
      if (occurrences.some((o) => evidence.adminSentences.get(reading.admin!)?.has(o.sentence))) score += CONTEXT.adminSameSentence;
      rules.add(RANK_RULES.adminContext.id);
    }
    const near = reading.near.filter((c) => othersThan(evidence.countries.get(c), surface) > 0).length;
    if (near > 0) {
      score += CONTEXT.near * Math.min(near, 2);
      rules.add(RANK_RULES.near.id);
    }
    // "Congo" after "the Republic of Congo", "Kasai" after "West Kasai": the short name keeps the long one's place
    if ([...evidence.provisional].some(([longer, r]) => r.placeKey === reading.placeKey && longer !== surface && containsWords(longer, surface))) {
      score += CONTEXT.longerName;
      rules.add(RANK_RULES.longerName.id);
    }
    for (const [rule, bonus] of neighbours?.get(reading.placeKey) ?? []) {
      score += bonus;
      rules.add(rule);
    }
    if (score > bestScore) {
      best = { reading, rules };
      bestScore = score;
      contextual = rules.size > 0;
    }
  }
  if (!best) return null;
  // With one reading nothing was ranked: the gazetteer rule alone explains the place.
  if (readings.length === 1) best.rules.clear();
  if (readings.filter((r) => r.kind === 'city').length > 1 && best.reading.kind === 'city') best.rules.add(RANK_RULES.population.id);
  const r = best.reading;
  // A lone small town no other name points to is more likely a surname or a word: "Crocker", "Yap".
  if (r.kind === 'city' && !r.source.startsWith('place-alias.') && !contextual && (r.population ?? 0) < MIN_POPULATION_WITHOUT_CONTEXT) return null;
  // "Somme", "Pangasinan": another country's district is read only in a story that points to its country or region
  if (r.source === WORLD_ADMIN2_SOURCE && !contextual) return null;
  return best;
}

/** "republic of congo" holds "congo" as whole words. */
function containsWords(longer: string, shorter: string): boolean {
  return ` ${longer} `.includes(` ${shorter} `);
}

function othersThan(sources: Set<string> | undefined, surface: string): number {
  if (!sources) return 0;
  return sources.size - (sources.has(surface) ? 1 : 0);
}

/** Score of a reading before context (PRIOR). */
export function prior(r: PlaceCandidate): number {
  if (r.kind === 'country') return PRIOR.country;
  if (r.kind === 'admin1') return r.source.startsWith('place-alias.') ? PRIOR.region : PRIOR.admin1;
  if (r.kind === 'admin2') return r.source === WORLD_ADMIN2_SOURCE ? PRIOR.worldAdmin2 : PRIOR.admin2;
  if (r.kind === 'region') return r.featureCode === 'ADM1' ? PRIOR.region : PRIOR.namedRegion;
  if (r.kind === 'water') return PRIOR.water;
  if (r.source.startsWith('place-alias.')) return PRIOR.aliasCity;
  let score = Math.log10((r.population ?? 0) + 1);
  if (r.featureCode === 'PPLC') score += PRIOR.capital;
  else if (r.featureCode === 'PPLA') score += PRIOR.adminSeat;
  else if (r.featureCode === 'PPLA2') score += PRIOR.districtSeat;
  else if (r.featureCode === 'PPLX') score += PRIOR.citySection;
  if (r.source === 'gazetteer.city-loose') score += PRIOR.loose;
  return score;
}

/** "Springfield's mayor": the place in the possessive. */
const POSSESSIVE = /^['’]s\b/;

/** "Falluja" is a spelling of Al Fallūjah's name; "U.S." and "Washington" are aliases. */
function mentionKind(text: string, reading: PlaceCandidate): Mention['kind'] {
  return loosePlaceKey(foldPlaceName(text)) === loosePlaceKey(foldPlaceName(reading.name)) ? 'name' : 'alias';
}
