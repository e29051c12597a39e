/** On any text the stage never throws and every record points at its own words. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Quote } from '../../../src/model/record.ts';
import { quotesOf } from './helpers.ts';

/** News-like pieces, heavy on what the stage reacts to: marks, cue verbs, commas, pronouns, paragraph breaks. */
const piece = fc.constantFrom(
  '“', '”', '"', "''", '«', '»', '‘', '’', ',', '.', ':', ' ― ', ' -- ', '(', ')', '\n\n', '\n', ' ',
  'he said', 'she added', 'said', 'told reporters', 'according to', 'saying', 'calling the plan', 'Crocker', 'Ryan Crocker',
  'the ministry', 'they', 'It would not', 'that', 'officials said', 'The talks proceeded positively', 'a first step in talks',
  'Iran had offered to help', 'positive', 'We will win', '…', '?', '!',
);

function checkRecords(text: string, quotes: Quote[]): void {
  quotes.forEach((q, k) => {
    assert.equal(q.id, `q${k + 1}`);
    assert.ok(q.start >= 0 && q.start < q.end && q.end <= text.length, `${q.id} span ${q.start}-${q.end}`);
    assert.equal(q.text, text.slice(q.start, q.end));
    assert.ok(q.text.trim() === q.text, `${q.id} has outer white space: ${JSON.stringify(q.text)}`);
    if (k > 0) assert.ok(q.start >= quotes[k - 1]!.start, 'text order');
    if (q.cue) {
      assert.ok(q.cue.start >= 0 && q.cue.start < q.cue.end && q.cue.end <= text.length);
      assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
    }
    const { start, end } = q.speaker;
    if (start !== undefined || end !== undefined) {
      assert.ok(start !== undefined && end !== undefined && start >= 0 && start < end && end <= text.length, `${q.id} speaker span`);
    }
    assert.ok(q.speaker.name.length > 0, `${q.id} speaker has a name`);
    assert.ok(q.rules.length > 0);
  });
}

test('random news-like text: no throw, every quote is its own slice', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const text = pieces.join(' ').replace(/ +/g, ' ');
      checkRecords(text, quotesOf(text));
    }),
    { numRuns: 400 },
  );
});

test('random unicode text: no throw, every quote is its own slice', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
      checkRecords(text, quotesOf(text));
    }),
    { numRuns: 300 },
  );
});
