/**
 * Averaged perceptron training over greedy BIO decoding: the history features use the labels the model
 * itself chose (as at run time), and a gold I-X the model cannot reach is learnt as B-X.
 */
import { allowedAfter, isInside, LABEL_COUNT } from '../labels.ts';
import { bestAllowed } from '../decode.ts';
import { featureName, historyFeatures, staticFeatures, type SentenceView } from '../features.ts';

/** A gold label that says nothing: the token is decoded but never learnt from (a name type the corpus does not tag). */
export const UNKNOWN_LABEL = 255;

export interface PreparedSentence {
  view: SentenceView;
  labels: Uint8Array;
  /** Rows of the static features of token i: staticRows[offsets[i] .. offsets[i + 1]). */
  staticRows: Int32Array;
  offsets: Int32Array;
}

export class PerceptronTrainer {
  readonly rows = new Map<string, number>();
  private weights: Float64Array = new Float64Array(1 << 20);
  /** Sum of step × change, for averaging without touching every weight at every step. */
  private stepWeighted: Float64Array = new Float64Array(1 << 20);
  private step = 1;

  /** Registers the features worth learning: the static ones seen at least `minCount` times. */
  constructor(featureCounts: ReadonlyMap<string, number>, minCount: number) {
    for (const [feature, count] of featureCounts) if (count >= minCount) this.rowOf(feature);
  }

  rowOf(feature: string): number {
    let row = this.rows.get(feature);
    if (row === undefined) {
      row = this.rows.size;
      this.rows.set(feature, row);
      if ((row + 1) * LABEL_COUNT > this.weights.length) {
        this.weights = grow(this.weights);
        this.stepWeighted = grow(this.stepWeighted);
      }
    }
    return row;
  }

  /** Static rows of every token of a view (features never seen in counting are left out). */
  prepare(view: SentenceView, labels: Uint8Array): PreparedSentence {
    const rows: number[] = [];
    const offsets = new Int32Array(view.length + 1);
    for (let i = 0; i < view.length; i++) {
      offsets[i] = rows.length;
      staticFeatures(view, i, (template, value, second) => {
        const row = this.rows.get(featureName(template, value, second));
        if (row !== undefined) rows.push(row);
      });
    }
    offsets[view.length] = rows.length;
    return { view, labels, staticRows: Int32Array.from(rows), offsets };
  }

  /** One pass over the sentences in the given order; returns the share of tokens mislabelled. */
  epoch(sentences: readonly PreparedSentence[], order: readonly number[]): number {
    const scores = new Float64Array(LABEL_COUNT);
    const history: string[] = [];
    let errors = 0;
    let tokens = 0;
    for (const s of order) {
      const { view, labels, staticRows, offsets } = sentences[s]!;
      let prev1 = -1;
      let prev2 = -1;
      for (let i = 0; i < view.length; i++) {
        scores.fill(0);
        for (let k = offsets[i]!; k < offsets[i + 1]!; k++) this.addRow(staticRows[k]!, scores);
        history.length = 0;
        historyFeatures(view, i, prev1, prev2, (template, value, second) => history.push(featureName(template, value, second)));
        for (const f of history) {
          const row = this.rows.get(f);
          if (row !== undefined) this.addRow(row, scores);
        }
        const guess = bestAllowed(scores, prev1);
        let truth = labels[i]!;
        if (truth === UNKNOWN_LABEL) truth = guess;
        else if (isInside(truth) && !allowedAfter(prev1, truth)) truth -= 1;
        if (guess !== truth) {
          errors++;
          for (let k = offsets[i]!; k < offsets[i + 1]!; k++) this.update(staticRows[k]!, truth, guess);
          for (const f of history) this.update(this.rowOf(f), truth, guess);
        }
        tokens++;
        this.step++;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    return errors / tokens;
  }

  /** The averaged weights, LABEL_COUNT per row. */
  averaged(): Float64Array {
    const n = this.rows.size * LABEL_COUNT;
    const average = new Float64Array(n);
    for (let k = 0; k < n; k++) average[k] = this.weights[k]! - this.stepWeighted[k]! / this.step;
    return average;
  }

  private addRow(row: number, scores: Float64Array): void {
    const base = row * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += this.weights[base + l]!;
  }

  private update(row: number, truth: number, guess: number): void {
    const base = row * LABEL_COUNT;
    this.weights[base + truth]! += 1;
    this.weights[base + guess]! -= 1;
    this.stepWeighted[base + truth]! += this.step;
    this.stepWeighted[base + guess]! -= this.step;
  }
}

function grow(array: Float64Array): Float64Array {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
