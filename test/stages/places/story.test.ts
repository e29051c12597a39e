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
