import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { estimateArticles, readSources } from '../../src/ingest/sources.ts';
import type { InputItem } from '../../src/stages/input/index.ts';

const collect = async (gen: AsyncGenerator<InputItem>) => {
  const out: InputItem[] = [];
  for await (const item of gen) out.push(item);
  return out;
};

test('a feed URL is fetched and read; offline, a timeout or an HTTP error give a clear message', async () => {
  const rss = '<rss version="2.0"><channel><title>T</title><item><title>A</title><link>https://e.x/a</link><description>Iran said.</description></item></channel></rss>';
  const answering: typeof fetch = async () => new Response(rss, { status: 200 });
  const [item] = await collect(readSources(['https://e.x/feed'], { fetch: answering }));
  assert.ok(item?.ok && item.input.url === 'https://e.x/a');

  const page: typeof fetch = async () => new Response('<!doctype html><html><body><p>Iran said on Monday it would talk.</p></body></html>', { status: 200 });
  const [fetchedPage] = await collect(readSources(['https://e.x/story'], { fetch: page }));
  assert.ok(fetchedPage?.ok && fetchedPage.input.url === 'https://e.x/story', 'a fetched page keeps its URL');

  const offline: typeof fetch = async () => {
    throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ENOTFOUND' } });
  };
  const [down] = await collect(readSources(['https://e.x/feed'], { fetch: offline }));
  assert.ok(down && !down.ok && /could not be fetched \(ENOTFOUND\).*online/.test(down.message));

  // A server that never answers (the timer stands for its open socket, which keeps the process alive).
  const slow: typeof fetch = (_url, init) =>
    new Promise((_, reject) => {
      const socket = setTimeout(() => undefined, 10_000);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(socket);
        reject(init.signal!.reason);
      });
    });
  const [late] = await collect(readSources(['https://e.x/feed'], { fetch: slow, fetchTimeoutMs: 50 }));
  assert.ok(late && !late.ok && /no answer within 0.05 s/.test(late.message));

  const missing: typeof fetch = async () => new Response('nope', { status: 404, statusText: 'Not Found' });
  const [gone] = await collect(readSources(['https://e.x/feed'], { fetch: missing }));
  assert.ok(gone && !gone.ok && /answered 404 Not Found/.test(gone.message));
});

test('a spec can carry its own publication date', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-sources-'));
  const file = join(dir, 'story.txt');
  writeFileSync(file, 'Iran said on Monday it would talk.');
  const [item] = await collect(readSources([{ spec: file, published: '2007-05-28' }]));
  assert.ok(item?.ok && item.input.published === '2007-05-28');
});

test('the article count for the ETA: records, feed items and files; unknown when a gzipped file would need decompressing twice', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-estimate-'));
  writeFileSync(join(dir, 'a.jsonl'), '{"text":"a"}\n\n{"text":"b"}\n{"text":"c"}\n');
  writeFileSync(join(dir, 'b.rss'), '<rss><channel><item></item><item></item></channel></rss>');
  writeFileSync(join(dir, 'c.txt'), 'story');
  assert.equal(estimateArticles([dir]), 6);
  writeFileSync(join(dir, 'd.jsonl.gz'), gzipSync('{"text":"d"}\n'));
  assert.equal(estimateArticles([dir]), null);
  assert.equal(estimateArticles(['-']), null);
  assert.equal(estimateArticles(['https://e.x/feed']), null);
});
