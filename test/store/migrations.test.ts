import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, openStore, StoreError } from '../../src/store/db.ts';
import { MIGRATIONS } from '../../src/store/migrations/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dateline-migrations-'));

test('migrations build the whole schema from an empty file, in order, once', () => {
  const db = new Database(join(dir, 'empty.db'));
  const result = migrate(db);
  assert.deepEqual(result.applied.map((m) => m.version), MIGRATIONS.map((m) => m.version));
  assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.at(-1)!.version);
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  for (const table of ['articles', 'articles_fts', 'article_bands', 'entities', 'entity_mentions', 'places', 'events', 'event_mentions', 'quotes', 'quotes_fts', 'casualties', 'messages', 'actor_counts', 'schema_migrations']) {
    assert.ok(tables.includes(table), `table ${table} exists`);
  }
  assert.deepEqual(migrate(db).applied, [], 'a migrated database is left alone');
  db.close();
});

test('migration versions are numbered 1, 2, 3… without gaps', () => {
  assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, i) => i + 1));
});

test('openStore turns on WAL and migrates; a database from a newer Dateline is refused with a clear message', () => {
  const file = join(dir, 'store.db');
  const db = openStore(file);
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '')").run();
  db.close();
  assert.throws(() => openStore(file), (e: unknown) => e instanceof StoreError && e.code === 'E_STORE_NEWER' && /upgrade Dateline/.test(e.message));
});

test('opening a missing database read-only says how to create it', () => {
  assert.throws(() => openStore(join(dir, 'missing.db'), { readonly: true }), (e: unknown) => e instanceof StoreError && /dateline ingest/.test(e.message));
});

test('a store made by an older Dateline is migrated with its data: actor counts are built from stored events', () => {
  const db = new Database(join(dir, 'older.db'));
  migrate(db, MIGRATIONS.slice(0, 1));
  db.prepare(`INSERT INTO events (day, date_granularity, source_actor, source_root, target_actor, target_root, code, name, root, quad_class, goldstein, place_key, negated, claimed, historical, is_root, num_mentions, first_article_id, added_at)
    VALUES ('2007-05-28', 'day', 'USAGOV', 'USA', 'IRN', 'IRN', '025', 'Appeal to yield', '02', 1, -0.3, '', 0, 0, 0, 1, 3, 1, '')`).run();
  assert.deepEqual(migrate(db).applied.map((m) => m.version), [2, 3]);
  assert.deepEqual(db.prepare('SELECT actor, as_source, as_target, mentions FROM actor_counts ORDER BY actor').all(), [
    { actor: 'IRN', as_source: 0, as_target: 1, mentions: 3 },
    { actor: 'USAGOV', as_source: 1, as_target: 0, mentions: 3 },
  ]);
  db.close();
});
