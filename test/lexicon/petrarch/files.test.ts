import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dictionaryDirectory, dictionaryKind, dictionaryLines, dictionarySource } from '../../../src/lexicon/petrarch/files.ts';

test('dictionaryKind: files are recognised by name', () => {
  const table: [name: string, kind: string | null][] = [
    ['PETR.Validate.verbs.txt', 'verbs'],
    ['CAMEO.2.0.txt', 'verbs'],
    ['cameo.verbpatterns.150430.txt', 'verbs'],
    ['Phoenix.Countries.actors.txt', 'actors'],
    ['Phoenix.Countries.actors.140901.txt', 'actors'],
    ['Phoenix.agents.txt', 'agents'],
    ['PETR.Validate.discards.txt', 'discards'],
    ['Phoenix.IssueCoding.txt', null],
    ['notes.md', null],
    ['verbs.txt.bak', null],
  ];
  for (const [name, kind] of table) assert.equal(dictionaryKind(name), kind, name);
  assert.equal(dictionarySource('/x/PETR.Validate.actors.txt', 'user').id, 'user:petr.validate');
  assert.equal(dictionarySource('/x/Phoenix.agents.txt', 'shipped').id, 'phoenix.agents');
});

test('dictionaryDirectory: the recognised files in name order; a missing or empty directory is one clear error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-dir-'));
  writeFileSync(join(dir, 'b.actors.txt'), 'X [XXX]\n');
  writeFileSync(join(dir, 'a.verbs.txt'), '--- X [010] ---\nX\n');
  writeFileSync(join(dir, 'README.md'), 'not a dictionary\n');
  assert.deepEqual(dictionaryDirectory(dir, 'user').map((s) => [s.kind, s.id]), [['verbs', 'user:a.verbs'], ['actors', 'user:b']]);
  assert.throws(() => dictionaryDirectory(join(dir, 'nope'), 'user'), /nope: no such directory; give the directory that holds your PETRARCH dictionaries/);
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  writeFileSync(join(empty, 'notes.txt'), '');
  assert.throws(() => dictionaryDirectory(empty, 'user'), /empty: holds no dictionary Dateline recognises; name the files \*\.verbs\.txt/);
  assert.throws(() => dictionaryDirectory(join(dir, 'README.md'), 'user'), /README\.md: is a file, not a directory/);
});

test("dictionaryLines: PETRARCH's comments are not lines; line numbers are the file's", () => {
  const path = join(mkdtempSync(join(tmpdir(), 'dateline-lines-')), 'x.actors.txt');
  writeFileSync(path, ['<!-- one line -->', 'ARNOR_ [ARN] # comment', '<!--', '# inside', 'GONDOR [GON]', '-->', 'NASGUL [###] # a code with #', '<! -- old style -->', 'ROHAN <!-- inline --> [ROH]', '', '\t[DOL]'].join('\n'));
  assert.deepEqual(dictionaryLines(path).map((l) => [l.line, l.text, l.comment]), [
    [2, 'ARNOR_ [ARN]', 'comment'],
    [7, 'NASGUL [###]', 'a code with #'],
    [9, 'ROHAN  [ROH]', ''],
    [11, '\t[DOL]', ''],
  ]);
});
