/** Greedy left-to-right decoding over BIO labels, with the chosen labels' confidences; plain words are O unscored. */
import { allowedAfter, LABEL_COUNT, OUTSIDE } from './labels.ts';
import { plainWord, type SentenceView } from './features.ts';
import type { Scorer } from './scorer.ts';

// Local copies: imported bindings are read through getters under tsx, too slow for the per-token loops.
const L = LABEL_COUNT;
const allowed = allowedAfter;

export interface Decoded {
  labels: Uint8Array;
  /**
   * Softmax probability (at `temperature`) of each chosen entity label among the labels allowed there;
   * 1 where the label is O (nothing reads those, and most labels are O).
   */
  confidence: Float32Array;
}

export function greedyDecode(scorer: Scorer, v: SentenceView, temperature: number): Decoded {
  const labels = new Uint8Array(v.length);
  const confidence = new Float32Array(v.length);
  const scores = new Float64Array(L);
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < v.length; i++) {
    if (prev1 <= OUTSIDE && plainWord(v, i)) {
      labels[i] = OUTSIDE;
      confidence[i] = 1;
      prev2 = prev1;
      prev1 = OUTSIDE;
      continue;
    }
    scores.fill(0);
    scorer.staticScores(v, i, scores);
    scorer.historyScores(v, i, prev1, prev2, scores);
    const best = bestAllowed(scores, prev1);
    labels[i] = best;
    confidence[i] = best === OUTSIDE ? 1 : softmaxAt(scores, prev1, best, temperature);
    prev2 = prev1;
    prev1 = best;
  }
  return { labels, confidence };
}

/** Highest-scoring label allowed after `previous` (ties go to the lower index, O first). */
export function bestAllowed(scores: ArrayLike<number>, previous: number): number {
  let best = 0;
  for (let l = 1; l < L; l++) {
    if (scores[l]! > scores[best]! && allowed(previous, l)) best = l;
  }
  return best;
}

function softmaxAt(scores: ArrayLike<number>, previous: number, label: number, temperature: number): number {
  const top = scores[label]!;
  let sum = 0;
  for (let l = 0; l < L; l++) {
    if (allowed(previous, l)) sum += Math.exp((scores[l]! - top) / temperature);
  }
  return 1 / sum;
}
