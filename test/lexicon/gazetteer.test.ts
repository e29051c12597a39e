import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryByCapital, countryByCode, countryByDemonym, countryByName, lookupPlace } from '../../src/lexicon/gazetteer.ts';

const cities: [name: string, geonameid: number, country: string, lat?: number, lon?: number][] = [
  ['Baghdad', 98182, 'IRQ', 33.34, 44.40],
  ['Tehran', 112931, 'IRN', 35.69, 51.42],
  ['Washington', 4140963, 'USA', 38.90, -77.04],
  ['Falluja', 99454, 'IRQ'],
  ['Fallujah', 99454, 'IRQ'],
  ['Basra', 99532, 'IRQ'],
  ['Tikrit', 90150, 'IRQ'],
  ['Hilla', 99347, 'IRQ'],
  ['al-Hillah', 99347, 'IRQ'],
  ['BAGHDAD', 98182, 'IRQ'],
  ['Arbil', 95446, 'IRQ'],
  ['Geneva', 2660646, 'CHE'],
  // letters with no decomposition, written plainly in English text
  ['Pulawy', 760924, 'POL'],
  ['Bialystok', 776069, 'POL'],
  ['Dogubayazit', 316411, 'TUR'],
];

for (const [name, geonameid, country, lat, lon] of cities) {
  test(`lookupPlace: ${name} → GeoNames ${geonameid} (${country})`, () => {
    const best = lookupPlace(name).find((c) => c.kind === 'city');
    assert.ok(best, `no city reading for ${name}`);
    assert.equal(best.geonameid, geonameid);
    assert.equal(best.country, country);
    if (lat !== undefined && lon !== undefined) {
      assert.ok(Math.abs(best.lat - lat) < 0.01 && Math.abs(best.lon - lon) < 0.01, `${best.lat},${best.lon}`);
    }
  });
}

test('lookupPlace: "Washington" is Washington, D.C. first, then the state (for lists of states), never a town of that name', () => {
  const readings = lookupPlace('Washington');
  assert.deepEqual(readings.map((r) => [r.name, r.geonameid, r.source]), [['Washington, D.C.', 4140963, 'place-alias.washington-dc'], ['Washington (state)', null, 'place-alias.us-wa']]);
  assert.equal(lookupPlace('Washington state')[0]?.name, 'Washington (state)');
});

const countries: [name: string, iso3: string][] = [
  ['U.S.', 'USA'],
  ['US', 'USA'],
  ['USA', 'USA'],
  ['United States', 'USA'],
  ['United States of America', 'USA'],
  ['America', 'USA'],
  ['Britain', 'GBR'],
  ['UK', 'GBR'],
  ['United Kingdom', 'GBR'],
  ['Iran', 'IRN'],
  ['Islamic Republic of Iran', 'IRN'],
  ['Iraq', 'IRQ'],
  ['DRC', 'COD'],
  ["Côte d'Ivoire", 'CIV'],
];

for (const [name, iso3] of countries) {
  test(`lookupPlace and countryByName: ${name} → ${iso3}`, () => {
    assert.deepEqual([lookupPlace(name)[0]?.kind, lookupPlace(name)[0]?.country], ['country', iso3]);
    assert.equal(countryByName(name)?.iso3, iso3);
  });
}

test('lookupPlace: "Georgia" is the country and the US state; the resolver chooses by context', () => {
  const readings = lookupPlace('Georgia').map((r) => `${r.kind}:${r.country}`);
  assert.deepEqual(readings, ['country:GEO', 'admin1:USA']);
});

test('lookupPlace: "the Gulf" reads as the Persian Gulf first, the Gulf of Mexico second', () => {
  const readings = lookupPlace('Gulf');
  assert.deepEqual(readings.map((r) => [r.kind, r.name]), [['water', 'Persian Gulf'], ['water', 'Gulf of Mexico']]);
  assert.ok(Math.abs(readings[0]!.lat - 27) < 1 && Math.abs(readings[0]!.lon - 51) < 1);
});

test('lookupPlace: regions from our alias table carry a rule id', () => {
  for (const [name, rule] of [['Middle East', 'place-alias.middle-east'], ['Gaza Strip', 'place-alias.gaza-strip'], ['West Bank', 'place-alias.west-bank'], ['Kurdistan', 'place-alias.kurdistan'], ['Texas', 'place-alias.us-tx']]) {
    assert.equal(lookupPlace(name!)[0]?.source, rule, name);
  }
});

// Lower-case text never names a place; common words that are small towns never do either.
for (const word of ['most', 'reading', 'of', 'come', 'mobile', 'bath', 'nice', 'split', 'police', 'Most', 'Of', 'Come', 'Police', 'Bath', 'us', 'iran']) {
  test(`lookupPlace: "${word}" is no place`, () => {
    assert.deepEqual(lookupPlace(word), []);
  });
}

test('lookupPlace: a common word that is also a large city needs its capital ("Nice", "Reading")', () => {
  assert.equal(lookupPlace('Nice')[0]?.geonameid, 2990440);
  assert.equal(lookupPlace('Reading')[0]?.country, 'GBR');
  assert.deepEqual(lookupPlace('nice'), []);
});

test('lookupPlace: acronyms must be written in capitals', () => {
  assert.equal(lookupPlace('NSW')[0]?.name, 'New South Wales');
  assert.equal(lookupPlace('Nsw').length, 0);
  assert.ok(!lookupPlace('Us').some((r) => r.kind === 'country'));
});

const demonyms: [word: string, iso3: string | null][] = [
  ['Iranian', 'IRN'],
  ['Iranians', 'IRN'],
  ['Iraqi', 'IRQ'],
  ['Iraqis', 'IRQ'],
  ['American', 'USA'],
  ['Americans', 'USA'],
  ['British', 'GBR'],
  ['Saudi', 'SAU'],
  ['Saudis', 'SAU'],
  ['Israeli', 'ISR'],
  ['Palestinian', 'PSE'],
  ['Palestinians', 'PSE'],
  ['North Korean', 'PRK'],
  ['Congolese', 'COD'],
  ['Kurdish', null],
  ["Shi'ite", null],
  ['Shi’ite', null],
  ['Sunni', null],
  ['Arab', null],
];

for (const [word, iso3] of demonyms) {
  test(`countryByDemonym: ${word} → ${iso3 ?? 'no country'}`, () => {
    assert.equal(countryByDemonym(word)?.iso3 ?? null, iso3);
  });
}

test('countryByCode: Iraq with its centroid and capital', () => {
  const iraq = countryByCode('IRQ');
  assert.ok(iraq);
  assert.deepEqual([iraq.iso2, iraq.iso3, iraq.name, iraq.capital, iraq.capitalGeonameid], ['IQ', 'IRQ', 'Iraq', 'Baghdad', 98182]);
  assert.ok(Math.abs(iraq.lat - 33) < 1 && Math.abs(iraq.lon - 44) < 1);
  assert.equal(countryByCode('US')?.capitalGeonameid, 4140963);
  assert.equal(countryByCode('XYZ'), null);
});

test('countryByName: cities are not countries; countryByCapital: capitals are', () => {
  assert.equal(countryByName('Washington'), null);
  assert.equal(countryByName('Baghdad'), null);
  assert.equal(countryByCapital('Washington')?.iso3, 'USA');
  assert.equal(countryByCapital('Tehran')?.iso3, 'IRN');
  assert.equal(countryByCapital('Basra'), null);
});

test('lookupPlace: countries carry their GeoNames id; admin areas of every country and US counties are known', () => {
  assert.equal(lookupPlace('Iraq')[0]?.geonameid, 99237);
  assert.equal(lookupPlace('United States')[0]?.geonameid, 6252001);
  const anbar = lookupPlace('Anbar').find((r) => r.kind === 'admin1');
  assert.equal(anbar?.admin, 'IQ.01');
  assert.equal(anbar?.country, 'IRQ');
  const parish = lookupPlace('Jefferson Parish')[0];
  assert.deepEqual([parish?.kind, parish?.admin, parish?.adminName], ['admin2', 'US.LA', 'Louisiana']);
  assert.ok(Math.abs(parish!.lat - 29.7) < 0.5 && Math.abs(parish!.lon + 90.1) < 0.5);
  assert.ok(lookupPlace('St. Bernard Parish').length > 0 && lookupPlace('Saint Bernard Parish').length > 0);
  // a region named by a common word alone is not spotted by it
  assert.ok(!lookupPlace('Central').some((r) => r.kind === 'admin1'));
});
