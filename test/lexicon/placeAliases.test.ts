import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cityIndex } from '../../src/lexicon/cities.ts';
import { distanceKm } from '../../src/lexicon/distanceKm.ts';
import { lookupPlace } from '../../src/lexicon/gazetteer.ts';
import { readPlaceAliases } from '../../src/lexicon/placeAliases.ts';

const aliases = readPlaceAliases();

test('place-aliases.tsv: ids are unique', () => {
  const ids = aliases.map((a) => a.rule);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
});

test('place-aliases.tsv: every name of every row finds that row', () => {
  const missing: string[] = [];
  for (const alias of aliases) {
    for (const name of alias.names) if (!lookupPlace(name).some((r) => r.source === alias.rule || (alias.kind === 'country' && r.country === alias.country))) missing.push(`${alias.rule}: ${name}`);
  }
  assert.deepEqual(missing, []);
});

// A wrong admin code puts a region's towns far from the centre written for it.
test('place-aliases.tsv: a first-level region lies among the towns of its admin code', () => {
  const towns = new Map<string, { lat: number; lon: number }[]>();
  for (const city of cityIndex().byId.values()) towns.set(city.admin, [...(towns.get(city.admin) ?? []), city]);
  const far: string[] = [];
  for (const alias of aliases) {
    if (!alias.admin || alias.lat === null || alias.lon === null) continue;
    const inRegion = towns.get(alias.admin) ?? [];
    const nearest = Math.min(...inRegion.map((t) => distanceKm(alias.lat!, alias.lon!, t.lat, t.lon)));
    if (!(nearest < 600)) far.push(`${alias.rule} (${alias.admin}): nearest town ${Math.round(nearest)} km`);
  }
  assert.deepEqual(far, []);
});

test('place-aliases.tsv: coordinates are on the globe and countries are codes', () => {
  for (const alias of aliases) {
    if (alias.lat !== null) assert.ok(Math.abs(alias.lat) <= 90 && Math.abs(alias.lon ?? 0) <= 180, alias.rule);
    assert.match(alias.country, /^([A-Z]{3})?$/, alias.rule);
  }
});
