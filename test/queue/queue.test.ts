/**
 * The work queue against the real services (NATS JetStream on :4222, PostgreSQL on :5432), through the CLI as a
 * user runs it: parity with a SQLite ingest, a worker killed with -9 among three, enqueuing twice, poison messages.
 *
 * The issue asks for a 2,000-article crash run; on this shared 2-core machine a worker process takes 10-15 s to load
 * the pipeline and codes ~15 articles/s, so the corpus here is 240 short synthetic stories (four sentences each),
 * which keeps the whole file near three minutes. `DATELINE_QUEUE_TEST_ARTICLES=2000` runs the size (the crash
 * test alone then took 94 s here, 146 s with the SQLite baseline, under load 6-8).
 * Every child process is killed in `after`, and every wait has a deadline: nothing here can hang CI.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connect } from 'nats';
import { ingest } from '../../src/ingest/ingest.ts';
import { exportEvents } from '../../src/store/exports.ts';
import { openStoreAt } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { NATS_SERVER, skipScaleOut, testDatabase, testStream } from '../helpers/services.ts';
import { jsonl, newsCorpus } from '../helpers/newsCorpus.ts';

const ARTICLES = Number(process.env.DATELINE_QUEUE_TEST_ARTICLES ?? 240);
const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-queue-'));
const corpus = join(dir, 'corpus.jsonl');
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI; the child is killed with -9 when it outlives `timeoutMs`, and in `after` whatever happens. */
function start(args: string[], timeoutMs: number): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d));
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (status, signal) => {
      clearTimeout(timer);
      children.delete(child);
      resolve({ status, signal, stdout, stderr });
    }),
  );
  return { child, done };
}

const run = (args: string[], timeoutMs = 120_000) => start(args, timeoutMs).done;
const worker = (stream: string, store: string, extra: string[] = []) => ['worker', '--queue', NATS_SERVER, '--stream', stream, '--store', store, '--workers', '1', '--until-empty', '--format', 'json', ...extra];

/** A stream of its own, removed (with its dead letters) after the file. */
function stream(label: string): string {
  const name = testStream(label);
  cleanups.push(async () => {
    const nc = await connect({ servers: NATS_SERVER, timeout: 3000 });
    const jsm = await nc.jetstreamManager();
    for (const s of [name, `${name}_DEAD`]) await jsm.streams.delete(s).catch(() => undefined);
    await nc.close();
  });
  return name;
}

async function database(label: string): Promise<string> {
  const db = await testDatabase(label);
  cleanups.push(db.drop);
  return db.url;
}

/** Counts, a few sums, and every event as the API exports it: what must not depend on how the articles came in. */
async function summary(store: Store) {
  const counts = await store.counts();
  const byCode = await store.sql.all<{ code: string; n: number }>('SELECT code, count(*) AS n FROM events GROUP BY code ORDER BY code');
  const killed = await store.sql.get<{ n: number | null }>('SELECT sum(killed) AS n FROM casualties');
  // Every exported event as the API gives it, with the store's own ids (which follow arrival order) left out.
  const keys = new Map((await store.sql.all<{ id: number; key: string }>('SELECT id, key FROM articles')).map((a) => [a.id, a.key]));
  const exported: string[] = [];
  for await (const chunk of exportEvents(store.sql, 'jsonl', {})) {
    for (const line of chunk.split('\n').filter(Boolean)) {
      const { id: _id, addedAt: _addedAt, firstArticle, ...event } = JSON.parse(line) as { id: number; addedAt: string; firstArticle: { id: number } };
      exported.push(JSON.stringify({ ...event, firstArticle: keys.get(firstArticle.id) }));
    }
  }
  return { articles: counts.articles, events: counts.events, mentions: counts.event_mentions, quotes: counts.quotes, casualties: counts.casualties, killed: Number(killed?.n ?? 0), byCode, exported: exported.sort() };
}

async function summaryOf(url: string) {
  const store = await openStoreAt({ engine: 'postgres', url }, { readonly: true });
  try {
    return await summary(store);
  } finally {
    await store.close();
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('work queue on NATS JetStream + PostgreSQL', { skip: skipScaleOut }, () => {
  let baseline: Awaited<ReturnType<typeof summary>>;

  before(async () => {
    writeFileSync(corpus, jsonl(newsCorpus(ARTICLES)));
    const sqlite = await openStoreAt({ engine: 'sqlite', file: join(dir, 'baseline.db') });
    try {
      const ingested = await ingest(sqlite, [corpus], { workers: 1 });
      assert.equal(ingested.stored, ARTICLES);
      baseline = await summary(sqlite);
    } finally {
      await sqlite.close();
    }
    assert.ok(baseline.events > 0 && baseline.quotes > 0 && baseline.casualties > 0, 'the corpus yields events, quotes and casualties');
  });

  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  test('parity: the corpus through the queue into PostgreSQL gives what a SQLite ingest gives', async () => {
    const name = stream('parity');
    const url = await database('parity');
    const enqueued = await run(['enqueue', corpus, '--queue', NATS_SERVER, '--stream', name]);
    assert.equal(enqueued.status, 0, enqueued.stderr);
    assert.match(enqueued.stdout, new RegExp(`Enqueued ${ARTICLES} articles`));
    const worked = await run(worker(name, url, ['--workers', '2']));
    assert.equal(worked.status, 0, worked.stderr);
    assert.equal(JSON.parse(worked.stdout).stored, ARTICLES);
    assert.deepEqual(await summaryOf(url), baseline);
  });

  test('crash: kill -9 one of three workers mid-run; nothing lost, nothing doubled', async () => {
    const name = stream('crash');
    const url = await database('crash');
    assert.equal((await run(['enqueue', corpus, '--queue', NATS_SERVER, '--stream', name])).status, 0);
    // A short ack wait so the killed worker's messages come back soon.
    const extra = ['--ack-wait', '4s', '--article-timeout', '3', '--in-flight', '16'];
    const workers = [0, 1, 2].map(() => start(worker(name, url, extra), 150_000));
    let stderr = '';
    for (const w of workers) w.child.stderr!.on('data', (d: Buffer) => (stderr += d));
    const store = await openStoreAt({ engine: 'postgres', url }, { readonly: false });
    try {
      // All three are coding (each printed "ready") and articles are being stored: then the first one dies.
      await waitFor('three ready workers', async () => (stderr.match(/ready: the coding pool started/g) ?? []).length === 3, 120_000);
      const before = (await store.counts()).articles;
      await waitFor('more articles stored', async () => (await store.counts()).articles >= Math.min(before + 20, ARTICLES / 2), 120_000);
      workers[0]!.child.kill('SIGKILL');
    } finally {
      await store.close();
    }
    const killed = await workers[0]!.done;
    assert.equal(killed.signal, 'SIGKILL');
    let redelivered = 0;
    for (const w of workers.slice(1)) {
      const r = await w.done;
      assert.equal(r.status, 0, r.stderr);
      redelivered += (JSON.parse(r.stdout) as { redelivered: number }).redelivered;
    }
    // What the killed worker held came back to the others after the ack wait.
    assert.ok(redelivered > 0, 'the killed worker held messages that were redelivered');
    assert.deepEqual(await summaryOf(url), baseline);
  });

  test('idempotence: enqueue twice, stop a worker with SIGTERM, enqueue again on another stream: nothing doubled', async () => {
    const small = join(dir, 'small.jsonl');
    writeFileSync(small, jsonl(newsCorpus(30)));
    const first = stream('twice');
    const url = await database('twice');
    assert.match((await run(['enqueue', small, '--queue', NATS_SERVER, '--stream', first])).stdout, /Enqueued 30 articles .*; 0 dropped/);
    assert.match((await run(['enqueue', small, '--queue', NATS_SERVER, '--stream', first])).stdout, /Enqueued 0 articles .*; 30 dropped as already enqueued/);

    // SIGTERM mid-run: the worker finishes and acknowledges what it holds, then exits 0.
    const stopped = start(['worker', '--queue', NATS_SERVER, '--stream', first, '--store', url, '--workers', '1', '--in-flight', '4', '--format', 'json'], 120_000);
    const store = await openStoreAt({ engine: 'postgres', url }, { readonly: false });
    try {
      await waitFor('the first articles', async () => (await store.counts()).articles >= 5, 100_000);
    } finally {
      await store.close();
    }
    stopped.child.kill('SIGTERM');
    const r = await stopped.done;
    assert.equal(r.status, 0, r.stderr);
    const held = JSON.parse(r.stdout) as { stored: number };
    const status = JSON.parse((await run(['status', '--queue', NATS_SERVER, '--stream', first, '--store', url, '--format', 'json'])).stdout);
    assert.equal(status.queue.inFlight, 0, 'nothing left unacknowledged');
    assert.equal(status.queue.depth + status.store.counts.articles, 30);
    assert.equal(status.store.counts.articles, held.stored);

    assert.equal((await run(worker(first, url))).status, 0);
    const once = await summaryOf(url);
    assert.equal(once.articles, 30);

    // Past the duplicate window (here: another stream) the workers skip stored articles uncoded.
    const second = stream('again');
    assert.match((await run(['enqueue', small, '--queue', NATS_SERVER, '--stream', second])).stdout, /Enqueued 30 articles/);
    const again = await run(worker(second, url));
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(JSON.parse(again.stdout), { ...JSON.parse(again.stdout), stored: 0, skipped: 30 });
    assert.deepEqual(await summaryOf(url), once);
  });

  test('poison: messages that are not articles go to the dead letters with their error; the others are stored', async () => {
    const small = join(dir, 'poison.jsonl');
    writeFileSync(small, jsonl(newsCorpus(20)));
    const name = stream('poison');
    const url = await database('poison');
    const nc = await connect({ servers: NATS_SERVER, timeout: 3000 });
    try {
      assert.equal((await run(['enqueue', small, '--queue', NATS_SERVER, '--stream', name])).status, 0);
      const js = nc.jetstream();
      await js.publish(`${name}.articles`, 'not json at all');
      await js.publish(`${name}.articles`, JSON.stringify({ origin: 'feed.xml#9', input: { id: 'x' } }));
    } finally {
      await nc.close();
    }
    const worked = await run(worker(name, url, ['--max-deliver', '2']));
    assert.equal(worked.status, 0, worked.stderr);
    assert.deepEqual(JSON.parse(worked.stdout), { ...JSON.parse(worked.stdout), stored: 20, deadLettered: 2, retried: 2 });
    assert.match(worked.stderr, /dead letter: message 21 failed 2 times: the message is not JSON/);

    const status = JSON.parse((await run(['status', '--queue', NATS_SERVER, '--stream', name, '--store', url, '--format', 'json'])).stdout);
    assert.equal(status.queue.depth, 0);
    assert.equal(status.queue.deadLetters, 2);
    assert.deepEqual(
      status.queue.recentDeadLetters.map((d: { origin: string | null; error: string; deliveries: number }) => [d.origin, d.error, d.deliveries]),
      [
        [null, 'the message is not an enqueued article: "input" needs "id" and "text"', 2],
        [null, 'the message is not JSON (starts "not json at all")', 2],
      ],
    );
    assert.equal(status.store.counts.articles, 20);
    const text = await run(['status', '--queue', NATS_SERVER, '--stream', name]);
    assert.match(text.stdout, /Dead letters: 2\.\n  #\d+ \(not an article\): the message is not an enqueued article/);
  });
});
