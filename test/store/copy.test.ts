/** `dateline copy` from a SQLite store into PostgreSQL: the same articles, records and counts; again, nothing doubled. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ingest } from '../../src/ingest/ingest.ts';
import { openStoreAt } from '../../src/store/open.ts';
import { jsonl, newsCorpus } from '../helpers/newsCorpus.ts';
import { skipPostgres, testDatabase } from '../helpers/services.ts';

const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-copy-'));
const drops: (() => Promise<void>)[] = [];

after(async () => {
  for (const drop of drops) await drop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

test('copy sqlite → postgres keeps every article and record; copying again adds nothing', { skip: skipPostgres }, async () => {
  const file = join(dir, 'news.db');
  const corpus = join(dir, 'news.jsonl');
  writeFileSync(corpus, jsonl(newsCorpus(24)));
  const sqlite = await openStoreAt({ engine: 'sqlite', file });
  await ingest(sqlite, [corpus], { workers: 1 });
  const db = await testDatabase('copy');
  drops.push(db.drop);

  const copy = () => spawnSync(process.execPath, [bin, 'copy', '--from', `sqlite:${file}`, '--to', db.url], { encoding: 'utf8', timeout: 120_000 });
  const first = copy();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /Copied 24 of 24 articles .*; 0 were there already\./);
  const second = copy();
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /Copied 0 of 24 articles .*; 24 were there already\./);

  const pg = await openStoreAt({ engine: 'postgres', url: db.url }, { readonly: true });
  try {
    assert.deepEqual(await pg.counts(), await sqlite.counts());
    const records = async (s: typeof pg) => (await s.storedInputs(0, 100)).map(({ id: _id, ...rest }) => rest);
    assert.deepEqual(await records(pg), await records(sqlite));
  } finally {
    await pg.close();
    await sqlite.close();
  }
});

test('copy names a store it cannot use in one line', () => {
  const r = spawnSync(process.execPath, [bin, 'copy', '--from', 'sqlite:/nonexistent/x.db', '--to', 'mysql://x'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'dateline: --to must be sqlite:PATH or postgres://[USER@]HOST[:PORT]/DATABASE, not "mysql://x"\n');
});
