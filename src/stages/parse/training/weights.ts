/** Averaged-perceptron weights: one row of `width` class weights per feature key, rows made on first update. */
import { FeatureIndex } from '../featureTable.ts';

export class WeightMatrix {
  readonly index: FeatureIndex;
  weights: Float32Array;
  /** Sum of step × change, for the average without touching every weight at every step. */
  stepWeighted: Float64Array;

  constructor(
    readonly width: number,
    index = new FeatureIndex(1 << 16),
  ) {
    this.index = index;
    this.weights = new Float32Array(width << 16);
    this.stepWeighted = new Float64Array(width << 16);
  }

  /** A frozen copy holding the averaged weights (for scoring only). */
  averagedMatrix(step: number): WeightMatrix {
    const frozen = new WeightMatrix(this.width, this.index);
    frozen.weights = this.averaged(step).weights;
    return frozen;
  }

  /** Rows of the keys (-1 for keys never updated). */
  rows(keys: Int32Array, rows: Int32Array): void {
    for (let t = 0; t < keys.length; t++) rows[t] = this.index.get(keys[t]!);
  }

  score(rows: Int32Array, scores: Float64Array): void {
    scores.fill(0);
    const w = this.width;
    for (let t = 0; t < rows.length; t++) {
      const row = rows[t]!;
      if (row < 0) continue;
      const base = row * w;
      for (let c = 0; c < w; c++) scores[c]! += this.weights[base + c]!;
    }
  }

  update(keys: Int32Array, truth: number, guess: number, step: number): void {
    for (let t = 0; t < keys.length; t++) {
      const row = this.index.add(keys[t]!);
      if ((row + 1) * this.width > this.weights.length) this.grow();
      const base = row * this.width;
      this.weights[base + truth]! += 1;
      this.weights[base + guess]! -= 1;
      this.stepWeighted[base + truth]! += step;
      this.stepWeighted[base + guess]! -= step;
    }
  }

  averaged(step: number): { keys: Int32Array; weights: Float32Array } {
    const n = this.index.size * this.width;
    const average = new Float32Array(n);
    for (let k = 0; k < n; k++) average[k] = this.weights[k]! - this.stepWeighted[k]! / step;
    return { keys: this.index.keysByRow(), weights: average };
  }

  private grow(): void {
    const weights = new Float32Array(this.weights.length * 2);
    weights.set(this.weights);
    this.weights = weights;
    const stepWeighted = new Float64Array(this.stepWeighted.length * 2);
    stepWeighted.set(this.stepWeighted);
    this.stepWeighted = stepWeighted;
  }
}
