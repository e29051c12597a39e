import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ACTION_TEMPLATES } from '../../../src/stages/parse/features.ts';
import { loadParserModel } from '../../../src/stages/parse/index.ts';
import { decodeModel, encodeModel, MODEL_PATH, type TrainedWeights } from '../../../src/stages/parse/model.ts';

/** A hand-made model: two action features, one label feature, one tagger feature. */
function tinyWeights(): TrainedWeights {
  return {
    about: 'test',
    labels: ['nsubj', 'obj', 'punct'],
    leftLabels: [0, 2],
    rightLabels: [1, 2],
    xposTags: ['NN', 'VBD'],
    vocabulary: ['police', 'arrested'],
    actionKeys: Int32Array.of(101, 202, 303),
    // feature 303 only has weights far below 1/127 of the largest: pruned
    actionWeights: Float32Array.of(10, -5, 0, 2, 0, 0, -10, 1, 0.01, 0, 0, 0),
    labelKeys: Int32Array.of(404),
    labelWeights: Float32Array.of(4, -2, 0),
    taggerKeys: Int32Array.of(505),
    taggerWeights: Float32Array.of(-1, 1),
  };
}

test('a model survives encoding: byte weights in proportion, pruned features gone', () => {
  const file = encodeModel(tinyWeights(), { action: 1, label: 1, tagger: 1 });
  assert.deepEqual(encodeModel(tinyWeights(), { action: 1, label: 1, tagger: 1 }), file, 'byte-identical output');
  const model = decodeModel(file);
  assert.deepEqual(model.labels, ['nsubj', 'obj', 'punct']);
  assert.deepEqual([...model.leftAllowed], [1, 0, 1]);
  assert.deepEqual([...model.rightAllowed], [0, 1, 1]);
  const scores = new Int32Array(4);
  model.actions.add(Int32Array.of(101, 202, 303, 999), 4, scores);
  // scale = 10 / 127: 10 → 127, -5 → -63 (-63.5 rounded up), 2 → 25, -10 → -127, 1 → 13
  assert.deepEqual([...scores], [127, -63, -127, 25 + 13]);
  const labelScores = new Int32Array(3);
  model.labelTable.score(Int32Array.of(404, 7), 2, labelScores);
  assert.deepEqual([...labelScores], [127, -63, 0]);
  const tagScores = new Int32Array(2);
  model.taggerTable.score(Int32Array.of(505), 1, tagScores);
  assert.deepEqual([...tagScores], [-127, 127]);
});

test('pruning drops small weights', () => {
  const model = decodeModel(encodeModel(tinyWeights(), { action: 128, label: 100, tagger: 1 }));
  const scores = new Int32Array(4);
  model.actions.add(Int32Array.of(101, 202), 2, scores);
  assert.deepEqual([...scores], [0, 0, 0, 0], 'no action weight reaches 128/127');
  const labelScores = new Int32Array(3);
  model.labelTable.score(Int32Array.of(404), 1, labelScores);
  assert.deepEqual([...labelScores], [127, 0, 0]);
});

test('a file that is not a parser model, or was made with other templates, is refused with what to do', () => {
  assert.throws(() => decodeModel(gzipSync(Buffer.from('hello world'))), /not a parser model/);
  const original = ACTION_TEMPLATES.templates;
  const file = encodeModel(tinyWeights(), { action: 1, label: 1, tagger: 1 });
  // Same file, read back after pretending the code's templates moved on.
  Object.defineProperty(ACTION_TEMPLATES, 'templates', { value: [...original, 'S0w N2w'], configurable: true });
  try {
    assert.throws(() => decodeModel(file), /other feature templates; run npm run train:parser/);
  } finally {
    Object.defineProperty(ACTION_TEMPLATES, 'templates', { value: original, configurable: true });
  }
});

test('the shipped model loads, is small, and labels with the UD relations of English-EWT', () => {
  assert.ok(statSync(MODEL_PATH).size <= 10_000_000, 'at most 10 MB');
  const started = performance.now();
  const model = loadParserModel();
  const ms = performance.now() - started;
  // 0.3 s on a quiet machine (see npm run eval:parser); a loose bound here, as tests share the CPU.
  assert.ok(ms < 3000, `loaded in ${ms.toFixed(0)} ms`);
  assert.equal(loadParserModel(), model, 'loaded once');
  for (const relation of ['nsubj', 'nsubj:pass', 'obj', 'iobj', 'obl', 'obl:agent', 'nmod:poss', 'compound', 'compound:prt', 'acl:relcl', 'ccomp', 'xcomp', 'conj', 'aux:pass']) {
    assert.ok(model.weights.labels.includes(relation), relation);
  }
  assert.ok(model.weights.xposTags.includes('VBN'));
});
