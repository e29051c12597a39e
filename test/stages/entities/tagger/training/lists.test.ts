import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mineFirstNames, parsePetrarchActors, phraseKeys } from '../../../../../src/stages/entities/tagger/training/lists.ts';
import type { GmbSentence } from '../../../../../src/stages/entities/tagger/training/gmb.ts';

test('phrases are keyed as wink tokenizes them, lower-cased and without accents', () => {
  assert.deepEqual(phraseKeys(['Kazemi-Qomi', 'U.S.', 'Al Fallūjah', 'New  York', '1234']), ['al fallujah', 'kazemi - qomi', 'new york', 'u.s.']);
});

test('PETRARCH actor entries are read with their synonyms and sorted into people, places and organisations', () => {
  const dictionary = [
    '# comment',
    'AFGHANISTAN_  [AFG]',
    '+AFGHAN_',
    '+KABUL_',
    'HAMID_KARZAI_  # CountryInfo.txt',
    '+PRESIDENT_KARZAI_',
    '\t[AFGGOV >011222]',
    'AFGHAN_NATIONAL_ARMY',
    '\t[AFGMIL]',
    'ANN_VENEMAN_\t[USAGOV 010120-050120] # NGO_Actors',
    'UNICEF_\t[IGOUNOKID]# NGO_Actors',
  ].join('\n');
  const actors = parsePetrarchActors(dictionary, ['Ann']);
  assert.deepEqual(actors, [
    { names: ['Afghanistan', 'Afghan', 'Kabul'], kind: 'place' },
    { names: ['Hamid Karzai', 'President Karzai'], kind: 'person' },
    { names: ['Afghan National Army'], kind: 'org' },
    { names: ['Ann Veneman'], kind: 'person' },
    { names: ['Unicef'], kind: 'org' },
  ]);
});

test('first names come from person spans of two words or more, seen twice and mostly as first names', () => {
  const s = (text: string, tags: string): GmbSentence => ({ index: 0, tokens: text.split(' '), tags: tags.split(' ') });
  const training = [
    s('President Hassan Rouhani spoke', 'B-PER I-PER I-PER O'),
    s('Hassan Nasrallah spoke', 'B-PER I-PER O'),
    s('Paris Hilton and Paris', 'B-PER I-PER O B-LOC'),
    s('Paris Hilton in Paris', 'B-PER I-PER O B-LOC'),
    s('Paris is in France', 'B-LOC O O B-LOC'),
  ];
  assert.deepEqual(mineFirstNames(training), ['Hassan']);
});
