import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Value } from '@sinclair/typebox/value';
import type { Segmented } from '../../../src/model/analysis.ts';
import { DateRecord } from '../../../src/model/record.ts';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { findDates } from '../../../src/stages/dates/index.ts';

const VALUE_SHAPE: Record<DateRecord['granularity'], RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  week: /^\d{4}-W\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  season: /^\d{4}-2[1-4]$/,
  year: /^\d{4}$/,
  decade: /^\d{3}$/,
  unknown: /^$/,
};

/** Words that make date rules fire, glued at random so that rules meet each other and odd punctuation. */
const DATE_WORDS = [
  'on', 'in', 'since', 'the', 'by', 'from', 'to', 'between', 'and', 'last', 'next', 'this', 'will', 'mid-', 'early', 'late',
  'Monday', 'Saturday', 'Sun', 'weekend', 'week', 'month', 'year', 'years', 'ago', 'later', 'after', 'before', 'today', 'now',
  'May', 'March', 'September', 'Sept.', 'summer', 'of', '1979', '1980', '1980-88', '2006', '1990s', '’80s', '14', 'five',
  '12.5', '1,000', '9/11', '5 pm', '1500', 'GMT', '’s', "'s", ',', '.', '-', '–', '“', '”', '\n', '\n\n', ' ', ' ',
];

const sentences = fc.array(fc.constantFrom(...DATE_WORDS), { maxLength: 40 }).map((words) => words.join(' '));
const texts = fc.oneof(sentences, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 120 }));
const published = fc.oneof(
  fc.constant(null),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
);

function check(seg: Segmented, date: string | null): void {
  const found = findDates(seg, date);
  found.forEach((d, k) => {
    assert.ok(Value.Check(DateRecord, d), JSON.stringify(d));
    assert.equal(d.id, `d${k + 1}`);
    assert.ok(0 <= d.start && d.start < d.end && d.end <= seg.text.length, `${d.start}-${d.end} inside ${seg.text.length}`);
    assert.equal(seg.text.slice(d.start, d.end), d.text);
    assert.match(d.value ?? '', d.value === null ? /^$/ : VALUE_SHAPE[d.granularity]);
    if (k > 0) assert.ok(found[k - 1]!.start <= d.start);
  });
}

test('any text through clean and segment: never throws, offsets slice to text', () => {
  fc.assert(
    fc.property(texts, published, (text, date) => check(segment(text, cleanText(text).paragraphs), date)),
    { numRuns: 300 },
  );
});

test('any text as one bare sentence without tokens: never throws, offsets slice to text', () => {
  fc.assert(
    fc.property(texts, published, (text, date) => {
      const sentences = text.length === 0 ? [] : [{ index: 0, start: 0, end: text.length, paragraph: 0, firstToken: 0, endToken: 0 }];
      check({ text, tokens: [], sentences, numeric: [] }, date);
    }),
    { numRuns: 300 },
  );
});
