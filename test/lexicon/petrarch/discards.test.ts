import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDiscardDictionary } from '../../../src/lexicon/petrarch/discards.ts';
import { dictionarySource } from '../../../src/lexicon/petrarch/files.ts';

const SUITE = new URL('../../../../shared/data/petrarch_validation/dictionaries/PETR.Validate.discards.txt', import.meta.url).pathname;

test("the suite's discards: story (+) and sentence phrases, case ignored, stems", { skip: existsSync(SUITE) ? false : 'needs ../shared/data/petrarch_validation (not in this clone)' }, () => {
  const discards = loadDiscardDictionary([dictionarySource(SUITE, 'user')]);
  assert.deepEqual(discards.issues, []);
  const table: [text: string, found: string | null, scope: 'story' | 'sentence' | null, entry: string | null][] = [
    ['five years after a typhoon trashed its embassy.', 'typhoon', 'story', '+TYPHOON'],
    ['to restore the World Golf Championships to Gondor', 'World Golf Championships', 'story', '+World Golf Championships'],
    ['to restore baseball competition with Gondor', 'baseball', 'sentence', 'BASEBALL'],
    ['the African  Nations Cup', 'African  Nations Cup', 'sentence', 'AFRICAN NATIONS CUP'],
    ['three ballclubs met', 'ballclub', 'sentence', 'BALLCLUB'], // a stem
    ['Arnor is about to restore full diplomatic ties with Gondor.', null, null, null],
    ['the superbaseball league', null, null, null], // starts inside a word
  ];
  for (const [text, found, scope, entry] of table) {
    const [match] = discards.find(text);
    assert.equal(match ? text.slice(match.start, match.end) : null, found, text);
    assert.equal(match?.scope ?? null, scope, text);
    assert.equal(match?.entryId ?? null, entry === null ? null : `user:petr.validate.discards:${entry}`, text);
  }
});

test('loadDiscardDictionary: a phrase ending in _ must end at a word end; an empty line is an issue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-discards-'));
  const path = join(dir, 'mine.discards.txt');
  writeFileSync(path, 'GOLF_\n+\n');
  const discards = loadDiscardDictionary([dictionarySource(path, 'user')]);
  assert.equal(discards.find('a golf course').length, 1);
  assert.equal(discards.find('golfers met').length, 0);
  assert.equal(discards.issues[0]?.message, `${path}:2: a discard line needs a phrase: PHRASE (the sentence is not coded) or +PHRASE (the story is not coded)`);
});
