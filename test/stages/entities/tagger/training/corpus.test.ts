import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LABELS } from '../../../../../src/stages/entities/tagger/labels.ts';
import { seededRandom, taggedSentences, variantOf } from '../../../../../src/stages/entities/tagger/training/corpus.ts';
import type { GmbText } from '../../../../../src/stages/entities/tagger/training/gmb.ts';

const TEXT: GmbText = {
  index: 0,
  text: 'Hassan Kazemi-Qomi met officials in Baghdad on Monday. He left.',
  entities: [
    { start: 0, end: 18, type: 'PER' },
    { start: 36, end: 43, type: 'LOC' },
  ],
};

test('entities are projected onto wink tokens by character overlap, sentence by sentence', () => {
  const sentences = taggedSentences(TEXT.text, TEXT.entities, false);
  assert.equal(sentences.length, 2);
  const first = sentences[0]!;
  assert.deepEqual(
    first.tokens.map((t, k) => `${t.text}/${LABELS[first.labels[k]!]}`),
    ['Hassan/B-PER', 'Kazemi/I-PER', '-/I-PER', 'Qomi/I-PER', 'met/O', 'officials/O', 'in/O', 'Baghdad/B-LOC', 'on/O', 'Monday/O', './O'],
  );
  assert.deepEqual([...sentences[1]!.labels], [0, 0, 0]);
});

test('training variants keep the entities on the same characters', () => {
  const random = seededRandom(1);
  const upper = variantOf(TEXT, 'upper', random)!;
  assert.equal(upper.text.slice(0, 18), 'HASSAN KAZEMI-QOMI');
  assert.deepEqual(upper.entities, TEXT.entities);
  const title = variantOf(TEXT, 'title', random)!;
  assert.equal(title.text, 'Hassan Kazemi-Qomi Met Officials in Baghdad on Monday. He Left.');
  assert.equal(title.headline, true);
  const dateline = variantOf(TEXT, 'dateline', random)!;
  const spans = dateline.entities.map((e) => `${e.type} ${dateline.text.slice(e.start, e.end)}`);
  assert.match(dateline.text, /^[A-Z ]+(, \w+ \d+)? \(\w+\) - Hassan/);
  assert.deepEqual(spans.slice(2), ['PER Hassan Kazemi-Qomi', 'LOC Baghdad']);
  assert.equal(spans[1]!.slice(0, 4), 'ORG ');
});

test('the seeded random numbers repeat', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const first = [a(), a(), a()];
  assert.deepEqual(first, [b(), b(), b()]);
  assert.ok(first.every((x) => x >= 0 && x < 1));
});
