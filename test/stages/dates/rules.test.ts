import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../../src/stages/segment/index.ts';
import { findDates } from '../../../src/stages/dates/index.ts';
import { CHRONO_FILTERS, CODE_RULES, PATTERN_RULES } from '../../../src/stages/dates/rules.ts';

const ALL_RULES = [...PATTERN_RULES, ...CHRONO_FILTERS, ...CODE_RULES];

function datesIn(text: string, published: string | null) {
  return findDates(segment(text, [{ start: 0, end: text.length }]), published);
}

test('rule ids are unique and namespaced', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^dates\.[a-z-]+$/);
});

// The rule table is its own first test: each example shows its rule at work.
for (const rule of ALL_RULES) {
  test(`${rule.id}: ${rule.example}`, () => {
    const published = rule.id === 'dates.no-reference' ? null : '2007-05-28';
    const found = datesIn(rule.example, published);
    if (rule.id.startsWith('dates.drop-')) {
      assert.deepEqual(found, [], 'a drop rule’s example yields nothing');
    } else {
      assert.ok(
        found.some((d) => d.rules.includes(rule.id)),
        `expected a record citing ${rule.id}, got ${JSON.stringify(found.map((d) => [d.text, d.rules]))}`,
      );
    }
  });
}
