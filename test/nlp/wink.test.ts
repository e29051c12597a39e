import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wink } from '../../src/nlp/wink.ts';

const tokens = (text: string) => wink().readDoc(text).tokens().out();

test('wink does not learn: a word read whole once ("Poor\'s.") is split as before in every later text', () => {
  const probe = "Analysts at Standard & Poor's said a spokesman for Poor's agreed.";
  const before = tokens(probe);
  assert.deepEqual(before.slice(2, 6), ['Standard', '&', 'Poor', "'s"]);
  assert.deepEqual(tokens("The rating was cut by Standard & Poor's."), ['The', 'rating', 'was', 'cut', 'by', 'Standard', '&', "Poor's", '.']);
  assert.deepEqual(tokens(probe), before);
});

test('wink still tags and lemmatises words it has never seen', () => {
  const doc = wink().readDoc('The Zorblaxians were zorbling quickly.');
  const its = wink().its;
  assert.deepEqual(doc.tokens().out(its.pos), ['DET', 'PROPN', 'AUX', 'VERB', 'ADV', 'PUNCT']);
});
