/** `dateline demo` (`npm start`): ingest the bundled samples that are not stored yet, then serve. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceSpec } from '../ingest/sources.ts';
import { openStore } from '../store/db.ts';
import { SqliteStore } from '../store/sqliteStore.ts';
import { articleTimeout, dbFile, noPositionals, workerCount } from './args.ts';
import { describeIngest, ingestWithProgress } from './ingest.ts';
import { serve } from './serve.ts';

type Values = Record<string, string | boolean | undefined>;

const SAMPLES = fileURLToPath(new URL('../../data/samples/', import.meta.url));

interface Manifest {
  files: { file: string; published?: string }[];
}

export async function runDemo(positionals: string[], values: Values): Promise<number> {
  noPositionals('demo', positionals);
  const file = dbFile(values);
  const store = new SqliteStore(openStore(file));
  const manifest = JSON.parse(readFileSync(`${SAMPLES}samples.json`, 'utf8')) as Manifest;
  const specs: SourceSpec[] = manifest.files.map((f) => (f.published ? { spec: `${SAMPLES}${f.file}`, published: f.published } : `${SAMPLES}${f.file}`));
  process.stdout.write(`Ingesting the bundled articles (data/samples) into ${file}…\n`);
  const summary = await ingestWithProgress(store, specs, { workers: workerCount(values), articleTimeoutMs: articleTimeout(values) });
  process.stdout.write(`${describeIngest(summary, file)}\n`);
  if (summary.interrupted) {
    await store.close();
    return 130;
  }
  return serve(store, values);
}
