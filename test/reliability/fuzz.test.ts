/**
 * Property test: random Unicode, markup and JSON structure into the input readers and codeArticle. Nothing throws,
 * every offset lies inside the text, and every record validates against the JSON Schema. Bounded to about 20 s (4 s per kind of input, after loading the pipeline).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { ArticleRecord } from '../../src/model/record.ts';
import { validateRecord } from '../../src/model/schema.ts';
import { codeArticle } from '../../src/pipeline/codeArticle.ts';
import { readBuffer } from '../../src/stages/input/index.ts';

const WORDS = ['Iran', 'Iraq', 'Baghdad', 'urged', 'killed', '24', 'people', 'said', 'on', 'Monday', '"', '“', '”', ',', '.', '-', '&amp;', "Poor's", 'U.S.', '\n\n', 'Ryan Crocker', '(Reuters)'];
const word = fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));
const prose = fc.array(word, { maxLength: 60 }).map((ws) => ws.join(' '));
const tag = fc.constantFrom('p', 'div', 'span', 'b', 'li', 'ul', 'script', 'style', 'title', 'article', 'a', 'br', 'img', '!--', '?xml');
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    prose,
    fc.tuple(tag, fc.array(tie('node'), { maxLength: 4 }), fc.boolean()).map(([t, children, closed]) => `<${t}>${children.join('')}${closed ? `</${t}>` : ''}`),
  ),
})).node.map((body) => `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`);
const record = fc.record({ id: fc.oneof(fc.string(), fc.integer()), text: fc.oneof(prose, fc.string({ unit: 'binary' })), published: fc.oneof(fc.constant('2007-05-28'), fc.string()), html: markup }, { requiredKeys: [] });
const jsonLines = fc.array(fc.oneof(record.map((r) => JSON.stringify(r)), fc.json(), fc.string()), { maxLength: 5 }).map((lines) => lines.join('\n'));
const feed = fc.array(fc.tuple(prose, prose), { maxLength: 3 }).map((items) => `<?xml version="1.0"?><rss><channel><title>F</title>${items.map(([t, d]) => `<item><title>${t}</title><description>${d}</description></item>`).join('')}</channel></rss>`);

function checkRecord(record: ArticleRecord): void {
  const text = record.article.text;
  const inside = (start: number, end: number, what: string) => assert.ok(start >= 0 && start <= end && end <= text.length, `${what} [${start}, ${end}) outside a text of ${text.length}`);
  for (const s of record.sentences) inside(s.start, s.end, 'sentence');
  for (const e of record.entities) for (const m of e.mentions) inside(m.start, m.end, `entity ${e.id}`);
  for (const d of record.dates) inside(d.start, d.end, `date ${d.id}`);
  for (const e of record.events) {
    inside(e.evidence.start, e.evidence.end, `event ${e.id}`);
    inside(e.trigger.start, e.trigger.end, `event ${e.id} trigger`);
  }
  for (const q of record.quotes) inside(q.start, q.end, `quote ${q.id}`);
  for (const c of record.casualties) inside(c.evidence.start, c.evidence.end, `casualty ${c.id}`);
  assert.deepEqual(validateRecord(JSON.parse(JSON.stringify(record))), []);
}

const budget = { interruptAfterTimeLimit: 4000, markInterruptAsFailure: false, numRuns: 10_000 };

for (const [name, arbitrary, file] of [
  ['plain text', fc.oneof(prose, fc.string({ unit: 'binary', maxLength: 300 })), 'fuzz.txt'],
  ['HTML', markup, 'fuzz.html'],
  ['JSONL', jsonLines, 'fuzz.jsonl'],
  ['RSS', feed, 'fuzz.rss'],
] as const) {
  test(`fuzz: ${name} → readers and codeArticle never throw; offsets inside the text; records valid`, () => {
    fc.assert(
      fc.property(arbitrary, (input: string) => {
        for (const item of readBuffer(file, Buffer.from(input))) {
          if (!item.ok) {
            assert.equal(item.message.includes('\n'), false, 'a failure is one line');
            continue;
          }
          checkRecord(codeArticle({ ...item.input, published: item.input.published ?? '2007-05-28' }));
        }
      }),
      budget,
    );
  });
}
