/**
 * Countries: names and aliases (i18n-iso-countries, world-countries), ISO codes, a centroid, the capital and
 * nationality words. Built on first use, once per process.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Country as WorldCountry } from 'world-countries';
import { cityIndex, type City, type CityIndex } from './cities.ts';
import { foldPlaceName } from './foldPlaceName.ts';
import { dataPath, readTsv } from './tables.ts';

export interface Country {
  iso2: string;
  iso3: string;
  /** Short English name ("United States", "Iran"). */
  name: string;
  lat: number;
  lon: number;
  capital: string | null;
  capitalGeonameid: number | null;
  /** Population of the capital: a size proxy to rank countries that share a name ("Congo"). */
  capitalPopulation: number;
  /** Every English name and alias as written ("United States", "U.S.", "USA", "United States of America"). */
  names: string[];
  independent: boolean;
  /** GeoNames id (data/gazetteer/country-geonames.tsv), null for the few entities GeoNames lacks. */
  geonameid: number | null;
}

interface CountryTables {
  byIso3: Map<string, Country>;
  byIso2: Map<string, Country>;
  /** Lower-cased nationality word → country ("iranians" → Iran). */
  byDemonym: Map<string, Country>;
}

let tables: CountryTables | null = null;

/** Written by `npm run build` next to the compiled module (dist/lexicon/countries.json); from src/ it is built in memory. */
const COMPILED = new URL('./countries.json', import.meta.url);

/** The countries and nationality words as built: what the tables are made of, a few hundred rows. */
interface CompiledCountries {
  countries: Country[];
  /** [word, ISO alpha-3]. */
  demonyms: [string, string][];
}

export function countryTables(): CountryTables {
  if (tables) return tables;
  const compiled = existsSync(COMPILED) ? (JSON.parse(readFileSync(COMPILED, 'utf8')) as CompiledCountries) : compileCountries();
  const built: CountryTables = { byIso3: new Map(), byIso2: new Map(), byDemonym: new Map() };
  for (const country of compiled.countries) {
    built.byIso3.set(country.iso3, country);
    built.byIso2.set(country.iso2, country);
  }
  for (const [word, iso3] of compiled.demonyms) built.byDemonym.set(word, built.byIso3.get(iso3)!);
  tables = built;
  return tables;
}

/** The compiled tables for `npm run build`. */
export function writeCompiledCountries(): void {
  writeFileSync(COMPILED, JSON.stringify(compileCountries()));
}

function compileCountries(): CompiledCountries {
  const require = createRequire(import.meta.url);
  const worldPath = require.resolve('world-countries/countries.json');
  const i18nPath = require.resolve('i18n-iso-countries/langs/en.json');
  const world = require(worldPath) as WorldCountry[];
  const i18n = require(i18nPath) as { countries: Record<string, string | string[]> };
  // Only a few fields are kept; the parsed files (translations, borders, currencies) can go.
  delete require.cache[worldPath];
  delete require.cache[i18nPath];
  const cities = cityIndex();
  const built: CountryTables = { byIso3: new Map(), byIso2: new Map(), byDemonym: new Map() };
  const demonymsOf = new Map<Country, string[]>();
  const geonameids = new Map(readTsv(dataPath('gazetteer', 'country-geonames.tsv'), 2).map(([iso2, id]) => [iso2!, Number(id)]));

  for (const w of world) {
    const demonyms = [w.demonyms.eng?.m, w.demonyms.eng?.f]
      .filter((d): d is string => !!d)
      .flatMap((d) => d.split(/,\s*|\s+or\s+/));
    const i18nNames = i18n.countries[w.cca2] ?? [];
    const names = [w.name.common, w.name.official, ...(typeof i18nNames === 'string' ? [i18nNames] : i18nNames)];
    // altSpellings mix in ISO codes ("AW", "IN"), native scripts and demonyms ("Saudi"): keep English-looking names.
    for (const alt of w.altSpellings) if (alt.length > 3 && !demonyms.includes(alt)) names.push(alt);
    const capital = w.capital[0] ?? null;
    const capitalCity = capital ? findCapital(cities.byName, w.cca2, capital) : null;
    const country: Country = {
      iso2: w.cca2,
      iso3: w.cca3,
      name: w.name.common,
      lat: w.latlng[0],
      lon: w.latlng[1],
      capital,
      capitalGeonameid: capitalCity?.id ?? null,
      capitalPopulation: capitalCity?.population ?? 0,
      names: [...new Set(names.filter(isWrittenEnglishName))],
      independent: w.independent === true,
      geonameid: geonameids.get(w.cca2) ?? null,
    };
    built.byIso3.set(country.iso3, country);
    built.byIso2.set(country.iso2, country);
    demonymsOf.set(country, demonyms);
  }

  // A word two territories share goes to the independent country ("American": USA, not the Northern Marianas).
  const ranked = [...demonymsOf].sort(([a], [b]) => Number(a.independent) - Number(b.independent));
  for (const [country, demonyms] of ranked) {
    for (const word of demonyms.flatMap((d) => [d, pluralOf(d)])) built.byDemonym.set(normalWord(word), country);
  }
  for (const [, words, iso3] of readTsv(dataPath('lexicon', 'place-demonyms.tsv'), 3)) {
    const country = built.byIso3.get(iso3!);
    if (!country) throw new Error(`dateline: place-demonyms.tsv names unknown country ${iso3}; use an ISO alpha-3 code`);
    for (const word of words!.split('|')) built.byDemonym.set(normalWord(word), country);
  }
  return { countries: [...built.byIso3.values()], demonyms: [...built.byDemonym].map(([word, country]) => [word, country.iso3]) };
}

/** ISO alpha-3 or alpha-2 code → country. */
export function countryByCode(code: string): Country | null {
  const t = countryTables();
  return (code.length === 2 ? t.byIso2.get(code.toUpperCase()) : t.byIso3.get(code.toUpperCase())) ?? null;
}

/** "Iranian", "Iranians", "Saudis", "North Korean" → the country; ethnic and religious words ("Kurdish", "Sunni") → null. */
export function countryByDemonym(word: string): Country | null {
  return countryTables().byDemonym.get(normalWord(word)) ?? null;
}

function normalWord(word: string): string {
  const lower = word.trim().toLowerCase();
  return /^[a-z]+$/.test(lower) ? lower : lower.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');
}

/** "Iranian" → "Iranians", "Frenchman" → "Frenchmen"; "British", "Chinese", "Swiss" have no plural. */
function pluralOf(demonym: string): string {
  if (/(s|sh|ch|ese|x|z)$/i.test(demonym)) return demonym;
  if (/man$/.test(demonym)) return demonym.replace(/man$/, 'men');
  return `${demonym}s`;
}

/** Latin letters, no inverted forms ("Korea, Republic of") and no parentheses. */
function isWrittenEnglishName(name: string): boolean {
  return /^[\p{Script=Latin}\s.'’\-]+$/u.test(name);
}

function findCapital(byName: CityIndex['byName'], iso2: string, capital: string): City | null {
  const matches = (byName.get(foldPlaceName(capital)) ?? []).filter((c) => c.country === iso2);
  return matches.find((c) => c.featureCode === 'PPLC') ?? matches.sort((a, b) => b.population - a.population)[0] ?? null;
}
