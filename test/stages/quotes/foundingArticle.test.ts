/**
 * The Quotes section of ../shared/samples/reuters-2007-05-28-us-iran-talks.facts.md on the founding article
 * (committed as test/fixtures), with the entities the entities stage makes for it written out by hand,
 * then once more with no entities and once with the real entities stage.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Entity, Mention, Quote } from '../../../src/model/record.ts';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { findEntities } from '../../../src/stages/entities/index.ts';
import { findQuotes } from '../../../src/stages/quotes/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { docWith } from '../../helpers/doc.ts';
import { fakeKnowledge } from '../../helpers/fakeWorld.ts';

const text = readFileSync(new URL('../../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url), 'utf8');
const seg = segment(text, cleanText(text).paragraphs);

/** Every whole-word match of the pattern `words`, as mentions of one kind. */
function mentions(words: string, kind: Mention['kind']): Mention[] {
  const found: Mention[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}-])${words}(?![\\p{L}-])`, 'gu'))) {
    const sentence = seg.sentences.find((s) => s.start <= m.index && m.index < s.end)?.index ?? -1;
    found.push({ start: m.index, end: m.index + m[0].length, sentence, kind });
  }
  return found;
}

/** The pronoun that opens the given words: "he said." → its "he". */
function pronoun(context: string): Mention {
  const at = text.indexOf(context);
  assert.ok(at >= 0, `fixture lacks "${context}"`);
  const sentence = seg.sentences.find((s) => s.start <= at && at < s.end)!.index;
  return { start: at, end: at + 2, sentence, kind: 'pronoun' };
}

const entity = (id: string, type: Entity['type'], name: string, list: Mention[], extra: Partial<Entity> = {}): Entity => ({
  id,
  type,
  name,
  mentions: list.sort((a, b) => a.start - b.start),
  sources: ['rule'],
  rules: [],
  ...extra,
});

/** What the entities stage should produce for the founding article (the people and Iran, with their links). */
const handEntities: Entity[] = [
  entity('e1', 'PERSON', 'Ryan Crocker', [
    ...mentions('Ryan Crocker', 'name'),
    ...mentions('Crocker', 'surname').filter((m) => text.slice(m.start - 5, m.start) !== 'Ryan '),
    pronoun('He said he did not'),
    pronoun('He said he had told'),
  ], { role: 'ambassador', country: 'USA', actor: 'USAGOV' }),
  entity('e2', 'PERSON', 'Hassan Kazemi-Qomi', [
    ...mentions('Hassan Kazemi-Qomi', 'name'),
    ...mentions('Kazemi-Qomi', 'surname').filter((m) => text.slice(m.start - 7, m.start) !== 'Hassan '),
    pronoun('he said.\n\nHe said Iran'),
    pronoun('He said Iran had offered'),
  ], { country: 'IRN', actor: 'IRNGOV' }),
  entity('e3', 'PERSON', 'Nuri al-Maliki', [...mentions('Nuri al-Maliki', 'name'), ...mentions('Maliki', 'surname').filter((m) => text[m.start - 1] !== '-'), pronoun('he added')], { country: 'IRQ', actor: 'IRQGOV' }),
  entity('e4', 'GPE', 'Iran', [...mentions('Iran', 'name'), ...mentions('[Tt]he Iranians', 'demonym')], { country: 'IRN', actor: 'IRN' }),
];

const slice = (q: Quote) => text.slice(q.start, q.end);
const speakerWords = (q: Quote) => (q.speaker.start === undefined ? null : text.slice(q.speaker.start, q.speaker.end));
const find = (quotes: Quote[], words: string) => quotes.find((q) => q.text.includes(words));

test('every quote is an exact slice of the article, numbered in text order', () => {
  const quotes = findQuotes(docWith(text, { entities: [...handEntities] }));
  assert.ok(quotes.length > 0);
  quotes.forEach((q, k) => {
    assert.equal(q.id, `q${k + 1}`);
    assert.equal(q.text, slice(q));
    if (k > 0) assert.ok(q.start >= quotes[k - 1]!.start);
    if (q.cue) assert.equal(text.slice(q.cue.start, q.cue.end), q.cue.text);
  });
});

test('must: the four direct quotes, each spoken by its person', () => {
  const quotes = findQuotes(docWith(text, { entities: [...handEntities] }));
  const cases: [string, string, string, string | null, string][] = [
    // [words in the quote, exact start … end of the content, speaker entity name, speaker words, rule]
    ['The purpose of this effort', 'The purpose of this effort was not to build a legal case.', 'Ryan Crocker', 'Crocker', 'quotes.cue.after'],
    ['The talks proceeded positively', 'The talks proceeded positively.', 'Ryan Crocker', null, 'quotes.speaker.carried-over'],
    ['Some problems have been raised', 'Some problems have been raised and studied', 'Hassan Kazemi-Qomi', 'he', 'quotes.cue.after'],
    ['In terms of what happens next', 'In terms of what happens next', 'Ryan Crocker', 'Crocker', 'quotes.cue.after'],
  ];
  for (const [words, opening, speaker, mention, rule] of cases) {
    const q = find(quotes, words);
    assert.ok(q, `no quote with "${words}"`);
    assert.equal(q.direct, true, words);
    assert.equal(q.fragment, false, words);
    assert.ok(q.text.startsWith(opening), `${words}: starts "${q.text.slice(0, 60)}"`);
    assert.equal(q.speaker.name, speaker, words);
    assert.equal(q.speaker.entity, handEntities.find((e) => e.name === speaker)!.id, words);
    assert.equal(speakerWords(q), mention, words);
    assert.ok(q.rules.includes(rule), `${words}: rules ${q.rules.join(' ')}`);
  }
  // Content spans stop at the marks: the first ends "…region," and the carried-over one "…stated policy."
  assert.ok(find(quotes, 'The purpose of this effort')!.text.endsWith('dangerous for the region,'));
  assert.ok(find(quotes, 'The talks proceeded positively')!.text.endsWith('their stated policy.'));
  assert.equal(find(quotes, 'Some problems')!.cue?.text, 'said');
});

test('must: fragments of Kazemi-Qomi and of the Iranians', () => {
  const quotes = findQuotes(docWith(text, { entities: [...handEntities] }));
  const step = find(quotes, 'a first step in negotiations')!;
  assert.equal(step.text, 'a first step in negotiations between these two sides');
  assert.deepEqual([step.direct, step.fragment, step.speaker.name, speakerWords(step), step.cue?.text], [true, true, 'Hassan Kazemi-Qomi', 'Kazemi-Qomi', 'calling']);
  const inadequate = find(quotes, 'inadequate to the challenges')!;
  assert.equal(inadequate.text, 'inadequate to the challenges faced');
  assert.deepEqual([inadequate.direct, inadequate.fragment, inadequate.speaker.name, speakerWords(inadequate), inadequate.cue?.text], [true, true, 'Iran', 'they', 'saying']);
  assert.equal(inadequate.speaker.actor, 'IRN');
});

test('must: Maliki, indirectly, twice ("he added" after he was named)', () => {
  const quotes = findQuotes(docWith(text, { entities: [...handEntities] }));
  const launchpad = find(quotes, 'launchpad')!;
  assert.equal(launchpad.text, 'Iraq would not be a launchpad for any attacks on neighboring states');
  assert.deepEqual([launchpad.direct, launchpad.speaker.name, speakerWords(launchpad), launchpad.cue?.lemma], [false, 'Nuri al-Maliki', 'Maliki', 'say']);
  const brook = find(quotes, 'regional interference')!;
  assert.equal(brook.text, 'It would also not brook any regional interference in its affairs');
  assert.deepEqual([brook.direct, brook.speaker.name, speakerWords(brook), brook.cue?.lemma], [false, 'Nuri al-Maliki', 'he', 'add']);
  assert.ok(brook.rules.includes('quotes.indirect.cue-after'));
});

test('should: Crocker and Kazemi-Qomi, indirectly', () => {
  const quotes = findQuotes(docWith(text, { entities: [...handEntities] }));
  const cases: [string, string, string][] = [
    ['he would refer to Washington a proposal', 'Ryan Crocker', 'he would refer to Washington a proposal by the Iranians for a mechanism with Iranian, U.S. and Iraqi participation to coordinate Iraqi security matters'],
    ['he had told the Iranians they must end', 'Ryan Crocker', 'he had told the Iranians they must end their support for the militias, stop supplying them with explosives and ammunition and rein in the activities of Iran’s Revolutionary Guards Qods Force in Iraq'],
    ['Iran had offered to help train', 'Hassan Kazemi-Qomi', 'Iran had offered to help train and arm Iraq’s security forces, presently the job of the U.S. military'],
    ['it had uncovered spy networks', 'Tehran', 'it had uncovered spy networks on its territory run by Washington and its allies'],
  ];
  for (const [words, speaker, content] of cases) {
    const q = find(quotes, words);
    assert.ok(q, words);
    assert.equal(q.direct, false, words);
    assert.equal(q.text, content, words);
    assert.equal(q.speaker.name, speaker, words);
  }
  // The nested "told" is part of the reported clause, not a second quote.
  assert.equal(quotes.filter((q) => q.text.includes('they must end their support')).length, 1);
});

test('must not: scare quotes, the headline and the page furniture are no quotes', () => {
  const quotes = findQuotes(docWith(text, { entities: [...handEntities] }));
  assert.ok(!quotes.some((q) => /^\W*(positive|occupying)\W*$/i.test(q.text)));
  assert.ok(!quotes.some((q) => /slideshow|related coverage/i.test(q.text + q.speaker.name)));
  // No indirect record repeats a direct quote's words ("saying it was “inadequate …”").
  const direct = quotes.filter((q) => q.direct);
  for (const q of quotes.filter((x) => !x.direct)) assert.ok(!direct.some((d) => d.start >= q.start && d.end <= q.end && d.end - d.start > (q.end - q.start) / 2), q.text);
});

test('without entities the speakers are the words as written, and "he" finds the last named speaker', () => {
  const quotes = findQuotes(docWith(text, { entities: [] }));
  assert.equal(find(quotes, 'The purpose of this effort')!.speaker.name, 'Crocker');
  assert.equal(find(quotes, 'The talks proceeded positively')!.speaker.name, 'Crocker');
  assert.equal(find(quotes, 'Some problems have been raised')!.speaker.name, 'Kazemi-Qomi');
  assert.equal(find(quotes, 'regional interference')!.speaker.name, 'Maliki');
  assert.equal(find(quotes, 'inadequate to the challenges')!.speaker.name, 'they');
  assert.ok(quotes.every((q) => q.speaker.entity === undefined));
});

test('with the entities stage itself, every must line still holds', () => {
  const quotes = findQuotes(docWith(text, { entities: findEntities(seg, fakeKnowledge) }));
  const speaker = (words: string) => find(quotes, words)?.speaker.name ?? '';
  assert.match(speaker('The purpose of this effort'), /Crocker/);
  assert.match(speaker('The talks proceeded positively'), /Crocker/);
  assert.match(speaker('Some problems have been raised'), /Kazemi-Qomi/);
  assert.match(speaker('In terms of what happens next'), /Crocker/);
  assert.match(speaker('a first step in negotiations'), /Kazemi-Qomi/);
  assert.match(speaker('inadequate to the challenges'), /Iran/);
  assert.match(speaker('launchpad'), /Maliki/);
  assert.match(speaker('regional interference'), /Maliki/);
});
