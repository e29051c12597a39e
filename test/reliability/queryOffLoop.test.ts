/** Defect 2: a slow full-text query ran on the server's event loop, stalling every other request until it ended. */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../../src/store/db.ts';
import { QueryError } from '../../src/store/queryError.ts';
import { readerSql } from '../../src/store/readers.ts';

const file = join(mkdtempSync(join(tmpdir(), 'dateline-readers-')), 'store.db');
openStore(file).close();
// Counts to 30 million in SQL: seconds of work for one statement, however the machine is loaded.
const SLOW = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 30000000) SELECT count(*) AS n FROM c';

test('a read over its time budget is stopped with a 400-style QueryError, and the event loop runs meanwhile', async () => {
  const readers = await readerSql(file, 300, 1);
  try {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    await assert.rejects(readers.get(SLOW), (error) => error instanceof QueryError && /longer than 0.3 s/.test(error.message));
    clearInterval(timer);
    assert.ok(ticks >= 5, `the event loop ticked ${ticks} times during the query`);
    // The stopped worker was replaced: the next query is answered.
    assert.deepEqual(await readers.all('SELECT count(*) AS n FROM articles'), [{ n: 0 }]);
  } finally {
    await readers.close();
  }
});

test('a search SQLite refuses is a QueryError on q, raised again on the caller side', async () => {
  const readers = await readerSql(file, 5000, 1);
  try {
    await assert.rejects(readers.all('SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match', { match: 'AND AND' }), (error) => error instanceof QueryError && error.parameter === 'q');
  } finally {
    await readers.close();
  }
});
