import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/api/app.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import { GDELT_COLUMNS } from '../../src/store/exports.ts';
import { openStoreAt } from '../../src/store/open.ts';
import type { Store } from '../../src/store/store.ts';
import { skipPostgres, testDatabase } from '../helpers/services.ts';

const FOUNDING = new URL('../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-api-'));
const emptyWeb = join(dir, 'web-not-built');
mkdirSync(emptyWeb);
const more = join(dir, 'more.jsonl');
writeFileSync(
  more,
  [
    { id: 'iraq-1', url: 'https://news.example/iraq-1', source: 'AP', published: '2007-05-29', text: 'BAGHDAD (AP) - Iran rejected U.S. accusations on Tuesday that it arms militias in Iraq. A car bomb killed 12 people in Baghdad, police said.' },
    { id: 'iraq-2', url: 'https://news.example/iraq-2', source: 'AFP', published: '2007-06-04', text: 'TEHRAN (AFP) - Iran said on Monday it would meet U.S. officials again in Baghdad. "We are ready," the foreign ministry spokesman said.' },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);

interface Answer {
  statusCode: number;
  json: () => any;
  body: string;
  headers: Record<string, unknown>;
}

// The same suite runs on each engine: the same articles ingested give the same answers.
for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`API on ${engine}`, { skip: engine === 'postgres' ? skipPostgres : false }, () => {
    let store: Store;
    let app: FastifyInstance;
    let dropDatabase = async (): Promise<void> => undefined;
    const get = (url: string) => app.inject({ method: 'GET', url }) as unknown as Promise<Answer>;

    before(async () => {
      if (engine === 'sqlite') store = await openStoreAt({ engine: 'sqlite', file: join(dir, 'api.db') });
      else {
        const database = await testDatabase('api');
        dropDatabase = database.drop;
        store = await openStoreAt({ engine: 'postgres', url: database.url });
      }
      await ingest(store, [{ spec: FOUNDING, published: '2007-05-28' }, more], { workers: 1 });
      app = buildApp({ store, webRoot: emptyWeb });
    });
    after(async () => {
      await app.close();
      await store.close();
      await dropDatabase();
    });

    test('every bad parameter of every route is a 400 that names it, never a 500', async () => {
      const wrongShape = Buffer.from(JSON.stringify({ nope: 1 })).toString('base64url');
      const cases: [string, string | null][] = [
        ['/api/events?sort=newest', 'sort'],
        ['/api/events/count?quad=5', 'quad'],
        ['/api/events/count?limit=5', 'limit'],
        ['/api/stats/totals?q=x', 'q'],
        ['/api/stats/events-over-time?interval=decade', 'interval'],
        ['/api/stats/events-over-time?from=2007-06-01&to=2007-05-01', 'from'],
        ['/api/stats/dyads?level=person', 'level'],
        ['/api/stats/dyads?limit=201', 'limit'],
        ['/api/stats/actors?limit=0', 'limit'],
        ['/api/stats/places?q=x', 'q'],
        ['/api/stats/map?layers=people', 'layers'],
        ['/api/stats/map?bbox=1,2,3', 'bbox'],
        ['/api/stats/speakers?q=', 'q'],
        ['/api/articles?q=', 'q'],
        ['/api/articles?q=(((', 'q'],
        ['/api/articles?from=2007-13-01', 'from'],
        ['/api/articles?to=yesterday', 'to'],
        ['/api/articles?from=2007-06-01&to=2007-05-01', 'from'],
        ['/api/articles?source=', 'source'],
        ['/api/articles?cursor=!!', 'cursor'],
        [`/api/articles?cursor=${wrongShape}`, 'cursor'],
        ['/api/articles?limit=0', 'limit'],
        ['/api/articles?limit=501', 'limit'],
        ['/api/articles?limit=ten', 'limit'],
        ['/api/articles?sort=date', 'sort'],
        ['/api/articles/abc', 'id'],
        ['/api/articles/0', 'id'],
        ['/api/articles/1.5', 'id'],
        ['/api/articles/1?full=1', 'full'],
        ['/api/events?actor=US', 'actor'],
        ['/api/events?actor=U$A', 'actor'],
        ['/api/events?source=USAG', 'source'],
        ['/api/events?target=', 'target'],
        ['/api/events?root=00', 'root'],
        ['/api/events?root=21', 'root'],
        ['/api/events?code=2', 'code'],
        ['/api/events?code=04x', 'code'],
        ['/api/events?quad=0', 'quad'],
        ['/api/events?quad=5', 'quad'],
        ['/api/events?quad=1.5', 'quad'],
        ['/api/events?quad=1&quad=2', 'quad'],
        ['/api/events?from=2007-02-30', 'from'],
        ['/api/events?to=28-05-2007', 'to'],
        ['/api/events?from=2007-06-01&to=2007-05-01', 'from'],
        ['/api/events?place=', 'place'],
        ['/api/events?bbox=1,2,3', 'bbox'],
        ['/api/events?bbox=0,-100,10,20', 'bbox'],
        ['/api/events?bbox=0,200,10,20', 'bbox'],
        ['/api/events?bbox=0,30,10,20', 'bbox'],
        ['/api/events?bbox=west', 'bbox'],
        ['/api/events?q=', 'q'],
        ['/api/events?q=-iran', 'q'],
        ['/api/events?claimed=maybe', 'claimed'],
        ['/api/events?historical=2', 'historical'],
        ['/api/events?cursor=x', 'cursor'],
        [`/api/events?cursor=${wrongShape}`, 'cursor'],
        ['/api/events?limit=-1', 'limit'],
        ['/api/events?zzz=1', 'zzz'],
        ['/api/actors?q=', 'q'],
        ['/api/actors?limit=0', 'limit'],
        ['/api/actors?cursor=bad', 'cursor'],
        [`/api/actors?cursor=${Buffer.from('{"offset":-5}').toString('base64url')}`, 'cursor'],
        ['/api/actors?name=x', 'name'],
        ['/api/quotes?speaker=', 'speaker'],
        ['/api/quotes?q=((', 'q'],
        ['/api/quotes?limit=1000', 'limit'],
        ['/api/quotes?cursor=bad', 'cursor'],
        ['/api/quotes?actor=USA', 'actor'],
        ['/api/casualties?from=2007-5-1', 'from'],
        ['/api/casualties?to=2007-05-32', 'to'],
        ['/api/casualties?from=2008-01-01&to=2007-01-01', 'from'],
        ['/api/casualties?bbox=1,2,3,4,5', 'bbox'],
        ['/api/casualties?limit=x', 'limit'],
        ['/api/casualties?cursor=bad', 'cursor'],
        ['/api/casualties?killed=1', 'killed'],
        ['/api/dyads/U/IRN/timeline', 'a'],
        ['/api/dyads/USA/IR!N/timeline', 'b'],
        ['/api/dyads/USA/IRN/timeline?interval=year', 'interval'],
        ['/api/dyads/USA/IRN/timeline?from=2007-01-01', 'from'],
        ['/api/export/events.tsv?root=99', 'root'],
        ['/api/export/events.tsv?limit=5', 'limit'],
        ['/api/export/events.csv?from=2007-02-30', 'from'],
        ['/api/export/events.csv?q=(', 'q'],
        ['/api/export/events.jsonl?bbox=1,2', 'bbox'],
        ['/api/export/events.jsonl?quad=9', 'quad'],
      ];
      for (const [url, parameter] of cases) {
        const answer = await get(url);
        assert.equal(answer.statusCode, 400, `${url} → ${answer.statusCode} ${answer.body.slice(0, 200)}`);
        const body = answer.json();
        assert.equal(body.error, 'Bad Request');
        assert.equal(body.parameter, parameter, `${url}: ${body.message}`);
        assert.ok(body.message.includes(parameter!), `${url}: the message names ${parameter}: ${body.message}`);
      }
    });

    test('POST /api/code: bad bodies are 400, 413 or 415 with a message; a good one is coded and not stored', async () => {
      const post = (payload: unknown, headers: Record<string, string> = {}, url = '/api/code') => app.inject({ method: 'POST', url, payload: payload as string, headers }) as unknown as Promise<Answer>;
      const bad: [unknown, number, Record<string, string>?][] = [
        [{}, 400],
        [{ text: '' }, 400],
        [{ text: 42 }, 400],
        [{ text: 'Iran said.', colour: 'red' }, 400],
        [[{ text: 'Iran said.' }], 400],
        ['{"text": ', 400, { 'content-type': 'application/json' }],
        ['Iran said.', 415, { 'content-type': 'application/xml' }],
        [{ text: 'x'.repeat(1024 * 1024 + 10) }, 413],
      ];
      for (const [payload, status, headers] of bad) {
        const answer = await post(payload, headers);
        assert.equal(answer.statusCode, status, `${JSON.stringify(payload).slice(0, 60)} → ${answer.body.slice(0, 200)}`);
        assert.ok(answer.json().message.length > 10);
      }
      assert.equal((await post({ text: 'Iran said.' }, {}, '/api/code?explain=perhaps')).statusCode, 400);

      const articles = (await store.counts()).articles;
      const text = 'BAGHDAD (Reuters) - The United States urged Iran on Monday to stop supporting militias in Iraq.';
      const answer = await post({ text, published: '2007-05-28' }, {}, '/api/code?explain=true');
      assert.equal(answer.statusCode, 200);
      const record = answer.json();
      assert.equal(record.article.text, text);
      assert.ok(Array.isArray(record.explain));
      for (const e of record.events) assert.ok(text.slice(e.trigger.start, e.trigger.end).length > 0);
      assert.equal((await store.counts()).articles, articles, 'nothing stored');
    });

    test('cursor pagination walks every event once, newest first', async () => {
      const all = (await get('/api/events?limit=500')).json().items as { id: number; day: string | null }[];
      assert.ok(all.length > 5);
      const walked: { id: number; day: string | null }[] = [];
      let url = '/api/events?limit=3';
      for (;;) {
        const page = (await get(url)).json();
        walked.push(...page.items);
        if (!page.nextCursor) break;
        url = `/api/events?limit=3&cursor=${page.nextCursor}`;
      }
      assert.deepEqual(walked.map((e) => e.id), all.map((e) => e.id));
      const days = walked.map((e) => e.day ?? '');
      assert.deepEqual(days, [...days].sort().reverse());
    });

    test('events sort by day, Goldstein or reporting articles, and the cursor keeps the order', async () => {
      for (const sort of ['goldstein', '-goldstein', 'day', 'articles']) {
        const all = (await get(`/api/events?limit=500&sort=${sort}`)).json().items as { id: number; day: string | null; goldstein: number; numArticles: number }[];
        const key = (e: (typeof all)[number]) => (sort.endsWith('goldstein') ? e.goldstein : sort.endsWith('day') ? e.day ?? '' : e.numArticles);
        const keys = all.map(key);
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        assert.deepEqual(keys, sort.startsWith('-') ? sorted.reverse() : sorted, sort);
        const walked: number[] = [];
        let url = `/api/events?limit=4&sort=${sort}`;
        for (;;) {
          const page = (await get(url)).json();
          walked.push(...page.items.map((e: { id: number }) => e.id));
          if (!page.nextCursor) break;
          url = `/api/events?limit=4&sort=${sort}&cursor=${page.nextCursor}`;
        }
        assert.deepEqual(walked, all.map((e) => e.id), `${sort}: paging walks the same order`);
      }
      const first = (await get('/api/events?limit=2&sort=goldstein')).json();
      const wrongOrder = await get(`/api/events?limit=2&sort=day&cursor=${first.nextCursor}`);
      assert.equal(wrongOrder.statusCode, 400, 'a cursor from another order is refused');
    });

    test('articles: full-text search with highlighted snippets, filters, and the reader view with every record', async () => {
      const found = (await get('/api/articles?q=militias')).json();
      assert.ok(found.items.length >= 1);
      const foundingHit = found.items.find((a: { extId: string }) => a.extId === 'reuters-2007-05-28-us-iran-talks');
      assert.ok(foundingHit.quotes >= 6, 'the founding article has its quotes counted');
      assert.ok(foundingHit.casualties >= 1, 'and its casualty records');
      for (const item of found.items) {
        assert.ok(Number.isInteger(item.quotes) && Number.isInteger(item.casualties));
        assert.ok(item.snippet.highlights.length > 0);
        for (const [s, e] of item.snippet.highlights) assert.match(item.snippet.text.slice(s, e), /militia/i);
      }
      assert.deepEqual((await get('/api/articles?source=AFP')).json().items.map((a: { extId: string }) => a.extId), ['iraq-2']);
      assert.deepEqual((await get('/api/articles?from=2007-05-29&to=2007-05-31')).json().items.map((a: { extId: string }) => a.extId), ['iraq-1']);
      const pages: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: number }[]; nextCursor: string | null } = (await get(`/api/articles?q=Iran&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
        pages.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(pages.length, 3, 'all three articles mention Iran, one per page');
      assert.equal(new Set(pages).size, 3);

      const founding = found.items.find((a: { extId: string }) => a.extId === 'reuters-2007-05-28-us-iran-talks');
      const article = (await get(`/api/articles/${founding.id}`)).json();
      assert.equal(article.record.article.text, article.text);
      for (const q of article.record.quotes) assert.equal(article.text.slice(q.start, q.end), q.text);
      for (const e of article.record.events) assert.ok(Number.isInteger(article.eventIds[e.id]), `event ${e.id} is linked to a stored event`);
      assert.equal((await get('/api/articles/999999')).statusCode, 404);
    });

    test('events filter by dyad, date, code and place; actors come with counts; quotes and casualties are searchable', async () => {
      const dyad = (await get('/api/events?source=usa&target=IRN&from=2007-05-28&to=2007-05-28')).json().items;
      assert.ok(dyad.length > 0);
      for (const e of dyad) {
        assert.match(e.source.actor, /^USA/);
        assert.match(e.target.actor, /^IRN/);
        assert.equal(e.day, '2007-05-28');
      }
      for (const e of (await get('/api/events?code=04')).json().items) assert.match(e.code, /^04/);
      for (const e of (await get('/api/events?place=IRQ')).json().items) assert.equal(e.place.country, 'IRQ');
      for (const e of (await get('/api/events?bbox=40,30,50,36')).json().items) assert.ok(e.place.lat >= 30 && e.place.lat <= 36 && e.place.lon >= 40 && e.place.lon <= 50);
      assert.ok((await get('/api/events?q=militias')).json().items.length > 0);

      const actors = (await get('/api/actors?q=iran')).json().items;
      assert.ok(actors.some((a: { actor: string; events: number }) => a.actor.startsWith('IRN') && a.events > 0));
      const quotes = (await get('/api/quotes?speaker=kazemi')).json().items;
      assert.ok(quotes.length > 0);
      for (const q of quotes) assert.match(q.speaker.name, /Kazemi/);
      const casualties = (await get('/api/casualties?from=2007-05-28&to=2007-05-29&bbox=43,32,46,35')).json().items;
      assert.ok(casualties.some((c: { killed: number }) => c.killed === 24));
    });

    test('dyad timeline: both directions, per QuadClass, adding up to the events', async () => {
      const timeline = (await get('/api/dyads/USA/IRN/timeline?interval=month')).json();
      assert.equal(timeline.interval, 'month');
      let aToB = 0;
      for (const p of timeline.points) {
        assert.match(p.period, /^\d{4}-\d{2}-01$/);
        const { events, quadClass } = p.aToB;
        assert.equal(quadClass['1'] + quadClass['2'] + quadClass['3'] + quadClass['4'], events);
        aToB += events;
      }
      const listed = (await get('/api/events?source=USA&target=IRN&limit=500')).json().items.filter((e: { day: string | null }) => e.day);
      assert.equal(aToB, listed.length);
      const weeks = (await get('/api/dyads/usa/irn/timeline?interval=week')).json().points;
      for (const p of weeks) assert.equal(new Date(`${p.period}T00:00:00Z`).getUTCDay(), 1, `${p.period} is a Monday`);
    });

    test('exports: GDELT TSV with 61 columns per line, CSV with GDELT\'s header, JSON lines; filters apply', async () => {
      const events = (await get('/api/events?limit=500')).json().items.length;
      const tsv = await get('/api/export/events.tsv');
      assert.equal(tsv.statusCode, 200);
      assert.match(String(tsv.headers['content-type']), /tab-separated/);
      const rows = tsv.body.trimEnd().split('\n');
      assert.equal(rows.length, events);
      for (const row of rows) assert.equal(row.split('\t').length, 61);
      const csv = (await get('/api/export/events.csv?source=USA')).body.trimEnd().split('\n');
      assert.equal(csv[0], GDELT_COLUMNS.map((c) => c.name).join(','));
      const jsonl = (await get('/api/export/events.jsonl?source=USA')).body.trimEnd().split('\n').map((l) => JSON.parse(l));
      assert.equal(jsonl.length, csv.length - 1);
      for (const e of jsonl) assert.match(e.source.actor, /^USA/);
    });

    test('aggregates agree with the lists they sum up; every listed event carries the sentence it rests on', async () => {
      const totals = (await get('/api/stats/totals')).json();
      const all = (await get('/api/events?limit=500')).json().items as { id: number; day: string | null; quadClass: number; evidence: { text: string; trigger: [number, number]; article: number } | null }[];
      assert.equal(totals.events, all.length);
      assert.equal((await get('/api/events/count')).json().total, all.length);
      assert.equal((await get('/api/events/count?source=USA&target=IRN')).json().total, (await get('/api/events?source=USA&target=IRN&limit=500')).json().items.length);
      assert.equal(totals.articles, 3);
      assert.equal(totals.firstPublished, '2007-05-28');
      for (const e of all) {
        assert.ok(e.evidence, `event ${e.id} has its sentence`);
        const trigger = e.evidence.text.slice(e.evidence.trigger[0], e.evidence.trigger[1]);
        assert.ok(trigger.length > 0 && e.evidence.text.includes(trigger));
      }
      const severed = all.find((e) => /severed formal diplomatic ties/.test(e.evidence?.text ?? ''));
      assert.ok(severed, 'the 1980 event keeps its sentence');
      assert.match(severed.evidence!.text, /^The meeting marked a shift in the U.S. policy .* since Washington severed formal diplomatic ties with Tehran in 1980/, 'the whole sentence, from its first word');
      const overTime = (await get('/api/stats/events-over-time?interval=month')).json();
      assert.equal(overTime.buckets.reduce((n: number, b: { events: number }) => n + b.events, 0) + overTime.undated, all.length);
      // "In 1980" is a year-long span, not January 1980.
      assert.ok(overTime.buckets.some((b: { start: string; end: string; unit: string }) => b.start === '1980-01-01' && b.end === '1980-12-31' && b.unit === 'year'));
      const dyads = (await get('/api/stats/dyads?limit=3')).json();
      const usIran = dyads.dyads.find((d: { source: { actor: string }; target: { actor: string } }) => d.source.actor === 'USA' && d.target.actor === 'IRN');
      assert.deepEqual([usIran.source.name, usIran.source.kind, usIran.target.name], ['United States', 'state', 'Iran']);
      assert.equal(usIran.events, (await get('/api/events/count?source=USA&target=IRN')).json().total);
      const crocker = (await get('/api/stats/speakers?q=crocker')).json().items;
      assert.equal(crocker[0].name, 'Ryan Crocker');
      assert.equal(crocker[0].quotes, (await get('/api/quotes?speaker=Ryan%20Crocker&limit=500')).json().items.length);
      const spots = (await get('/api/stats/map')).json().spots as { name: string; kind: string | null; killed: number }[];
      assert.ok(spots.some((s) => s.name === 'Baghdad' && s.kind === 'city' && s.killed >= 24));
    });

    test('the OpenAPI document covers every API route, and every route it lists answers', async () => {
      const doc = (await get('/api/openapi.json')).json();
      assert.equal(doc.openapi, '3.1.0');
      const documented = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      const expected = [
        'GET /api/articles',
        'GET /api/articles/{id}',
        'POST /api/code',
        'GET /api/events',
        'GET /api/actors',
        'GET /api/dyads/{a}/{b}/timeline',
        'GET /api/quotes',
        'GET /api/casualties',
        'GET /api/export/events.tsv',
        'GET /api/export/events.csv',
        'GET /api/export/events.jsonl',
        'GET /api/events/count',
        'GET /api/stats/totals',
        'GET /api/stats/events-over-time',
        'GET /api/stats/dyads',
        'GET /api/stats/actors',
        'GET /api/stats/places',
        'GET /api/stats/map',
        'GET /api/stats/speakers',
      ];
      assert.deepEqual(documented.sort(), expected.sort());
      for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>)) {
        if (!ops.get) continue;
        const url = path.replace('{id}', '1').replace('{a}', 'USA').replace('{b}', 'IRN');
        const answer = await get(url);
        assert.equal(answer.statusCode, 200, `${url}: ${answer.body.slice(0, 200)}`);
        // Every documented query parameter is one the route takes.
        for (const p of ops.get.parameters ?? []) {
          if (p.in !== 'query') continue;
          const value = p.name === 'cursor' ? null : p.name === 'limit' ? '5' : p.name === 'interval' ? 'week' : null;
          if (value) assert.equal((await get(`${url}${url.includes('?') ? '&' : '?'}${p.name}=${value}`)).statusCode, 200, `${url} takes ${p.name}`);
          else assert.doesNotMatch((await get(`${url}?${p.name}=%3F`)).body, /unknown query parameter/, `${url} knows ${p.name}`);
        }
      }
      assert.ok(doc.components.schemas.ArticleRecord.properties.events);
    });

    test('CORS is off unless an origin is given; the web app folder is served, or a page saying how to build it', async () => {
      const answer = await get('/api/events?limit=1');
      assert.equal(answer.headers['access-control-allow-origin'], undefined);
      const home = await get('/');
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /not built yet/);

      const web = join(dir, 'web-dist');
      mkdirSync(join(web, 'assets'), { recursive: true });
      writeFileSync(join(web, 'index.html'), '<!doctype html><title>app</title>');
      writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
      const withWeb = buildApp({ store, webRoot: web, corsOrigin: 'http://localhost:5173' });
      const js = await withWeb.inject({ method: 'GET', url: '/assets/app.js' });
      assert.match(String(js.headers['content-type']), /javascript/);
      assert.equal((await withWeb.inject({ method: 'GET', url: '/events/12' })).body, '<!doctype html><title>app</title>', 'app routes get index.html');
      assert.equal((await withWeb.inject({ method: 'GET', url: '/assets/missing.js' })).statusCode, 404);
      assert.notEqual((await withWeb.inject({ method: 'GET', url: '/../api.db' })).statusCode, 200);
      assert.equal((await withWeb.inject({ method: 'GET', url: '/%2e%2e/%2e%2e/package.json' })).body.includes('"dependencies"'), false);
      const cors = await withWeb.inject({ method: 'GET', url: '/api/events?limit=1' });
      assert.equal(cors.headers['access-control-allow-origin'], 'http://localhost:5173');
      assert.equal((await withWeb.inject({ method: 'GET', url: '/api/nothing' })).statusCode, 404);
      await withWeb.close();
    });
  });
}
