import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeArticle } from '../../../src/pipeline/codeArticle.ts';
import { articleInput } from '../../helpers/doc.ts';

const text =
  "Deputies from the Rapides Parish Sheriff's Office arrested two men in Alexandria on Friday. Alexandria Police said the men were held in Pineville, Louisiana. Springfield's mayor said the state would help.";
const record = codeArticle(articleInput(text, '2020-01-01'));
const placeOf = (words: string) => record.places.find((p) => p.mentions.some((m) => text.slice(m.start, m.end) === words));

test('the story decides: Alexandria in a Louisiana story is Alexandria, Louisiana', () => {
  const alexandria = placeOf('Alexandria');
  assert.equal(alexandria?.country, 'USA');
  assert.equal(alexandria?.admin1?.code, 'US.LA');
  assert.equal(alexandria?.kind, 'city');
  assert.equal(placeOf('Louisiana')?.kind, 'admin1');
});

test('places inside organisation names and possessives are found, with their mention kind', () => {
  const parish = placeOf('Rapides Parish');
  assert.equal(parish?.kind, 'admin2');
  assert.equal(parish?.mentions[0]?.kind, 'in-name');
  const office = record.entities.find((e) => e.type === 'ORG' && e.name.startsWith('Rapides Parish'));
  assert.equal(office?.placeId, parish?.id);
  const springfield = placeOf('Springfield');
  assert.equal(springfield?.mentions[0]?.kind, 'possessive');
  assert.ok(!record.entities.some((e) => e.type === 'PERSON' && e.name === 'Springfield'));
});

test('every place carries its GeoNames id (or null), kind, first-level region and country', () => {
  for (const p of record.places) {
    assert.ok('geonameid' in p && 'admin1' in p && p.country.length === 3, JSON.stringify(p));
  }
  assert.equal(placeOf('Pineville')?.geonameid, 4337291);
});

/** Sentences after GeoVirus-like Wikinews stories: the place, its kind and country, and its mention kinds; null: no place. */
const namedWhereTheTaggerErred: [string, string, [kind: string, country: string, mentionKinds: string] | null][] = [
  ["Zurab Zhvania, Prime Minister of Georgia, was found dead of gas poisoning at a friend's flat in Tbilisi.", 'Georgia', ['country', 'GEO', 'name']],
  ['Samples were tested by the U.S. Centers for Disease Control and Prevention in Atlanta.', 'U.S.', ['country', 'USA', 'in-name']],
  ['Neighbouring Uganda has stepped up its surveillance. The Health Ministry of Uganda advised people to avoid caves.', 'Uganda', ['country', 'UGA', 'name,in-name']],
  ['Cases were reported in Kentucky and Utah on Monday.', 'Utah', ['admin1', 'USA', 'name']],
  ["A spokesman for the Red Cross told Agence France-Presse that the outbreak was spreading.", 'France', null],
  ['The strain was found by University of Manchester researchers.', 'Manchester', null],
  ['The "Thomas and Friends" toys are made in China.', 'Thomas', null],
  ['More than 650 people have now died after the tsunami hit the coast of Indonesia.', 'More', null],
  ['Airplanes are flying into Darfur and Malakal. The SOS Children\'s Village Malakal is stable, and staff in Malakal are well.', 'Malakal', ['city', 'SSD', 'name,name']],
];

for (const [text, words, expected] of namedWhereTheTaggerErred) {
  test(`a place the name tagger missed or mistyped: ${words} in "${text.slice(0, 50)}…"`, () => {
    const result = codeArticle(articleInput(text, '2020-01-01'));
    const place = result.places.find((p) => p.mentions.some((m) => text.slice(m.start, m.end) === words));
    if (expected === null) return assert.equal(place, undefined, JSON.stringify(place));
    assert.deepEqual([place?.kind, place?.country, place?.mentions.map((m) => m.kind).join(',')], expected);
    assert.ok(!result.entities.some((e) => e.type === 'PERSON' && e.name.includes(words)), 'no person is named after the place');
  });
}
