/** Defects 9, 2 and 10 (API): security headers, the Host allow-list, full-text query limits, numbers and error shapes. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';

const store = new SqliteStore(openStore(join(mkdtempSync(join(tmpdir(), 'dateline-headers-')), 'store.db')));
const app = buildApp({ store, allowedHosts: ['localhost', 'news.example.org'] });
after(async () => {
  await app.close();
  await store.close();
});

test('every answer has CSP with frame-ancestors none, X-Frame-Options, Referrer-Policy no-referrer and nosniff', async () => {
  for (const url of ['/', '/api/events', '/api/openapi.json', '/api/nothing-here', '/missing.js']) {
    const r = await app.inject({ url });
    assert.match(String(r.headers['content-security-policy']), /frame-ancestors 'none'/, url);
    assert.equal(r.headers['x-frame-options'], 'DENY', url);
    assert.equal(r.headers['referrer-policy'], 'no-referrer', url);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', url);
  }
});

test('a Host outside the allow-list is refused (a DNS-rebinding page cannot read the API)', async () => {
  const refused = await app.inject({ url: '/api/events', headers: { host: 'attacker.example:8080' } });
  assert.equal(refused.statusCode, 421);
  assert.deepEqual(Object.keys(refused.json()).sort(), ['error', 'message', 'statusCode']);
  assert.match(refused.json().message, /attacker\.example/);
  for (const host of ['localhost:8080', 'news.example.org', 'NEWS.example.org:80']) assert.equal((await app.inject({ url: '/api/events', headers: { host } })).statusCode, 200, host);
});

test('full-text queries are bounded by their shape: too many terms, too many or too short prefixes are a 400 that says so', async () => {
  const cases: [string, RegExp][] = [
    [Array.from({ length: 80 }, () => 'a*').join(' '), /prefix/],
    [Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '), /at most 16 terms/],
    ['i*', /at least 3 letters/],
  ];
  for (const [q, message] of cases) {
    const r = await app.inject({ url: `/api/articles?q=${encodeURIComponent(q)}` });
    assert.equal(r.statusCode, 400, q);
    assert.equal(r.json().parameter, 'q');
    assert.match(r.json().message, message);
  }
  assert.equal((await app.inject({ url: '/api/articles?q=iran%20talk*' })).statusCode, 200);
});

test('numbers are decimal digits only: limit=0x10 and limit= 5 are 400s', async () => {
  for (const limit of ['0x10', '%205', '1e1', '5.0']) {
    const r = await app.inject({ url: `/api/events?limit=${limit}` });
    assert.equal(r.statusCode, 400, limit);
    assert.equal(r.json().parameter, 'limit');
  }
  assert.equal((await app.inject({ url: '/api/events?limit=5' })).statusCode, 200);
});

test('a bad URL and an unknown method answer in the same error shape as everything else', async () => {
  for (const [method, url] of [['GET', '/api/articles/%E0%A4%A'], ['DELETE', '/api/events'], ['PATCH', '/api/code']] as const) {
    const r = await app.inject({ method, url });
    assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${method} ${url}: ${r.statusCode}`);
    assert.deepEqual(Object.keys(r.json()).sort(), ['error', 'message', 'statusCode'], `${method} ${url}: ${r.body}`);
  }
});

test('serve: listening on every interface needs --allow-host; the allowed names are localhost, the address and those given', async () => {
  const { hostsToAllow } = await import('../../src/cli/serve.ts');
  assert.throws(() => hostsToAllow('0.0.0.0', undefined), /needs --allow-host/);
  assert.deepEqual(hostsToAllow('0.0.0.0', 'news.example.org, 10.0.0.5'), ['localhost', '127.0.0.1', '::1', 'news.example.org', '10.0.0.5']);
  assert.deepEqual(hostsToAllow('192.168.1.20', undefined), ['localhost', '127.0.0.1', '::1', '192.168.1.20']);
});
