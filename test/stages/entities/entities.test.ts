import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findEntities } from '../../../src/stages/entities/index.ts';
import { fakeKnowledge, segmentText } from '../../helpers/fakeWorld.ts';

const run = (text: string) => findEntities(segmentText(text), fakeKnowledge);
const slices = (text: string, e: { mentions: { start: number; end: number }[] }) => e.mentions.map((m) => text.slice(m.start, m.end));

test('roles from premodifiers, titles and appositions', () => {
  const cases: [string, string, { role?: string; country?: string; post?: string }][] = [
    ['U.S. ambassador to Iraq Ryan Crocker met officials on Monday.', 'Ryan Crocker', { role: 'ambassador', country: 'USA', post: 'IRQ' }],
    ['Iraqi Prime Minister Nuri al-Maliki spoke to reporters.', 'Nuri al-Maliki', { role: 'prime minister', country: 'IRQ' }],
    ['Syrian Foreign Minister Walid al-Moualem arrived in Baghdad.', 'Walid al-Moualem', { role: 'foreign minister', country: 'SYR' }],
    ['Ryan Crocker, the U.S. ambassador to Iraq, said the talks went well.', 'Ryan Crocker', { role: 'ambassador', country: 'USA', post: 'IRQ' }],
    ['The talks were led by Iran’s envoy Hassan Kazemi-Qomi in Baghdad.', 'Hassan Kazemi-Qomi', { role: 'envoy', country: 'IRN' }],
    ['President George W. Bush said on Monday the plan would work.', 'George W. Bush', { role: 'president' }],
  ];
  for (const [text, name, expected] of cases) {
    const person = run(text).find((e) => e.type === 'PERSON' && e.name === name);
    assert.ok(person, `${name} not found in: ${text}\n${JSON.stringify(run(text).map((e) => [e.type, e.name]))}`);
    for (const [key, value] of Object.entries(expected)) assert.equal(person[key as 'role'], value, `${key} of ${name}`);
  }
});

test('hyphenated and particle names are rejoined', () => {
  const text = 'Hassan Kazemi-Qomi met Nuri al-Maliki and Osama bin Laden’s former aide Mussab Al-Khairalla.';
  const names = run(text).filter((e) => e.type === 'PERSON').map((e) => e.name);
  assert.ok(names.includes('Hassan Kazemi-Qomi'), names.join(', '));
  assert.ok(names.includes('Nuri al-Maliki'), names.join(', '));
});

test('coreference: surnames, pronoun subjects of speech verbs, "the Iranians"', () => {
  const text = 'U.S. ambassador Ryan Crocker met his Iranian counterpart Hassan Kazemi-Qomi.\n\nCrocker said he had told the Iranians to stop.\n\nKazemi-Qomi disagreed. “It was useful,” he said.';
  const entities = run(text);
  const crocker = entities.find((e) => e.name === 'Ryan Crocker')!;
  assert.deepEqual(slices(text, crocker), ['Ryan Crocker', 'Crocker', 'he']);
  const kazemi = entities.find((e) => e.name === 'Hassan Kazemi-Qomi')!;
  assert.deepEqual(slices(text, kazemi), ['Hassan Kazemi-Qomi', 'Kazemi-Qomi', 'he']);
  assert.equal(kazemi.role, 'ambassador', 'a counterpart takes the role of the other person');
  assert.equal(kazemi.country, 'IRN');
  const iran = entities.find((e) => e.type === 'GPE' && e.country === 'IRN')!;
  assert.deepEqual(slices(text, iran), ['Iranians']);
  assert.equal(iran.mentions[0]!.kind, 'demonym');
});

test('pronouns that are not subjects of speech are not linked', () => {
  const text = 'Ryan Crocker arrived. He ate lunch with friends before the meeting.';
  const crocker = run(text).find((e) => e.name === 'Ryan Crocker')!;
  assert.deepEqual(slices(text, crocker), ['Ryan Crocker']);
});

test('types: places, nationalities, religions, organisations', () => {
  const text = 'A bomb hit a Sunni Muslim mosque in Baghdad. Iran’s Revolutionary Guards Qods Force denied it, Iraqi officials said in Tehran.';
  const byName = new Map(run(text).map((e) => [e.name, e]));
  assert.equal(byName.get('Baghdad')?.type, 'GPE');
  assert.equal(byName.get('Tehran')?.type, 'GPE');
  assert.equal(byName.get('Sunni')?.type, 'NORP');
  assert.equal(byName.get('Muslim')?.type, 'NORP');
  assert.equal(byName.get('Iraqi')?.type, 'NORP');
  assert.equal(byName.get('Iraqi')?.country, 'IRQ');
  const guards = byName.get('Revolutionary Guards Qods Force');
  assert.equal(guards?.type, 'ORG');
  assert.equal(guards?.country, 'IRN');
});

test('texts with no names yield no entities', () => {
  for (const text of ['The talks proceeded positively.', 'What we need to see is action on the ground.', 'it was, he said, a good day.', '']) {
    assert.deepEqual(run(text).filter((e) => e.type === 'PERSON' || e.type === 'ORG'), [], text);
  }
});

test('sentence-initial capitals and "Iranian-made" are not names', () => {
  const text = 'Presumably the talks worked. Positive steps followed. The army displayed Iranian-made rockets.';
  assert.deepEqual(run(text).filter((e) => e.type === 'PERSON').map((e) => e.name), []);
});

test('property: random text never throws, and every mention lies inside the text', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('', 'Ryan Crocker said ', 'U.S. ambassador to Iraq '), (noise, prefix) => {
      const text = prefix + noise;
      for (const e of run(text)) {
        for (const m of e.mentions) {
          assert.ok(m.start >= 0 && m.end <= text.length && m.start < m.end);
        }
      }
    }),
    { numRuns: 200 },
  );
});
