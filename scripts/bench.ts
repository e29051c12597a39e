/**
 * `npm run bench`: throughput of extraction, of wink-nlp alone (the floor), of the name tagger and the dependency
 * parser alone (on wink's tokens, segmented beforehand) and of ingest with 1 and 2 workers, on
 * ../shared/data/bbc_news and ../shared/data/reuters21578; then p95 latency of the API on a store of ≥ 1 million
 * events (the ingested corpora, their events replicated with shifted dates; see `synthesise`).
 *
 * Each measurement runs in its own child process, so its peak memory is its own. Extraction, the wink floor and
 * ingest with one worker run pinned to one core (taskset) when the machine has it, so that (c2)/(c1) is what a
 * second core buys: unpinned, one worker already spreads over more than a core (V8's garbage collector threads
 * and the writer), which is also measured and shown.
 *
 * First, start-up: `node -e 0`, `dateline --help`, `dateline code` on a one-sentence file and `dateline serve` up to
 * its first answer to POST /api/code, each timed from spawn to exit (median of several runs) with its peak RSS,
 * also as a multiple of `node -e 0` (the ratios travel between machines better than the milliseconds).
 *
 *   npx tsx scripts/bench.ts [--limit N]     N articles per corpus (a quick run); default all
 *   npx tsx scripts/bench.ts --start-only    start-up alone (needs no corpora, takes seconds)
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SHARED = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const CORPORA = {
  bbc: `${SHARED}bbc_news/bbc_news.jsonl.gz`,
  reuters: `${SHARED}reuters21578/reuters21578.jsonl.gz`,
} as const;
type Corpus = keyof typeof CORPORA;

const TARGET_EVENTS = 1_000_000;
const SAMPLES = 200;

const BIN = fileURLToPath(new URL('../bin/dateline.js', import.meta.url));
/** Loaded into each timed process: prints its peak RSS (all threads) as it exits. */
const RSS_HOOK = `data:text/javascript,process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n'))`;
const START_RUNS = 5;
const ONE_SENTENCE = 'The United States urged Iran on Monday to stop supporting militias in Iraq.';

interface PhaseResult {
  articles: number;
  tokens?: number;
  failed?: number;
  ms: number;
  startupMs?: number;
  events?: number;
  maxRssMb: number;
  [key: string]: unknown;
}

const { values } = parseArgs({ options: { phase: { type: 'string' }, corpus: { type: 'string' }, workers: { type: 'string' }, db: { type: 'string' }, limit: { type: 'string' }, dbs: { type: 'string' }, 'start-only': { type: 'boolean' } } });
const limit = values.limit ? Number(values.limit) : Infinity;

if (values.phase) {
  const result = await runPhase(values.phase);
  process.stdout.write(`RESULT ${JSON.stringify({ ...result, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
  process.exit(0);
} else {
  await main();
}

// ---- parent -------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const startOnly = values['start-only'] === true;
  if (!startOnly) for (const file of Object.values(CORPORA)) if (!existsSync(file)) throw new Error(`${file} is missing: the benchmark reads ../shared/data (or run --start-only)`);
  const pin = hasTaskset() ? ['taskset', '-c', '0'] : [];
  const work = mkdtempSync(join(tmpdir(), 'dateline-bench-'));
  const rows: string[][] = [];
  const notes: string[] = [];
  const dbs: string[] = [];
  const started = performance.now();
  const load = loadavg()[0]!;
  if (load > 0.5) log(`the load average is ${load.toFixed(2)}: other processes are using the CPU, and the figures will be low`);
  process.stdout.write(`Absolute figures are this machine's: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, Node ${process.version}, load average ${load.toFixed(2)} at the start.\n`);
  try {
    log('start-up: node -e 0, dateline --help, dateline code (one sentence), dateline serve up to its first POST /api/code');
    printStartUp(await startUp(work));
    if (startOnly) return;
    for (const corpus of Object.keys(CORPORA) as Corpus[]) {
      log(`${corpus}: (b) wink-nlp readDoc on one core`);
      const floor = await child(pin, ['--phase', 'wink', '--corpus', corpus]);
      log(`${corpus}: (a) extraction on one core`);
      const extract = await child(pin, ['--phase', 'extract', '--corpus', corpus]);
      log(`${corpus}: (t) the name tagger alone on one core`);
      const tagger = await child(pin, ['--phase', 'tagger', '--corpus', corpus]);
      log(`${corpus}: (p) the dependency parser alone on one core`);
      const parser = await child(pin, ['--phase', 'parser', '--corpus', corpus]);
      const ingests: PhaseResult[] = [];
      for (const [workers, pinned] of [[1, true], [1, false], [2, false]] as const) {
        log(`${corpus}: (c${workers}) ingest into SQLite with ${workers} worker${workers > 1 ? 's' : ''}${pinned ? ' on one core' : ''}`);
        const db = join(work, `${corpus}-${workers}${pinned ? '-pinned' : ''}.db`);
        ingests.push(await child(pinned ? pin : [], ['--phase', 'ingest', '--corpus', corpus, '--workers', String(workers), '--db', db]));
        if (workers === 2) dbs.push(db);
      }
      const [c1, c1Free, c2] = ingests as [PhaseResult, PhaseResult, PhaseResult];
      const tokens = floor.tokens!;
      const perSecond = (r: PhaseResult) => (r.articles / r.ms) * 1000;
      const line = (name: string, r: PhaseResult, withTokens = true) => [corpus, name, fmt(r.articles), fmt(perSecond(r)), withTokens ? fmt((tokens / r.ms) * 1000) : '', fmt(r.maxRssMb)];
      rows.push(line('(a) extraction, 1 core', extract));
      rows.push(line('(b) wink readDoc, 1 core', floor));
      rows.push([corpus, '(t) name tagger alone, 1 core', fmt(tagger.articles), fmt(perSecond(tagger)), fmt((tagger.tokens! / tagger.ms) * 1000), fmt(tagger.maxRssMb)]);
      rows.push([corpus, '(p) dependency parser alone, 1 core', fmt(parser.articles), fmt(perSecond(parser)), fmt((parser.tokens! / parser.ms) * 1000), fmt(parser.maxRssMb)]);
      rows.push(line('(c1) ingest, 1 worker, 1 core', c1));
      rows.push(line('(c1u) ingest, 1 worker, unpinned', c1Free));
      rows.push(line('(c2) ingest, 2 workers', c2));
      notes.push(
        `${corpus}: (a)/(b) = ${(extract.ms / floor.ms).toFixed(2)}× the wink time; (c2)/(c1) = ${(perSecond(c2) / perSecond(c1)).toFixed(2)}× (unpinned (c2)/(c1u) = ${(perSecond(c2) / perSecond(c1Free)).toFixed(2)}×); ` +
          `ingest start-up (not in the rates) ${(c1.startupMs! / 1000).toFixed(1)} s with 1 worker, ${(c2.startupMs! / 1000).toFixed(1)} s with 2; ` +
          `${fmt(c2.failed ?? 0)} inputs without text skipped; ${fmt(c2.events ?? 0)} events stored.`,
      );
    }
    printTable(rows, notes);
    log('API: synthesising a store of ≥ 1 million events and measuring latency');
    printApi(await child([], ['--phase', 'api', '--dbs', dbs.join(','), '--db', join(work, 'api.db')]));
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${load.toFixed(2)} at the start, ${loadavg()[0]!.toFixed(2)} at the end`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function printTable(rows: string[][], notes: string[]): void {
  const header = ['corpus', 'measure', 'articles', 'articles/s', 'tokens/s', 'peak RSS MB'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => r[i]!.length)));
  const out: string[] = ['', `| ${header.map((h, i) => h.padEnd(widths[i]!)).join(' | ')} |`, `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`];
  for (const r of rows) out.push(`| ${r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`);
  out.push('', ...notes, '', 'Targets: (a) ≥ 300 articles/s per core; (a) ≤ 3.5× the wink floor; (c2)/(c1u) ≥ 1.7×; ≤ 300 MB per worker.', '');
  process.stdout.write(`${out.join('\n')}\n`);
}

function printApi(api: PhaseResult): void {
  const a = api as unknown as ApiResult;
  const out = [
    '',
    `API on a store of ${fmt(a.events)} events (${fmt(a.synthesised)} of them synthesised: the dated ingested events replicated ${a.copies}× with dates shifted by 7-day steps) and ${fmt(a.articlesInStore)} articles; ${a.samples} requests each, in-process (inject), after ${a.warmup} warm-up requests:`,
    '',
    '| request | p50 ms | p95 ms | max ms | mean items |',
    '|---|---|---|---|---|',
    ...a.latency.map((l) => `| ${l.name} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.max.toFixed(1)} | ${l.items.toFixed(1)} |`),
    '',
    `Building it took ${(a.synthesisMs / 1000).toFixed(1)} s; peak RSS of the API process ${fmt(api.maxRssMb)} MB.`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

async function child(prefix: string[], args: string[]): Promise<PhaseResult> {
  const script = fileURLToPath(import.meta.url);
  const command = [...prefix, process.execPath, '--import', 'tsx', script, ...args, ...(Number.isFinite(limit) ? ['--limit', String(limit)] : [])];
  return new Promise((resolve, reject) => {
    const p = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`bench phase ${args.join(' ')} failed (exit ${code})\n${out}`));
      else resolve(JSON.parse(line.slice(7)) as PhaseResult);
    });
  });
}

// ---- start-up (parent) ---------------------------------------------------------------------------------------


interface StartRow {
  name: string;
  ms: number;
  rssMb: number;
  target: string;
}

/** Runs `args` under node START_RUNS times: median wall time from spawn to exit, and the largest peak RSS. */
async function timedRuns(args: string[]): Promise<{ ms: number; rssMb: number }> {
  const times: number[] = [];
  let rssKb = 0;
  for (let run = 0; run < START_RUNS; run++) {
    const t = performance.now();
    const stderr = await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, ['--import', RSS_HOOK, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr.on('data', (d: Buffer) => (err += d.toString()));
      p.on('exit', (code) => (code === 0 ? resolve(err) : reject(new Error(`node ${args.join(' ')} failed (exit ${code})\n${err}`))));
    });
    times.push(performance.now() - t);
    rssKb = Math.max(rssKb, Number(/MAXRSS (\d+)/.exec(stderr)?.[1] ?? 0));
  }
  return { ms: median(times), rssMb: rssKb / 1024 };
}

/** `dateline serve` on a free port: ms until it listens, ms for its first POST /api/code, peak RSS. */
async function serveRun(db: string): Promise<{ listenMs: number; firstPostMs: number; rssMb: number }> {
  const t = performance.now();
  const p = spawn(process.execPath, ['--import', RSS_HOOK, BIN, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((resolve) => p.on('exit', () => resolve()));
  let listenMs = 0;
  let firstPostMs = 0;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      p.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /at (http:\/\/\S+\/)/.exec(out)?.[1];
        if (found) resolve(found);
      });
      p.on('exit', (code) => reject(new Error(`dateline serve exited (${code}) before listening\n${err}`)));
    });
    listenMs = performance.now() - t;
    const posted = performance.now();
    const answer = await fetch(`${url}api/code`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ONE_SENTENCE, published: '2007-05-28' }) });
    if (answer.status !== 200) throw new Error(`POST /api/code → ${answer.status} ${await answer.text()}`);
    await answer.json();
    firstPostMs = performance.now() - posted;
  } finally {
    p.kill('SIGTERM');
    await exited;
  }
  return { listenMs, firstPostMs, rssMb: Number(/MAXRSS (\d+)/.exec(err)?.[1] ?? 0) / 1024 };
}

async function startUp(work: string): Promise<StartRow[]> {
  const sentence = join(work, 'one-sentence.txt');
  writeFileSync(sentence, `${ONE_SENTENCE}\n`);
  const node = await timedRuns(['-e', '0']);
  const help = await timedRuns([BIN, '--help']);
  const code = await timedRuns([BIN, 'code', sentence, '--date', '2007-05-28']);
  const { openStore } = await import('../src/store/db.ts');
  const db = join(work, 'serve.db');
  openStore(db).close();
  const serves = [];
  for (let run = 0; run < 3; run++) serves.push(await serveRun(db));
  return [
    { name: 'node -e 0', ...node, target: '' },
    { name: 'dateline --help', ...help, target: '≤ 150 ms' },
    { name: 'dateline code one-sentence.txt', ...code, target: '≤ 1,000 ms, ≤ 200 MB' },
    { name: 'dateline serve: listening', ms: median(serves.map((s) => s.listenMs)), rssMb: 0, target: '' },
    { name: 'then its first POST /api/code', ms: median(serves.map((s) => s.firstPostMs)), rssMb: Math.max(...serves.map((s) => s.rssMb)), target: '≤ 1,000 ms' },
  ];
}

function printStartUp(rows: StartRow[]): void {
  const node = rows[0]!.ms;
  const out = [
    '',
    `Start-up (median of ${START_RUNS} runs, spawn to exit; serve: of 3):`,
    '',
    '| command | wall ms | × node -e 0 | peak RSS MB | target |',
    '|---|--:|--:|--:|---|',
    ...rows.map((r) => `| ${r.name} | ${fmt(r.ms)} | ${r.name.startsWith('then') ? '' : `${(r.ms / node).toFixed(1)}×`} | ${r.rssMb > 0 ? fmt(r.rssMb) : ''} | ${r.target} |`),
    '',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true']);
    return true;
  } catch {
    return false;
  }
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

// ---- phases (child processes) -------------------------------------------------------------------------------

async function runPhase(phase: string): Promise<PhaseResult> {
  switch (phase) {
    case 'wink':
      return winkFloor(await corpusInputs(values.corpus as Corpus));
    case 'extract':
      return extraction(await corpusInputs(values.corpus as Corpus));
    case 'tagger':
      return taggerAlone(await corpusInputs(values.corpus as Corpus));
    case 'parser':
      return parserAlone(await corpusInputs(values.corpus as Corpus));
    case 'ingest':
      return ingestCorpus(values.corpus as Corpus, Number(values.workers), values.db!);
    case 'api':
      return apiLatency(values.dbs!.split(','), values.db!);
    default:
      throw new Error(`unknown phase ${phase}`);
  }
}

async function corpusInputs(corpus: Corpus) {
  const { readInputs } = await import('../src/stages/input/index.ts');
  const inputs = [];
  for (const item of readInputs([CORPORA[corpus]])) {
    if (!item.ok) continue;
    inputs.push(item.input);
    if (inputs.length >= limit) break;
  }
  return inputs;
}

async function winkFloor(inputs: Awaited<ReturnType<typeof corpusInputs>>): Promise<PhaseResult> {
  const { wink } = await import('../src/nlp/wink.ts');
  const nlp = wink();
  nlp.readDoc('Warm-up: the United States urged Iran on Monday.');
  let tokens = 0;
  const t = performance.now();
  for (const input of inputs) tokens += nlp.readDoc(input.text).tokens().length();
  return { articles: inputs.length, tokens, ms: performance.now() - t, maxRssMb: 0 };
}

/** tagSentence over every sentence of the corpus, segmented beforehand (the segmenting is not timed). */
async function taggerAlone(inputs: Awaited<ReturnType<typeof corpusInputs>>): Promise<PhaseResult> {
  const { cleanText } = await import('../src/stages/clean/index.ts');
  const { segment } = await import('../src/stages/segment/index.ts');
  const { tagSentence } = await import('../src/stages/entities/tagger/index.ts');
  const sentences = [];
  for (const input of inputs) {
    const seg = segment(input.text, cleanText(input.text).paragraphs);
    for (const s of seg.sentences) sentences.push(seg.tokens.slice(s.firstToken, s.endToken));
  }
  for (const tokens of sentences.slice(0, 200)) tagSentence(tokens, { headline: false });
  let tokens = 0;
  const t = performance.now();
  for (const sentence of sentences) {
    tagSentence(sentence, { headline: false });
    tokens += sentence.length;
  }
  return { articles: inputs.length, tokens, ms: performance.now() - t, maxRssMb: 0 };
}

/** parseSentence over every sentence of the corpus on wink's tokens and tags, segmented beforehand (not timed). */
async function parserAlone(inputs: Awaited<ReturnType<typeof corpusInputs>>): Promise<PhaseResult> {
  const { cleanText } = await import('../src/stages/clean/index.ts');
  const { segment } = await import('../src/stages/segment/index.ts');
  const { loadParserModel, parseSentence } = await import('../src/stages/parse/index.ts');
  const model = loadParserModel();
  const sentences: { words: string[]; tags: string[] }[] = [];
  for (const input of inputs) {
    const seg = segment(input.text, cleanText(input.text).paragraphs);
    for (const s of seg.sentences) {
      const tokens = seg.tokens.slice(s.firstToken, s.endToken);
      sentences.push({ words: tokens.map((t) => t.text), tags: tokens.map((t) => t.pos) });
    }
  }
  for (const sentence of sentences.slice(0, 200)) parseSentence(model, sentence.words, sentence.tags);
  let tokens = 0;
  const t = performance.now();
  for (const sentence of sentences) {
    parseSentence(model, sentence.words, sentence.tags);
    tokens += sentence.words.length;
  }
  return { articles: inputs.length, tokens, ms: performance.now() - t, maxRssMb: 0 };
}

async function extraction(inputs: Awaited<ReturnType<typeof corpusInputs>>): Promise<PhaseResult> {
  const { codeArticle } = await import('../src/pipeline/codeArticle.ts');
  const { defaultWorld } = await import('../src/pipeline/world.ts');
  const world = defaultWorld();
  // The same warm-up the ingest workers do: every lexicon loaded before the clock starts.
  for (const input of inputs.slice(0, 20)) codeArticle(input, { world });
  let events = 0;
  const t = performance.now();
  for (const input of inputs) events += codeArticle(input, { world }).events.length;
  return { articles: inputs.length, ms: performance.now() - t, events, maxRssMb: 0 };
}

async function ingestCorpus(corpus: Corpus, workers: number, file: string): Promise<PhaseResult> {
  const { openStore } = await import('../src/store/db.ts');
  const { SqliteStore } = await import('../src/store/sqliteStore.ts');
  const { ingest } = await import('../src/ingest/ingest.ts');
  let source = CORPORA[corpus] as string;
  if (Number.isFinite(limit)) {
    // A quick run: the first `limit` records, as a file of their own.
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { gunzipSync } = await import('node:zlib');
    source = `${file}.jsonl`;
    writeFileSync(source, `${gunzipSync(readFileSync(CORPORA[corpus])).toString('utf8').split('\n').slice(0, limit).join('\n')}\n`);
  }
  const db = openStore(file);
  const s = await ingest(new SqliteStore(db), [source], { workers });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { articles: s.stored, failed: s.failed, ms: s.elapsedMs, startupMs: s.startupMs, events: s.events, maxRssMb: 0 };
}

interface ApiResult {
  events: number;
  synthesised: number;
  copies: number;
  articlesInStore: number;
  samples: number;
  warmup: number;
  synthesisMs: number;
  latency: { name: string; p50: number; p95: number; max: number; items: number }[];
}

async function apiLatency(sources: string[], file: string): Promise<PhaseResult> {
  const { openStore } = await import('../src/store/db.ts');
  const { SqliteStore } = await import('../src/store/sqliteStore.ts');
  const { buildApp } = await import('../src/api/app.ts');
  const t = performance.now();
  const db = openStore(file);
  for (const source of sources) merge(db, source);
  const ingested = count(db, 'events');
  const dated = (db.prepare("SELECT count(*) AS n FROM events WHERE day <> ''").get() as { n: number }).n;
  const copies = Math.max(0, Math.ceil((TARGET_EVENTS - ingested) / Math.max(1, dated)));
  synthesise(db, copies);
  db.exec('ANALYZE');
  const synthesisMs = performance.now() - t;

  const app = buildApp({ store: new SqliteStore(db) });
  const random = seeded(7);
  const dyads = db.prepare("SELECT source_root AS a, target_root AS b FROM events WHERE target_root NOT IN ('', '---') AND source_root <> '---' GROUP BY a, b ORDER BY count(*) DESC LIMIT 50").all() as { a: string; b: string }[];
  const { first, last } = db.prepare("SELECT min(day) AS first, max(day) AS last FROM events WHERE day <> ''").get() as { first: string; last: string };
  const span = (Date.parse(last) - Date.parse(first)) / 86_400_000;
  const words = ['oil', 'bank', 'trade', 'profit', 'iran', 'japan', 'talks', 'election', 'shares', 'dollar', 'government', 'minister', 'strike', 'wheat', 'court', 'film', 'music', 'football', 'police', 'prices'];
  const eventsUrl = () => {
    const dyad = dyads[Math.floor(random() * dyads.length)]!;
    const from = new Date(Date.parse(first) + Math.floor(random() * Math.max(1, span - 90)) * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(from) + 90 * 86_400_000).toISOString().slice(0, 10);
    return `/api/events?source=${dyad.a}&target=${dyad.b}&from=${from}&to=${to}`;
  };
  const articlesUrl = () => `/api/articles?q=${encodeURIComponent(random() < 0.5 ? words[Math.floor(random() * words.length)]! : `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`)}`;
  const warmup = 20;
  const latency = [];
  for (const [name, url] of [
    ['/api/events?source=&target=&from=&to= (dyad, 90 days)', eventsUrl],
    ['/api/articles?q= (1–2 words, ranked, snippets)', articlesUrl],
  ] as const) {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < warmup + SAMPLES; i++) {
      const target = url();
      const start = performance.now();
      const answer = await app.inject({ method: 'GET', url: target });
      const ms = performance.now() - start;
      if (answer.statusCode !== 200) throw new Error(`${target} → ${answer.statusCode} ${answer.body}`);
      if (i >= warmup) {
        times.push(ms);
        items += (answer.json() as { items: unknown[] }).items.length;
      }
    }
    times.sort((x, y) => x - y);
    latency.push({ name, p50: times[Math.floor(times.length * 0.5)]!, p95: times[Math.floor(times.length * 0.95)]!, max: times.at(-1)!, items: items / SAMPLES });
  }
  await app.close();
  const result: ApiResult = { events: count(db, 'events'), synthesised: count(db, 'events') - ingested, copies, articlesInStore: count(db, 'articles'), samples: SAMPLES, warmup, synthesisMs, latency };
  db.close();
  return { articles: 0, ms: 0, maxRssMb: 0, ...result };
}

type Db = import('../src/store/db.ts').Db;

function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Copies another store's articles, events and event mentions in, with ids shifted past the ones already here. */
function merge(db: Db, source: string): void {
  db.exec(`ATTACH '${source.replaceAll("'", "''")}' AS other`);
  const offset = (table: string) => (db.prepare(`SELECT coalesce(max(id), 0) AS n FROM main.${table}`).get() as { n: number }).n;
  const [articles, events] = [offset('articles'), offset('events')];
  const columns = (table: string) => (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
  const shifted: Record<string, Record<string, number>> = {
    articles: { id: articles, duplicate_of: articles, family_id: articles },
    events: { id: events, first_article_id: articles },
    event_mentions: { event_id: events, article_id: articles, family_id: articles },
  };
  db.transaction(() => {
    for (const [table, shifts] of Object.entries(shifted)) {
      const cols = columns(table).filter((c) => !(table === 'event_mentions' && c === 'id'));
      const select = cols.map((c) => (shifts[c] !== undefined ? `"${c}" + ${shifts[c]}` : `"${c}"`)).join(', ');
      db.exec(`INSERT INTO main.${table} (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${select} FROM other.${table}`);
    }
  })();
  db.exec('DETACH other');
}

/**
 * The ingested events again `copies` times, each copy's dates shifted 7 days further, with their mentions, in one
 * statement each (a small store needs many copies). Undated events are not copied, and a copy that would meet an
 * event of the same merge key (dyad, root, place, day) is left out with its mentions: the store keeps one event per key.
 */
function synthesise(db: Db, copies: number): void {
  const eventColumns = (db.prepare("SELECT name FROM pragma_table_info('events')").all() as { name: string }[]).map((c) => c.name);
  const mentionColumns = (db.prepare("SELECT name FROM pragma_table_info('event_mentions')").all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id');
  const { maxId, maxMention } = db.prepare('SELECT (SELECT max(id) FROM events) AS maxId, (SELECT max(id) FROM event_mentions) AS maxMention').get() as { maxId: number; maxMention: number };
  const numbers = `WITH RECURSIVE copy(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM copy WHERE k < ${copies})`;
  const event = eventColumns.map((c) => (c === 'id' ? `id + k * ${maxId}` : c === 'day' ? `date(day, '+' || (k * 7) || ' days')` : `"${c}"`)).join(', ');
  const mention = mentionColumns.map((c) => (c === 'event_id' ? `event_id + k * ${maxId}` : `"${c}"`)).join(', ');
  db.transaction(() => {
    db.exec(`INSERT OR IGNORE INTO events (${eventColumns.map((c) => `"${c}"`).join(', ')}) ${numbers} SELECT ${event} FROM copy, events WHERE id <= ${maxId} AND day <> ''`);
    db.exec(`INSERT INTO event_mentions (${mentionColumns.map((c) => `"${c}"`).join(', ')}) ${numbers} SELECT ${mention} FROM copy, event_mentions m WHERE m.id <= ${maxMention} AND EXISTS (SELECT 1 FROM events e WHERE e.id = m.event_id + k * ${maxId})`);
  })();
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
