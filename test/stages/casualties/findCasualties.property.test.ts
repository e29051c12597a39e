import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import { Casualty } from '../../../src/model/record.ts';
import { allCounts, casualtiesOf } from './code.ts';

/** Words that make casualty rules fire, glued at random so that rules meet each other and odd punctuation. */
const WORDS = [
  'a', 'the', 'his', 'man', 'woman', 'people', 'others', 'soldiers', 'police', 'officers', 'he', 'him', 'she', 'Smith', 'John',
  'were', 'was', 'have', 'has', 'been', 'killed', 'killing', 'kills', 'shot', 'dead', 'and', 'wounded', 'injured', 'died',
  'missing', 'kidnapped', 'arrested', 'displaced', 'left', 'with', 'injuries', 'death', 'toll', 'of', 'rose', 'to', 'at', 'least',
  'more', 'than', 'up', 'nearly', 'scores', 'dozens', 'hundreds', 'two', 'dozen', 'twenty', '-', 'four', '24', '1,200', '1.5',
  'million', 'a.m.', '2003', 'since', 'year', 'years', 'ago', 'old', 'by', 'gunmen', 'bomb', 'truck', 'blast', 'including',
  'no', 'one', 'nobody', 'not', 'both', 'said', 'taken', 'hospital', "'s", 'body', ',', '.', ';', '“', '”', '\n', '\n\n', ' ',
];

const soup = fc.array(fc.constantFrom(...WORDS), { maxLength: 50 }).map((words) => words.join(' '));
const texts = fc.oneof(soup, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 }));
const published = fc.oneof(fc.constant(null), fc.constant('2007-05-28'), fc.string({ maxLength: 12 }));

test('findCasualties never throws; every count and evidence lies inside the text and slices to its words', () => {
  fc.assert(
    fc.property(texts, published, (text, date) => {
      const found = casualtiesOf(text, { published: date });
      for (const record of found) {
        assert.ok(Value.Check(Casualty, record), JSON.stringify(record));
        for (const span of [record.evidence, ...record.mentions]) assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length);
      }
      for (const { count } of allCounts(found)) {
        assert.ok(count.start >= 0 && count.start < count.end && count.end <= text.length);
        assert.equal(text.slice(count.start, count.end), count.text);
        if (count.min !== undefined) assert.ok(count.min <= count.value);
        if (count.max !== undefined) assert.ok(count.max >= count.value);
      }
    }),
    { numRuns: 400 },
  );
});
