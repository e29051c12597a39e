import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readQuantity } from '../../../src/stages/casualties/numberReader.ts';
import { segment } from '../../../src/stages/segment/index.ts';

/** [text starting with the quantity, its words, value, min, max, approximate]. */
const CASES: [string, string, number, number | undefined, number | undefined, boolean][] = [
  ['24 people', '24', 24, undefined, undefined, false],
  ['1,200 people', '1,200', 1200, undefined, undefined, false],
  ['1.5 million people', '1.5 million', 1500000, undefined, undefined, false],
  ['twenty-four people', 'twenty-four', 24, undefined, undefined, false],
  ['two dozen people', 'two dozen', 24, undefined, undefined, false],
  ['a dozen people', 'a dozen', 12, undefined, undefined, false],
  ['a hundred people', 'a hundred', 100, undefined, undefined, false],
  ['one hundred and five people', 'one hundred and five', 105, undefined, undefined, false],
  ['three thousand people', 'three thousand', 3000, undefined, undefined, false],
  ['half a dozen people', 'half a dozen', 6, undefined, undefined, true],
  ['dozens of people', 'dozens', 24, 24, undefined, true],
  ['scores of people', 'scores', 40, 40, undefined, true],
  ['hundreds of people', 'hundreds', 200, 200, undefined, true],
  ['tens of thousands of people', 'tens of thousands', 20000, 20000, undefined, true],
  ['at least 12 people', 'at least 12', 12, 12, undefined, false],
  ['more than 50 people', 'more than 50', 51, 51, undefined, false],
  ['up to 30 people', 'up to 30', 30, undefined, 30, true],
  ['fewer than 10 people', 'fewer than 10', 9, undefined, 9, true],
  ['nearly 100 people', 'nearly 100', 100, undefined, undefined, true],
  ['at least dozens of people', 'at least dozens', 24, 24, undefined, true],
];

const NOT_QUANTITIES = ['1.5 percent', 'people', 'some people', 'scores 24 points', 'the attack', 'a man', 'over the weekend'];

test('readQuantity reads digits, number words, vague quantities and bounds', () => {
  for (const [text, words, value, min, max, approximate] of CASES) {
    const seg = segment(text, [{ start: 0, end: text.length }]);
    const q = readQuantity(seg.tokens, 0, seg.tokens.length);
    assert.ok(q, text);
    assert.equal(text.slice(q.start, q.end), words, text);
    assert.deepEqual([q.value, q.min, q.max, q.approximate], [value, min, max, approximate], text);
  }
});

test('readQuantity reads nothing where no number starts', () => {
  for (const text of NOT_QUANTITIES) {
    const seg = segment(text, [{ start: 0, end: text.length }]);
    assert.equal(readQuantity(seg.tokens, 0, seg.tokens.length), null, text);
  }
});
