import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore, type Db } from '../../src/store/db.ts';
import { minhash, similarity } from '../../src/store/minhash.ts';
import { StoreWriter } from '../../src/store/writer.ts';
import { BAGHDAD, rowsOf, WIRE_STORY } from '../helpers/storeRecords.ts';

const fresh = (): { db: Db; writer: StoreWriter } => {
  const db = openStore(':memory:');
  return { db, writer: new StoreWriter(db) };
};
const events = (db: Db) => db.prepare('SELECT id, day, source_actor, target_actor, root, num_mentions, num_articles, num_sources FROM events ORDER BY id').all() as { id: number; day: string; num_mentions: number; num_articles: number; num_sources: number }[];

test('the same event from two sources on the same day is one event with two articles and two sources', () => {
  const { db, writer } = fresh();
  writer.write(rowsOf('Iraq and Iran met in Baghdad.', { id: 'a', source: 'Reuters' }, [{ source: 'IRQ', target: 'IRN', code: '040', day: '2007-05-28', place: BAGHDAD, words: 'met' }]));
  writer.write(rowsOf('Iraqi and Iranian officials held talks in Baghdad.', { id: 'b', source: 'AP' }, [{ source: 'IRQ', target: 'IRN', code: '043', day: '2007-05-28', place: BAGHDAD, words: 'held talks' }]));
  const [only, ...rest] = events(db);
  assert.equal(rest.length, 0);
  assert.equal(only!.num_articles, 2);
  assert.equal(only!.num_sources, 2);
  assert.equal(only!.num_mentions, 2);
  assert.equal(only!.day, '2007-05-28');
});

test('another root code, another place, or another day (even the next one) make separate events', () => {
  const { db, writer } = fresh();
  const base = { source: 'IRQ', target: 'IRN', code: '040', day: '2007-05-28', place: BAGHDAD, words: 'met' };
  writer.write(rowsOf('They met.', { id: 'a' }, [base]));
  writer.write(rowsOf('They met again.', { id: 'b' }, [{ ...base, code: '190' }]));
  writer.write(rowsOf('They met there.', { id: 'c' }, [{ ...base, place: { ...BAGHDAD, name: 'Basra', geonameid: 99532 } }]));
  writer.write(rowsOf('They met later.', { id: 'd' }, [{ ...base, day: '2007-05-29' }]));
  writer.write(rowsOf('They met, reversed.', { id: 'e' }, [{ ...base, source: 'IRN', target: 'IRQ' }]));
  assert.equal(events(db).length, 5);
});

test('two reports of one event in one article: two mentions, one article', () => {
  const { db, writer } = fresh();
  writer.write(rowsOf('They met. They met again.', { id: 'a', source: 'Reuters' }, [
    { source: 'USA', target: 'IRN', code: '040', day: '2007-05-28', words: 'They met.' },
    { source: 'USA', target: 'IRN', code: '040', day: '2007-05-28', words: 'They met again.' },
  ]));
  const [e] = events(db);
  assert.deepEqual([e!.num_mentions, e!.num_articles, e!.num_sources], [2, 1, 1]);
});

test('a republished wire story is linked to the original and its reports are not counted twice', () => {
  const { db, writer } = fresh();
  const spec = [{ source: 'USA', target: 'IRN', code: '025', day: '2007-05-28', place: BAGHDAD, words: 'urged Iran' }];
  const original = writer.write(rowsOf(WIRE_STORY, { id: 'reuters', url: 'https://reuters.example/1', source: 'Reuters' }, spec));
  // The same copy on another site, headline added and last paragraph trimmed.
  const copy = `Talks in Baghdad\n\n${WIRE_STORY.slice(0, WIRE_STORY.lastIndexOf('\n\n'))}`;
  const republished = writer.write(rowsOf(copy, { id: 'paper', url: 'https://paper.example/iran', source: 'Daily Paper' }, spec));
  assert.equal(original.duplicateOf, null);
  assert.equal(republished.duplicateOf, original.articleId);
  const [e, ...rest] = events(db);
  assert.equal(rest.length, 0);
  assert.deepEqual([e!.num_mentions, e!.num_articles, e!.num_sources], [1, 1, 1]);
  const row = db.prepare('SELECT duplicate_of, similarity, family_id FROM articles WHERE id = ?').get(republished.articleId) as { duplicate_of: number; similarity: number; family_id: number };
  assert.equal(row.family_id, original.articleId);
  assert.ok(row.similarity >= 0.8 && row.similarity <= 1);
  // An unrelated story is not linked.
  const other = writer.write(rowsOf('Floods in Bangladesh displaced thousands of families on Tuesday as the monsoon rains continued for a third week across the delta.', { id: 'floods' }, []));
  assert.equal(other.duplicateOf, null);
});

test('MinHash similarity: high for a copy with a changed headline, low for another story', () => {
  const a = minhash(WIRE_STORY)!;
  const b = minhash(`Iran and U.S. talk\n\n${WIRE_STORY}`)!;
  const c = minhash('Floods in Bangladesh displaced thousands of families on Tuesday as the monsoon rains continued for a third week.')!;
  assert.ok(similarity(a, b) >= 0.8, `copy: ${similarity(a, b)}`);
  assert.ok(similarity(a, c) < 0.2, `other: ${similarity(a, c)}`);
  assert.equal(minhash(' … — '), null);
});

test('replacing an article\'s records (recode) removes events no article reports any more and recounts the rest', () => {
  const { db, writer } = fresh();
  const met = { source: 'IRQ', target: 'IRN', code: '040', day: '2007-05-28', place: BAGHDAD, words: 'met' };
  const a = writer.write(rowsOf('They met and fought.', { id: 'a', source: 'Reuters' }, [met, { ...met, code: '190', words: 'fought' }]));
  writer.write(rowsOf('They met.', { id: 'b', source: 'AP' }, [met]));
  assert.equal(events(db).length, 2);
  writer.replace(a.articleId, rowsOf('They met and fought.', { id: 'a', source: 'Reuters' }, []));
  const left = events(db);
  assert.equal(left.length, 1, 'the fight only article a reported is gone');
  assert.deepEqual([left[0]!.num_articles, left[0]!.num_mentions], [1, 1]);
  assert.equal((db.prepare('SELECT count(*) AS n FROM event_mentions WHERE article_id = ?').get(a.articleId) as { n: number }).n, 0);
});

test('an input failure is stored once however often the same input fails', () => {
  const { db, writer } = fresh();
  writer.recordInputFailure('feed.jsonl:3', 'is not valid JSON');
  writer.recordInputFailure('feed.jsonl:3', 'is not valid JSON');
  assert.equal((db.prepare('SELECT count(*) AS n FROM messages WHERE article_id IS NULL').get() as { n: number }).n, 1);
});

test('actor counts follow every write, merge, recount and removal of events', () => {
  const { db, writer } = fresh();
  const met = { source: 'IRQGOV', target: 'IRN', code: '040', day: '2007-05-28', place: BAGHDAD, words: 'met' };
  const a = writer.write(rowsOf('They met and fought.', { id: 'a', source: 'Reuters' }, [met, { ...met, source: 'IRN', target: 'IRQGOV', code: '190', words: 'fought' }]));
  writer.write(rowsOf('They met.', { id: 'b', source: 'AP' }, [met]));
  writer.write(rowsOf('Iran spoke.', { id: 'c', source: 'AP' }, [{ source: 'IRN', target: null, code: '010', day: '2007-05-29', words: 'spoke' }]));
  const check = () => {
    const kept = db.prepare('SELECT actor, as_source, as_target, mentions FROM actor_counts ORDER BY actor').all();
    const recomputed = db
      .prepare(
        `SELECT actor, sum(s) AS as_source, sum(t) AS as_target, sum(m) AS mentions FROM (
          SELECT source_actor AS actor, 1 AS s, 0 AS t, num_mentions AS m FROM events
          UNION ALL SELECT target_actor, 0, 1, num_mentions FROM events WHERE target_actor <> '')
        GROUP BY actor ORDER BY actor`,
      )
      .all();
    assert.deepEqual(kept, recomputed);
  };
  check();
  assert.deepEqual(db.prepare("SELECT as_source, as_target, mentions FROM actor_counts WHERE actor = 'IRN'").get(), { as_source: 2, as_target: 1, mentions: 4 });
  writer.replace(a.articleId, rowsOf('They met and fought.', { id: 'a', source: 'Reuters' }, []));
  check();
});
