import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeArticle } from '../../../src/pipeline/codeArticle.ts';

test('parts of a split or run-on quote point back at the part before them', () => {
  const text = 'U.S. ambassador Ryan Crocker spoke on Monday.\n\n“The talks went well,” Crocker said. “We will meet again.”\n\n“We want results. There is a long way to go.\n\n“But we are hopeful,” he said.\n';
  const record = codeArticle({ id: 't', text, title: null, titleSpan: null, published: '2007-05-28', publishedFrom: 'option', url: null, source: null, byline: null, messages: [] });
  const byText = new Map(record.quotes.map((q) => [q.text, q]));
  const first = byText.get('The talks went well,')!;
  assert.equal(first.continues, undefined);
  assert.equal(byText.get('We will meet again.')?.continues, first.id);
  const runOn = byText.get('We want results. There is a long way to go.')!;
  assert.equal(runOn.continues, undefined, 'a new quote starts a new chain');
  assert.equal(byText.get('But we are hopeful,')?.continues, runOn.id);
});
