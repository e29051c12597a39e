import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildDoc } from '../../../src/pipeline/codeArticle.ts';
import { defaultWorld } from '../../../src/pipeline/world.ts';
import { articleInput, docWith } from '../../helpers/doc.ts';

const SAMPLE = new URL('../../../data/samples/reuters-2007-05-28-us-iran-talks.txt', import.meta.url);

/** The relation of the token with text `word` to its head, as "rel(headWord)". */
function arc(doc: ReturnType<typeof docWith>, word: string): string {
  const i = doc.tokens.findIndex((t) => t.text === word);
  assert.ok(i >= 0, `no token ${word}`);
  const h = doc.head(i);
  return `${doc.deprel(i)}(${h < 0 ? '' : doc.tokens[h]!.text})`;
}

test('the tree gives subject, object and passive agent as token indices of the article', () => {
  const doc = docWith('Talks ended on Monday. Iran accused the United States of arming militias. The ceasefire was brokered by Egypt.');
  assert.equal(arc(doc, 'Iran'), 'nsubj(accused)');
  assert.equal(arc(doc, 'States'), 'obj(accused)');
  assert.equal(arc(doc, 'ceasefire'), 'nsubj:pass(brokered)');
  assert.equal(arc(doc, 'Egypt'), 'obl:agent(brokered)');
  assert.deepEqual(doc.children(doc.tokens.findIndex((t) => t.text === 'accused'), 'obj').map((k) => doc.tokens[k]!.text), ['States']);
});

test('every sentence of the founding article is one tree inside its sentence', () => {
  const doc = buildDoc(articleInput(readFileSync(SAMPLE, 'utf8'), '2007-05-28'), defaultWorld());
  for (const s of doc.sentences) {
    let roots = 0;
    for (let k = s.firstToken; k < s.endToken; k++) {
      const h = doc.head(k);
      if (h < 0) roots++;
      else assert.ok(h >= s.firstToken && h < s.endToken && h !== k, `token ${k} of sentence ${s.index} has head ${h}`);
    }
    assert.equal(roots, 1, `sentence ${s.index}`);
  }
});
