/**
 * `npm run bench:queue`: the work queue and the PostgreSQL store on this machine, against the real services
 * (NATS JetStream at DATELINE_TEST_NATS or nats://127.0.0.1:4222, PostgreSQL at DATELINE_TEST_PG or 127.0.0.1:5432).
 *
 * - Throughput with 1, 2 and 4 worker processes (one coding thread each) on N articles of ../shared/data/bbc_news
 *   (synthetic short stories when that is absent): the workers are started and idle before the articles are
 *   enqueued, so start-up is not counted; the clock runs from the enqueue to the last article committed.
 * - The CPU time the worker processes spent per article, which other programs on the machine do not change: on a
 *   shared machine the wall-clock rates say little, and 1000 / (CPU ms per article) is a process's rate on a free core.
 * - Queue latency on an idle queue: one article enqueued → stored by an idle worker, median of 5.
 * - For reference, `dateline ingest --workers 1` of the same articles into SQLite (its coding rate, start-up excluded).
 * - PostgreSQL write rate: `copy` of the 1-worker store into a fresh database (rows of every table per second, no coding).
 *
 *   npx tsx scripts/bench-queue.ts [--limit N]     default 600 articles
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { connect, type JetStreamManager } from 'nats';
import { CONSUMER, ensureStreams, queueNames } from '../src/queue/connect.ts';
import { ensureConsumer } from '../src/queue/worker.ts';
import { encodeArticle } from '../src/queue/message.ts';
import { articleKey } from '../src/store/articleKey.ts';
import { copyStore } from '../src/store/copy.ts';
import { openStoreAt } from '../src/store/open.ts';
import { NATS_SERVER, skipScaleOut, testDatabase, testStream } from '../test/helpers/services.ts';
import { jsonl, newsCorpus } from '../test/helpers/newsCorpus.ts';

const BBC = fileURLToPath(new URL('../../shared/data/bbc_news/bbc_news.jsonl.gz', import.meta.url));
const bin = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
const log = (line: string) => process.stderr.write(`bench:queue: ${line}\n`);

interface WorkerRun {
  processes: number;
  articles: number;
  ms: number;
  /** CPU time of the worker processes (every thread) per article: what the load of other programs does not change. */
  cpuMsPerArticle: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { limit: { type: 'string' } } });
  const limit = Number(values.limit ?? 600);
  if (skipScaleOut) throw new Error(skipScaleOut);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-bench-queue-'));
  const corpus = join(dir, 'corpus.jsonl');
  const source = existsSync(BBC) ? `${limit} articles of bbc_news` : `${limit} synthetic four-sentence stories (../shared/data/bbc_news not here)`;
  writeFileSync(corpus, existsSync(BBC) ? `${gunzipSync(readFileSync(BBC)).toString('utf8').split('\n').filter(Boolean).slice(0, limit).join('\n')}\n` : jsonl(newsCorpus(limit)));
  const cleanups: (() => Promise<void>)[] = [];
  const children = new Set<ChildProcess>();
  const nc = await connect({ servers: NATS_SERVER });
  const jsm = await nc.jetstreamManager();
  const load = loadavg()[0]!;
  try {
    const runs: WorkerRun[] = [];
    let idleMs = 0;
    let firstStore = '';
    for (const processes of [1, 2, 4]) {
      const stream = testStream(`bench${processes}`);
      cleanups.push(() => deleteStreams(jsm, stream));
      const db = await testDatabase(`bench${processes}`);
      cleanups.push(db.drop);
      if (!firstStore) firstStore = db.url;
      log(`${processes} worker process${processes === 1 ? '' : 'es'}: starting`);
      // The stream and consumer exist before the workers, so that "idle" can be seen as their waiting pulls.
      await ensureStreams(jsm, queueNames(stream));
      await ensureConsumer(jsm, queueNames(stream), 60_000);
      const workers = Array.from({ length: processes }, () => startCli(['worker', '--queue', NATS_SERVER, '--stream', stream, '--store', db.url, '--workers', '1', '--format', 'json'], children));
      await until(`${processes} idle workers`, async () => (await jsm.consumers.info(stream, CONSUMER).catch(() => null))?.num_waiting === processes, 180_000);
      const cpuBefore = workers.reduce((sum, w) => sum + cpuSeconds(w.child.pid!), 0);
      const store = await openStoreAt({ engine: 'postgres', url: db.url }, { readonly: true });
      const enqueued = cli(['enqueue', corpus, '--queue', NATS_SERVER, '--stream', stream], children);
      // The clock runs from the first article committed to the last (enqueue's own start-up is not the workers').
      let first: { at: number; count: number } | null = null;
      await until(
        'every article stored',
        async () => {
          const count = (await store.counts()).articles;
          if (!first && count > 0) first = { at: performance.now(), count };
          return count >= limit;
        },
        1_800_000,
      );
      const { at, count } = first as unknown as { at: number; count: number };
      const ms = ((performance.now() - at) * limit) / (limit - count);
      const cpu = workers.reduce((sum, w) => sum + cpuSeconds(w.child.pid!), 0) - cpuBefore;
      await enqueued;
      await store.close();
      // The idle-queue latency, on the 1-worker run: one article in, stored by an idle worker.
      if (processes === 1) idleMs = await idleLatency(stream, db.url);
      for (const w of workers) w.child.kill('SIGTERM');
      const summaries = (await Promise.all(workers.map((w) => w.done))).map((out) => JSON.parse(out) as { latencyMs: { p50: number; p95: number } | null });
      const p = (q: 'p50' | 'p95') => Math.max(...summaries.map((s) => s.latencyMs?.[q] ?? 0));
      runs.push({ processes, articles: limit, ms, cpuMsPerArticle: (cpu * 1000) / limit, latencyP50Ms: p('p50'), latencyP95Ms: p('p95') });
      log(`${processes}: ${(limit / (ms / 1000)).toFixed(1)} articles/s`);
    }

    log('reference: SQLite ingest, one coding thread');
    const ingested = await cli(['ingest', corpus, '--db', join(dir, 'reference.db'), '--workers', '1'], children);
    const reference = Number(/\(([\d.,]+) articles\/s\)/.exec(ingested)?.[1]?.replace(',', '') ?? NaN);

    log('PostgreSQL write rate: copy of the 1-worker store');
    const target = await testDatabase('benchcopy');
    cleanups.push(target.drop);
    const from = await openStoreAt({ engine: 'postgres', url: firstStore }, { readonly: true });
    const to = await openStoreAt({ engine: 'postgres', url: target.url });
    const databaseBytes = async () => (await to.sql.get<{ n: number }>('SELECT pg_database_size(current_database()) AS n'))!.n;
    const empty = await databaseBytes();
    const copied = await copyStore(from, to);
    const counts = await to.counts();
    await from.close();
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    const perArticle = (await databaseBytes() - empty) / copied.copied;
    await to.close();

    const rate = (r: WorkerRun) => r.articles / (r.ms / 1000);
    const one = rate(runs[0]!);
    const lines = [
      `Corpus: ${source}. Load average ${load.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end (2 cores, shared).`,
      '',
      '| worker processes | articles/s (wall clock) | × one process | CPU ms per article | articles/s per free core (1000 / CPU ms) | backlog latency p50 / p95 |',
      '|---:|---:|---:|---:|---:|---:|',
      ...runs.map((r) => `| ${r.processes} | ${rate(r).toFixed(1)} | ${(rate(r) / one).toFixed(2)} | ${r.cpuMsPerArticle.toFixed(0)} | ${(1000 / r.cpuMsPerArticle).toFixed(1)} | ${((r.latencyP50Ms ?? 0) / 1000).toFixed(1)} s / ${((r.latencyP95Ms ?? 0) / 1000).toFixed(1)} s |`),
      `| SQLite ingest, 1 thread (reference) | ${reference.toFixed(1)} | ${(reference / one).toFixed(2)} | | | |`,
      '',
      `Idle-queue latency (one article enqueued → committed by an idle worker, median of 5): ${idleMs.toFixed(0)} ms.`,
      `PostgreSQL write rate (copy, no coding): ${copied.copied} articles, ${rows} rows in ${(copied.elapsedMs / 1000).toFixed(1)} s = ${Math.round(rows / (copied.elapsedMs / 1000))} rows/s (${Math.round(copied.copied / (copied.elapsedMs / 1000))} articles/s), one writer at a time (the store's write lock).`,
      `PostgreSQL size: ${(perArticle / 1024).toFixed(1)} KB per article with its text, records and indexes; ${(rows / copied.copied).toFixed(1)} rows per article (${Object.entries(counts).map(([t, n]) => `${t} ${(n / copied.copied).toFixed(1)}`).join(', ')}).`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    await nc.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function idleLatency(stream: string, url: string): Promise<number> {
  const store = await openStoreAt({ engine: 'postgres', url }, { readonly: true });
  const nc = await connect({ servers: NATS_SERVER });
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const before = (await store.counts()).articles;
      const input = { id: `latency-${i}`, text: `Iran urged Iraq on Monday to stop the attacks near Basra, officials said in note ${i}.`, title: null, titleSpan: null, published: '2024-05-01', publishedFrom: 'record' as const, url: null, source: null, byline: null, messages: [] };
      const started = performance.now();
      // Published here (the CLI's own start-up would dominate), as enqueue publishes it.
      await nc.jetstream().publish(`${stream}.articles`, encodeArticle({ origin: 'latency', input }), { msgID: articleKey(input).key });
      await until('the article stored', async () => (await store.counts()).articles > before, 60_000, 5);
      times.push(performance.now() - started);
    }
  } finally {
    await nc.close();
    await store.close();
  }
  return times.sort((a, b) => a - b)[2]!;
}

/** User and system CPU seconds of a process, all its threads (Linux /proc; 0 elsewhere). */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

async function deleteStreams(jsm: JetStreamManager, stream: string): Promise<void> {
  for (const s of [stream, `${stream}_DEAD`]) await jsm.streams.delete(s).catch(() => undefined);
}

function startCli(args: string[], children: Set<ChildProcess>): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  const done = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(new Error(`dateline ${args[0]} exited with ${code}: ${out}`));
    }),
  );
  return { child, done };
}

function cli(args: string[], children: Set<ChildProcess>): Promise<string> {
  return startCli(args, children).done;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

await main();
