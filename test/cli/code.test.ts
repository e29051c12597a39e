import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const fixture = new URL('../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 120_000 });

test('code: the founding article as JSON, with the publication date from --date', () => {
  const r = run(['code', fixture, '--date', '2007-05-28', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const record = JSON.parse(r.stdout);
  assert.equal(record.article.published, '2007-05-28');
  assert.equal(record.article.dateline.place, 'Baghdad');
  assert.ok(record.events.length > 0);
});

test('code: JSONL in, JSONL out, one result per line with the same id; a bad line is reported with its number', () => {
  const path = join(dir, 'batch.jsonl');
  writeFileSync(path, '{"id":"a","text":"Iran urged Iraq to stop the attacks.","published":"2007-05-28"}\n{oops\n{"id":"c","text":"A car bomb exploded in Baghdad, killing 24 people.","published":"2007-05-28"}\n');
  const r = run(['code', path, '--format', 'jsonl']);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.article.id), ['a', 'c']);
  assert.match(r.stderr, /batch\.jsonl:2: is not valid JSON/);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
});

test('code: stdin with "-" and a summary on request', () => {
  const r = run(['code', '-', '--date', '2024-03-01', '--format', 'summary'], 'BAGHDAD (Reuters) - A truck bomb exploded in central Baghdad on Monday, killing 24 people and wounding 68 others.');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Casualties\n {2}killed 24, wounded 68/);
  assert.match(r.stdout, /2024-02-26/, 'on Monday in a Friday story is the Monday before');
});

test('code: user errors are one line with what to do, and a non-zero exit', () => {
  const cases: [string[], RegExp, number][] = [
    [['code', join(dir, 'missing.txt')], /missing\.txt: no such file or directory/, 1],
    [['code', fixture, '--date', 'Monday'], /--date "Monday" is not a date; use YYYY-MM-DD/, 2],
    [['code', fixture, '--format', 'xml'], /--format must be summary, json, jsonl or conllu/, 2],
    [['code'], /give at least one file/, 2],
    [['code', fixture, '--bogus'], /unknown option --bogus for `dateline code`; its options are --date, --format/, 2],
    [['code', fixture, '--fromat', 'json'], /unknown option --fromat for `dateline code`; did you mean --format\?/, 2],
    [['serve', '--prot', '8091'], /unknown option --prot for `dateline serve`; did you mean --port\?/, 2],
    [['frobnicate'], /unknown command "frobnicate"/, 2],
  ];
  for (const [args, message, status] of cases) {
    const r = run(args);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  }
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const r = run(['code', empty, fixture, '--date', '2007-05-28', '--format', 'jsonl']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /empty\.txt: is empty/);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'the good file is still coded');
});

test('code: --help lists the options from the options table', () => {
  const r = run(['code', '--help']);
  assert.equal(r.status, 0);
  for (const option of ['--date', '--format', '--explain', '--max-bytes', '--rules-only']) assert.ok(r.stdout.includes(option), option);
});

test('code: --explain adds the rules and the words behind every record', () => {
  const r = run(['code', fixture, '--date', '2007-05-28', '--format', 'json', '--explain']);
  const record = JSON.parse(r.stdout);
  const bombing = record.explain.find((x: { record: string; evidence: string }) => x.record.startsWith('events/') && x.evidence.includes('truck bomb'));
  assert.ok(bombing, 'the truck bombing is explained');
  assert.ok(bombing.rules.includes('ev.car-bomb'));
});

test('code --tokens: every token with its text, UPOS, lemma and one tree per sentence', () => {
  const r = run(['code', fixture, '--date', '2007-05-28', '--format', 'json', '--tokens']);
  assert.equal(r.status, 0, r.stderr);
  const record = JSON.parse(r.stdout) as { article: { text: string }; tokens: { start: number; end: number; text: string; upos: string; sentence: number; head: number; deprel: string }[] };
  assert.ok(record.tokens.length > 500);
  const roots = new Map<number, number>();
  for (const t of record.tokens) {
    assert.equal(record.article.text.slice(t.start, t.end), t.text);
    if (t.head < 0) roots.set(t.sentence, (roots.get(t.sentence) ?? 0) + 1);
    else assert.equal(record.tokens[t.head]!.sentence, t.sentence, 'a head in the same sentence');
  }
  assert.ok([...roots.values()].every((n) => n === 1), 'one root per sentence');
  const urged = record.tokens.findIndex((t) => t.text === 'urged');
  assert.equal(record.tokens[urged + 1]!.deprel, 'obj', '"urged Iran": Iran is the object');
});

test('code --format conllu: one block per sentence, ten columns, heads inside the sentence', () => {
  const r = run(['code', fixture, '--date', '2007-05-28', '--format', 'conllu']);
  assert.equal(r.status, 0, r.stderr);
  const blocks = r.stdout.trim().split(/\n\n/);
  assert.ok(blocks.length > 20);
  assert.match(blocks[0]!, /^# newdoc id = /);
  for (const block of blocks) {
    const rows = block.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
    assert.match(block, /# text = \S/);
    assert.ok(rows.every((c) => c.length === 10));
    assert.equal(rows.filter((c) => c[6] === '0').length, 1, 'one root');
    assert.ok(rows.every((c) => Number(c[6]) >= 0 && Number(c[6]) <= rows.length));
  }
});

test('--version prints the package version', () => {
  const r = run(['--version']);
  assert.equal(r.status, 0, r.stderr);
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.equal(r.stdout.trim(), version);
});
