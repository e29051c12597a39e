import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { ArticleRecord } from '../../src/model/record.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { recode } from '../../src/ingest/recode.ts';
import { codeArticle } from '../../src/pipeline/codeArticle.ts';
import { readInputs } from '../../src/stages/input/index.ts';
import { getArticle } from '../../src/store/articles.ts';
import { openStore, type Db } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';
import { queryEvents } from '../../src/store/events.ts';
import { queryQuotes } from '../../src/store/quotes.ts';
import { queryCasualties } from '../../src/store/casualties.ts';

const FOUNDING = new URL('../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-'));
let db: Db;
let store: SqliteStore;

const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const counts = () => Object.fromEntries(['articles', 'entities', 'entity_mentions', 'places', 'events', 'event_mentions', 'quotes', 'casualties', 'messages'].map((t) => [t, count(t)]));

before(() => {
  db = openStore(join(dir, 'store.db'));
  store = new SqliteStore(db);
});
after(() => db.close());

test('ingest → query round trip on the founding article: events, quotes and casualties with offsets', async () => {
  const summary = await ingest(store, [FOUNDING], { workers: 1, published: '2007-05-28' });
  assert.deepEqual([summary.stored, summary.duplicates, summary.failed], [1, 0, 0]);
  const text = readFileSync(FOUNDING, 'utf8');

  // The stored record is exactly what the pipeline gives.
  const stored = (await getArticle(store.sql, 1))!;
  const [item] = [...readInputs([FOUNDING], { published: '2007-05-28' })];
  assert.ok(item?.ok);
  const coded: ArticleRecord = codeArticle(item.input);
  assert.deepEqual(stored.record, coded);
  assert.equal(stored.text, text);
  assert.deepEqual(Object.keys(stored.eventIds).sort(), coded.events.map((e) => e.id).sort());

  // Events: the U.S. urging Iran, on Monday 28 May 2007.
  const events = (await queryEvents(store.sql, { source: 'USA', target: 'IRN', from: '2007-05-28', to: '2007-05-28' }, null, 50)).items;
  assert.ok(events.length > 0, 'a U.S. → Iran event on 2007-05-28');
  for (const e of coded.events) {
    assert.ok(text.slice(e.trigger.start, e.trigger.end).trim().length > 0, `event ${e.id} trigger has words`);
    assert.ok(e.evidence.start <= e.trigger.start && e.trigger.end <= e.evidence.end, `event ${e.id} trigger inside its evidence`);
  }

  // Quotes: stored text is the text at its offsets.
  const quotes = (await queryQuotes(store.sql, {}, null, 500)).items;
  assert.equal(quotes.length, coded.quotes.length);
  assert.ok(quotes.length > 0);
  for (const q of quotes) assert.equal(text.slice(q.start, q.end), q.text);
  assert.ok((await queryQuotes(store.sql, { q: '"first step"' }, null, 10)).items.some((q) => q.speaker.name.includes('Kazemi-Qomi')), 'the Iranian ambassador called it a first step');

  // Casualties: the truck bomb that killed 24 and wounded 68.
  const casualties = (await queryCasualties(store.sql, { from: '2007-05-28', to: '2007-05-28' }, null, 50)).items;
  const bomb = casualties.find((c) => c.killed === 24);
  assert.ok(bomb, 'the truck bomb is stored');
  assert.equal(bomb.wounded, 68);
  const killed = coded.casualties.find((c) => c.killed?.value === 24)!.killed!;
  assert.equal(text.slice(killed.start, killed.end), killed.text);
  assert.ok(bomb.start <= killed.start && killed.end <= bomb.end);
});

test('ingesting the same article again adds nothing', async () => {
  const before = counts();
  const summary = await ingest(store, [FOUNDING], { workers: 1, published: '2007-05-28' });
  assert.deepEqual([summary.stored, summary.duplicates, summary.startupMs], [0, 1, 0], 'skipped before coding: no workers were started');
  assert.deepEqual(counts(), before);
});

test('a bad input is stored as a message and the ingest goes on; the summary says why', async () => {
  const file = join(dir, 'mixed.jsonl');
  writeFileSync(
    file,
    [
      JSON.stringify({ id: 'ok-1', text: 'Iraqi police said a car bomb killed 5 people in Basra on Tuesday.', published: '2008-03-04' }),
      '{not json',
      JSON.stringify({ id: 'no-text', title: 'A headline only' }),
      JSON.stringify({ id: 'ok-2', text: 'France condemned the attack in Basra on Wednesday.', published: '2008-03-05' }),
    ].join('\n'),
  );
  const before = count('articles');
  const summary = await ingest(store, [file], { workers: 1 });
  assert.deepEqual([summary.stored, summary.failed], [2, 2]);
  assert.equal(count('articles'), before + 2);
  assert.ok(summary.failures.some((f) => /not valid JSON/.test(f.reason) && f.first === `${file}:2`));
  assert.ok(summary.failures.some((f) => /no "text" or "html"/.test(f.reason)));
  const messages = db.prepare('SELECT origin, text FROM messages WHERE article_id IS NULL ORDER BY origin').all() as { origin: string; text: string }[];
  assert.deepEqual(messages.map((m) => m.origin), [`${file}:2`, `${file}:3`]);
  // Running it again stores neither the articles nor the messages twice.
  const again = await ingest(store, [file], { workers: 1 });
  assert.deepEqual([again.stored, again.duplicates, again.failed], [0, 2, 2]);
  assert.equal(count('messages'), messages.length + (db.prepare('SELECT count(*) AS n FROM messages WHERE article_id IS NOT NULL').get() as { n: number }).n);
});

test('a feed file gives one article per item, with its link, title and date', async () => {
  const feed = join(dir, 'world.rss');
  writeFileSync(
    feed,
    `<?xml version="1.0"?><rss version="2.0"><channel><title>World News</title>
<item><title>Talks in Baghdad</title><link>https://news.example/talks</link><pubDate>Mon, 28 May 2007 10:00:00 GMT</pubDate>
<description><![CDATA[<p>The United States urged Iran on Monday to stop supporting militias in Iraq.</p>]]></description></item>
<item><title>Bomb in Basra</title><link>https://news.example/bomb</link><pubDate>Tue, 29 May 2007 08:00:00 GMT</pubDate>
<description>A car bomb killed 12 people in Basra on Tuesday, police said.</description></item>
</channel></rss>`,
  );
  const summary = await ingest(store, [feed], { workers: 1 });
  assert.equal(summary.stored, 2);
  const rows = db.prepare("SELECT url, title, published, source FROM articles WHERE url LIKE 'https://news.example/%' ORDER BY url").all();
  assert.deepEqual(rows, [
    { url: 'https://news.example/bomb', title: 'Bomb in Basra', published: '2007-05-29', source: 'World News' },
    { url: 'https://news.example/talks', title: 'Talks in Baghdad', published: '2007-05-28', source: 'World News' },
  ]);
});

test('recode replaces every article\'s records in place and changes nothing when the pipeline has not changed', async () => {
  const before = counts();
  const records = (db.prepare('SELECT id, record FROM articles ORDER BY id').all() as { id: number; record: string }[]);
  const summary = await recode(store, { workers: 1 });
  assert.equal(summary.recoded, before.articles);
  assert.equal(summary.failed, 0);
  assert.deepEqual(counts(), before);
  assert.deepEqual(db.prepare('SELECT id, record FROM articles ORDER BY id').all(), records);
});
