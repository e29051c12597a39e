/** One test per row of data/lexicon/event-patterns.tsv: coding the row's example emits an event that cites the row. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeArticle } from '../../../src/pipeline/codeArticle.ts';
import { articleInput } from '../../helpers/doc.ts';
import { eventPatterns } from '../../../src/stages/events/patterns.ts';

for (const pattern of eventPatterns()) {
  test(`${pattern.id} (${pattern.code}): ${pattern.example}`, () => {
    const events = codeArticle(articleInput(pattern.example, '2020-01-01')).events;
    const hit = events.find((e) => e.rules.includes(pattern.id));
    assert.ok(hit, `no event cites ${pattern.id}; got ${events.map((e) => `${e.code} ${e.source.actor}→${e.target?.actor ?? '-'} [${e.rules[0]}]`).join('; ') || 'none'}`);
    assert.ok(hit.code.startsWith(pattern.code.slice(0, 2)), `${hit.code} is not in the row's root ${pattern.code}`);
  });
}
