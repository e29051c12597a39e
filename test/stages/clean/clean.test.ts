import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { DATELINE_RULES, FURNITURE_RULES } from '../../../src/stages/clean/rules.ts';

const founding = readFileSync(new URL('../../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url), 'utf8');

test('every rule matches its own example, and rule ids are unique', () => {
  const ids = new Set<string>();
  for (const rule of [...FURNITURE_RULES, ...DATELINE_RULES]) {
    assert.ok(rule.pattern.test(rule.example), `${rule.id} does not match its example "${rule.example}"`);
    assert.ok(!ids.has(rule.id), `duplicate rule id ${rule.id}`);
    ids.add(rule.id);
  }
});

test('furniture lines are removed and cited by rule', () => {
  const cases: [string, string][] = [
    ['Related Coverage', 'clean.related-coverage'],
    ['Slideshow ( 15 images )', 'clean.slideshow'],
    ['Read more: Iran talks stall', 'clean.read-more'],
    ['Share this article', 'clean.share'],
    ['Facebook Twitter LinkedIn Email', 'clean.social'],
    ['Advertisement', 'clean.advertisement'],
    ['Sign up for our newsletter', 'clean.subscribe'],
    ['© 2007 Reuters. All rights reserved.', 'clean.copyright'],
    ['Advertisement — Buy the new Phone X today!', 'clean.advertisement-block'],
    ['Share on Facebook Share on Twitter Email', 'clean.share'],
    ['By Jane Doe', 'clean.byline'],
    ['BY JANE DOE and JOHN ROE', 'clean.byline'],
    ['By Jane Doe, Reuters', 'clean.byline'],
  ];
  for (const [line, rule] of cases) {
    const text = `Iran and the U.S. held talks.\n\n${line}\n\nThe talks went on.`;
    const cleaned = cleanText(text);
    assert.deepEqual(cleaned.furniture.map((f) => [text.slice(f.start, f.end), f.rule]), [[line, rule]], line);
    assert.deepEqual(cleaned.paragraphs.map((p) => text.slice(p.start, p.end)), ['Iran and the U.S. held talks.', 'The talks went on.'], line);
  }
});

test('ordinary sentences are never furniture', () => {
  const keep = [
    'Photos of the blast were shared widely on social media, police said.',
    'Read the full statement, the minister told reporters on Monday.',
    'The video showed gunmen firing at the convoy.',
    'Reuters could not independently verify the report.',
    'By Monday, the army had withdrawn from the town.',
    'By 2020 Iran had enriched uranium beyond the agreed limit',
    'Advertisers left the network after the broadcast.',
  ];
  for (const line of keep) {
    const text = `First paragraph here.\n\n${line}`;
    assert.equal(cleanText(text).furniture.length, 0, line);
  }
});

test('datelines: place and agency become the dateline, and the body starts after them', () => {
  const cases: [string, string, string | null, string][] = [
    ['BAGHDAD (Reuters) - The United States urged Iran', 'Baghdad', 'Reuters', 'The United States urged Iran'],
    ['WASHINGTON, May 28 (Reuters) - President Bush said', 'Washington', 'Reuters', 'President Bush said'],
    ['Baghdad, Iraq (CNN) -- A bomb exploded', 'Baghdad, Iraq', 'CNN', 'A bomb exploded'],
    ['SALVADOR, Feb 26 - Showers continued throughout the week', 'Salvador', null, 'Showers continued throughout the week'],
    ['NEW YORK (AP) — Stocks fell', 'New York', 'AP', 'Stocks fell'],
    ['LONDON — Prime Minister Theresa May said', 'London', null, 'Prime Minister Theresa May said'],
    ['JERUSALEM — Israel reopened the crossing', 'Jerusalem', null, 'Israel reopened the crossing'],
    ['JERUSALEM, March 4 (AP) — Israel reopened the crossing', 'Jerusalem', 'AP', 'Israel reopened the crossing'],
    ['KYIV, Feb. 24 (Reuters) — Russia attacked', 'Kyiv', 'Reuters', 'Russia attacked'],
  ];
  for (const [paragraph, place, source, body] of cases) {
    const text = `Headline of the story\n\n${paragraph}.`;
    const cleaned = cleanText(text);
    assert.equal(cleaned.dateline?.place, place, paragraph);
    assert.equal(cleaned.dateline?.source, source, paragraph);
    assert.equal(text.slice(cleaned.dateline!.start, cleaned.dateline!.end).toLowerCase(), place.toLowerCase().replace(/, iraq$/, ', iraq'), paragraph);
    assert.ok(text.slice(cleaned.paragraphs[0]!.start).startsWith(body), paragraph);
  }
});

test('no dateline in a body that starts with an ordinary sentence', () => {
  for (const first of ['The United States urged Iran on Monday to stop.', 'U.S. and Iranian officials met in Baghdad.', 'NATO said on Friday it would send troops.']) {
    assert.equal(cleanText(`Title\n\n${first}`).dateline, null, first);
  }
});

test('credit lines become credits with roles and places, never body text', () => {
  const text = 'Story body.\n\nReporting by Ahmed Rasheed; Writing by Michael Georgy; Editing by Alex Richardson';
  const cleaned = cleanText(text);
  assert.deepEqual(cleaned.credits.map((c) => [c.name, c.role]), [['Ahmed Rasheed', 'reporting'], ['Michael Georgy', 'writing'], ['Alex Richardson', 'editing']]);
  for (const c of cleaned.credits) assert.equal(text.slice(c.start, c.end), c.name);
  assert.deepEqual(cleaned.paragraphs.map((p) => text.slice(p.start, p.end)), ['Story body.']);

  const trailer = 'The talks ended on Monday. (Reporting by Paul Tait; Editing by Janet Lawrence)';
  const t = cleanText(trailer);
  assert.deepEqual(t.credits.map((c) => c.name), ['Paul Tait', 'Janet Lawrence']);
  assert.equal(trailer.slice(t.paragraphs[0]!.start, t.paragraphs[0]!.end), 'The talks ended on Monday.');
});

test('founding article: headline, dateline, four contributors, three furniture lines, offsets into the original', () => {
  const cleaned = cleanText(founding);
  assert.equal(cleaned.title?.text, 'U.S., Iran hold "positive" talks on Iraq violence');
  assert.equal(cleaned.dateline?.place, 'Baghdad');
  assert.equal(cleaned.dateline?.source, 'Reuters');
  assert.equal(founding.slice(cleaned.dateline!.start, cleaned.dateline!.end), 'BAGHDAD');
  assert.deepEqual(
    cleaned.credits.map((c) => [c.name, c.place]),
    [['Mariam Karouny', 'Baghdad'], ['Mussab Al-Khairalla', 'Baghdad'], ['Paul Tait', 'Baghdad'], ['Edmund Blair', 'Tehran']],
  );
  for (const c of cleaned.credits) assert.equal(founding.slice(c.start, c.end), c.name);
  assert.deepEqual(cleaned.furniture.map((f) => founding.slice(f.start, f.end)), ['Related Coverage', 'Slideshow ( 15 images )', 'Slideshow ( 15 images )']);
  assert.equal(cleaned.paragraphs.length, 20);
  assert.ok(founding.slice(cleaned.paragraphs[0]!.start).startsWith('The United States urged Iran on Monday'));
  const body = cleaned.paragraphs.map((p) => founding.slice(p.start, p.end)).join('\n');
  assert.doesNotMatch(body, /Slideshow|Related Coverage|additional reporting|BAGHDAD \(Reuters\)/);
});

test('hard-wrapped lines join into one paragraph; a line ending a sentence starts a new one', () => {
  const text = 'Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\nFarmers said the crop was safe.';
  const cleaned = cleanText(text);
  assert.deepEqual(cleaned.paragraphs.map((p) => text.slice(p.start, p.end)), ['Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.', 'Farmers said the crop was safe.']);
});

test('a known title glued to the first line removes only the title', () => {
  const text = 'Man shot on Elm Street A man was shot and killed on Elm Street on Friday, police said.';
  const cleaned = cleanText(text, { start: 0, end: 22 });
  assert.equal(cleaned.title?.text, 'Man shot on Elm Street');
  assert.deepEqual(cleaned.paragraphs.map((p) => text.slice(p.start, p.end)), ['A man was shot and killed on Elm Street on Friday, police said.']);
});

test('a "CITY, Month day (Agency) —" dateline keeps its date; a byline line before it does not hide it', () => {
  const text = 'Israel reopens crossing\n\nBy Jane Doe\n\nJERUSALEM, March 4 (AP) — Israel reopened the Kerem Shalom crossing on Monday.';
  const cleaned = cleanText(text);
  assert.equal(cleaned.dateline?.place, 'Jerusalem');
  assert.equal(cleaned.dateline?.date, 'March 4');
  assert.equal(cleaned.dateline?.rule, 'clean.dateline.agency');
  assert.deepEqual(cleaned.furniture.map((f) => [text.slice(f.start, f.end), f.rule]), [['By Jane Doe', 'clean.byline']]);
  assert.equal(text.slice(cleaned.paragraphs[0]!.start, cleaned.paragraphs[0]!.end), 'Israel reopened the Kerem Shalom crossing on Monday.');
});
