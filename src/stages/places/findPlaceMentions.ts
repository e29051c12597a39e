/**
 * Gazetteer spotter: capitalised token runs that name a known place, longest match first. Nationality words
 * ("Iranian") are left to the entities stage (NORP); so are people whose names are also towns ("Crocker").
 */
import type { Segmented, SentenceInfo, Token } from '../../model/analysis.ts';
import { countryByDemonym, isCommonWordPlaceName, lookupPlace, WORLD_ADMIN2_SOURCE, type PlaceCandidate } from '../../lexicon/gazetteer.ts';
import type { PlaceMentionCandidate } from './index.ts';
import {
  DISEASE_AFTER_PLACE,
  EVENT_AFTER_PLACE,
  INSTITUTION_AFTER_PLACE,
  MAX_NAME_TOKENS,
  MIN_POPULATION_INSIDE_NAME,
  NAME_CONNECTORS,
  NAME_OF_SOMETHING_ELSE,
  NAME_PARTICLES,
  OPENING_MARKS,
  PLACE_PREPOSITIONS,
  SPEECH_AFTER_NAME,
  TITLES_BEFORE_NAME,
} from './rules.ts';

interface Spotted extends PlaceMentionCandidate {
  firstToken: number;
  endToken: number;
  readings: readonly PlaceCandidate[];
}

/**
 * @example findPlaceMentions(segment('Talks in Baghdad ended.', ...)) // [{ start: 9, end: 16, text: 'Baghdad', sentence: 0 }]
 */
export function findPlaceMentions(seg: Segmented): PlaceMentionCandidate[] {
  const spotted: Spotted[] = [];
  const personWords = new Set<string>();
  for (const sentence of seg.sentences) {
    const runs = capitalisedRuns(seg.tokens, sentence);
    const found = spotSentence(seg, sentence, runs);
    spotted.push(...found);
    // "Ryan Crocker": the last word of a person's name names that person wherever it recurs.
    for (const run of runs) if (looksLikePersonName(seg.tokens, run) && !found.some((f) => f.firstToken === run.start)) personWords.add(seg.tokens[run.end - 1]!.text);
  }
  return spotted
    .filter((s) => !(s.endToken - s.firstToken === 1 && personWords.has(s.text) && onlySmallCities(s.readings, MIN_POPULATION_INSIDE_NAME)))
    .map(({ start, end, text, sentence }) => ({ start, end, text, sentence }));
}

interface Run {
  start: number;
  end: number;
}

function spotSentence(seg: Segmented, sentence: SentenceInfo, runs: readonly Run[]): Spotted[] {
  const { tokens, text } = seg;
  const out: Spotted[] = [];
  for (let i = sentence.firstToken; i < sentence.endToken; i++) {
    if (!startsName(tokens, i, sentence.endToken)) continue;
    const reach = nameReach(tokens, i, sentence.endToken);
    for (let j = Math.min(i + MAX_NAME_TOKENS, reach); j > i; j--) {
      if (!endsName(tokens[j - 1]!)) continue;
      const mention = text.slice(tokens[i]!.start, tokens[j - 1]!.end);
      const readings = lookupPlace(mention);
      if (readings.length === 0 || !accepts(seg, sentence, runs, i, j, mention, readings)) continue;
      out.push({ start: tokens[i]!.start, end: tokens[j - 1]!.end, text: mention, sentence: sentence.index, firstToken: i, endToken: j, readings });
      i = j - 1;
      break;
    }
  }
  return out;
}

function accepts(seg: Segmented, sentence: SentenceInfo, runs: readonly Run[], i: number, j: number, mention: string, readings: readonly PlaceCandidate[]): boolean {
  const { tokens } = seg;
  if (countryByDemonym(mention)) return false;
  const next = tokens[j];
  const inSentence = next !== undefined && next.sentence === sentence.index;
  // "New York Times", "Gulf Cooperation Council", "the Gulf war"
  if (inSentence && ((isCapitalised(next) && NAME_OF_SOMETHING_ELSE.has(next.normal)) || EVENT_AFTER_PLACE.has(next.normal))) return false;
  const run = runs.find((r) => r.start <= i && i < r.end);
  const partOfLongerName = run !== undefined && (run.start < i || j < run.end);
  // "Beni" of "Beni Suef", "Plateau" of "Central Plateau": a region of the generated admin tables is no part of a longer name
  // ("Rapides Parish Sheriff's Office" still names the parish: an institution word follows it)
  const institution = partOfLongerName && run!.start === i && j < run!.end && INSTITUTION_AFTER_PLACE.has(tokens[j]!.normal);
  if (partOfLongerName && !institution && readings.every((r) => r.source === 'gazetteer.admin1' || r.source === 'gazetteer.admin2' || r.source === WORLD_ADMIN2_SOURCE)) return false;
  const cityOnly = readings.every(readsLikeTown);
  if (!cityOnly) return true;
  // "the Reston virus" names a virus; "the United States flu season" still names the country.
  if (inSentence && DISEASE_AFTER_PLACE.has(next.normal)) return false;
  const single = j - i === 1;
  // "ALMA", "SARS": capitals in running text are acronyms, not towns.
  if (single && mention.length > 1 && mention === mention.toUpperCase()) return false;
  // "Dr. Thomas", "Senator Dunn"
  const previous = i > sentence.firstToken ? tokens[i - 1]! : undefined;
  const beforeTitle = previous?.text === '.' && i - 2 >= sentence.firstToken ? tokens[i - 2]! : previous;
  if (single && beforeTitle && TITLES_BEFORE_NAME.has(beforeTitle.normal.replace(/\.$/, ''))) return false;
  // "Police said", "Reading the report": a capital at the start of a sentence says nothing.
  if (single && atSentenceStart(tokens, sentence, i) && (isCommonWordPlaceName(mention) || tokens[i]!.pos !== 'PROPN')) return false;
  // "Crocker said": a speaker, unless a big city stands for its government ("a resident of Lubbock told" is a place).
  const afterPreposition = previous !== undefined && PLACE_PREPOSITIONS.has(previous.normal);
  if (single && inSentence && !afterPreposition && SPEECH_AFTER_NAME.has(next.normal) && onlySmallCities(readings, MIN_POPULATION_INSIDE_NAME)) return false;
  if (run && partOfLongerName) {
    // "Santa Ana Police Department" names a place; "Hassan Kazemi-Qomi" does not.
    const follower = j < run.end ? tokens[j] : undefined;
    if (follower && INSTITUTION_AFTER_PLACE.has(follower.normal) && run.start === i) return true;
    return !onlySmallCities(readings, MIN_POPULATION_INSIDE_NAME);
  }
  return true;
}

/** Two or three title-case proper nouns, hyphenated parts joined: "Ryan Crocker", "Hassan Kazemi-Qomi". */
function looksLikePersonName(tokens: readonly Token[], run: Run): boolean {
  const words: Token[] = [];
  for (let k = run.start; k < run.end; k++) {
    const t = tokens[k]!;
    if (t.text === '-' || isGlued(t)) continue;
    if (t.pos !== 'PROPN' || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return false;
    words.push(t);
  }
  return words.length >= 2 && words.length <= 3;
}

function onlySmallCities(readings: readonly PlaceCandidate[], min: number): boolean {
  return readings.every((r) => readsLikeTown(r) && (r.population ?? 0) < min);
}

/** A GeoNames town, or another country's district ("Pangasinan"): names that are also words and surnames. */
function readsLikeTown(r: PlaceCandidate): boolean {
  return (r.kind === 'city' && !r.source.startsWith('place-alias.')) || r.source === WORLD_ADMIN2_SOURCE;
}

function isCapitalised(token: Token): boolean {
  const c = token.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(token.text);
}

/** A capitalised word, or the Arabic article of "al-Anbar". */
function startsName(tokens: readonly Token[], i: number, end: number): boolean {
  const token = tokens[i]!;
  if (isCapitalised(token)) return true;
  return ARABIC_ARTICLES.has(token.normal) && i + 2 < end && tokens[i + 1]!.text === '-' && !tokens[i + 1]!.spaceBefore && isCapitalised(tokens[i + 2]!);
}

const FUNCTION_POS = new Set(['DET', 'PRON', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'PART', 'ADV', 'INTJ']);
const ARABIC_ARTICLES = new Set(['al', 'el', 'an', 'ar', 'as', 'ash', 'at', 'ad', 'az']);
const INNER_PUNCTUATION = new Set(['-', ',', '.', "'s", '’s', '&']);

/** End (exclusive) of the longest token stretch from i that could be one place name. */
function nameReach(tokens: readonly Token[], i: number, end: number): number {
  let j = i + 1;
  while (j < end && j - i < MAX_NAME_TOKENS) {
    const t = tokens[j]!;
    if (!(isCapitalised(t) || NAME_CONNECTORS.has(t.text) || INNER_PUNCTUATION.has(t.text) || isGlued(t) || /^d['’]\p{Lu}/u.test(t.text) || t.text === 'state')) break;
    j++;
  }
  return j;
}

/** A word piece written against the previous token: the "ń" of "Toruń", the "au" of "Port-au-Prince". */
function isGlued(token: Token): boolean {
  return !token.spaceBefore && /^\p{L}/u.test(token.text);
}

/** Could end a place name: "Iraq", "D.C.", the glued end of "Toruń", the "state" of "Washington state". */
function endsName(token: Token): boolean {
  return isCapitalised(token) || isGlued(token) || /^d['’]\p{Lu}/u.test(token.text) || token.text === 'state';
}

/**
 * Runs of capitalised words, joined by hyphens and name particles: "Ryan Crocker", "Kazemi-Qomi", "Nuri al-Maliki".
 * "of" ends a run: in "Mayor of Boston" and "the Gold Coast of Australia" each side is a name of its own.
 */
function capitalisedRuns(tokens: readonly Token[], sentence: SentenceInfo): Run[] {
  const runs: Run[] = [];
  let i = sentence.firstToken;
  while (i < sentence.endToken) {
    // "In Hilla, ...": a sentence's first function word is capitalised but is no part of a name.
    if (!startsName(tokens, i, sentence.endToken) || (atSentenceStart(tokens, sentence, i) && FUNCTION_POS.has(tokens[i]!.pos))) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1;
    for (let k = end; k < sentence.endToken; k++) {
      const t = tokens[k]!;
      if (isCapitalised(t) || (isGlued(t) && k === end)) end = k + 1;
      else if (t.text === '-' && !t.spaceBefore) continue;
      else if (NAME_PARTICLES.has(t.text) && k + 1 < sentence.endToken && isCapitalised(tokens[k + 1]!)) continue;
      else break;
    }
    runs.push({ start, end });
    i = end;
  }
  return runs;
}

function atSentenceStart(tokens: readonly Token[], sentence: SentenceInfo, i: number): boolean {
  for (let k = i - 1; k >= sentence.firstToken; k--) if (!OPENING_MARKS.has(tokens[k]!.text)) return false;
  return true;
}
