/** The store commands as a user runs them, output to a log (not a terminal): what they print, and in what order. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-store-'));
const db = join(dir, 'news.db');

/** Runs the CLI with stdout and stderr into one file, as `cmd > log 2>&1` does, and returns that file. */
function runLogged(args: string[]): { status: number | null; log: string } {
  const logFile = join(dir, 'log.txt');
  const fd = openSync(logFile, 'w');
  const r = spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', fd, fd], timeout: 180_000 });
  closeSync(fd);
  return { status: r.status, log: readFileSync(logFile, 'utf8') };
}

test('ingest names its times; recode prints its last progress line before its summary', () => {
  const records = join(dir, 'two.jsonl');
  writeFileSync(
    records,
    [
      { id: 'a', published: '2024-03-04', text: 'Iran urged Iraq on Monday to stop the attacks on its border.' },
      { id: 'b', published: '2024-03-05', text: 'Israel and Egypt held talks in Cairo on Tuesday about the crossing.' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const ingest = runLogged(['ingest', records, '--db', db, '--workers', '1']);
  assert.equal(ingest.status, 0, ingest.log);
  assert.match(ingest.log, /Stored 2 articles/);
  assert.match(ingest.log, /Took \d+s: \d+s starting the workers, then \d+s coding \([\d.]+ articles\/s\)\./);

  const recode = runLogged(['recode', '--db', db, '--workers', '1']);
  assert.equal(recode.status, 0, recode.log);
  const progress = recode.log.indexOf('recode: 2/2 articles');
  const summary = recode.log.indexOf('Recoded 2 of 2 articles');
  assert.ok(progress >= 0 && summary > progress, `progress before summary:\n${recode.log}`);
});
