import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Place } from '../../../src/model/record.ts';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { demonymCountryHints, findPlaceMentions, resolvePlaces, type ResolvedPlaces } from '../../../src/stages/places/index.ts';

function resolve(text: string): ResolvedPlaces & { text: string } {
  const cleaned = cleanText(text);
  const seg = segment(text, cleaned.paragraphs);
  return { ...resolvePlaces(findPlaceMentions(seg), { text, dateline: cleaned.dateline, countryHints: demonymCountryHints(seg) }), text };
}

/** The place a mention written as `name` resolved to. */
function placeNamed(result: ResolvedPlaces & { text: string }, name: string): Place | undefined {
  return result.places.find((p) => p.mentions.some((m) => result.text.slice(m.start, m.end) === name));
}

const cases: [title: string, text: string, name: string, geonameidOrName: number | string, country: string][] = [
  ['Hilla in an Iraq story is Al Ḩillah', 'A car bomb killed nine people in Hilla, south of Baghdad, Iraqi police said.', 'Hilla', 99347, 'IRQ'],
  ['Paris alone is the French capital', 'The talks moved to Paris after a week.', 'Paris', 2988507, 'FRA'],
  ['Paris in a Texas story is Paris, Texas', 'Storms hit north Texas on Sunday. In Paris, roofs were torn off and the Texas governor visited.', 'Paris', 4717560, 'USA'],
  ['Paris written with its state', 'The plant in Paris, Texas, closed.', 'Paris', 4717560, 'USA'],
  ['Washington is the US capital', 'Washington severed ties with Tehran in 1980.', 'Washington', 4140963, 'USA'],
  ['Georgia next to Atlanta is the US state', 'The samples went to the CDC in Atlanta, Georgia.', 'Georgia', 'Georgia', 'USA'],
  ['Georgia next to Russia and Tbilisi is the country', 'Russia and Georgia traded blame as troops neared Tbilisi.', 'Georgia', 'Georgia', 'GEO'],
  ['New York after a city is the state', 'The girl was from Buffalo, New York.', 'New York', 'New York (state)', 'USA'],
  ['New York alone is the city', 'Shares fell in New York on Monday.', 'New York', 5128581, 'USA'],
  ['the Gulf in an Iran story is the Persian Gulf', 'Iran and Iraq watched U.S. warships in the Gulf.', 'Gulf', 'Persian Gulf', 'PGS'],
  ['the Gulf in a Louisiana and Mexico story is the Gulf of Mexico', 'Oil from the spill reached Louisiana and Mexico as it spread across the Gulf.', 'Gulf', 'Gulf of Mexico', ''],
  ['New York in a list of states is the state', 'Cases were found in Michigan, Oregon, New York and Indiana.', 'New York', 'New York (state)', 'USA'],
  ['New York before "Governor" is the state', 'New York Governor Andrew Cuomo declared an emergency.', 'New York', 'New York (state)', 'USA'],
  ['Georgia in a list of countries is the country, even in a US story', 'U.S. officials in Texas, Ohio and Utah said envoys from Iraq, Iran and Georgia met.', 'Georgia', 'Georgia', 'GEO'],
  ['Georgia in a list of states is the state', 'Officials in Alabama, Georgia and Florida said the storm had passed.', 'Georgia', 'Georgia', 'USA'],
  ['"Washington state" is the state; "Washington" stays the capital', 'A cow from a Washington state farm was tested in Washington.', 'Washington state', 'Washington (state)', 'USA'],
  ['Washington in a list of states is the state', 'Cases were found in Texas, Utah, Virginia, Washington, West Virginia and Wyoming.', 'Washington', 'Washington (state)', 'USA'],
  ['"the state of Washington" is the state', 'The first case was found in December 2003 in the state of Washington.', 'Washington', 'Washington (state)', 'USA'],
  ['a county "located in" a state', 'Ducks were found in Crawford County located in Pennsylvania.', 'Crawford County', 'Crawford County', 'USA'],
  ['a town, in a county, in a state', 'The outbreak grew in southern Indiana. Austin, in Scott County, Indiana, was its centre.', 'Austin', 4254010, 'USA'],
  ['a county in the sentence that names its state, not the state of a lab named later', 'Swans in Michigan near the state game area in Monroe County were sampled. Tests were done in Ames, Iowa.', 'Monroe County', 'Monroe County', 'USA'],
  ['"Congo" after "the Republic of Congo" keeps its place', 'Nine people died of Ebola in the Republic of Congo. The government of Congo asked for help.', 'Congo', 'Republic of the Congo', 'COG'],
  ['"Congo" after "the Democratic Republic of Congo" keeps its place', 'Nine people died of Ebola in the Democratic Republic of Congo. The government of Congo asked for help.', 'Congo', 'DR Congo', 'COD'],
  ['a Philippine province in a Philippines story', 'Rice fields in Pangasinan were flooded, the Philippines weather bureau said.', 'Pangasinan', 'Province of Pangasinan', 'PHL'],
  ['a French department in a France story', 'Bird flu was found on a farm in the Somme, French officials said.', 'Somme', 'Somme', 'FRA'],
  ['Victoria next to Melbourne is the Australian state', 'Horses in Melbourne and the rest of Victoria were tested; Australia closed its tracks.', 'Victoria', 'Victoria', 'AUS'],
];

for (const [title, text, name, expected, country] of cases) {
  test(`resolvePlaces: ${title}`, () => {
    const result = resolve(text);
    const place = placeNamed(result, name);
    assert.ok(place, `"${name}" not resolved in: ${text}`);
    if (typeof expected === 'number') assert.equal(place.geonameid, expected);
    else assert.equal(place.name, expected);
    assert.equal(place.country, country);
    if (name.endsWith('County')) assert.equal(place.admin1?.code, /Pennsylvania/.test(text) ? 'US.PA' : 'US.MI');
    assert.ok(place.rules.length > 0);
  });
}

test('resolvePlaces: a lone small town no other name supports is dropped', () => {
  const result = resolve('The report was written by Steele for the committee.');
  assert.equal(placeNamed(result, 'Steele'), undefined);
});

test('resolvePlaces: another country\'s district with nothing pointing to its country is dropped', () => {
  const result = resolve('Rice fields in Pangasinan were flooded after the storm.');
  assert.equal(placeNamed(result, 'Pangasinan'), undefined);
});

test('resolvePlaces: a town written with a province that holds no town of that name stays unresolved, not abroad', () => {
  const result = resolve('He was stopped on Highway 11 in Stroud, Ontario, Canada, and will appear in a Bradford, Ontario court.');
  assert.equal(placeNamed(result, 'Stroud'), undefined);
  assert.equal(placeNamed(result, 'Bradford'), undefined);
  assert.equal(placeNamed(result, 'Ontario')?.country, 'CAN');
  const kent = placeNamed(resolve('Students at a college in Kent, Ohio, fell ill.'), 'Kent');
  assert.equal(kent?.admin1?.code, 'US.OH');
});

test('resolvePlaces: one record per place, every mention kept, ids in order of first mention', () => {
  const result = resolve('The U.S. and Iran met in Baghdad. The United States said Iran must act; Baghdad agreed.');
  assert.deepEqual(result.places.map((p) => [p.id, p.name, p.mentions.length]), [['p1', 'United States', 2], ['p2', 'Iran', 2], ['p3', 'Baghdad', 2]]);
  const us = result.places[0]!;
  assert.deepEqual(us.mentions.map((m) => [result.text.slice(m.start, m.end), m.kind]), [['U.S.', 'alias'], ['United States', 'name']]);
  assert.deepEqual(us.rules, ['gazetteer.country']);
});

test('resolvePlaces: the dateline is a place of its own, mention sentence -1', () => {
  const text = 'WASHINGTON (Reuters) - The White House said on Monday that talks with Iran would go on.';
  const result = resolve(text);
  assert.ok(result.datelinePlace);
  const place = result.places.find((p) => p.id === result.datelinePlace)!;
  assert.equal(place.geonameid, 4140963);
  assert.deepEqual(place.mentions.map((m) => [text.slice(m.start, m.end), m.sentence]), [['WASHINGTON', -1]]);
});

test('resolvePlaces: candidates from elsewhere ("the Gulf", "Iraq’s") are trimmed to the name', () => {
  const text = 'Ships sailed into the Gulf near Iraq’s coast.';
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words, sentence: 0 });
  const gulf = span('the Gulf');
  const iraq = span('Iraq’s');
  const unknown = { start: 0, end: 5, text: 'Ships', sentence: 0 };
  const { places, placeOf } = resolvePlaces([gulf, iraq, unknown], { text, dateline: null });
  assert.deepEqual(places.map((p) => [p.name, text.slice(p.mentions[0]!.start, p.mentions[0]!.end)]), [['Persian Gulf', 'Gulf'], ['Iraq', 'Iraq']]);
  assert.equal(placeOf.get(gulf), 'p1');
  assert.equal(placeOf.get(iraq), 'p2');
  assert.equal(placeOf.has(unknown), false);
});
