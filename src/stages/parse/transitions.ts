/**
 * Arc-eager transitions with the tree constraint (Nivre & Fernández-González 2014): a stack, a buffer and the arcs
 * made so far. When the buffer runs out with headless words left on the stack, UNSHIFT hands the top one back to
 * the buffer so that LEFT or RIGHT attaches it; the last headless word is the root. Every terminal state is one
 * single-rooted tree over all words, whatever the scores choose.
 *
 * The state keeps, for the features, each word's two leftmost and two rightmost children, its valencies and the
 * labels of its left and right children as bit sets.
 */

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
/** The scored actions; UNSHIFT is never a choice (it is the only legal move when it is legal). */
export const ACTION_COUNT = 4;
export const UNSHIFT = 4;
export const ACTION_NAMES = ['SHIFT', 'REDUCE', 'LEFT', 'RIGHT', 'UNSHIFT'] as const;

export class ParserState {
  n = 0;
  /** Stack of word indices, bottom first; increasing from bottom to top. */
  stack!: Int32Array;
  depth = 0;
  /** Next word never read from the input. */
  next = 0;
  /** A word UNSHIFT put back at the front of the buffer, or -1. */
  unshifted = -1;
  head!: Int32Array;
  /** Label id of the arc to the head, -1 while headless. */
  label!: Int32Array;
  leftmost!: Int32Array;
  leftmost2!: Int32Array;
  rightmost!: Int32Array;
  rightmost2!: Int32Array;
  leftCount!: Int32Array;
  rightCount!: Int32Array;
  /** Labels of the left / right children, bit (label mod 32) of the low word, (label div 32 mod 32) of the high. */
  leftLabels!: Int32Array;
  leftLabelsHigh!: Int32Array;
  rightLabels!: Int32Array;
  rightLabelsHigh!: Int32Array;

  constructor(capacity = 64) {
    this.allocate(capacity);
  }

  private allocate(capacity: number): void {
    for (const name of ['stack', 'head', 'label', 'leftmost', 'leftmost2', 'rightmost', 'rightmost2', 'leftCount', 'rightCount', 'leftLabels', 'leftLabelsHigh', 'rightLabels', 'rightLabelsHigh'] as const) {
      this[name] = new Int32Array(capacity);
    }
  }

  /** The initial state for a sentence of n words (the arrays grow when needed and are reused). */
  reset(n: number): void {
    if (n > this.stack.length) this.allocate(Math.max(n, this.stack.length * 2));
    this.n = n;
    this.depth = 0;
    this.next = 0;
    this.unshifted = -1;
    this.head.fill(-1, 0, n);
    this.label.fill(-1, 0, n);
    this.leftmost.fill(-1, 0, n);
    this.leftmost2.fill(-1, 0, n);
    this.rightmost.fill(-1, 0, n);
    this.rightmost2.fill(-1, 0, n);
    this.leftCount.fill(0, 0, n);
    this.rightCount.fill(0, 0, n);
    this.leftLabels.fill(0, 0, n);
    this.leftLabelsHigh.fill(0, 0, n);
    this.rightLabels.fill(0, 0, n);
    this.rightLabelsHigh.fill(0, 0, n);
  }

  /** Top of the stack, or -1. */
  s0(): number {
    return this.depth > 0 ? this.stack[this.depth - 1]! : -1;
  }

  s1(): number {
    return this.depth > 1 ? this.stack[this.depth - 2]! : -1;
  }

  /** Front of the buffer, or -1. */
  b0(): number {
    return this.unshifted >= 0 ? this.unshifted : this.next < this.n ? this.next : -1;
  }

  /** k-th word of the buffer (k ≥ 1), or -1. */
  bufferAt(k: number): number {
    if (this.unshifted >= 0) return -1;
    const i = this.next + k;
    return i < this.n ? i : -1;
  }

  inBuffer(i: number): boolean {
    return i === this.unshifted || i >= this.next;
  }

  isTerminal(): boolean {
    return this.b0() < 0 && this.depth <= 1;
  }

  /** The forced move when the buffer is empty (UNSHIFT or REDUCE), or -1 when the scores choose. */
  forcedAction(): number {
    if (this.b0() >= 0 || this.depth <= 1) return -1;
    return this.head[this.s0()]! < 0 ? UNSHIFT : REDUCE;
  }

  /** Bit k set when scored action k is legal. */
  legalMask(): number {
    const b0 = this.b0();
    if (b0 < 0) return 0;
    if (this.depth === 0) return 1 << SHIFT;
    const headless = this.head[this.stack[this.depth - 1]!]! < 0;
    // After an UNSHIFT the buffer front must be attached, not shifted back (that could loop).
    let mask = (1 << RIGHT) | (this.unshifted < 0 ? 1 << SHIFT : 0);
    mask |= headless ? 1 << LEFT : 1 << REDUCE;
    return mask;
  }

  /** Applies a legal action; `label` is the arc's label id for LEFT and RIGHT. */
  apply(action: number, label: number): void {
    switch (action) {
      case SHIFT:
        this.push(this.takeFront());
        break;
      case REDUCE:
        this.depth--;
        break;
      case LEFT: {
        const dependent = this.stack[--this.depth]!;
        this.attach(this.b0(), dependent, label);
        break;
      }
      case RIGHT: {
        const dependent = this.takeFront();
        this.attach(this.stack[this.depth - 1]!, dependent, label);
        this.push(dependent);
        break;
      }
      case UNSHIFT:
        this.unshifted = this.stack[--this.depth]!;
        break;
      default:
        throw new Error(`unknown parser action ${action}`);
    }
  }

  private push(word: number): void {
    this.stack[this.depth++] = word;
  }

  private takeFront(): number {
    if (this.unshifted >= 0) {
      const word = this.unshifted;
      this.unshifted = -1;
      return word;
    }
    return this.next++;
  }

  private attach(head: number, dependent: number, label: number): void {
    this.head[dependent] = head;
    this.label[dependent] = label;
    const bit = 1 << (label & 31);
    const highBit = 1 << ((label >>> 5) & 31);
    if (dependent < head) {
      // Left children arrive from the nearest outwards, right children from the nearest onwards.
      this.leftmost2[head] = this.leftmost[head]!;
      this.leftmost[head] = dependent;
      this.leftCount[head]!++;
      this.leftLabels[head]! |= bit;
      this.leftLabelsHigh[head]! |= highBit;
    } else {
      this.rightmost2[head] = this.rightmost[head]!;
      this.rightmost[head] = dependent;
      this.rightCount[head]!++;
      this.rightLabels[head]! |= bit;
      this.rightLabelsHigh[head]! |= highBit;
    }
  }
}
