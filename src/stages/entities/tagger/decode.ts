/** Greedy left-to-right decoding of a linear model over BIO labels, with the labels' confidences. */
import { allowedAfter, LABEL_COUNT } from './labels.ts';
import { historyFeatures, staticFeatures, type SentenceView } from './features.ts';

export interface LinearModel {
  /** Feature → row of `weights` (LABEL_COUNT numbers per row). */
  rows: ReadonlyMap<string, number>;
  weights: Float32Array | Float64Array;
  /** Softmax temperature turning label scores into confidences. */
  temperature: number;
}

export interface Decoded {
  labels: Uint8Array;
  /** Softmax probability of each chosen label among the labels allowed there. */
  confidence: Float32Array;
}

export function greedyDecode(model: LinearModel, v: SentenceView): Decoded {
  const labels = new Uint8Array(v.length);
  const confidence = new Float32Array(v.length);
  const scores = new Float64Array(LABEL_COUNT);
  const { rows, weights } = model;
  const add = (feature: string): void => {
    const row = rows.get(feature);
    if (row === undefined) return;
    const base = row * LABEL_COUNT;
    for (let l = 0; l < LABEL_COUNT; l++) scores[l]! += weights[base + l]!;
  };
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < v.length; i++) {
    scores.fill(0);
    staticFeatures(v, i, add);
    historyFeatures(v, i, prev1, prev2, add);
    const best = bestAllowed(scores, prev1);
    labels[i] = best;
    confidence[i] = softmaxAt(scores, prev1, best, model.temperature);
    prev2 = prev1;
    prev1 = best;
  }
  return { labels, confidence };
}

/** Highest-scoring label allowed after `previous` (ties go to the lower index, O first). */
export function bestAllowed(scores: ArrayLike<number>, previous: number): number {
  let best = 0;
  for (let l = 1; l < LABEL_COUNT; l++) {
    if (scores[l]! > scores[best]! && allowedAfter(previous, l)) best = l;
  }
  return best;
}

function softmaxAt(scores: ArrayLike<number>, previous: number, label: number, temperature: number): number {
  const top = scores[label]!;
  let sum = 0;
  for (let l = 0; l < LABEL_COUNT; l++) {
    if (allowedAfter(previous, l)) sum += Math.exp((scores[l]! - top) / temperature);
  }
  return 1 / sum;
}
