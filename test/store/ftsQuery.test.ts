import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { toFtsQuery } from '../../src/store/ftsQuery.ts';

const db = new Database(':memory:');
db.exec("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61 remove_diacritics 2')");
const insert = db.prepare('INSERT INTO t (rowid, text) VALUES (?, ?)');
insert.run(1, 'The United States urged Iran on Monday to stop supporting militias.');
insert.run(2, 'Hassan Kazemi-Qomi called the talks positive.');
insert.run(3, 'A truck bomb killed 24 people in Baghdad.');
const search = (q: string) => {
  const fts = toFtsQuery(q);
  return fts ? (db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(fts.match) as { rowid: number }[]).map((r) => r.rowid) : null;
};

test('search box text becomes a query SQLite accepts, with the meaning a reader expects', () => {
  const cases: [string, number[] | null][] = [
    ['iran', [1]],
    ['Iran talks', []],
    ['talks OR bomb', [2, 3]],
    ['"united states"', [1]],
    ['"states united"', []],
    ['Kazemi-Qomi', [2]],
    ['support*', [1]],
    ['support', [1]],
    ['killed -Baghdad', []],
    ['killed NOT iran', [3]],
    // Syntax that would be an FTS5 error is read as words, or as nothing to search for.
    ['(((', null],
    ['NOT iran', null],
    ['-iran', null],
    ['"unterminated phrase', []],
    ['iran AND', [1]],
    ['OR iran', [1]],
    ['col:iran', []],
    ['^iran', [1]],
    ['*', null],
  ];
  for (const [q, expected] of cases) assert.deepEqual(search(q), expected, q);
});
