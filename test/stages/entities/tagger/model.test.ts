import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { LIST_NAMES, type PhraseLists } from '../../../../src/stages/entities/tagger/gazetteer.ts';
import { benchTagger, tagSentence } from '../../../../src/stages/entities/tagger/index.ts';
import { LABEL_COUNT } from '../../../../src/stages/entities/tagger/labels.ts';
import { decodeModel, encodeModel, MODEL_PATH } from '../../../../src/stages/entities/tagger/model.ts';
import { segment } from '../../../../src/stages/segment/index.ts';

/** "TYPE text" for every span the shipped model finds in each sentence of `text`. */
function tagged(text: string, headline = false): string[] {
  const seg = segment(text, [{ start: 0, end: text.length }]);
  return seg.sentences.flatMap((s) => {
    const tokens = seg.tokens.slice(s.firstToken, s.endToken);
    return tagSentence(tokens, { headline }).map((span) => `${span.type} ${text.slice(tokens[span.firstToken]!.start, tokens[span.endToken - 1]!.end)}`);
  });
}

test('a model survives encoding: weights within half a quantisation step, empty rows dropped, lists kept', () => {
  const lists = Object.fromEntries(LIST_NAMES.map((name) => [name, name === 'city' ? ['baghdad', 'new york'] : []])) as unknown as PhraseLists;
  const weights = new Float64Array(3 * LABEL_COUNT);
  weights.set([1.27, -0.5, 0.01], 0);
  weights.set([0.3], 2 * LABEL_COUNT + 4);
  const rows = new Map([
    ['w=baghdad', 0],
    ['w=the', 1],
    ['t=PROPN', 2],
  ]);
  const model = decodeModel(encodeModel({ about: 'test', rows, weights, temperature: 2, lists }));
  assert.deepEqual(model.features, ['w=baghdad', 't=PROPN']);
  assert.equal(model.temperature, 2);
  assert.deepEqual(model.lists.city, ['baghdad', 'new york']);
  const step = 1.27 / 127;
  assert.ok(Math.abs(model.weights[0]! - 1.27) <= step / 2 + 1e-6);
  assert.ok(Math.abs(model.weights[1]! + 0.5) <= step / 2 + 1e-6);
  assert.ok(Math.abs(model.weights[LABEL_COUNT + 4]! - 0.3) <= step / 2 + 1e-6);
});

test('a file that is not a tagger model is refused with what was expected', () => {
  const other = gzipSync(JSON.stringify({ format: 'something-else', version: 1, labels: [] }));
  assert.throws(() => decodeModel(other), /expected a dateline-ner-perceptron v1 model/);
});

// Load time is measured by `npm run bench`, never asserted here: a loaded machine would fail it.
test('the shipped model is small and decodes to its features and phrase lists', () => {
  const file = readFileSync(MODEL_PATH);
  assert.ok(file.length < 4e6, `${file.length} bytes`);
  const model = decodeModel(file);
  assert.ok(model.features.length > 10_000);
  assert.ok(model.lists.city.includes('baghdad'));
});

test('the shipped model tags the founding sentence: two people and a city, hyphenated name whole', () => {
  const spans = tagged('U.S. ambassador to Iraq Ryan Crocker met his Iranian counterpart Hassan Kazemi-Qomi in Baghdad.');
  for (const expected of ['PER Ryan Crocker', 'PER Hassan Kazemi-Qomi', 'LOC Baghdad']) assert.ok(spans.includes(expected), spans.join(' | '));
  assert.ok(!spans.some((s) => s.includes('ambassador')), spans.join(' | '));
});

test('names with particles, hyphens and initials are covered whole', () => {
  const spans = tagged("Iraqi Prime Minister Nuri al-Maliki's office said J. Smith would meet Ludwig van der Rohe.");
  for (const expected of ['PER Nuri al-Maliki', 'PER J. Smith', 'PER Ludwig van der Rohe']) assert.ok(spans.includes(expected), spans.join(' | '));
});

test('an ALL-CAPS headline still gives its places', () => {
  const spans = tagged('IRAN AND U.S. HOLD TALKS IN BAGHDAD', true);
  assert.ok(spans.includes('LOC BAGHDAD'), spans.join(' | '));
  assert.ok(spans.includes('LOC IRAN'), spans.join(' | '));
  assert.ok(!spans.some((s) => s.includes('TALKS')), spans.join(' | '));
});

test('sentences without names give nothing', () => {
  for (const text of ['He said they would meet again next week.', '“We will not stop,” she said on Monday.', 'The talks proceeded positively.']) {
    assert.deepEqual(tagged(text), [], text);
  }
});

test('spans index the tokens given, and carry a confidence between 0 and 1', () => {
  const text = 'Later, Crocker said Iran was arming militias.';
  const seg = segment(text, [{ start: 0, end: text.length }]);
  const spans = tagSentence(seg.tokens, { headline: false });
  assert.deepEqual(
    spans.map((s) => [s.type, seg.tokens[s.firstToken]!.text]),
    [
      ['PER', 'Crocker'],
      ['LOC', 'Iran'],
    ],
  );
  for (const s of spans) assert.ok(s.score > 0 && s.score <= 1);
  assert.deepEqual(tagSentence([], { headline: false }), []);
});

test('benchTagger reports tokens per CPU second', () => {
  const text = 'U.S. ambassador to Iraq Ryan Crocker met his Iranian counterpart Hassan Kazemi-Qomi in Baghdad.';
  const result = benchTagger(segment(text, [{ start: 0, end: text.length }]), 2);
  assert.equal(result.tokens, 2 * 17);
  assert.ok(result.tokensPerSecond > 0);
});
