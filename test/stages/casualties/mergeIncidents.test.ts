import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity } from '../../../src/model/record.ts';
import { casualtiesOf, placeNamed } from './code.ts';

test('merge: the same incident told twice is one record with both mentions', () => {
  const text = 'A car bomb killed 24 people in Baghdad on Monday. The blast, near a Shi’ite mosque, killed 24 people and wounded 68 others.';
  const found = casualtiesOf(text);
  assert.equal(found.length, 1);
  const [record] = found;
  assert.equal(record!.killed?.value, 24);
  assert.equal(record!.wounded?.value, 68);
  assert.equal(record!.incident, 'car bomb');
  assert.equal(record!.mentions.length, 2);
  assert.ok(record!.rules.includes('casualties.merge.same-counts'));
  assert.equal(text.slice(record!.mentions[1]!.start, record!.mentions[1]!.end).startsWith('The blast'), true);
});

test('merge: a later toll updates the count of the incident', () => {
  const found = casualtiesOf('A car bomb killed 20 people in a market in Kirkuk. The death toll later rose to 24, hospital officials said.');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.killed?.value, 24);
  assert.equal(found[0]!.killed?.text, '24');
  assert.ok(found[0]!.rules.includes('casualties.merge.toll-update'));
});

test('merge: a person shot who later died is killed, not also wounded', () => {
  const found = casualtiesOf('A man was shot outside a bar on Friday night. He died at a hospital early Saturday.');
  assert.equal(found.length, 1);
  assert.equal(found[0]!.killed?.value, 1);
  assert.equal(found[0]!.wounded, undefined);
  assert.ok(found[0]!.rules.includes('casualties.refine.shot-then-killed'));
});

test('merge: the next sentence completes the incident with other kinds of counts', () => {
  const found = casualtiesOf('A roadside bomb killed five soldiers near Kandahar. The blast also wounded 12 civilians.');
  assert.equal(found.length, 1);
  assert.deepEqual([found[0]!.killed?.value, found[0]!.wounded?.value, found[0]!.incident], [5, 12, 'roadside bomb']);
});

test('merge: different places or weapons are different incidents', () => {
  const text = 'A car bomb killed five people in Baghdad. In Mosul, a roadside bomb killed five soldiers.';
  const places = [placeNamed(text, 'Baghdad', 'p1', 'city', 'IRQ', 33.34, 44.4), placeNamed(text, 'Mosul', 'p2', 'city', 'IRQ', 36.34, 43.13)];
  const found = casualtiesOf(text, { places });
  assert.deepEqual(found.map((c) => [c.killed?.value, c.incident, c.place?.name, c.place?.certainty]), [
    [5, 'car bomb', 'Baghdad', 'stated'],
    [5, 'roadside bomb', 'Mosul', 'stated'],
  ]);
});

test('merge: two people told apart in one sentence are two counts', () => {
  const found = casualtiesOf('The woman was shot in the neck and the man was shot in the back.');
  assert.equal(found.reduce((sum, c) => sum + (c.wounded?.value ?? 0), 0), 2);
});

test('merge: a running total never joins the day’s incident', () => {
  const found = casualtiesOf('A suicide bomber killed 12 people in Kabul on Tuesday. Such attacks have killed more than 300 civilians this year.');
  assert.deepEqual(found.map((c) => [c.killed?.value, c.cumulative]), [
    [12, false],
    [301, true],
  ]);
});

test('context: place from the sentence, else the dateline (implied); date from the sentence, else publication (implied)', () => {
  const text = 'BAGHDAD (Reuters) - Gunmen killed three policemen on Sunday. Separately, a mortar round killed two children in Baghdad.';
  const baghdad = placeNamed(text, 'Baghdad', 'p1', 'city', 'IRQ', 33.34, 44.4);
  const sunday = text.indexOf('Sunday');
  const dates = [{ id: 'd1', text: 'Sunday', start: sunday, end: sunday + 6, sentence: 0, value: '2007-05-27', granularity: 'day' as const, certainty: 'stated' as const, relation: 'on' as const, rules: [] }];
  const found = casualtiesOf(text, { places: [baghdad], dates, published: '2007-05-28', datelinePlaceId: 'p1' });
  assert.deepEqual(
    found.map((c) => [c.killed?.value, c.place?.name, c.place?.certainty, c.date?.value, c.date?.certainty, c.perpetrator?.name ?? null]),
    [
      [3, 'Baghdad', 'implied', '2007-05-27', 'stated', 'Gunmen'],
      [2, 'Baghdad', 'stated', '2007-05-28', 'implied', null],
    ],
  );
});

test('context: a named group that is the subject of the killing is the perpetrator', () => {
  const text = 'Taliban fighters killed five Afghan soldiers in an ambush in Helmand.';
  const start = text.indexOf('Taliban');
  const taliban: Entity = { id: 'e1', type: 'ORG', name: 'Taliban', actor: 'AFGINS', mentions: [{ start, end: start + 7, sentence: 0, kind: 'name' }], sources: ['rule'], rules: [] };
  const [record] = casualtiesOf(text, { entities: [taliban] });
  assert.deepEqual(record!.perpetrator, { actor: 'AFGINS', entity: 'e1', name: 'Taliban', start, end: start + 7 });
  assert.equal(record!.incident, 'ambush');
  assert.equal(record!.victims, 'Afghan soldiers');
});

test('context: the agent is the nearest subject after a reporting verb, or the phrase after "by"', () => {
  const [reported] = casualtiesOf('Police said gunmen killed three policemen at a checkpoint.');
  assert.deepEqual(reported!.perpetrator, { actor: '---', name: 'gunmen', start: 12, end: 18 });
  const text = 'Two soldiers were killed by Taliban fighters on Monday.';
  const start = text.indexOf('Taliban');
  const taliban: Entity = { id: 'e1', type: 'ORG', name: 'Taliban', actor: 'AFGINS', mentions: [{ start, end: start + 7, sentence: 0, kind: 'name' }], sources: ['rule'], rules: [] };
  const [passive] = casualtiesOf(text, { entities: [taliban] });
  assert.equal(passive!.perpetrator?.actor, 'AFGINS');
  assert.equal(passive!.perpetrator?.entity, 'e1');
});
