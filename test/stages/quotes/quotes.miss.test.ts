/** Texts that look like quotes or speech and must yield no quote. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quotesOf } from './helpers.ts';

test('scare quotes, so-called words, titles and names in marks are no quotes', () => {
  const texts = [
    'Both sides described the meeting as “positive”.',
    'In turn, they criticized the “occupying” U.S. military and its training of the army.',
    'The so-called “reform” package was shelved after a week of protests.',
    'The so-called "Arab Spring" began in Tunisia in late 2010.',
    'He played Springsteen’s “Born in the U.S.A.” at the end of the rally.',
    'The film “The Hurt Locker” won six Oscars in 2010.',
    '“Positive” was how both sides characterized the four-hour meeting.',
    'Analysts call it a “managed decline” of the industry.',
  ];
  for (const text of texts) assert.deepEqual(quotesOf(text).map((q) => q.text), [], text);
});

test('a speech verb without a reported clause is no quote', () => {
  const texts = [
    'He said nothing.',
    'He did not say whether the talks would resume.',
    'The U.S. military has displayed what it says are Iranian-made rockets.',
    'Say goodbye to the summer crowds on the coast.',
    'The minister told reporters about the plan.',
    'They called for calm after the vote.',
    'Iran denies the charge.',
    'The spokesman declined to comment on the report.',
  ];
  for (const text of texts) assert.deepEqual(quotesOf(text).map((q) => q.text), [], text);
});

test('a quote nobody can be found to have said yields no record', () => {
  assert.deepEqual(quotesOf('“We are not afraid of anyone in this region.”'), []);
  // The previous quote is too far back to carry its speaker over.
  const far = '“We will win,” the coach said.\n\nThe match starts at noon.\n\nTickets sold out fast.\n\nFans queued all night.\n\n“Nobody expected such a crowd here today.”';
  assert.deepEqual(quotesOf(far).map((q) => q.text), ['We will win,']);
});

test('empty and mark-only texts yield nothing', () => {
  for (const text of ['', '“”', '""', '“ ”', '" "', '“', '”', "''", '« »']) assert.deepEqual(quotesOf(text), [], JSON.stringify(text));
});
