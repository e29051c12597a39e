import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { DateRecord } from '../../../src/model/record.ts';
import { casualtiesOf, placeNamed } from './code.ts';

const text = readFileSync(new URL('../../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url), 'utf8');
const baghdad = placeNamed(text, 'Baghdad', 'p1', 'city', 'IRQ', 33.34, 44.4);
const monday = text.indexOf('on Monday') + 3;
const dates: DateRecord[] = [{ id: 'd1', text: 'Monday', start: monday, end: monday + 6, sentence: 0, value: '2007-05-28', granularity: 'day', certainty: 'stated', relation: 'on', rules: [] }];
const found = casualtiesOf(text, { places: [baghdad], dates, published: '2007-05-28', datelinePlaceId: 'p1' });

test('founding article: the truck bomb killed 24 and wounded 68 in central Baghdad on 2007-05-28', () => {
  const bomb = found.find((c) => c.killed?.value === 24);
  assert.ok(bomb, JSON.stringify(found));
  assert.equal(bomb.wounded?.value, 68);
  assert.equal(text.slice(bomb.killed!.start, bomb.killed!.end), '24');
  assert.equal(text.slice(bomb.wounded!.start, bomb.wounded!.end), '68');
  assert.equal(bomb.incident, 'truck bomb');
  assert.deepEqual([bomb.place?.name, bomb.place?.certainty], ['Baghdad', 'stated']);
  assert.deepEqual(bomb.date, { value: '2007-05-28', certainty: 'implied', granularity: 'day' });
  assert.equal(bomb.cumulative, false);
  assert.equal(bomb.perpetrator?.actor, '---');
  assert.ok(text.slice(bomb.evidence.start, bomb.evidence.end).includes('a truck bomb exploded near an important Sunni Muslim mosque'));
});

test('founding article: "the bombs have killed scores of American soldiers" is a claimed running total, apart from the 24', () => {
  const scores = found.find((c) => c.killed?.text === 'scores');
  assert.ok(scores, JSON.stringify(found));
  assert.deepEqual(
    { value: scores.killed!.value, min: scores.killed!.min, approximate: scores.killed!.approximate },
    { value: 40, min: 40, approximate: true },
  );
  assert.equal(scores.victims, 'American soldiers');
  assert.equal(scores.cumulative, true);
  assert.equal(scores.claimed, true);
  assert.equal(scores.date, null);
  assert.equal(scores.wounded, undefined);
});

test('founding article: two records, and no exact non-cumulative count between 25 and 99 (seed check)', () => {
  assert.equal(found.length, 2);
  assert.ok(!found.some((c) => (c.killed?.value ?? 0) > 24 && (c.killed?.value ?? 0) < 100 && !c.cumulative && !c.killed?.approximate));
});
