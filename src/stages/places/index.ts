/**
 * Places stage: finds place names (findPlaceMentions, a gazetteer spotter over tokens) and geocodes them
 * (resolvePlaces: one Place record per distinct place, with all its mentions). The entities stage may feed
 * its own GPE/LOC spans to resolvePlaces as well; the two finders stay separate.
 */
import type { Segmented } from '../../model/analysis.ts';
import type { Place } from '../../model/record.ts';
import { countryByDemonym } from '../../lexicon/gazetteer.ts';

export { findPlaceMentions } from './findPlaceMentions.ts';
export { resolvePlaces } from './resolvePlaces.ts';

export interface PlaceMentionCandidate {
  start: number;
  end: number;
  text: string;
  sentence: number;
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
