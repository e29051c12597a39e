/** Defect 5: two ingests of the same input crashed with "UNIQUE constraint failed", thrown from an unguarded flush. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ingest } from '../../src/ingest/ingest.ts';
import { openStore } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dateline-twice-'));
const file = join(dir, 'batch.jsonl');
const ARTICLES = 60;
writeFileSync(file, Array.from({ length: ARTICLES }, (_, i) => JSON.stringify({ id: `s${i}`, text: `BAGHDAD (Reuters) - Iran urged Iraq on Monday to stop attack number ${i}, officials said.`, published: '2008-03-02' })).join('\n'));

function run(db: string): Promise<{ status: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', file, '--db', db, '--workers', '1'], { cwd: REPO });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.on('close', (status) => resolve({ status, stderr, stdout }));
  });
}

test('two ingests of the same input at once: both finish with a summary, every article stored once', async () => {
  const db = join(dir, 'twice.db');
  // Create the store first, so both runs open a migrated file.
  await new SqliteStore(openStore(db)).close();
  const results = await Promise.all([run(db), run(db)]);
  for (const r of results) {
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /UNIQUE|\n\s+at /);
    assert.match(r.stdout, /^Stored \d+ articles?/);
  }
  const check = new Database(db, { readonly: true });
  try {
    assert.equal((check.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, ARTICLES);
  } finally {
    check.close();
  }
});

test('a write the store refuses ends the ingest with its summary and the reason, not an exception', async () => {
  // More articles than one write batch (64) holds, so a second write happens however fast the coding is.
  const many = join(dir, 'many.jsonl');
  const count = 200;
  writeFileSync(many, Array.from({ length: count }, (_, i) => JSON.stringify({ id: `m${i}`, text: `BAGHDAD (Reuters) - Iran urged Iraq on Monday to stop attack number ${i}, officials said.`, published: '2008-03-02' })).join('\n'));
  const store = new SqliteStore(openStore(join(dir, 'full.db')));
  const write = store.write.bind(store);
  let writes = 0;
  store.write = async (batch) => {
    if (++writes > 1) throw new Error('SQLITE_FULL: database or disk is full');
    return write(batch);
  };
  try {
    const summary = await ingest(store, [many], { workers: 1 });
    assert.equal(summary.writeFailure, 'SQLITE_FULL: database or disk is full');
    assert.ok(summary.stored > 0 && summary.stored < count, `stored ${summary.stored}`);
  } finally {
    await store.close();
  }
});
