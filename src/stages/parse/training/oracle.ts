/**
 * Oracles for the arc-eager system of transitions.ts, given a gold tree (heads, -1 for the root).
 *
 * The dynamic oracle (Goldberg & Nivre 2012) gives the cost of each action: how many gold arcs it makes
 * unreachable. Training follows zero-cost actions, or the model's own choice when exploring, so the model learns
 * to recover from its mistakes. The static oracle is the classic one-path oracle; on a projective tree it rebuilds
 * that tree exactly (tested), which checks the transitions and the costs together.
 */
import { LEFT, REDUCE, RIGHT, SHIFT, type ParserState } from '../transitions.ts';

/** A gold tree with each word's children, for the cost computations. */
export class GoldTree {
  readonly head: Int32Array;
  /** Children of word i: children[childStart[i] .. childStart[i + 1]). */
  readonly children: Int32Array;
  readonly childStart: Int32Array;

  constructor(heads: ArrayLike<number>) {
    const n = heads.length;
    this.head = Int32Array.from(heads);
    this.childStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) if (heads[i]! >= 0) this.childStart[heads[i]! + 1]!++;
    for (let i = 0; i < n; i++) this.childStart[i + 1]! += this.childStart[i]!;
    this.children = new Int32Array(this.childStart[n]!);
    const fill = this.childStart.slice(0, n);
    for (let i = 0; i < n; i++) if (heads[i]! >= 0) this.children[fill[heads[i]!]!++] = i;
  }
}

/** Writes the cost of each scored action into `costs` (legal ones only; others are left as they were). */
export function actionCosts(state: ParserState, gold: GoldTree, legal: number, costs: Int32Array): void {
  const s0 = state.s0();
  const b0 = state.b0();
  const { children, childStart } = gold;
  if (legal & (1 << LEFT)) {
    // s0 takes b0 as head and leaves: it loses a different gold head in the buffer (or being the root), and
    // every gold child still in the buffer.
    const g = gold.head[s0]!;
    let c = g === b0 ? 0 : g < 0 || state.inBuffer(g) ? 1 : 0;
    for (let k = childStart[s0]!; k < childStart[s0 + 1]!; k++) if (state.inBuffer(children[k]!)) c++;
    costs[LEFT] = c;
  }
  if (legal & (1 << RIGHT)) {
    // b0 takes s0 as head: it loses a different gold head on the stack or in the buffer (or being the root),
    // and its headless gold children on the stack.
    const g = gold.head[b0]!;
    let c = g === s0 ? 0 : g < 0 || state.inBuffer(g) || isOnStack(state, g) ? 1 : 0;
    for (let k = childStart[b0]!; k < childStart[b0 + 1]!; k++) {
      const child = children[k]!;
      if (state.head[child]! < 0 && isOnStack(state, child)) c++;
    }
    costs[RIGHT] = c;
  }
  if (legal & (1 << REDUCE)) {
    let c = 0;
    for (let k = childStart[s0]!; k < childStart[s0 + 1]!; k++) if (state.inBuffer(children[k]!)) c++;
    costs[REDUCE] = c;
  }
  if (legal & (1 << SHIFT)) {
    // b0 goes onto the stack: it loses a gold head on the stack and its headless gold children there.
    const g = gold.head[b0]!;
    let c = g >= 0 && isOnStack(state, g) ? 1 : 0;
    for (let k = childStart[b0]!; k < childStart[b0 + 1]!; k++) {
      const child = children[k]!;
      if (state.head[child]! < 0 && isOnStack(state, child)) c++;
    }
    costs[SHIFT] = c;
  }
}

/** The classic static oracle: LEFT or RIGHT when the gold tree has the arc, REDUCE when s0 is done, else SHIFT. */
export function staticOracle(state: ParserState, gold: GoldTree): number {
  const s0 = state.s0();
  const b0 = state.b0();
  if (s0 >= 0 && b0 >= 0) {
    if (gold.head[s0] === b0 && state.head[s0]! < 0) return LEFT;
    if (gold.head[b0] === s0) return RIGHT;
    if (state.head[s0]! >= 0) {
      let done = true;
      for (let k = gold.childStart[s0]!; k < gold.childStart[s0 + 1]!; k++) if (state.inBuffer(gold.children[k]!)) done = false;
      if (done) return REDUCE;
    }
  }
  return SHIFT;
}

function isOnStack(state: ParserState, word: number): boolean {
  // The stack is increasing: binary search.
  let lo = 0;
  let hi = state.depth - 1;
  const stack = state.stack;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = stack[mid]!;
    if (v === word) return true;
    if (v < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
