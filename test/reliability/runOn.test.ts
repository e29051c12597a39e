/** Defect 1: coding time grew with the square of sentence length, and nothing timed out. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../src/api/app.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { codeArticle } from '../../src/pipeline/codeArticle.ts';
import { scanSteps } from '../../src/pipeline/scanSteps.ts';
import { getArticle } from '../../src/store/articles.ts';
import { openStore } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';
import { articleInput, FOUNDING_PATH, runOnLine } from './inputs.ts';

const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-runon-'));

function stepsFor(text: string): number {
  scanSteps.count = 0;
  const record = codeArticle(articleInput('run-on', text));
  assert.equal(record.sentences.length, 1, 'one run-on sentence');
  return scanSteps.count;
}

for (const kind of ['bare', 'commas'] as const) {
  test(`run-on line (${kind}): clause and name-candidate scans take steps in proportion to the line (200 KB vs 50 KB ≤ 5×)`, () => {
    const small = stepsFor(runOnLine(50 * 1024, kind));
    const large = stepsFor(runOnLine(200 * 1024, kind));
    assert.ok(small > 0, 'the scans are counted');
    assert.ok(large / small <= 5, `200 KB took ${large} steps, 50 KB ${small}: ×${(large / small).toFixed(1)}`);
  });
}

test('code: an article over --article-timeout is reported as failed and the next file is coded', () => {
  const big = join(dir, 'run-on.txt');
  writeFileSync(big, runOnLine(4 * 1024 * 1024));
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, 'code', big, FOUNDING_PATH, '--date', '2007-05-28', '--format', 'jsonl', '--article-timeout', '5'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /run-on\.txt: coding took longer than 5 s, the time budget of one article; it was stopped; the others go on/);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  const records = r.stdout.trim().split('\n').map((line) => JSON.parse(line) as { article: { id: string } });
  assert.deepEqual(records.map((x) => x.article.id), ['reuters-2007-05-28-us-iran-talks']);
  assert.ok(Date.now() - started < 100_000, 'the batch went on after the budget');
});

test('ingest: an article over the time budget is stored as failed with the reason; the others are stored', async () => {
  const file = join(dir, 'batch.jsonl');
  const records = [{ id: 'run-on', text: runOnLine(4 * 1024 * 1024) }, { id: 'short', text: 'Iran urged Iraq on Monday to stop the attacks.' }];
  writeFileSync(file, `${records.map((r) => JSON.stringify({ ...r, published: '2007-05-28' })).join('\n')}\n`);
  const store = new SqliteStore(openStore(join(dir, 'store.db')));
  try {
    const summary = await ingest(store, [file], { workers: 1, articleTimeoutMs: 5000 });
    assert.deepEqual([summary.stored, summary.failed], [1, 1]);
    assert.match(summary.failures[0]!.reason, /coding took longer than 5 s, the time budget of one article; it was stopped; the article is stored with this message/);
    assert.equal(summary.failures[0]!.first, `${file}:1`);
    assert.equal((await getArticle(store.sql, 1))!.status, 'failed');
    assert.equal((await getArticle(store.sql, 2))!.status, 'coded');
  } finally {
    await store.close();
  }
});

test('POST /api/code: a long article is coded off the event loop, within the time budget (422 past it)', async () => {
  const store = new SqliteStore(openStore(join(dir, 'api.db')));
  const app = buildApp({ store, coding: { workers: 1, articleTimeoutMs: 3000 } });
  try {
    // Start the pool first, so the timing below is the article's.
    assert.equal((await app.inject({ method: 'POST', url: '/api/code', payload: { text: 'Iran urged Iraq to stop the attacks.' } })).statusCode, 200);
    const order: string[] = [];
    const posted = app.inject({ method: 'POST', url: '/api/code', payload: { text: runOnLine(900 * 1024) } }).then((r) => (order.push('post'), r));
    await new Promise((r) => setTimeout(r, 50));
    const other = app.inject({ method: 'GET', url: '/api/openapi.json' }).then((r) => (order.push('get'), r));
    const [post, get] = await Promise.all([posted, other]);
    assert.equal(get.statusCode, 200);
    assert.deepEqual(order, ['get', 'post'], 'another request is answered while the article is coded');
    assert.equal(post.statusCode, 422, post.body);
    assert.match(post.json().message, /^the article took longer than 3 s to code/);
  } finally {
    await app.close();
    await store.close();
  }
});
