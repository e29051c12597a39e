/** Defect 6: the process-wide wink-nlp instance learned new tokens, so results depended on what was coded before. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ArticleRecord } from '../../src/model/record.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { getArticle } from '../../src/store/articles.ts';
import { openStore } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';
import { FOUNDING } from './inputs.ts';

const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-batch-'));

// "Poor's." at a sentence end taught wink the word "Poor's"; every later article then kept "Poor's" as one token.
const CORPUS: Record<string, string> = {
  teacher: 'NEW YORK (Reuters) - The rating of Iraq was cut on Monday by Standard & Poor\'s.',
  learner: 'NEW YORK (Reuters) - Analysts at Standard & Poor\'s cut Iraq on Monday, a spokesman for Poor\'s said.',
  founding: FOUNDING,
};
const files = Object.keys(CORPUS).map((id) => {
  const file = join(dir, `${id}.txt`);
  writeFileSync(file, CORPUS[id]!);
  return file;
});

function code(paths: string[]): Map<string, ArticleRecord> {
  const r = spawnSync(process.execPath, [bin, 'code', ...paths, '--date', '2007-05-28', '--format', 'jsonl'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  const records = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as ArticleRecord);
  return new Map(records.map((record) => [record.article.id, record]));
}

async function ingested(workers: number): Promise<Map<string, ArticleRecord>> {
  const store = new SqliteStore(openStore(join(dir, `store-${workers}.db`)));
  try {
    const summary = await ingest(store, files, { workers, published: '2007-05-28' });
    assert.equal(summary.stored, files.length);
    const records = await Promise.all(files.map(async (_, i) => (await getArticle(store.sql, i + 1))!.record!));
    return new Map(records.map((record) => [record.article.id, record]));
  } finally {
    await store.close();
  }
}

test('the same article gives the same record alone, in a batch in either order, and ingested with 1 or 2 workers', async () => {
  const alone = new Map([...files].map((file) => [...code([file])][0]!));
  assert.ok(alone.get('learner')!.entities.some((e) => e.name === 'Standard & Poor'), 'alone, "Standard & Poor’s" is the name Standard & Poor');
  const runs: [string, Map<string, ArticleRecord>][] = [
    ['batch', code(files)],
    ['batch, reversed', code([...files].reverse())],
    ['ingest, 1 worker', await ingested(1)],
    ['ingest, 2 workers', await ingested(2)],
  ];
  for (const [name, records] of runs) {
    for (const [id, record] of alone) assert.deepEqual(records.get(id), record, `${id}: ${name}`);
  }
});
