/** Who spoke: entity mentions first, then the stage's own fallbacks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityIn, quotesOf } from './helpers.ts';

test('a speaker phrase that is, or holds, an entity mention speaks for that entity', () => {
  const text = 'U.S. ambassador Ryan Crocker said Iran must stop arming the militias.\n\nIran’s foreign ministry said the charge was baseless.';
  const crocker = entityIn(text, 'e1', 'PERSON', 'Ryan Crocker', [['Ryan Crocker', 'name']], 'USAGOV');
  const usa = entityIn(text, 'e2', 'GPE', 'United States', [['U\\.S\\.', 'name']], 'USA');
  const iran = entityIn(text, 'e3', 'GPE', 'Iran', [['Iran', 'name']], 'IRN');
  const [first, second] = quotesOf(text, [crocker, usa, iran]);
  assert.deepEqual(first!.speaker, { entity: 'e1', name: 'Ryan Crocker', actor: 'USAGOV', start: 0, end: 'U.S. ambassador Ryan Crocker'.length });
  assert.ok(first!.rules.includes('quotes.speaker.entity-mention'));
  // An organisation named after its country: the words as written, the country's entity and actor.
  assert.equal(second!.speaker.name, 'Iran’s foreign ministry');
  assert.equal(second!.speaker.entity, 'e3');
  assert.equal(second!.speaker.actor, 'IRN');
});

test('a person the phrase only names ("a spokesman for …") is not the speaker', () => {
  const text = 'A spokesman for Ryan Crocker said the embassy would release more details soon.';
  const crocker = entityIn(text, 'e1', 'PERSON', 'Ryan Crocker', [['Ryan Crocker', 'name']]);
  const [q] = quotesOf(text, [crocker]);
  assert.deepEqual([q!.speaker.name, q!.speaker.entity], ['A spokesman for Ryan Crocker', undefined]);
});

test('a pronoun the entities stage linked resolves through its mention', () => {
  const text = 'Kazemi-Qomi spoke after Crocker.\n\n“Some problems have been raised,” he said.';
  const kazemi = entityIn(text, 'e1', 'PERSON', 'Hassan Kazemi-Qomi', [['Kazemi-Qomi', 'surname'], ['he', 'pronoun']]);
  const crocker = entityIn(text, 'e2', 'PERSON', 'Ryan Crocker', [['Crocker', 'surname']]);
  const [q] = quotesOf(text, [kazemi, crocker]);
  assert.equal(q!.speaker.name, 'Hassan Kazemi-Qomi');
  assert.equal(text.slice(q!.speaker.start, q!.speaker.end), 'he');
});

test('"he" with no link: the last person named before it, outside quotes', () => {
  // Rouhani is named last, but inside Crocker's quote.
  const text = 'Ryan Crocker met the envoy on Monday.\n\nCrocker told reporters: “I spoke to Hassan Rouhani about the militias.”\n\n“It went well,” he said.';
  const crocker = entityIn(text, 'e1', 'PERSON', 'Ryan Crocker', [['Ryan Crocker', 'name'], ['Crocker', 'surname']]);
  const rouhani = entityIn(text, 'e2', 'PERSON', 'Hassan Rouhani', [['Hassan Rouhani', 'name']]);
  const last = quotesOf(text, [crocker, rouhani]).at(-1)!;
  assert.equal(last.text, 'It went well,');
  assert.equal(last.speaker.name, 'Ryan Crocker');
  assert.ok(last.rules.includes('quotes.speaker.recent-person'));
});

test('"they" with no link: the last people or plural group named', () => {
  const text = 'The Iranians had rejected the allegations. They said the militias were not armed by Tehran.';
  const iran = entityIn(text, 'e1', 'GPE', 'Iran', [['The Iranians', 'demonym']], 'IRN');
  const [q] = quotesOf(text, [iran]);
  assert.equal(q!.text, 'the militias were not armed by Tehran');
  assert.deepEqual([q!.speaker.name, q!.speaker.entity, text.slice(q!.speaker.start, q!.speaker.end)], ['Iran', 'e1', 'They']);
  assert.ok(q!.rules.includes('quotes.speaker.recent-group'));
});

test('a lone surname with no mention: the person whose name ends with it', () => {
  const text = 'Ryan Crocker arrived in Baghdad on Sunday.\n\nCrocker said Iran must stop arming the militias.';
  const crocker = entityIn(text, 'e1', 'PERSON', 'Ryan Crocker', [['Ryan Crocker', 'name']]);
  const [q] = quotesOf(text, [crocker]);
  assert.deepEqual([q!.speaker.name, q!.speaker.entity], ['Ryan Crocker', 'e1']);
  assert.ok(q!.rules.includes('quotes.speaker.surname'));
});

test('no entity fits: the words as written, with their offsets', () => {
  const text = 'Officials in Baghdad said the talks would resume in June.';
  const [q] = quotesOf(text);
  assert.deepEqual(q!.speaker, { name: 'Officials in Baghdad', start: 0, end: 'Officials in Baghdad'.length });
  assert.ok(q!.rules.includes('quotes.speaker.as-written'));
});
