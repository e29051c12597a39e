/**
 * Golden test on the founding article: every expectation in the hand-written `.expected.json` (from the facts
 * file's must lines and the should lines Dateline meets) holds, nothing on the must-not lists appears, the record
 * conforms to the JSON Schema, and every offset slices to the words it claims.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { codeArticle } from '../../src/pipeline/codeArticle.ts';
import { validateRecord } from '../../src/model/schema.ts';
import type { ArticleRecord, Event } from '../../src/model/record.ts';

interface EventExpectation {
  what: string;
  source?: string;
  target?: string;
  either?: boolean;
  code?: string;
  date?: string;
  place?: string;
  claimed?: boolean;
  historical?: boolean;
  denies?: string;
  evidenceIncludes?: string;
}

const expected = JSON.parse(readFileSync(new URL('./reuters-2007-05-28-us-iran-talks.expected.json', import.meta.url), 'utf8'));
const text = readFileSync(new URL(expected.input.file, import.meta.url), 'utf8');
const record: ArticleRecord = codeArticle({
  id: 'reuters-2007-05-28-us-iran-talks',
  text,
  title: null,
  titleSpan: null,
  published: expected.input.published,
  publishedFrom: 'option',
  url: null,
  source: null,
  byline: null,
  messages: [],
});
const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
const entityName = (id: string | undefined) => record.entities.find((e) => e.id === id)?.name ?? '';

test('golden: the record conforms to the JSON Schema', () => {
  assert.deepEqual(validateRecord(record), []);
});

test('golden: article, dateline, credits and furniture', () => {
  const a = record.article;
  assert.equal(a.title, expected.article.title);
  assert.equal(a.source, expected.article.source);
  assert.equal(a.published, expected.article.published);
  assert.equal(a.dateline?.place, expected.article.dateline);
  assert.deepEqual(a.credits.map((c) => c.name), expected.article.credits);
  for (const c of a.credits) assert.equal(slice(c), c.name);
  assert.deepEqual(a.furniture.map(slice), expected.article.furniture);
  for (const r of [...record.entities, ...record.places]) assert.doesNotMatch(r.name, /slideshow|related coverage/i);
});

test('golden: people with roles, actors and every mention', () => {
  for (const p of expected.people) {
    const person = record.entities.find((e) => e.type === 'PERSON' && e.name === p.name);
    assert.ok(person, `${p.name} is missing`);
    for (const key of ['role', 'country', 'post', 'actor'] as const) if (p[key]) assert.equal(person[key], p[key], `${p.name}.${key}`);
    assert.deepEqual(person.mentions.map(slice), p.mentions, `${p.name} mentions`);
  }
  const people = record.entities.filter((e) => e.type === 'PERSON').map((e) => e.name);
  for (const name of expected.notPeople) assert.ok(!people.some((p) => p.includes(name)), `${name} must not be a person entity`);
});

test('golden: places geocoded', () => {
  for (const p of expected.places) {
    const place = record.places.find((x) => x.name === p.name);
    assert.ok(place, `${p.name} is missing; places are ${record.places.map((x) => x.name).join(', ')}`);
    if (p.country) assert.equal(place.country, p.country, p.name);
    if (p.kind) assert.equal(place.kind, p.kind, p.name);
    if (p.geonameid) assert.equal(place.geonameid, p.geonameid, p.name);
    if (p.lat !== undefined) assert.ok(Math.abs(place.lat - p.lat) < 0.05 && Math.abs(place.lon - p.lon) < 0.05, `${p.name} at ${place.lat}, ${place.lon}`);
    for (const m of place.mentions) assert.ok(m.end > m.start && m.end <= text.length);
  }
  assert.ok(!record.places.some((p) => /washington/i.test(p.name) && p.geonameid !== 4140963), 'Washington is Washington, D.C.');
});

function matches(e: Event, x: EventExpectation, reversed = false): boolean {
  const source = reversed ? e.target?.actor ?? '' : e.source.actor;
  const target = reversed ? e.source.actor : e.target?.actor ?? '';
  if (x.source && !new RegExp(x.source).test(source)) return false;
  if (x.target && !new RegExp(x.target).test(target)) return false;
  if (x.code && !new RegExp(x.code).test(e.code)) return false;
  if (x.date && !(e.date.value ?? '').startsWith(x.date)) return false;
  if (x.place && e.place?.name !== x.place) return false;
  if (x.claimed !== undefined && e.claimed !== x.claimed) return false;
  if (x.historical !== undefined && e.historical !== x.historical) return false;
  if (x.denies && !new RegExp(x.denies).test(record.events.find((d) => d.id === e.denies)?.code ?? '')) return false;
  // One event, many mentions: the expected words may be any report of it
  if (x.evidenceIncludes && ![e.evidence, ...(e.mentions ?? [])].some((m) => slice(m).includes(x.evidenceIncludes!))) return false;
  return !e.negated;
}

test('golden: the talks reported three times are one event with three mentions', () => {
  const talks = record.events.filter((e) => e.code.startsWith('04') && slice(e.evidence) === 'talks');
  assert.equal(talks.length, 1, talks.map((e) => e.id).join(' '));
  assert.deepEqual(talks[0]!.mentions!.map((m) => slice(m)), ['talks', 'talks', 'talks']);
});

test('golden: events', () => {
  const listing = () => record.events.map((e) => `${e.id} ${e.source.actor}→${e.target?.actor ?? '-'} ${e.code} ${e.date.value} “${slice(e.evidence)}”`).join('\n');
  for (const x of expected.events as EventExpectation[]) {
    const found = record.events.some((e) => matches(e, x) || (x.either === true && matches(e, x, true)));
    assert.ok(found, `event ${x.what} is missing:\n${listing()}`);
  }
  for (const x of expected.mustNotEvents as EventExpectation[]) {
    const bad = record.events.filter((e) => !e.negated && (!x.code || new RegExp(x.code).test(e.code)) && (!x.date || (e.date.value ?? '').startsWith(x.date)) && (!x.evidenceIncludes || [e.evidence, ...(e.mentions ?? [])].some((m) => slice(m).includes(x.evidenceIncludes!))));
    assert.deepEqual(bad.map((e) => e.id), [], `must not: ${x.what}`);
  }
  for (const e of record.events) {
    assert.ok(e.rules.length > 0 && e.evidence.end > e.evidence.start, `${e.id} has evidence and rules`);
    assert.ok(slice(e.evidence).includes(slice(e.trigger)), `${e.id}: the trigger lies in the evidence`);
    for (const name of expected.notPeople) assert.ok(!entityName(e.source.entity).includes(name) && !entityName(e.target?.entity).includes(name), `${e.id} has no contributor as actor`);
  }
});

test('golden: casualties', () => {
  const [truck, scores] = expected.casualties;
  const incident = record.casualties.find((c) => c.killed?.value === truck.killed && c.wounded?.value === truck.wounded);
  assert.ok(incident, 'the truck bomb: killed 24, wounded 68');
  assert.equal(incident.date?.value, truck.date);
  assert.equal(incident.place?.name, truck.place);
  assert.match(incident.incident ?? '', new RegExp(truck.incidentIncludes));
  assert.equal(incident.cumulative, false);
  assert.equal(slice(incident.killed!), '24');
  const cumulative = record.casualties.find((c) => c.cumulative && (c.killed?.min ?? c.killed?.value ?? 0) >= scores.killedMin);
  assert.ok(cumulative, 'scores of American soldiers: a separate, cumulative count');
  assert.equal(cumulative.killed?.approximate, true);
});

test('golden: quotes with their speakers', () => {
  for (const x of expected.quotes) {
    const quote = record.quotes.find((q) => q.direct === x.direct && q.text.startsWith(x.startsWith));
    assert.ok(quote, `quote “${x.startsWith}…” (${x.direct ? 'direct' : 'indirect'}) is missing`);
    const speaker = `${quote.speaker.name} ${entityName(quote.speaker.entity)}`;
    assert.ok(speaker.includes(x.speaker), `“${x.startsWith}…” is attributed to ${speaker}, not ${x.speaker}`);
    assert.equal(slice(quote), quote.text);
  }
  for (const word of expected.notQuotes) assert.ok(!record.quotes.some((q) => q.text === word), `“${word}” is a scare quote, not a quote`);
});
