import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { demonymCountryHints, findPlaceMentions, resolvePlaces } from '../../../src/stages/places/index.ts';

const text = readFileSync(new URL('../../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url), 'utf8');
const cleaned = cleanText(text);
const seg = segment(text, cleaned.paragraphs);
const mentions = findPlaceMentions(seg);
const { places, placeOf, datelinePlace } = resolvePlaces(mentions, { text, dateline: cleaned.dateline, countryHints: demonymCountryHints(seg) });
const named = (name: string) => places.find((p) => p.name === name);

test('founding article: Baghdad, Iraq, Iran, Tehran, United States, Persian Gulf, Washington, D.C. and nothing else', () => {
  assert.deepEqual(places.map((p) => p.name).sort(), ['Baghdad', 'Iran', 'Iraq', 'Persian Gulf', 'Tehran', 'United States', 'Washington, D.C.']);
});

test('founding article: Baghdad is GeoNames 98182 at 33.34, 44.40 and the dateline place', () => {
  const baghdad = named('Baghdad')!;
  assert.deepEqual([baghdad.geonameid, baghdad.country, baghdad.kind], [98182, 'IRQ', 'city']);
  assert.ok(Math.abs(baghdad.lat - 33.34) < 0.01 && Math.abs(baghdad.lon - 44.4) < 0.01);
  assert.equal(datelinePlace, baghdad.id);
  assert.deepEqual(baghdad.mentions.map((m) => [text.slice(m.start, m.end), m.sentence]).slice(0, 2), [['BAGHDAD', -1], ['Baghdad', 1]]);
});

test('founding article: "U.S." and "United States" are one place, the United States', () => {
  const us = named('United States')!;
  const written = new Set(us.mentions.map((m) => text.slice(m.start, m.end)));
  assert.deepEqual([...written].sort(), ['U.S.', 'United States']);
  assert.equal(us.country, 'USA');
});

test('founding article: "the Gulf" is the Persian Gulf; "Washington" is Washington, D.C., never the state', () => {
  assert.equal(named('Persian Gulf')?.country, 'PGS');
  const washington = named('Washington, D.C.')!;
  assert.deepEqual([washington.geonameid, washington.mentions.length], [4140963, 4]);
  assert.ok(!places.some((p) => p.name.startsWith('Washington (state)')));
  assert.equal(named('Tehran')?.geonameid, 112931);
});

test('founding article: nationality words, religions and people are no places', () => {
  const words = mentions.map((m) => m.text);
  for (const word of ['Iranian', 'Iraqi', 'Iranians', 'Americans', 'Sunni', 'Shi’ite', 'Crocker', 'Maliki', 'Kazemi-Qomi']) assert.ok(!words.includes(word), word);
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  assert.equal(placeOf.size, mentions.length);
});
