/**
 * Where an actor's country comes from when its own words do not name one: a locative in its sentence
 * ("Police arrested 200 students in Nairobi"), the story's dateline, or the country the story is mostly about.
 */
import type { Doc } from '../../doc/doc.ts';
import { RULES } from './rules.ts';

/** Prepositions that place what happens in a sentence ("in Nairobi", "near the border of Mali"). */
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'around']);
/** Words left of a place that still belong to the locative ("in northern Nigeria", "in the capital Nairobi"). */
const LOCATIVE_FILLERS = new Set(['the', 'northern', 'southern', 'eastern', 'western', 'central', 'north', 'south', 'east', 'west', 'capital', 'city', 'of', 'town', 'province', 'region', 'state', 'downtown']);
/** Words that make a role foreign to the story's country: "foreign diplomats", "international monitors", "UN troops". */
const FOREIGN_WORDS = new Set(['foreign', 'international', 'western', 'overseas', 'multinational', 'allied', 'coalition', 'peacekeeping', 'un', 'u.n.', 'nato', 'eu', 'european', 'global', 'outside', 'nations', 'world']);

export interface ContextCountry {
  iso3: string;
  rule: string;
}

/**
 * The country of a locative in the sentence, nearest to the actor ("… students in Nairobi" → KEN). Only places that
 * resolved to a country count; a sentence whose locatives name two countries gives the nearest.
 */
export function locativeCountry(doc: Doc, sentence: number, firstToken: number, endToken: number): ContextCountry | null {
  const s = doc.sentences[sentence];
  if (!s) return null;
  let best: { iso3: string; distance: number } | null = null;
  for (let k = s.firstToken; k < s.endToken; k++) {
    if (!LOCATIVES.has(doc.tokens[k]!.normal) || (k >= firstToken && k < endToken)) continue;
    let p = k + 1;
    while (p < s.endToken && p < k + 4 && LOCATIVE_FILLERS.has(doc.tokens[p]!.normal)) p++;
    const place = doc.placeAt(p);
    if (!place?.country) continue;
    // "Officials in Washington criticised the Parliament": a place that modifies a noun before the actor is that noun's
    let last = p;
    while (last + 1 < s.endToken && doc.placeAt(last + 1) === place) last++;
    const head = doc.head(last);
    if (doc.deprel(last).startsWith('nmod') && head >= 0 && head < firstToken) continue;
    const distance = k >= endToken ? k - endToken : firstToken - k;
    if (!best || distance < best.distance) best = { iso3: place.country, distance };
  }
  return best ? { iso3: best.iso3, rule: RULES.countryLocative } : null;
}

/** The dateline's country, else the country the story names far more than any other (title counted twice). */
export function storyCountry(doc: Doc, countryOfWords: (words: string) => string | null): ContextCountry | null {
  const datelinePlace = doc.places.datelinePlaceId ? doc.places.places.find((p) => p.id === doc.places.datelinePlaceId) : undefined;
  if (datelinePlace?.country) return { iso3: datelinePlace.country, rule: RULES.countryDateline };
  const counts = new Map<string, number>();
  const add = (iso3: string, n: number) => counts.set(iso3, (counts.get(iso3) ?? 0) + n);
  for (const place of doc.places.places) if (place.country) add(place.country, place.mentions.length);
  for (const e of doc.entities) if (e.type === 'NORP' && e.country) add(e.country, e.mentions.length);
  const title = doc.input.title ?? doc.clean.title?.text ?? '';
  const words = title.split(/[\s,:;]+/).map((w) => w.replace(/’s$|'s$/, ''));
  for (let i = 0; i < words.length; i++) {
    // "South Korea", "Saudi Arabia", "Iran": the longest country name or demonym starting here
    for (let n = 3; n >= 1; n--) {
      if (i + n > words.length) continue;
      const iso3 = countryOfWords(words.slice(i, i + n).join(' '));
      if (iso3) {
        add(iso3, 2);
        i += n - 1;
        break;
      }
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  // one country named once is enough when it is the only one; otherwise it must lead clearly
  if (!top || (second && (top[1] < 2 || top[1] < 1.5 * second[1]))) return null;
  return { iso3: top[0], rule: RULES.countryStory };
}

/** "foreign diplomats", "UN troops", "international monitors": an actor the story's country must not be given to. */
export function isForeignPhrase(doc: Doc, firstToken: number, endToken: number): boolean {
  const s = doc.sentences[doc.tokens[firstToken]?.sentence ?? -1];
  const from = Math.max(s?.firstToken ?? 0, firstToken - 2);
  for (let k = from; k < endToken; k++) if (FOREIGN_WORDS.has(doc.tokens[k]!.normal)) return true;
  return false;
}
