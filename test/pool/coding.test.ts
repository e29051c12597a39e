import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ArticleInput } from '../../src/model/analysis.ts';
import { codeArticle } from '../../src/pipeline/codeArticle.ts';
import { CodingPool } from '../../src/pool/coding.ts';
import { articleKey } from '../../src/store/articleKey.ts';
import { articleRows } from '../../src/store/rows.ts';

const FOUNDING = readFileSync(new URL('../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url), 'utf8');
const input = (id: string, text: string): ArticleInput => ({ id, text, title: null, titleSpan: null, published: '2007-05-28', publishedFrom: 'option', url: null, source: null, byline: null, messages: [] });

test('coding pool: records and rows are what the pipeline gives in this thread', async () => {
  const pool = await CodingPool.start({ workers: 1 });
  try {
    const article = input('founding', FOUNDING);
    const expected = codeArticle(article, { explain: true });
    assert.deepEqual(await pool.code(article, { explain: true }), { ok: true, value: expected });
    const meta = { ...articleKey(article), origin: 'founding.txt' };
    const rows = await pool.codeRows(article, meta);
    assert.ok(rows.ok);
    const here = articleRows(article, codeArticle(article), meta);
    // A Uint8Array comes back from the worker as a Uint8Array of the same bytes.
    assert.deepEqual({ ...rows.value, minhash: [...rows.value.minhash!] }, { ...here, minhash: [...here.minhash!] });
  } finally {
    await pool.close();
  }
});

test('coding pool: a posted record is read in the worker; one that cannot be read fails as input', async () => {
  const pool = await CodingPool.start({ workers: 1 });
  try {
    const html = await pool.codePosted({ id: 'p', html: '<html><head><title>Talks</title></head><body><article><p>Iran urged Iraq on Monday to stop the attacks.</p></article></body></html>', published: '2007-05-28' }, { maxBytes: 1 << 20 });
    assert.ok(html.ok);
    assert.equal(html.value.article.title, 'Talks');
    assert.ok(html.value.events.some((e) => e.source.actor.startsWith('IRN')));
    assert.deepEqual(await pool.codePosted({ id: 'q', title: 'no body' }, { maxBytes: 1 << 20 }), { ok: false, failure: 'input', message: 'record "q" has no "text" or "html" field' });
  } finally {
    await pool.close();
  }
});

test('coding pool: an article over the time budget fails with a message; the next one is coded', async () => {
  const pool = await CodingPool.start({ workers: 1, articleTimeoutMs: 250 });
  try {
    let long = '';
    while (long.length < 2_000_000) long += `${FOUNDING}\n\n`;
    const [slow, next] = await Promise.all([pool.code(input('long', long)), pool.code(input('short', 'Iran urged Iraq to stop the attacks.'))]);
    assert.deepEqual(slow, { ok: false, failure: 'timeout', message: 'coding took longer than 0.25 s, the time budget of one article; it was stopped' });
    assert.ok(next.ok, JSON.stringify(next));
  } finally {
    await pool.close();
  }
});
