import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../../src/stages/entities/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { defaultWorld } from '../../../src/pipeline/world.ts';

/** The shipped world: gazetteer, dictionaries and tagger model. */
function run(text: string, sport = false) {
  const seg = segment(text, [{ start: 0, end: text.length }]);
  return findEntities(seg, defaultWorld().entities, { sport }).map((e) => ({ ...e, words: e.mentions.filter((m) => m.kind !== 'pronoun').map((m) => text.slice(m.start, m.end)) }));
}

test('a title the tagger leaves outside a person goes to the role, not the name', () => {
  const entities = run('Defender Hassan Abbas scored twice on Sunday.');
  const person = entities.find((e) => e.type === 'PERSON');
  assert.deepEqual(person?.words, ['Hassan Abbas'], JSON.stringify(entities));
  assert.equal(person?.role, 'defender');
});

test('towns in the team positions of a match report are clubs, and stay clubs in the story', () => {
  const entities = run('Barcelona beat Real Madrid 2-1 at home. Fans of Barcelona celebrated.');
  const barcelona = entities.find((e) => e.name === 'Barcelona');
  assert.equal(barcelona?.type, 'ORG');
  assert.equal(barcelona?.words.length, 2);
  assert.equal(entities.find((e) => e.name === 'Real Madrid')?.type, 'ORG');
  // without a score line or a sports topic, the city stays a city
  assert.equal(run('Protesters in Barcelona beat drums outside the parliament.').find((e) => e.name === 'Barcelona')?.type, 'GPE');
  assert.equal(run('Liverpool lost to Everton at Anfield.', true).find((e) => e.name === 'Everton')?.type, 'ORG');
});

test('capitalised pronouns are never names', () => {
  for (const text of ['He said the talks failed.', 'I went to London with my brother.', 'She told Reuters it was over.']) {
    const names = run(text).flatMap((e) => e.words);
    assert.ok(!names.some((n) => /^(He|I|She)$/.test(n)), `${text}: ${names.join(', ')}`);
  }
});

test('"the US" in capitals is the country, not the pronoun "us"', () => {
  const entities = run('The PRC on Tuesday demanded that the US cancel plans to sell weapons to Taiwan.');
  const us = entities.find((e) => e.words.includes('US'));
  assert.equal(us?.type, 'GPE', JSON.stringify(entities.map((e) => e.words)));
  assert.ok(!run('They told us to leave.').some((e) => e.words.some((w) => /^us$/i.test(w))));
});

test('no name runs over the end of a short line (headings, scorecards)', () => {
  const text = 'CRICKET\nLondon hosts the final match of the series on Sunday afternoon.';
  const names = run(text).flatMap((e) => e.words);
  assert.ok(!names.some((n) => n.includes('\n')), names.join(' | '));
  assert.ok(!names.includes('CRICKET'), names.join(' | '));
  assert.ok(names.includes('London'));
});

test('places written one after another without commas are several places; hyphenated pairs and names with "of" stay whole', () => {
  const words = (text: string) => run(text).flatMap((e) => e.words);
  assert.deepEqual(words('Any good places to get an ice-cream sundae in Invercargill New Zealand?').filter((w) => /Invercargill|Zealand/.test(w)), ['Invercargill', 'New Zealand']);
  assert.ok(words('Tanvir Hussain, 24, London E10').includes('London'));
  assert.ok(!words('Troops massed along the Pakistan-Afghanistan border.').includes('Afghanistan'));
  assert.ok(!words('Sapporo is the capital of Hokkaido Island.').includes('Island'));
});

test('a common word that is also a small town is no place at the start of a sentence', () => {
  const words = run('More than 100 people were killed. State media said the army had withdrawn.').flatMap((e) => e.words);
  assert.ok(!words.includes('More') && !words.includes('State'), words.join(' | '));
});

test('numbers and lower-case words are never names', () => {
  const words = run('Steven Vikash Chand alias Abdul Shakur, 25, Toronto').flatMap((e) => e.words);
  assert.ok(!words.includes('alias') && !words.includes('25'), words.join(' | '));
});

test('the organisation before a title in a person\'s name is named too', () => {
  const entities = run('UN Secretary-General Kofi Annan demanded a ceasefire.');
  assert.equal(entities.find((e) => e.words.includes('UN'))?.type, 'ORG', JSON.stringify(entities.map((e) => [e.type, e.words])));
  assert.deepEqual(entities.find((e) => e.type === 'PERSON')?.words, ['Kofi Annan']);
});

test('"Secretary of X Name": the person is the name, X its organisation', () => {
  const entities = run('Assistant Secretary of Homeland Security Julie Myers made the remark in an interview.');
  assert.deepEqual(entities.find((e) => e.type === 'PERSON')?.words, ['Julie Myers'], JSON.stringify(entities.map((e) => [e.type, e.words])));
  assert.equal(entities.find((e) => e.words.includes('Homeland Security'))?.type, 'ORG');
});

test('past a leading nationality, the tagger types the rest of the run', () => {
  const entities = run('In May, Australian Schapelle Corby was sentenced to 20 years in prison.');
  assert.deepEqual(entities.find((e) => e.type === 'PERSON')?.words, ['Schapelle Corby'], JSON.stringify(entities.map((e) => [e.type, e.words])));
});

test('a place written in lower case after a preposition of place is a place; common words are not', () => {
  const words = (text: string) => run(text).filter((e) => e.type === 'GPE').flatMap((e) => e.words);
  assert.deepEqual(words('Does anyone know any good restaurants in cordoba?'), ['cordoba']);
  assert.deepEqual(words('I will travel from maryland if that is true.'), ['maryland']);
  assert.deepEqual(words('We met in march and talked in private.'), []);
  assert.deepEqual(words('Captive reptiles are prone to calcium deficiency.'), []);
});

test('the tagger\'s organisation wins over a run cut short or an event word at its end', () => {
  const orgs = (text: string) => run(text).filter((e) => e.type === 'ORG').flatMap((e) => e.words);
  assert.ok(orgs('The U.N. World Food Program recently said that 3.8 million Kenyans need food aid.').includes('U.N. World Food Program'));
  assert.ok(orgs('A new opinion survey by the Palestinian Center for Policy and Survey Research shows support for the truce.').includes('Palestinian Center for Policy and Survey Research'));
  assert.ok(orgs("Chad's army clashed with the rebel Popular Front for National Renaissance on Saturday.").includes('Popular Front for National Renaissance'));
  assert.deepEqual(orgs('You need to check out the French Indochina War, not the Vietnam War.'), []);
});
