/**
 * What `ingest` reads: everything `readInputs` reads (files, directories, JSON/JSONL, feeds, gzip, stdin) plus
 * feed or page URLs, fetched with a timeout. Also a quick count of the articles ahead, for the progress bar's ETA.
 */
import { readFileSync, statSync } from 'node:fs';
import { listArticleFiles, MAX_RECORD_FILE_BYTES, readBuffer, readInputs, type InputItem, type ReadOptions } from '../stages/input/index.ts';

export interface SourceOptions extends ReadOptions {
  /** How long to wait for a URL, in milliseconds. */
  fetchTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** A path, URL or "-"; or one with its own publication date (for bundled samples whose text carries none). */
export type SourceSpec = string | { spec: string; published: string };

const URL_SPEC = /^https?:\/\//i;

export async function* readSources(specs: readonly SourceSpec[], defaults: SourceOptions = {}): AsyncGenerator<InputItem> {
  for (const entry of specs) {
    const spec = typeof entry === 'string' ? entry : entry.spec;
    const options = typeof entry === 'string' ? defaults : { ...defaults, published: entry.published };
    if (!URL_SPEC.test(spec)) {
      yield* readInputs([spec], options);
      continue;
    }
    const fetched = await fetchBytes(spec, options);
    if (!fetched.ok) {
      yield { ok: false, origin: { file: spec }, message: fetched.message };
      continue;
    }
    for (const item of readBuffer(spec, fetched.bytes, options)) {
      // A fetched page is the article at that URL; feed items carry their own links.
      if (item.ok && item.input.url === null && item.origin.item === undefined) yield { ...item, input: { ...item.input, url: spec } };
      else yield item;
    }
  }
}

async function fetchBytes(url: string, options: SourceOptions): Promise<{ ok: true; bytes: Buffer } | { ok: false; message: string }> {
  const timeout = options.fetchTimeoutMs ?? 20_000;
  try {
    const response = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(timeout), headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/html;q=0.9, */*;q=0.5' } });
    if (!response.ok) return { ok: false, message: `the server answered ${response.status} ${response.statusText}; check the address` };
    return { ok: true, bytes: Buffer.from(await response.arrayBuffer()) };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return { ok: false, message: `no answer within ${timeout / 1000} s; try again later, or download the feed and ingest the file` };
    const reason = e.cause?.code ?? e.cause?.message ?? e.message;
    return { ok: false, message: `could not be fetched (${reason}); check the address and that this machine is online, or download it and ingest the file` };
  }
}

/** About how many articles the specs hold (records and feed items counted); null when unknown (URLs, gzipped or oversized record files). */
export function estimateArticles(specs: readonly SourceSpec[]): number | null {
  let total = 0;
  for (const entry of specs) {
    const spec = typeof entry === 'string' ? entry : entry.spec;
    if (spec === '-' || URL_SPEC.test(spec)) return null;
    let files: string[];
    try {
      files = statSync(spec).isDirectory() ? listArticleFiles(spec) : [spec];
    } catch {
      continue;
    }
    for (const file of files) {
      const n = articlesInFile(file);
      if (n === null) return null;
      total += n;
    }
  }
  return total;
}

/** Counted in the raw bytes: a gzipped file is not decompressed for a progress bar (the reader does it once). */
function articlesInFile(file: string): number | null {
  const name = file.toLowerCase();
  if (!/\.(jsonl|ndjson|json|xml|rss|atom)(\.gz)?$/.test(name)) return 1;
  if (name.endsWith('.gz')) return null;
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_RECORD_FILE_BYTES) return null;
    bytes = readFileSync(file);
  } catch {
    return 1;
  }
  if (/\.(xml|rss|atom)$/.test(name)) return Math.max(1, count(bytes.toString('utf8'), /<(item|entry)[\s>]/g));
  const text = bytes.toString('utf8');
  if (/\.json$/.test(name) && text.trimStart().startsWith('[')) return Math.max(1, count(text, /"(text|body|html|content)"\s*:/g));
  return Math.max(1, count(text, /^[ \t]*\S/gm));
}

function count(text: string, pattern: RegExp): number {
  let n = 0;
  for (const _ of text.matchAll(pattern)) n++;
  return n;
}
