/** --add-dictionaries and --dictionaries as a user runs them: on code, ingest and recode, named in every record. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';

const bin = new URL('../../bin/dateline.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-dict-'));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 180_000 });

const mine = join(dir, 'mine');
mkdirSync(mine);
writeFileSync(join(mine, 'mine.actors.txt'), 'ARNOR_ [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n');
writeFileSync(join(mine, 'mine.verbs.txt'), '--- RESTORE [064] ---\nRESTORE\n- * TIES [0641]\n');
writeFileSync(join(mine, 'notes.txt'), 'not a dictionary: left alone\n');
const TEXT = 'Arnor restored full diplomatic ties with Minas Tirith on Monday.';

interface Provenance {
  mode: string;
  lexicons: { name: string; version: string; origin: string }[];
}

test('code --add-dictionaries: the user files on top of the shipped ones, named in the provenance', () => {
  const r = run(['code', '-', '--date', '1995-01-02', '--format', 'json', '--add-dictionaries', mine], TEXT);
  assert.equal(r.status, 0, r.stderr);
  const { provenance } = JSON.parse(r.stdout) as { provenance: Provenance };
  assert.equal(provenance.mode, 'default');
  const user = provenance.lexicons.filter((l) => l.origin === 'user');
  assert.deepEqual(user.map((l) => l.name), ['mine.actors.txt', 'mine.verbs.txt']);
  assert.ok(user.every((l) => /^[0-9a-f]{12}$/.test(l.version)));
  assert.ok(provenance.lexicons.some((l) => l.name === 'petrarch/CAMEO.2.0.txt'), 'the shipped dictionaries are still read');
});

test('code --dictionaries: mode dictionaries-only, the shipped PETRARCH files left out', () => {
  const r = run(['code', '-', '--date', '1995-01-02', '--format', 'json', '--dictionaries', mine], TEXT);
  assert.equal(r.status, 0, r.stderr);
  const { provenance } = JSON.parse(r.stdout) as { provenance: Provenance };
  assert.equal(provenance.mode, 'dictionaries-only');
  assert.ok(!provenance.lexicons.some((l) => l.name.startsWith('petrarch/')));
  assert.deepEqual(provenance.lexicons.filter((l) => l.origin === 'user').map((l) => l.name), ['mine.actors.txt', 'mine.verbs.txt']);
});

test('ingest and recode pass the dictionaries to their workers', () => {
  const db = join(dir, 'news.db');
  const records = join(dir, 'one.jsonl');
  writeFileSync(records, `${JSON.stringify({ id: 'a', published: '1995-01-02', text: TEXT })}\n`);
  const modes = () => {
    const store = new Database(db, { readonly: true });
    const rows = store.prepare('SELECT record FROM articles').all() as { record: string }[];
    store.close();
    return rows.map((row) => (JSON.parse(row.record) as { provenance: Provenance }).provenance.mode);
  };
  const ingest = run(['ingest', records, '--db', db, '--workers', '1', '--dictionaries', mine]);
  assert.equal(ingest.status, 0, ingest.stderr + ingest.stdout);
  assert.deepEqual(modes(), ['dictionaries-only']);
  const recode = run(['recode', '--db', db, '--workers', '1', '--add-dictionaries', mine]);
  assert.equal(recode.status, 0, recode.stderr + recode.stdout);
  assert.deepEqual(modes(), ['default']);
});

test('a missing directory, one without dictionaries, a bad line: one line naming the file and what to do', () => {
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  writeFileSync(join(empty, 'notes.txt'), '');
  const bad = join(dir, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'bad.agents.txt'), 'POLICE {} [~COP]\nSOLDIER [MIL]\n');
  const cases: [string[], RegExp][] = [
    [['code', '-', '--dictionaries', join(dir, 'nope')], /nope: no such directory; give the directory that holds your PETRARCH dictionaries/],
    [['code', '-', '--add-dictionaries', empty], /empty: holds no dictionary Dateline recognises; name the files \*\.verbs\.txt/],
    [['code', '-', '--dictionaries', bad], /bad\.agents\.txt:2: cannot read the agent code \[MIL\]; write \[~GOV\]/],
    [['ingest', '-', '--db', join(dir, 'x.db'), '--dictionaries', bad], /bad\.agents\.txt:2: cannot read the agent code/],
    [['recode', '--db', join(dir, 'news.db'), '--add-dictionaries', bad], /bad\.agents\.txt:2: cannot read the agent code/],
    [['code', '-', '--dictionaries', mine, '--add-dictionaries', mine], /give --dictionaries DIR .* or --add-dictionaries DIR .*, not both/],
  ];
  for (const [args, message] of cases) {
    const r = run(args, TEXT);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  }
});

test('--help of code, ingest and recode lists both options', () => {
  for (const command of ['code', 'ingest', 'recode']) {
    const r = run([command, '--help']);
    assert.match(r.stdout, /--add-dictionaries DIR/, command);
    assert.match(r.stdout, /--dictionaries DIR/, command);
  }
});
