/** Indirect speech: the reported clause, its cue and its speaker. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quotesOf, view } from './helpers.ts';

type Row = [text: string, content: string, speaker: string, cue: string, rule: string];

test('reported clauses, by cue position', () => {
  const rows: Row[] = [
    ['Maliki said Iraq would not be a launchpad for any attacks on neighboring states.', 'Iraq would not be a launchpad for any attacks on neighboring states', 'Maliki', 'said', 'quotes.indirect.cue-before'],
    ['The army said on Monday that it had withdrawn from the town.', 'it had withdrawn from the town', 'The army', 'said', 'quotes.indirect.cue-before'],
    ['Police told reporters five people had been arrested overnight.', 'five people had been arrested overnight', 'Police', 'told', 'quotes.indirect.cue-before'],
    ['The minister warned them that the ceasefire could collapse within days.', 'the ceasefire could collapse within days', 'The minister', 'warned', 'quotes.indirect.cue-before'],
    ['Iran denied that it had sent weapons to the militias.', 'it had sent weapons to the militias', 'Iran', 'denied', 'quotes.indirect.cue-before'],
    ['She pointed out that turnout had been low in the north.', 'turnout had been low in the north', 'She', 'pointed out', 'quotes.indirect.cue-before'],
    ['Kazemi-Qomi, speaking at a separate news conference, said Iran also saw positive steps in the talks.', 'Iran also saw positive steps in the talks', 'Kazemi-Qomi', 'said', 'quotes.indirect.cue-before'],
    ['The talks will resume in Geneva in June, a spokesman said.', 'The talks will resume in Geneva in June', 'a spokesman', 'said', 'quotes.indirect.cue-after'],
    ['The border crossing would reopen on Friday, said Omar Khalil, the provincial governor.', 'The border crossing would reopen on Friday', 'Omar Khalil', 'said', 'quotes.indirect.cue-after'],
    ['The ceasefire, the minister said, is holding in most areas.', 'The ceasefire, the minister said, is holding in most areas', 'the minister', 'said', 'quotes.indirect.parenthetical'],
    ['Kazemi-Qomi praised the meeting, saying Tehran would seriously consider an invitation for further talks.', 'Tehran would seriously consider an invitation for further talks', 'Kazemi-Qomi', 'saying', 'quotes.indirect.participle'],
    ['Five people were killed in the blast, according to police.', 'Five people were killed in the blast', 'police', 'according to', 'quotes.indirect.according-to'],
    ['According to the ministry, the death toll has risen to 40.', 'the death toll has risen to 40', 'the ministry', 'According to', 'quotes.indirect.according-to'],
  ];
  for (const [text, content, speaker, cue, rule] of rows) {
    const quotes = quotesOf(text).filter((q) => !q.direct);
    assert.equal(quotes.length, 1, `${text}: ${quotes.map((q) => q.text).join(' | ')}`);
    const q = quotes[0]!;
    assert.deepEqual(view(text, q), [content, speaker, false], text);
    assert.equal(q.cue?.text, cue, text);
    assert.equal(text.slice(q.cue!.start, q.cue!.end), cue, text);
    assert.ok(q.rules.includes(rule), `${text}: ${q.rules.join(' ')}`);
  }
});

test('the clause ends before a remark of the writer’s own', () => {
  const rows: [string, string][] = [
    ['Maliki said Iraq would not be a launchpad for attacks, an apparent reference to Iranian fears.', 'Iraq would not be a launchpad for attacks'],
    ['He said he did not produce any evidence, although the military has displayed rockets.', 'he did not produce any evidence'],
    ['Officials said they did not expect any breakthroughs, which come as warships hold war games.', 'they did not expect any breakthroughs'],
  ];
  for (const [text, content] of rows) assert.deepEqual(quotesOf(text).map((q) => q.text), [content], text);
});

test('a clause reported inside a reported clause is not a second quote', () => {
  const text = 'He said he had told the Iranians they must end their support for the militias.';
  assert.deepEqual(quotesOf(text).map((q) => q.text), ['he had told the Iranians they must end their support for the militias']);
});

test('mixed quotes: the clause is kept when it says more than its quoted words', () => {
  const text = 'The opposition says the government represents the “same corrupt system that it promised to sweep away.”';
  const quotes = quotesOf(text);
  assert.deepEqual(quotes.map((q) => [q.text, q.direct]), [
    ['the government represents the “same corrupt system that it promised to sweep away.”', false],
    ['same corrupt system that it promised to sweep away.', true],
  ]);
});

test('harder phrasing: compounds, asides after "that", quoted openings, names wink cuts a sentence after', () => {
  const rows: [string, string, string][] = [
    ['The mayor said on Friday that the lowest-paid city workers would get a raise.', 'the lowest-paid city workers would get a raise', 'The mayor'],
    ['Rep. Jane Doe (D-Ohio) said the bill would not pass the Senate.', 'the bill would not pass the Senate', 'Rep. Jane Doe'],
    ['The governor said that, if re-elected, she would cut property taxes.', 'if re-elected, she would cut property taxes', 'The governor'],
    ['The police chief said at a briefing in Kabul that “a car bomb” had exploded near the embassy.', '“a car bomb” had exploded near the embassy', 'The police chief'],
    ['Maria Ortiz, director of the Center for Water Policy at the University of Arizona, said the drought-stricken farms were losing money.', 'the drought-stricken farms were losing money', 'Maria Ortiz'],
    ['The company this month announced it would drop the sales targets.', 'it would drop the sales targets', 'The company'],
  ];
  for (const [text, content, speaker] of rows) {
    const quotes = quotesOf(text).filter((q) => !q.direct);
    assert.deepEqual(quotes.map((q) => view(text, q).slice(0, 2)), [[content, speaker]], text);
  }
});
