/**
 * Averaged perceptron training of the parser with the dynamic oracle (Goldberg & Nivre 2012): at each state the
 * model scores the legal actions; when its best action costs gold arcs that another action keeps, the weights
 * move towards the best zero-cost action. When exploring, the parser then follows its own choice (so it learns
 * to continue well after a mistake), otherwise the best zero-cost one. Each arc that is in the gold tree also
 * trains the label scores.
 */
import { ACTION_TEMPLATES, actionAtoms, LABEL_TEMPLATES, labelAtoms, SentenceCodes } from '../features.ts';
import { ACTION_COUNT, LEFT, ParserState, RIGHT } from '../transitions.ts';
import { Lexicon } from '../words.ts';
import { actionCosts, type GoldTree } from './oracle.ts';
import { WeightMatrix } from './weights.ts';

export interface TrainingSentence {
  words: string[];
  upos: string[];
  gold: GoldTree;
  /** Gold label id of each word's arc (-1 for the root). */
  labels: Int32Array;
  /** PTB tag ids + 1 as the tagger gives them (jackknifed for training sentences), 0 for none. */
  xpos: Int32Array;
}

export interface EpochStats {
  /** Share of states where the model's action lost gold arcs it need not have. */
  actionErrors: number;
  /** Share of gold arcs made with a wrong label. */
  labelErrors: number;
}

export class ParserTrainer {
  private readonly actions = new WeightMatrix(ACTION_COUNT);
  private readonly labelWeights: WeightMatrix;
  private step = 1;
  private readonly state = new ParserState();
  private readonly codes = new SentenceCodes();
  private readonly actionAtoms = ACTION_TEMPLATES.newAtoms();
  private readonly labelAtoms = LABEL_TEMPLATES.newAtoms();
  private readonly actionKeys = new Int32Array(ACTION_TEMPLATES.size);
  private readonly actionRows = new Int32Array(ACTION_TEMPLATES.size);
  private readonly labelKeys = new Int32Array(LABEL_TEMPLATES.size);
  private readonly labelRows = new Int32Array(LABEL_TEMPLATES.size);
  private readonly actionScores = new Float64Array(ACTION_COUNT);
  private readonly labelScores: Float64Array;
  private readonly costs = new Int32Array(ACTION_COUNT);

  private readonly lexicon: Lexicon;

  constructor(
    vocabulary: ReadonlyMap<string, number>,
    private readonly labelCount: number,
    /** 1 where label id k may label a left / right arc. */
    private readonly leftAllowed: Uint8Array,
    private readonly rightAllowed: Uint8Array,
  ) {
    this.lexicon = new Lexicon(vocabulary);
    this.labelWeights = new WeightMatrix(labelCount);
    this.labelScores = new Float64Array(labelCount);
  }

  /** One pass over the sentences in `order`; `explore(random)` says whether to follow the model's own choice. */
  epoch(sentences: readonly TrainingSentence[], order: readonly number[], explore: () => boolean): EpochStats {
    let states = 0;
    let actionErrors = 0;
    let arcs = 0;
    let labelErrors = 0;
    const { state, codes, costs, actionScores } = this;
    for (const s of order) {
      const sentence = sentences[s]!;
      codes.encode(this.lexicon, sentence.words, sentence.upos);
      codes.xpos.set(sentence.xpos);
      state.reset(codes.n);
      while (!state.isTerminal()) {
        const forced = state.forcedAction();
        if (forced >= 0) {
          state.apply(forced, -1);
          continue;
        }
        const legal = state.legalMask();
        actionAtoms(state, codes, this.actionAtoms);
        ACTION_TEMPLATES.keys(this.actionAtoms, this.actionKeys);
        this.actions.rows(this.actionKeys, this.actionRows);
        this.actions.score(this.actionRows, actionScores);
        actionCosts(state, sentence.gold, legal, costs);
        let minCost = Infinity;
        for (let a = 0; a < ACTION_COUNT; a++) if (legal & (1 << a)) minCost = Math.min(minCost, costs[a]!);
        let guess = -1;
        let truth = -1;
        for (let a = 0; a < ACTION_COUNT; a++) {
          if (!(legal & (1 << a))) continue;
          if (guess < 0 || actionScores[a]! > actionScores[guess]!) guess = a;
          if (costs[a] === minCost && (truth < 0 || actionScores[a]! > actionScores[truth]!)) truth = a;
        }
        states++;
        if (costs[guess]! > minCost) {
          actionErrors++;
          this.actions.update(this.actionKeys, truth, guess, this.step);
        }
        const exploring = explore();
        const action = exploring ? guess : truth;
        let label = -1;
        if (action === LEFT || action === RIGHT) {
          const head = action === LEFT ? state.b0() : state.s0();
          const dependent = action === LEFT ? state.s0() : state.b0();
          const predicted = this.bestLabel(head, dependent);
          label = predicted;
          if (sentence.gold.head[dependent] === head) {
            const goldLabel = sentence.labels[dependent]!;
            arcs++;
            if (predicted !== goldLabel) {
              labelErrors++;
              this.labelWeights.update(this.labelKeys, goldLabel, predicted, this.step);
            }
            if (!exploring) label = goldLabel;
          }
        }
        state.apply(action, label);
        this.step++;
      }
    }
    return { actionErrors: actionErrors / states, labelErrors: labelErrors / Math.max(1, arcs) };
  }

  /** Averaged weights by feature key. */
  averaged(): { actionKeys: Int32Array; actionWeights: Float32Array; labelKeys: Int32Array; labelWeights: Float32Array } {
    const actions = this.actions.averaged(this.step);
    const labels = this.labelWeights.averaged(this.step);
    return { actionKeys: actions.keys, actionWeights: actions.weights, labelKeys: labels.keys, labelWeights: labels.weights };
  }

  get featureCounts(): { actions: number; labels: number } {
    return { actions: this.actions.index.size, labels: this.labelWeights.index.size };
  }

  private bestLabel(head: number, dependent: number): number {
    labelAtoms(this.state, this.codes, head, dependent, this.labelAtoms);
    LABEL_TEMPLATES.keys(this.labelAtoms, this.labelKeys);
    this.labelWeights.rows(this.labelKeys, this.labelRows);
    this.labelWeights.score(this.labelRows, this.labelScores);
    const allowed = dependent < head ? this.leftAllowed : this.rightAllowed;
    let best = -1;
    for (let l = 0; l < this.labelCount; l++) if (allowed[l] === 1 && (best < 0 || this.labelScores[l]! > this.labelScores[best]!)) best = l;
    return best;
  }
}
