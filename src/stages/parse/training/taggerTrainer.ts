/**
 * Averaged perceptron training of the PTB tagger (tagger.ts): greedy, left to right, the features of the two
 * previous words reading the tags the model itself gave them, as at run time.
 */
import { SentenceCodes } from '../features.ts';
import { TAGGER_TEMPLATES, taggerAtoms } from '../tagger.ts';
import { Lexicon } from '../words.ts';
import { WeightMatrix } from './weights.ts';

export interface TaggerSentence {
  words: readonly string[];
  /** wink's UPOS. */
  upos: readonly string[];
  /** Gold PTB tag ids. */
  xpos: Int32Array;
}

export class TaggerTrainer {
  private readonly matrix: WeightMatrix;
  private readonly lexicon: Lexicon;
  private readonly codes = new SentenceCodes();
  private readonly atoms = TAGGER_TEMPLATES.newAtoms();
  private readonly keys = new Int32Array(TAGGER_TEMPLATES.size);
  private readonly rows = new Int32Array(TAGGER_TEMPLATES.size);
  private readonly scores: Float64Array;
  private step = 1;

  constructor(vocabulary: ReadonlyMap<string, number>, tagCount: number) {
    this.lexicon = new Lexicon(vocabulary);
    this.matrix = new WeightMatrix(tagCount);
    this.scores = new Float64Array(tagCount);
  }

  /** One pass; returns the share of words mistagged. */
  epoch(sentences: readonly TaggerSentence[], order: readonly number[]): number {
    let errors = 0;
    let words = 0;
    for (const s of order) {
      const sentence = sentences[s]!;
      this.codes.encode(this.lexicon, sentence.words, sentence.upos);
      for (let i = 0; i < this.codes.n; i++) {
        const guess = this.predictAt(i);
        const truth = sentence.xpos[i]!;
        if (guess !== truth) {
          errors++;
          this.matrix.update(this.keys, truth, guess, this.step);
        }
        this.codes.xpos[i] = guess + 1;
        words++;
        this.step++;
      }
    }
    return errors / words;
  }

  averaged(): { taggerKeys: Int32Array; taggerWeights: Float32Array } {
    const { keys, weights } = this.matrix.averaged(this.step);
    return { taggerKeys: keys, taggerWeights: weights };
  }

  /** A tagger with the averaged weights so far (the jackknifed tags of held-out sentences). */
  averagedTagger(): (words: readonly string[], upos: readonly string[]) => Int32Array {
    const averaged = this.matrix.averagedMatrix(this.step);
    return (words, upos) => {
      this.codes.encode(this.lexicon, words, upos);
      for (let i = 0; i < this.codes.n; i++) this.codes.xpos[i] = this.predictAt(i, averaged) + 1;
      return this.codes.xpos.slice(0, this.codes.n);
    };
  }

  private predictAt(i: number, weights?: WeightMatrix): number {
    taggerAtoms(this.codes, i, this.atoms);
    TAGGER_TEMPLATES.keys(this.atoms, this.keys);
    const matrix = weights ?? this.matrix;
    matrix.rows(this.keys, this.rows);
    matrix.score(this.rows, this.scores);
    let best = 0;
    for (let t = 1; t < this.scores.length; t++) if (this.scores[t]! > this.scores[best]!) best = t;
    return best;
  }
}
