import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { ewtPath } from '../../../src/stages/parse/training/corpus.ts';
import { readConllu } from '../../../src/stages/parse/training/conllu.ts';
import { actionCosts, GoldTree, staticOracle } from '../../../src/stages/parse/training/oracle.ts';
import { ACTION_COUNT, LEFT, ParserState, REDUCE, RIGHT, SHIFT, UNSHIFT } from '../../../src/stages/parse/transitions.ts';

/** Runs the system to the end, choosing among legal actions with `choose`; returns the heads. */
function run(n: number, choose: (state: ParserState, legal: number) => number): Int32Array {
  const state = new ParserState(4);
  state.reset(n);
  let steps = 0;
  while (!state.isTerminal()) {
    assert.ok(steps++ < 10 * n + 10, 'the parser must terminate');
    const forced = state.forcedAction();
    if (forced >= 0) {
      state.apply(forced, -1);
      continue;
    }
    const legal = state.legalMask();
    assert.notEqual(legal, 0, 'a state that is not terminal has a legal action');
    const action = choose(state, legal);
    assert.ok(legal & (1 << action), `action ${action} is legal`);
    state.apply(action, action === LEFT || action === RIGHT ? 0 : -1);
  }
  return state.head.slice(0, n);
}

/** One root, every other word's head a word, and every word reaches the root. */
function assertTree(heads: Int32Array): void {
  const n = heads.length;
  if (n === 0) return;
  assert.equal(heads.filter((h) => h === -1).length, 1, `exactly one root in ${heads}`);
  for (let i = 0; i < n; i++) {
    assert.ok(heads[i]! >= -1 && heads[i]! < n && heads[i] !== i, `head of ${i} in range in ${heads}`);
    let k = i;
    for (let steps = 0; heads[k] !== -1; steps++) {
      assert.ok(steps <= n, `no cycle through ${i} in ${heads}`);
      k = heads[k]!;
    }
  }
}

function isProjective(heads: ArrayLike<number>): boolean {
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i]!;
    if (h < 0) continue;
    const [lo, hi] = h < i ? [h, i] : [i, h];
    for (let k = lo + 1; k < hi; k++) {
      // every word between a head and its dependent descends from the head
      let a = k;
      while (a !== -1 && a !== h) a = heads[a]!;
      if (a !== h) return false;
    }
  }
  return true;
}

test('any sequence of legal choices ends in one single-rooted tree over all words', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 80 }), fc.array(fc.nat(), { minLength: 1, maxLength: 400 }), (n, picks) => {
      let k = 0;
      const heads = run(n, (_state, legal) => {
        const actions = [SHIFT, REDUCE, LEFT, RIGHT].filter((a) => legal & (1 << a));
        return actions[picks[k++ % picks.length]! % actions.length]!;
      });
      assertTree(heads);
    }),
    { numRuns: 500 },
  );
});

test('adversarial policies still end in a tree: always shift, always attach right, never reduce', () => {
  const prefer = (order: number[]) => (_state: ParserState, legal: number) => order.find((a) => legal & (1 << a))!;
  for (const n of [1, 2, 3, 10, 500]) {
    for (const order of [
      [SHIFT, RIGHT, LEFT, REDUCE],
      [RIGHT, SHIFT, LEFT, REDUCE],
      [LEFT, SHIFT, RIGHT, REDUCE],
      [SHIFT, LEFT, RIGHT, REDUCE],
    ]) {
      const heads = run(n, prefer(order));
      assertTree(heads);
      assert.equal(heads.length, n);
    }
  }
});

test('always shifting leaves everything to UNSHIFT: a right-branching chain from the first word', () => {
  const heads = run(4, (_s, legal) => (legal & (1 << SHIFT) ? SHIFT : legal & (1 << RIGHT) ? RIGHT : LEFT));
  assertTree(heads);
  assert.equal(heads[0], -1);
});

test('UNSHIFT is forced only with an empty buffer and a headless stack top', () => {
  const state = new ParserState();
  state.reset(2);
  state.apply(SHIFT, -1);
  state.apply(SHIFT, -1);
  assert.equal(state.b0(), -1);
  assert.equal(state.forcedAction(), UNSHIFT);
  state.apply(UNSHIFT, -1);
  assert.equal(state.b0(), 1);
  assert.equal(state.legalMask() & (1 << SHIFT), 0, 'an UNSHIFTed word is attached, not shifted back');
});

const EWT_TRAIN = ewtPath('train');

test('the static oracle rebuilds every projective training tree, and its actions cost nothing', { skip: existsSync(EWT_TRAIN) ? false : 'needs ../shared/data (not in this clone)' }, () => {
  let projective = 0;
  const costs = new Int32Array(ACTION_COUNT);
  for (const sentence of readConllu(EWT_TRAIN)) {
    const gold = sentence.words.map((w) => w.head);
    if (!isProjective(gold)) continue;
    projective++;
    const tree = new GoldTree(gold);
    const heads = run(gold.length, (state, legal) => {
      const action = staticOracle(state, tree);
      actionCosts(state, tree, legal, costs);
      assert.equal(costs[action], 0, `${sentence.id}: the static oracle's ${action} costs nothing`);
      return action;
    });
    assert.deepEqual([...heads], gold, sentence.id);
  }
  assert.ok(projective > 12_000, `${projective} projective trees`);
});

test('following any zero-cost action rebuilds a projective tree (the dynamic oracle)', { skip: existsSync(EWT_TRAIN) ? false : 'needs ../shared/data (not in this clone)' }, () => {
  const costs = new Int32Array(ACTION_COUNT);
  let seed = 7;
  const sentences = readConllu(EWT_TRAIN).slice(0, 3000);
  for (const sentence of sentences) {
    const gold = sentence.words.map((w) => w.head);
    if (!isProjective(gold)) continue;
    const tree = new GoldTree(gold);
    const heads = run(gold.length, (state, legal) => {
      actionCosts(state, tree, legal, costs);
      const free = [SHIFT, REDUCE, LEFT, RIGHT].filter((a) => legal & (1 << a) && costs[a] === 0);
      assert.ok(free.length > 0, `${sentence.id}: some action costs nothing`);
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return free[seed % free.length]!;
    });
    assert.deepEqual([...heads], gold, sentence.id);
  }
});
