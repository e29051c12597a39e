import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { loadParserModel, parseSentence, type ParsedSentence } from '../../../src/stages/parse/index.ts';
import { UPOS_TAGS } from '../../../src/stages/parse/words.ts';
import { ACTION_TEMPLATES } from '../../../src/stages/parse/features.ts';
import { scoreActions } from '../../../src/stages/parse/parser.ts';
import { LEFT, REDUCE, RIGHT, SHIFT } from '../../../src/stages/parse/transitions.ts';

function assertTree(parsed: ParsedSentence, n: number): void {
  assert.equal(parsed.heads.length, n);
  assert.equal(parsed.labels.length, n);
  if (n === 0) return;
  let roots = 0;
  for (let i = 0; i < n; i++) {
    const h = parsed.heads[i]!;
    assert.ok(h >= -1 && h < n && h !== i, `head ${h} of word ${i}`);
    if (h === -1) {
      roots++;
      assert.equal(parsed.labels[i], 'root');
    } else assert.notEqual(parsed.labels[i], 'root');
    let k = i;
    for (let steps = 0; parsed.heads[k] !== -1; steps++) {
      assert.ok(steps <= n, `no cycle through word ${i}`);
      k = parsed.heads[k]!;
    }
  }
  assert.equal(roots, 1, 'exactly one root');
}

test('parseSentence gives one single-rooted tree over all words for any input', () => {
  const model = loadParserModel();
  const tag = fc.oneof(fc.constantFrom(...UPOS_TAGS), fc.string({ maxLength: 5 }));
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('the', 'police', 'said', ',', '.', 'and')), tag), { maxLength: 120 }), (pairs) => {
      const parsed = parseSentence(model, pairs.map((p) => p[0]), pairs.map((p) => p[1]));
      assertTree(parsed, pairs.length);
    }),
    { numRuns: 300 },
  );
});

test('adversarial sentences: one word, 500 words, all punctuation, all verbs, tags missing', () => {
  const model = loadParserModel();
  const cases: [string[], string[]][] = [
    [['Yes'], ['INTJ']],
    [['.'], ['PUNCT']],
    [Array(500).fill('police'), Array(500).fill('NOUN')],
    [Array(500).fill(','), Array(500).fill('PUNCT')],
    [Array(300).fill('said'), Array(300).fill('VERB')],
    [['a', 'b', 'c'], []],
    [['', '', ''], ['NOUN', 'NOUN', 'NOUN']],
  ];
  for (const [words, tags] of cases) assertTree(parseSentence(model, words, tags), words.length);
  assert.deepEqual(parseSentence(model, [], []), { heads: new Int32Array(0), labels: [] });
});

test('parsing is deterministic and does not depend on the sentence before', () => {
  const model = loadParserModel();
  const words = ['Police', 'arrested', 'two', 'men', 'in', 'Kabul', '.'];
  const tags = ['NOUN', 'VERB', 'NUM', 'NOUN', 'ADP', 'PROPN', 'PUNCT'];
  const first = parseSentence(model, words, tags);
  parseSentence(model, Array(80).fill('said'), Array(80).fill('VERB'));
  assert.deepEqual(parseSentence(model, words, tags), first);
});

test('scores with the per-word caches equal the scores of every template at once', () => {
  const model = loadParserModel();
  const { weights, workspace: ws } = model;
  const words = ['The', 'ambassador', 'was', 'killed', 'by', 'a', 'bomb', 'in', 'Baghdad', 'on', 'Monday', '.'];
  const tags = ['DET', 'NOUN', 'AUX', 'VERB', 'ADP', 'DET', 'NOUN', 'ADP', 'PROPN', 'ADP', 'PROPN', 'PUNCT'];
  parseSentence(model, words, tags);
  // Replay the parse: at every state, the cached scores equal a fresh sum over all templates.
  const { heads } = parseSentence(model, words, tags);
  ws.state.reset(words.length);
  ws.startSentence(words.length);
  const keys = new Int32Array(ACTION_TEMPLATES.size);
  const fresh = new Int32Array(4);
  let states = 0;
  while (!ws.state.isTerminal()) {
    const forced = ws.state.forcedAction();
    if (forced >= 0) {
      ws.state.apply(forced, -1);
      continue;
    }
    scoreActions(weights, ws);
    ACTION_TEMPLATES.keys(ws.actionAtoms, keys);
    fresh.fill(0);
    weights.actions.add(keys, keys.length, fresh);
    assert.deepEqual([...ws.actionScores], [...fresh]);
    states++;
    // follow the parse already made: the arc actions that rebuild `heads`
    const s0 = ws.state.s0();
    const b0 = ws.state.b0();
    const legal = ws.state.legalMask();
    const action = s0 >= 0 && heads[s0] === b0 && legal & (1 << LEFT) ? LEFT : s0 >= 0 && heads[b0] === s0 ? RIGHT : legal & (1 << REDUCE) && ![...heads].some((h, k) => h === s0 && k >= b0) ? REDUCE : SHIFT;
    ws.state.apply(action, 0);
  }
  assert.ok(states >= words.length);
});
