/**
 * PETRARCH's validation suite: every record Dateline codes exactly (listed in petrarch-suite.passing.txt by
 * `npm run eval:petrarch-suite -- --write-passing`, ids only) must keep coding exactly. Reads the records from
 * ../shared; never copies them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { codeArticle } from '../../src/pipeline/codeArticle.ts';
import { defaultWorld } from '../../src/pipeline/world.ts';
import { codedTriples, readSuite, scoreRecord, SUITE_DICTIONARIES, suiteAvailable } from '../../scripts/lib/petrarchSuite.ts';

const passing = readFileSync(new URL('./petrarch-suite.passing.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));

test("PETRARCH's validation suite: the records that pass keep passing", { skip: suiteAvailable() ? false : 'needs ../shared/data/petrarch_validation (not in this clone)' }, () => {
  const world = defaultWorld({ dictionaries: SUITE_DICTIONARIES });
  assert.equal(world.mode, 'dictionaries-only');
  const records = new Map(readSuite().map((r) => [r.key, r]));
  const regressions: string[] = [];
  for (const key of passing) {
    const record = records.get(key);
    assert.ok(record, `${key} is a record of the suite`);
    const coded = codedTriples(codeArticle({ id: key, text: record.text, title: null, titleSpan: null, published: record.date, publishedFrom: 'option', url: null, source: null, byline: null, messages: [] }, { world }));
    if (!scoreRecord(record.expected, coded).exact) regressions.push(`${key}: expected [${record.expected.join(', ')}], coded [${coded.join(', ')}]`);
  }
  assert.deepEqual(regressions, [], `${regressions.length} of ${passing.length} passing records regressed`);
});

test('the passing list names records by id only, each once', () => {
  assert.ok(passing.length > 0);
  assert.equal(new Set(passing).size, passing.length);
  for (const key of passing) assert.match(key, /^petr-unittest:[\w.-]+(#\d+)?$/);
});
