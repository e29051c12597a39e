import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { decodeBytes } from '../../../src/stages/input/decode.ts';
import { readInputs, type InputItem } from '../../../src/stages/input/index.ts';
import { parsePublished } from '../../../src/stages/input/published.ts';

const dir = mkdtempSync(join(tmpdir(), 'dateline-input-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = (...specs: string[]): InputItem[] => [...readInputs(specs, { maxBytes: 1024 * 1024 })];
const ok = (item: InputItem | undefined) => {
  assert.ok(item?.ok, `expected an article, got ${JSON.stringify(item)}`);
  return item.input;
};
const failed = (item: InputItem | undefined) => {
  assert.ok(item && !item.ok, `expected a failure, got ${JSON.stringify(item)}`);
  return item;
};

test('decoding: UTF-8, BOM stripped, Windows-1252 detected, binary refused', () => {
  assert.deepEqual(decodeBytes(Buffer.from('\ufeffIran’s talks', 'utf8')), { ok: true, text: 'Iran’s talks', encoding: 'utf-8', warning: null });
  // 0x92 is the Windows-1252 right single quote; 0xe9 is é; neither is valid UTF-8 here
  const cp1252 = decodeBytes(Buffer.from([0x49, 0x72, 0x61, 0x6e, 0x92, 0x73, 0x20, 0x63, 0x61, 0x66, 0xe9]));
  assert.deepEqual(cp1252, { ok: true, text: 'Iran’s café', encoding: 'windows-1252', warning: null });
  assert.equal(decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])).ok, false);
});

test('plain text keeps every character, so offsets are into the file as read', () => {
  const text = 'BAGHDAD (Reuters) - Talks began.\r\n\r\nMore text.';
  const input = ok(read(file('story.txt', text))[0]);
  assert.equal(input.text, text);
  assert.equal(input.id, 'story');
  assert.equal(input.published, null);
});

test('--date wins over metadata, and the record date is read when no option is given', () => {
  const path = file('records.jsonl', '{"id":"a1","text":"Iran said on Monday.","published":"2007-05-28T10:00:00+03:00"}\n');
  assert.equal(ok([...readInputs([path], { published: '2024-03-01' })][0]).published, '2024-03-01');
  const input = ok(read(path)[0]);
  assert.equal(input.published, '2007-05-28');
  assert.equal(input.publishedFrom, 'record');
  assert.equal(input.id, 'a1');
});

test('JSONL: an invalid line is reported with its line number and the other records go on', () => {
  const path = file('mixed.jsonl', '{"id":"1","text":"First story."}\n{not json\n\n{"id":"3","title":"no body"}\n{"id":"4","html":"<html><body><p>Para one.</p><p>Para two.</p></body></html>"}\n');
  const items = read(path);
  assert.equal(items.length, 4);
  assert.equal(ok(items[0]).text, 'First story.');
  const bad = failed(items[1]);
  assert.equal(bad.origin.line, 2);
  assert.match(bad.message, /not valid JSON/);
  assert.match(failed(items[2]).message, /no "text" or "html"/);
  assert.equal(failed(items[2]).origin.line, 4);
  assert.match(ok(items[3]).text, /Para one\.\n\nPara two\./);
});

test('a JSON array of records and a single JSON object', () => {
  const items = read(file('array.json', '[{"id":"x","text":"One."},{"id":"y","text":"Two.","title":"T","url":"http://e.x/y","source":"AP"}]'));
  assert.deepEqual(items.map((i) => ok(i).id), ['x', 'y']);
  const second = ok(items[1]);
  assert.equal(second.title, 'T');
  assert.equal(second.url, 'http://e.x/y');
  assert.equal(second.source, 'AP');
  assert.equal(ok(read(file('one.json', '{"id":"z","text":"Alone."}'))[0]).id, 'z');
});

test('a .json file is one JSON value however it is laid out; JSONL stays one record per line', () => {
  const pretty = ok(read(file('pretty.json', JSON.stringify({ id: 'p1', title: 'Talks', text: 'Iran and the U.S. held talks.', published: '2007-05-28' }, null, 2)))[0]);
  assert.deepEqual([pretty.id, pretty.title, pretty.text, pretty.published], ['p1', 'Talks', 'Iran and the U.S. held talks.', '2007-05-28']);
  const array = read(file('pretty-array.json', JSON.stringify([{ id: 'a', text: 'One.' }, 42, { id: 'c', text: 'Three.' }], null, 2)));
  assert.deepEqual([ok(array[0]).id, ok(array[2]).id], ['a', 'c']);
  const notRecord = failed(array[1]);
  assert.equal(notRecord.origin.item, 2);
  assert.match(notRecord.message, /^record 2 is not a JSON object/);
  const broken = failed(read(file('broken.json', '{\n  "id": "b",\n  "text": "x",\n}\n'))[0]);
  assert.match(broken.message, /not valid JSON .*line 4 column 1.*\.jsonl/);
  // JSONL in a .json file is not one value: said so, with where the second value starts.
  assert.match(failed(read(file('lines.json', '{"id":"1","text":"A."}\n{"id":"2","text":"B."}\n'))[0]).message, /line 2 column 1/);
  assert.deepEqual(read(file('lines.jsonl', '{"id":"1","text":"A."}\n{"id":"2","text":"B."}\n')).map((i) => ok(i).id), ['1', '2']);
});

test('HTML: ads, share bars and bylines are left out by rule; the canonical URL is the article URL', () => {
  const html = `<!doctype html><html><head><title>Israel reopens crossing</title>
<link rel="canonical" href="https://news.example.org/world/israel-crossing"><meta property="og:url" content="https://news.example.org/world/israel-crossing?ref=og">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-03-04T08:00:00Z"></head>
<body><article><h1>Israel reopens crossing</h1><p class="byline">By Jane Doe</p>
<ul class="share-bar"><li>Facebook</li><li>Twitter</li></ul>
<p>JERUSALEM — Israel reopened the Kerem Shalom crossing on Monday after talks with Egypt, officials said. The crossing had been closed for a week.</p>
<div class="ad"><p>Buy the new Phone X today!</p></div>
<p>Egypt's foreign minister welcomed the decision and said Cairo would keep working with Israel to bring aid into Gaza.</p></article></body></html>`;
  const input = ok(read(file('ads.html', html))[0]);
  assert.equal(input.url, 'https://news.example.org/world/israel-crossing');
  assert.equal(input.byline, 'Jane Doe');
  assert.doesNotMatch(input.text, /Phone X|By Jane Doe|Facebook/);
  assert.match(input.text, /JERUSALEM — Israel reopened/);
  assert.deepEqual(input.messages.map((m) => m.rule), ['input.html.ad', 'input.html.share', 'input.html.byline']);
  // og:url when there is no canonical link; a record's own url wins over both.
  const og = ok(read(file('og.html', html.replace(/<link rel="canonical"[^>]*>/, '')))[0]);
  assert.equal(og.url, 'https://news.example.org/world/israel-crossing?ref=og');
  const record = ok(read(file('with-url.jsonl', `${JSON.stringify({ id: 'r', html, url: 'https://mirror.example.com/a' })}\n`))[0]);
  assert.equal(record.url, 'https://mirror.example.com/a');
});

test('HTML: a wrapper whose class merely mentions sharing keeps the story', () => {
  const story = 'The United Nations said trucks carrying food would cross into Gaza on Tuesday, after a week of talks between Israel and Egypt over inspections. '.repeat(3);
  const input = ok(read(file('wrapper.html', `<!doctype html><html><body><div class="article shareable"><p>${story}</p></div></body></html>`))[0]);
  assert.match(input.text, /trucks carrying food/);
  assert.deepEqual(input.messages, []);
});

test('HTML: paragraphs from <p> elements never glue together; title and published time from metadata', () => {
  const html = `<!doctype html><html><head><title>Iran talks - Site</title><meta property="article:published_time" content="2007-05-28T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>U.S., Iran hold talks</h1>
<p>The United States urged Iran on Monday to stop supporting militias in Iraq, in the most high-profile meeting between the two countries in almost 30 years.</p><p>The rare talks in Baghdad were narrowly focused on Iraq’s spiralling sectarian violence and both sides described them as positive.</p>
<p>Iran’s ambassador said the talks were a first step in negotiations between these two sides, and that Tehran would consider an invitation.</p></article><footer>Share this</footer></body></html>`;
  const input = ok(read(file('page.html', html))[0]);
  assert.equal(input.published, '2007-05-28');
  assert.equal(input.publishedFrom, 'metadata');
  assert.ok(input.title);
  assert.equal(input.text.slice(input.titleSpan!.start, input.titleSpan!.end), input.title);
  assert.match(input.text, /positive\.\n\nIran’s ambassador/);
  assert.doesNotMatch(input.text, /Home|Share this/);
});

test('bad inputs give one-line errors that name the file and say what to do', () => {
  assert.match(failed(read(join(dir, 'missing.txt'))[0]).message, /no such file/);
  assert.match(failed(read(file('empty.txt', ''))[0]).message, /is empty/);
  assert.match(failed(read(file('blank.txt', '   \n\n  '))[0]).message, /only whitespace/);
  assert.match(failed(read(file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))[0]).message, /binary/);
  assert.match(failed(read(file('big.txt', 'x'.repeat(1024 * 1024 + 1)))[0]).message, /larger than the 1\.0 MB limit.*--max-bytes/);
  const emptyDir = join(dir, 'nothing-here');
  mkdirSync(emptyDir);
  writeFileSync(join(emptyDir, 'notes.pdf'), 'x');
  assert.match(failed(read(emptyDir)[0]).message, /holds no article files/);
  assert.match(failed(read(file('bad.txt.gz', 'not gzip'))[0]).message, /not valid gzip/);
});

test('directories are read recursively, gzipped files included, in a stable order', () => {
  const root = join(dir, 'corpus');
  mkdirSync(join(root, 'b'), { recursive: true });
  writeFileSync(join(root, 'a.txt'), 'Story A.');
  writeFileSync(join(root, 'b', 'c.txt.gz'), gzipSync('Story C.'));
  writeFileSync(join(root, 'b', 'skip.csv'), 'x,y');
  assert.deepEqual(read(root).map((i) => ok(i).text), ['Story A.', 'Story C.']);
});

test('stdin is read when the spec is "-", and sniffed as records or text', () => {
  const items = [...readInputs(['-'], { readStdin: () => Buffer.from('{"id":"s1","text":"From a pipe."}\n{"id":"s2","text":"Again."}') })];
  assert.deepEqual(items.map((i) => ok(i).id), ['s1', 's2']);
  const plain = [...readInputs(['-'], { readStdin: () => Buffer.from('Just a story.') })];
  assert.equal(ok(plain[0]).id, 'stdin');
});

test('publication dates in the formats feeds and archives use', () => {
  const cases: [string, string | null][] = [
    ['2007-05-28', '2007-05-28'],
    ['2007-05-28T23:30:00-05:00', '2007-05-28'],
    ['26-FEB-1987 15:01:01.79', '1987-02-26'],
    ['Mon, 28 May 2007 10:00:00 GMT', '2007-05-28'],
    ['May 28, 2007', '2007-05-28'],
    ['2007-02-30', null],
    ['yesterday', null],
  ];
  for (const [raw, expected] of cases) assert.equal(parsePublished(raw), expected, raw);
});
