/** Direct quotes and fragments, one table per rule family, on news phrasing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quotesOf, view } from './helpers.ts';

type Row = [text: string, expected: [content: string, speaker: string, rule: string][]];

function check(rows: Row[]): void {
  for (const [text, expected] of rows) {
    const quotes = quotesOf(text).filter((q) => q.direct);
    assert.deepEqual(
      quotes.map((q) => view(text, q).slice(0, 2)),
      expected.map(([content, speaker]) => [content, speaker]),
      text,
    );
    expected.forEach(([, , rule], k) => assert.ok(quotes[k]!.rules.includes(rule), `${text}\n  rules of q${k + 1}: ${quotes[k]!.rules.join(' ')}, expected ${rule}`));
    for (const q of quotes) assert.equal(q.text, text.slice(q.start, q.end));
  }
}

test('cue after the quote: “…,” X said · said X · he added, with appositives and asides', () => {
  check([
    ['“We will not back down,” Prime Minister Nuri al-Maliki said on Tuesday.', [['We will not back down,', 'Prime Minister Nuri al-Maliki', 'quotes.cue.after']]],
    ['“The border will stay closed,” said Ahmed Jassim, a spokesman for the Interior Ministry.', [['The border will stay closed,', 'Ahmed Jassim', 'quotes.cue.after']]],
    ['"There is no military solution," he told reporters in Geneva.', [['There is no military solution,', 'he', 'quotes.cue.after']]],
    ['“Who will pay for all of this?” the mayor asked.', [['Who will pay for all of this?', 'the mayor', 'quotes.cue.after']]],
    ['“It would be a grave mistake to leave now,” he added.', [['It would be a grave mistake to leave now,', 'he', 'quotes.cue.after']]],
    ['“The budget will pass before the recess,” Senate Majority Leader Jane Roe, R-Ky., said Tuesday.', [['The budget will pass before the recess,', 'Senate Majority Leader Jane Roe', 'quotes.cue.after']]],
    ['“It is an attack on our sovereignty,” Ali Hassan, the governor of Basra, one of the provinces hit by the floods, said on Sunday.', [['It is an attack on our sovereignty,', 'Ali Hassan', 'quotes.cue.after']]],
    ['“We need answers from the agency,” Rep. Jane Smith (D-Ohio) said.', [['We need answers from the agency,', 'Rep. Jane Smith', 'quotes.cue.after']]],
    ["''The budget gap will keep growing,'' said Mark Evans, an analyst in London.", [['The budget gap will keep growing,', 'Mark Evans', 'quotes.cue.after']]],
    ['“It was the best we could hope for,” Mr. Reed of the Farmers Union said.', [['It was the best we could hope for,', 'Mr. Reed of the Farmers Union', 'quotes.cue.after']]],
    ['“The river rose faster than anyone expected. We lost everything.” ― Maria Lopez', [['The river rose faster than anyone expected. We lost everything.', 'Maria Lopez', 'quotes.cue.dash']]],
  ]);
});

test('cue before the quote, in the sentence or ending the paragraph before', () => {
  check([
    ['The ministry said in a statement: “The ceasefire is holding across the country.”', [['The ceasefire is holding across the country.', 'The ministry', 'quotes.cue.before']]],
    ['Rice told reporters:\n\n“We are ready to talk to anyone who is willing to help.”', [['We are ready to talk to anyone who is willing to help.', 'Rice', 'quotes.cue.previous-paragraph']]],
    ['The general praised the troops, saying, “You have made this city safer for everyone.”', [['You have made this city safer for everyone.', 'The general', 'quotes.cue.before']]],
    ['He added, “We will be back next year with more volunteers.”', [['We will be back next year with more volunteers.', 'He', 'quotes.cue.before']]],
  ]);
});

test('a quote split by its cue, run on across paragraphs, or carried over from the previous quote', () => {
  check([
    ['“Some problems have been raised,” he said. “This was a positive step.”', [
      ['Some problems have been raised,', 'he', 'quotes.cue.after'],
      ['This was a positive step.', 'he', 'quotes.direct.split'],
    ]],
    ['“It was useful,” the envoy said of the meeting. “We will meet again in June.”', [
      ['It was useful,', 'the envoy', 'quotes.cue.after'],
      ['We will meet again in June.', 'the envoy', 'quotes.direct.split'],
    ]],
    ['“We will wait and see what happens on the ground.\n\n“The talks proceeded positively,” Crocker said.', [
      ['We will wait and see what happens on the ground.', 'Crocker', 'quotes.speaker.run-on'],
      ['The talks proceeded positively,', 'Crocker', 'quotes.direct.run-on'],
    ]],
    ['“The purpose was not to build a legal case,” Crocker said.\n\n“The talks proceeded positively. Right now their actions run at cross purposes.”', [
      ['The purpose was not to build a legal case,', 'Crocker', 'quotes.cue.after'],
      ['The talks proceeded positively. Right now their actions run at cross purposes.', 'Crocker', 'quotes.speaker.carried-over'],
    ]],
  ]);
});

test('the speaker of a carried-over quote has no mention of its own', () => {
  const text = '“The purpose was not to build a legal case,” Crocker said.\n\n“The talks proceeded positively.”';
  const carried = quotesOf(text)[1]!;
  assert.deepEqual(carried.speaker, { name: 'Crocker' });
  assert.equal(carried.cue, null);
});

test('fragments: the verb that governs the quoted phrase, and its subject', () => {
  check([
    ['The Iranians appeared keen for further talks, with Kazemi-Qomi calling the meeting “a first step in negotiations between these two sides”.', [['a first step in negotiations between these two sides', 'Kazemi-Qomi', 'quotes.cue.governing-verb']]],
    ['In turn, they had criticized the training of the army, saying it was “inadequate to the challenges faced”.', [['inadequate to the challenges faced', 'they', 'quotes.cue.governing-verb']]],
    ['Iran called the report “a pack of lies from start to finish”.', [['a pack of lies from start to finish', 'Iran', 'quotes.cue.governing-verb']]],
    ['Officials described the talks as “useful and positive in tone”.', [['useful and positive in tone', 'Officials', 'quotes.cue.governing-verb']]],
  ]);
  const [fragment] = quotesOf('Iran called the report “a pack of lies from start to finish”.');
  assert.equal(fragment!.fragment, true);
  assert.equal(fragment!.cue?.lemma, 'call');
});

test('full quotes are not fragments, and cues are given with their lemma and offsets', () => {
  const text = '“We will not back down,” the minister said.';
  const [q] = quotesOf(text);
  assert.equal(q!.fragment, false);
  assert.deepEqual(q!.cue, { text: 'said', lemma: 'say', start: text.indexOf('said'), end: text.indexOf('said') + 4 });
  assert.equal(q!.sentence, 0);
});
