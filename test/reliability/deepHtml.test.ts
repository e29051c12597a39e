/** Defect 4: deeply nested HTML aborted the whole batch (stack overflow), and 3,000 levels took 45 s first. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../src/api/app.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { readInputs } from '../../src/stages/input/index.ts';
import { openStore } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';
import { FOUNDING_PATH } from './inputs.ts';

const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-deep-'));
const nested = (levels: number) =>
  `<!doctype html><html><head><title>Talks</title></head><body>${'<div>'.repeat(levels)}<p>Iran urged Iraq on Monday to stop the attacks.</p>${'</div>'.repeat(levels)}</body></html>`;
const deep = join(dir, 'deep.html');
writeFileSync(deep, nested(10_000));

test('HTML nested 10,000 deep is one failed article; the files after it are coded (code --format json)', () => {
  const r = spawnSync(process.execPath, [bin, 'code', deep, FOUNDING_PATH, '--date', '2007-05-28', '--format', 'json'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /deep\.html: the HTML is nested more than 256 elements deep/);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.equal(JSON.parse(r.stdout).article.id, 'reuters-2007-05-28-us-iran-talks');
});

test('HTML nested 3,000 deep is refused at once; 100 deep is read', () => {
  const file = join(dir, 'deep-3000.html');
  writeFileSync(file, nested(3000));
  const started = performance.now();
  const [item] = [...readInputs([file])];
  assert.ok(performance.now() - started < 2000, 'refused without parsing');
  assert.ok(item && !item.ok);
  const shallow = join(dir, 'deep-100.html');
  writeFileSync(shallow, nested(100));
  const [read] = [...readInputs([shallow])];
  assert.ok(read?.ok);
  assert.match(read.input.text, /Iran urged Iraq on Monday/);
});

test('ingest stores the other articles; POST /api/code answers 400, not 500', async () => {
  const store = new SqliteStore(openStore(join(dir, 'store.db')));
  const app = buildApp({ store, coding: { workers: 1, articleTimeoutMs: 10_000 } });
  try {
    const summary = await ingest(store, [deep, FOUNDING_PATH], { workers: 1, published: '2007-05-28' });
    assert.deepEqual([summary.stored, summary.failed], [1, 1]);
    const r = await app.inject({ method: 'POST', url: '/api/code', payload: { html: nested(10_000) } });
    assert.equal(r.statusCode, 400, r.body);
    assert.match(r.json().message, /the HTML is nested more than 256 elements deep/);
  } finally {
    await app.close();
    await store.close();
  }
});
