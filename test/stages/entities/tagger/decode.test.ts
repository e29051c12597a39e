import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bestAllowed, greedyDecode } from '../../../../src/stages/entities/tagger/decode.ts';
import { describeWord, viewSentence } from '../../../../src/stages/entities/tagger/features.ts';
import { Gazetteer, LIST_NAMES, type PhraseLists } from '../../../../src/stages/entities/tagger/gazetteer.ts';
import { decodeSpans } from '../../../../src/stages/entities/tagger/index.ts';
import { LABEL_COUNT, LABELS, labelsToSpans } from '../../../../src/stages/entities/tagger/labels.ts';
import { CachedScorer, FeatureRows, NamedScorer } from '../../../../src/stages/entities/tagger/scorer.ts';
import { segment } from '../../../../src/stages/segment/index.ts';

const noLists = Object.fromEntries(LIST_NAMES.map((name) => [name, []])) as unknown as PhraseLists;

/** A hand-made model: feature → { label: weight }. */
function tinyModel(weights: Record<string, Partial<Record<(typeof LABELS)[number], number>>>): { features: string[]; weights: Float32Array } {
  const features = Object.keys(weights);
  const table = new Float32Array(features.length * LABEL_COUNT);
  features.forEach((feature, row) => {
    for (const [label, w] of Object.entries(weights[feature]!)) table[row * LABEL_COUNT + LABELS.indexOf(label as (typeof LABELS)[number])] = w;
  });
  return { features, weights: table };
}

const TINY = tinyModel({
  'b=': { O: 1 },
  'W=Ryan': { 'B-PER': 3 },
  'W=Hassan': { 'B-PER': 3 },
  'W=Baghdad': { 'B-LOC': 3 },
  // after B-PER or I-PER, a capitalised word goes on with the name
  'T1s1=NXx': { 'I-PER': 3 },
  'T1s2=NXx': { 'I-PER': 3 },
  'w=qomi': { 'B-ORG': 5 },
  // pair features, which the cached scorer looks up its own way
  'ww-=ryan|crocker': { 'I-PER': 0.5 },
  'ww+=in|baghdad': { O: 0.25 },
  'ww-=<s>|ryan': { 'B-PER': 0.125 },
  'tt+=PROPN|PROPN': { 'B-PER': 0.5 },
  'tt-=<s>|PROPN': { 'B-LOC': -0.25 },
  'tt+=PUNCT|<s>': { O: 0.5 },
});

function view(text: string) {
  const tokens = segment(text, [{ start: 0, end: text.length }]).tokens;
  return { tokens, view: viewSentence(tokens, false, Gazetteer.of(noLists), describeWord) };
}

test('BIO labels make spans; an I-X that continues nothing starts its own span', () => {
  const [O, BPER, IPER, , , BLOC, ILOC, BMISC] = [0, 1, 2, 3, 4, 5, 6, 7];
  assert.deepEqual(labelsToSpans([BPER, IPER, O, ILOC, ILOC, BLOC, BMISC, IPER]), [
    { firstToken: 0, endToken: 2, type: 'PER' },
    { firstToken: 3, endToken: 5, type: 'LOC' },
    { firstToken: 5, endToken: 6, type: 'LOC' },
    { firstToken: 6, endToken: 7, type: 'MISC' },
    { firstToken: 7, endToken: 8, type: 'PER' },
  ]);
  assert.deepEqual(labelsToSpans([O, O]), []);
});

test('decoding never puts I-X after anything but B-X or I-X', () => {
  const scores = [0, 1, 0, 0, 0, 0, 9, 0, 0]; // I-LOC best, B-PER next
  assert.equal(bestAllowed(scores, 0), 1);
  assert.equal(bestAllowed(scores, 5), 6);
});

test('a tiny hand-made model decodes to the expected labels and spans', () => {
  const { tokens, view: v } = view('Ryan Crocker met Hassan Kazemi in Baghdad.');
  const scorer = new NamedScorer(new Map(TINY.features.map((f, r) => [f, r])), TINY.weights);
  const { labels } = greedyDecode(scorer, v, 1);
  assert.deepEqual([...labels].map((l) => LABELS[l]), ['B-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
  const spans = decodeSpans(scorer, v, 1).map((s) => `${s.type} ${tokens[s.firstToken]!.text}…${tokens[s.endToken - 1]!.text}`);
  assert.deepEqual(spans, ['PER Ryan…Crocker', 'PER Hassan…Kazemi', 'LOC Baghdad…Baghdad']);
});

test('the cached run-time scorer gives the same scores as looking every feature up by name', () => {
  const scorers = [new CachedScorer(FeatureRows.of(TINY.features), TINY.weights), new NamedScorer(new Map(TINY.features.map((f, r) => [f, r])), TINY.weights)];
  const { view: v } = view('Ryan Crocker met Hassan Kazemi-Qomi in Baghdad.');
  for (let i = 0; i < v.length; i++) {
    for (const [prev1, prev2] of [[-1, -1], [1, 0], [2, 1]] as const) {
      const [cached, named] = scorers.map((scorer) => {
        const out = new Float64Array(LABEL_COUNT);
        scorer.staticScores(v, i, out);
        scorer.historyScores(v, i, prev1, prev2, out);
        return [...out];
      });
      assert.deepEqual(cached, named, `token ${i}`);
    }
  }
});

test('spans are repaired: hyphenated names whole, particles inside person names', () => {
  // The tiny model labels "-" O and "Qomi" ORG on its own; the longest span grown over the hyphen wins.
  const { tokens, view: v } = view('Ryan Crocker met Hassan Kazemi-Qomi in Baghdad.');
  const scorer = new CachedScorer(FeatureRows.of(TINY.features), TINY.weights);
  const text = 'Ryan Crocker met Hassan Kazemi-Qomi in Baghdad.';
  const spans = decodeSpans(scorer, v, 1).map((s) => `${s.type} ${text.slice(tokens[s.firstToken]!.start, tokens[s.endToken - 1]!.end)}`);
  assert.deepEqual(spans, ['PER Ryan Crocker', 'PER Hassan Kazemi-Qomi', 'LOC Baghdad']);
  const particles = tinyModel({ 'b=': { O: 1 }, 'W=Ludwig': { 'B-PER': 3 }, 'W=Rohe': { 'B-PER': 3 } });
  const lv = view('Ludwig van der Rohe built it.');
  const joined = decodeSpans(new CachedScorer(FeatureRows.of(particles.features), particles.weights), lv.view, 1);
  assert.deepEqual(joined.map((s) => [s.firstToken, s.endToken, s.type]), [[0, 4, 'PER']]);
});
