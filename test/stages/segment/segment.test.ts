import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { segment } from '../../../src/stages/segment/index.ts';

test('tokens carry exact offsets into the article text, paragraph by paragraph', () => {
  const text = 'Title line\n\nBAGHDAD (Reuters) - He said he did not produce any evidence.\n\n“Positive” was how both sides characterized it.';
  const paragraphs = [{ start: 32, end: 72 }, { start: 74, end: text.length }];
  const seg = segment(text, paragraphs);
  for (const t of seg.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(seg.sentences.map((s) => text.slice(s.start, s.end)), ['He said he did not produce any evidence.', '“Positive” was how both sides characterized it.']);
  assert.deepEqual(seg.sentences.map((s) => s.paragraph), [0, 1]);
  const negated = seg.tokens.filter((t) => t.negated).map((t) => t.text);
  assert.deepEqual(negated, ['produce', 'any', 'evidence']);
  assert.equal(seg.tokens.find((t) => t.text === 'said')?.lemma, 'say');
});

test('hyphenated names keep their parts adjacent, without spaces', () => {
  const text = 'Hassan Kazemi-Qomi met Nuri al-Maliki.';
  const seg = segment(text, [{ start: 0, end: text.length }]);
  const hyphen = seg.tokens.find((t) => t.text === '-')!;
  assert.equal(hyphen.spaceBefore, false);
  assert.equal(seg.tokens[hyphen.i + 1]!.spaceBefore, false);
});

test('property: any text segments without throwing, and every token slices to itself', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (text) => {
      const seg = segment(text, text.length > 0 ? [{ start: 0, end: text.length }] : []);
      for (const t of seg.tokens) assert.equal(text.slice(t.start, t.end), t.text);
      for (const s of seg.sentences) assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end);
    }),
    { numRuns: 300 },
  );
});

test('hard line breaks inside a paragraph are whitespace, not tokens', () => {
  const text = 'The chairman, John\nTower, said Defense\nSecretary Caspar Weinberger left.';
  const seg = segment(text, [{ start: 0, end: text.length }]);
  assert.ok(seg.tokens.every((t) => t.text.trim() !== ''));
  const tower = seg.tokens.find((t) => t.text === 'Tower')!;
  assert.equal(tower.spaceBefore, true);
  assert.equal(seg.tokens[tower.i - 1]!.text, 'John');
  assert.deepEqual(seg.sentences.map((s) => [s.firstToken, s.endToken]), [[0, seg.tokens.length]]);
});

test('names with letters beyond Latin-1 stay one token, with offsets into the original text', () => {
  const text = 'Turkish President Recep Tayyip Erdoğan met Mevlüt Çavuşoğlu in İstanbul on Tuesday. Путин was not there.';
  const seg = segment(text, [{ start: 0, end: text.length }]);
  for (const t of seg.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  const words = seg.tokens.map((t) => t.text);
  for (const name of ['Erdoğan', 'Çavuşoğlu', 'İstanbul', 'Путин']) assert.ok(words.includes(name), `${name} in ${words.join(' | ')}`);
  const erdogan = seg.tokens.find((t) => t.text === 'Erdoğan')!;
  assert.equal(erdogan.pos, 'PROPN');
  assert.equal(erdogan.normal, 'erdoğan');
  assert.equal(seg.sentences.length, 2);
});
