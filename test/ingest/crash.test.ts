import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ingest } from '../../src/ingest/ingest.ts';
import { openStore } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLES = 400;
const dir = mkdtempSync(join(tmpdir(), 'dateline-crash-'));

/** Small, varied wire stories (a seeded generator, so every run gets the same corpus). */
function corpus(): string {
  let seed = 42;
  const pick = <T>(list: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return list[seed % list.length]!;
  };
  const countries = ['Iran', 'Iraq', 'Syria', 'France', 'Israel', 'Egypt', 'Turkey', 'Russia', 'China', 'Japan'];
  const cities = ['Baghdad', 'Basra', 'Tehran', 'Damascus', 'Cairo', 'Ankara', 'Paris', 'Moscow'];
  const verbs = ['urged', 'accused', 'praised', 'criticized', 'met with', 'threatened', 'thanked'];
  const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
  const lines: string[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const [a, b, city] = [pick(countries), pick(countries), pick(cities)];
    const text = `${city.toUpperCase()} (Reuters) - ${a} ${pick(verbs)} ${b} on ${pick(weekdays)} over talks on trade and security, officials said.\n\n` +
      `A roadside bomb killed ${(i % 40) + 2} people and wounded ${(i % 17) + 3} in ${pick(cities)}, police said. "We will not accept this," said a spokesman for the ministry in story ${i}.`;
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(JSON.stringify({ id: `story-${i}`, text, published: `2008-03-${day}`, source: i % 3 === 0 ? 'Reuters' : 'AP' }));
  }
  return `${lines.join('\n')}\n`;
}

function runIngest(file: string, db: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', file, '--db', db, '--workers', '1'], { cwd: REPO, stdio: 'ignore' });
}

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = ['articles', 'entities', 'entity_mentions', 'places', 'events', 'event_mentions', 'quotes', 'casualties', 'messages'];
    const out = Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
    out.keys = (db.prepare('SELECT count(DISTINCT key) AS n FROM articles').get() as { n: number }).n;
    out.counted = (db.prepare('SELECT coalesce(sum(num_mentions), 0) AS n FROM events').get() as { n: number }).n;
    return out;
  } finally {
    db.close();
  }
}

function storedArticles(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created, or not migrated yet
  }
}

test('kill -9 in the middle of an ingest, run it again: nothing lost, nothing doubled', { timeout: 240_000 }, async () => {
  const input = join(dir, 'corpus.jsonl');
  writeFileSync(input, corpus());

  // The reference: one uninterrupted ingest.
  const referenceFile = join(dir, 'reference.db');
  const reference = new SqliteStore(openStore(referenceFile));
  const summary = await ingest(reference, [input], { workers: 1 });
  await reference.close();
  assert.equal(summary.stored, ARTICLES);

  // Kill an ingest once its first transactions are committed, well before the end.
  const file = join(dir, 'killed.db');
  const child = runIngest(input, file);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal === 'SIGKILL' ? null : code)));
  let stored = 0;
  while ((stored = storedArticles(file)) < 64) {
    assert.equal(child.exitCode, null, 'the ingest ended before it could be killed');
    await sleep(20);
  }
  child.kill('SIGKILL');
  assert.equal(await exited, null, 'the ingest was killed');
  const afterKill = storedArticles(file);
  assert.ok(afterKill >= stored && afterKill < ARTICLES, `killed mid-way (${afterKill} of ${ARTICLES} stored)`);

  // Run it again to the end: the same store as the uninterrupted ingest.
  const rerun = runIngest(input, file);
  assert.equal(await new Promise((resolve) => rerun.on('exit', resolve)), 0);
  assert.deepEqual(counts(file), counts(referenceFile));
});
