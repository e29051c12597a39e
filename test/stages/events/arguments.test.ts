/** Arguments read off the dependency tree: parties, mediators, complements, habitual dates (outputs checked by hand). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeArticle } from '../../../src/pipeline/codeArticle.ts';
import type { Event } from '../../../src/model/record.ts';
import { articleInput } from '../../helpers/doc.ts';

const code = (text: string) => codeArticle(articleInput(text, '2024-03-05')).events;
const dyads = (events: Event[]) => events.map((e) => `${e.source.actor}>${e.target?.actor ?? '-'} ${e.code}`).sort();

test('a ceasefire brokered by Egypt: the two parties each way, Egypt the mediator with its own 045, never a target', () => {
  const events = code('Israel and Hamas agreed on Tuesday to a ceasefire brokered by Egypt.');
  assert.deepEqual(dyads(events), ['EGY>ISR 045', 'ISR>PSEREBHMS 030', 'PSEREBHMS>ISR 030']);
  const parties = events.filter((e) => e.code === '030');
  for (const e of parties) assert.equal(e.mediator?.actor, 'EGY');
  assert.ok(parties.every((e) => e.rules.includes('events.dyad-of-coordinated-parties')));
});

test('prisoners exchanged in a deal mediated by the UAE: Russia and Ukraine, not the UAE, are the parties', () => {
  const events = code('Russia and Ukraine exchanged prisoners on Friday in a deal mediated by the United Arab Emirates.');
  assert.deepEqual(dyads(events).filter((d) => !d.startsWith('ARE')), ['RUS>UKR 0841', 'UKR>RUS 0841']);
  assert.ok(events.every((e) => e.target?.actor !== 'ARE'));
});

test('a demand aims at the subject of its that-clause', () => {
  assert.deepEqual(dyads(code('The United States on Thursday demanded that North Korea forsake its nuclear program.')), ['USA>PRK 100']);
});

test('a rejection stands without a stated target', () => {
  const events = code('Iran rejected the demand.');
  assert.deepEqual(dyads(events), ['IRN>- 120']);
});

test('meetings in the past are undated and historical, one event each way', () => {
  const events = code('Officials from Iran and the United States have met occasionally in the past.');
  assert.deepEqual(dyads(events), ['IRNGOV>USAGOV 040', 'USAGOV>IRNGOV 040']);
  for (const e of events) {
    assert.equal(e.date.value, null);
    assert.equal(e.historical, true);
    assert.ok(e.rules.includes('events.habitual-or-past-undated'));
  }
});

test('the object the parser took for a second subject is the target', () => {
  assert.deepEqual(dyads(code('Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro Hashimoto in this Siberian city.')), ['RUSGOV>JPNGOV 043']);
});

test('the same event reported again is one event with every mention', () => {
  const text = 'Iran and the United States held talks in Baghdad on Monday. The talks lasted four hours. Both sides said the talks were positive.';
  const talks = code(text).filter((e) => e.code.startsWith('04') && e.source.actor.startsWith('IRN'));
  assert.equal(talks.length, 1, dyads(talks).join(' '));
  assert.ok((talks[0]!.mentions?.length ?? 0) >= 2);
  for (const m of talks[0]!.mentions!) assert.ok(text.slice(m.start, m.end).length > 0);
});

test('an event in the clause of a claim verb is a claim', () => {
  const events = code('The Armenians claim they were retaliating against missile attacks from Azerbaijan.');
  const retaliation = events.find((e) => e.root === '19');
  assert.ok(retaliation, dyads(events).join(' '));
  assert.equal(retaliation.claimed, true);
  assert.ok(retaliation.rules.includes('events.claim-complement'));
});

test('negation belongs to its own verb, not to the next clause', () => {
  const events = code('Iran did not meet the Saudi delegation. Russia did not want a war and urged Ukraine to negotiate.');
  assert.ok(events.some((e) => e.negated && e.source.actor === 'IRN' && e.root === '04'), dyads(events).join(' '));
  const urge = events.find((e) => e.source.actor === 'RUS' && e.target?.actor === 'UKR' && e.root === '02');
  assert.ok(urge, dyads(events).join(' '));
  assert.equal(urge.negated, false);
});

test('a passive clause without its own subject takes the main clause patient; protesters attack unconventionally', () => {
  const events = code('A number of journalists were also injured after being attacked by protesters in Belgrade.');
  const attack = events.find((e) => e.root === '18');
  assert.ok(attack, dyads(events).join(' '));
  assert.match(attack.source.actor, /OPP$/);
  assert.equal(attack.target?.actor, '---MED');
  assert.ok(attack.rules.includes('events.target-passive-subject'));
});

test('an act still to come is an intent or a threat', () => {
  const aid = code('Finland will give Tanzania a grant of 580 million shillings.');
  assert.deepEqual(dyads(aid), ['FIN>TZA 033']);
  assert.equal(aid[0]!.modality, 'future');
  assert.ok(aid[0]!.rules.includes('events.act-to-come-intent-or-threat'));
  assert.ok(dyads(code('Russia will attack Ukraine.')).includes('RUS>UKR 138'));
});
