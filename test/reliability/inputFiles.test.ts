/** Defects 3, 7, 8 and 10 (ELOOP): gzip bombs, NUL bytes in JSONL, one invalid UTF-8 byte, a symlink loop. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readInputs, type InputItem } from '../../src/stages/input/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dateline-inputs-'));
const read = (paths: string[]): InputItem[] => [...readInputs(paths, { published: '2007-05-28' })];
const STORY = 'BAGHDAD (Reuters) - Iran urged Iraq on Monday to stop the attacks, officials said.';

/** Reads `file` in a child process and reports what it yielded and the child's peak RSS. */
function readInChild(file: string): { items: { ok: boolean; message?: string }[]; maxRssMb: number } {
  const script = `import { readInputs } from ${JSON.stringify(new URL('../../src/stages/input/index.ts', import.meta.url).href)};
const items = [...readInputs([${JSON.stringify(file)}])].map((i) => (i.ok ? { ok: true } : { ok: false, message: i.message }));
process.stdout.write(JSON.stringify({ items, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { items: { ok: boolean; message?: string }[]; maxRssMb: number };
}

/** `megabytes` MB of one byte, gzipped a megabyte at a time (the bomb is built without holding it whole). */
function gzipBomb(file: string, megabytes: number, byte: number): void {
  const mb = gzipSync(Buffer.alloc(1 << 20, byte), { level: 9 });
  // Concatenated gzip members decompress to the concatenated data.
  writeFileSync(file, Buffer.concat(Array.from({ length: megabytes }, () => mb)));
}

test('a .txt.gz of 1 GB of zeros is refused once past the article limit, in under 300 MB', () => {
  const file = join(dir, 'zeros.txt.gz');
  gzipBomb(file, 1024, 0);
  const { items, maxRssMb } = readInChild(file);
  assert.equal(items.length, 1);
  assert.equal(items[0]!.ok, false);
  assert.match(items[0]!.message!, /decompresses to more than the 5\.0 MB limit for one article/);
  assert.ok(maxRssMb < 300, `peak RSS ${maxRssMb} MB`);
});

test('a .jsonl.gz of 1 GB of newlines is refused past the record-file limit, in under 300 MB', () => {
  const file = join(dir, 'newlines.jsonl.gz');
  gzipBomb(file, 1024, 0x0a);
  const { items, maxRssMb } = readInChild(file);
  assert.equal(items.length, 1);
  assert.match(items[0]!.message!, /decompresses to more than the 128\.0 MB limit for a file of records/);
  assert.ok(maxRssMb < 300, `peak RSS ${maxRssMb} MB`);
});

test('a NUL byte in a JSONL line fails that line only', () => {
  const file = join(dir, 'nul.jsonl');
  const good = (id: string) => JSON.stringify({ id, text: STORY });
  writeFileSync(file, Buffer.concat([Buffer.from(`${good('a')}\n{"id":"b","text":"bad`), Buffer.from([0]), Buffer.from(`"}\n${good('c')}\n`)]));
  const items = read([file]);
  assert.deepEqual(items.map((i) => i.ok), [true, false, true]);
  assert.deepEqual(items[1]!.origin, { file, line: 2 });
});

test('one invalid byte in a UTF-8 file becomes U+FFFD with a warning; the rest stays UTF-8', () => {
  const file = join(dir, 'one-bad-byte.txt');
  writeFileSync(file, Buffer.concat([Buffer.from(`${STORY} “It was a positive step,” he said in Baghdad `), Buffer.from([0xff]), Buffer.from(' on Monday.')]));
  const [item] = read([file]);
  assert.ok(item?.ok);
  assert.match(item.input.text, /“It was a positive step,” he said in Baghdad \uFFFD on Monday\.$/);
  assert.deepEqual(item.input.messages, [{ level: 'warning', stage: 'input', text: '1 byte that is not valid UTF-8 was replaced by U+FFFD (�)' }]);
});

test('a file with no valid multi-byte UTF-8 at all is still read as Windows-1252', () => {
  const file = join(dir, 'cp1252.txt');
  writeFileSync(file, Buffer.concat([Buffer.from('Iran said '), Buffer.from([0x93]), Buffer.from('no'), Buffer.from([0x94]), Buffer.from(' on Monday.')]));
  const [item] = read([file]);
  assert.ok(item?.ok);
  assert.equal(item.input.text, 'Iran said “no” on Monday.');
});

test('a symbolic link loop is named as one, not as a permissions problem', () => {
  const loop = join(dir, 'loop.txt');
  symlinkSync(loop, loop);
  const [item] = read([loop]);
  assert.ok(item && !item.ok);
  assert.match(item.message, /symbolic link loop/);
  assert.doesNotMatch(item.message, /permission/);
});

test('entities a feed declares itself are left out of the text, not kept as "&lol9;"', () => {
  const file = join(dir, 'laughs.rss');
  writeFileSync(file, '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;">]><rss><channel><title>F</title><item><title>Iran &lol9; talks &amp; more</title><description>Iran urged Iraq to stop the attacks.</description></item></channel></rss>');
  const [item] = read([file]);
  assert.ok(item?.ok);
  assert.equal(item.input.title, 'Iran talks & more');
  assert.doesNotMatch(item.input.text, /&lol/);
});
