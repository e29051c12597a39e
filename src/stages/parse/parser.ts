/**
 * Greedy decoding: from the initial state, take the best-scoring legal action until the state is terminal; each
 * arc gets the best label its direction allows. All arrays are the workspace's, reused from sentence to sentence.
 *
 * The action templates that read only the buffer's first three words (or only the stack top) give the same
 * scores every time that word is there again, so their sums are cached per word for the sentence.
 */
import { ACTION_TEMPLATES, actionAtoms, BUFFER_TEMPLATES, bufferKeys, type KeyFunction, LABEL_TEMPLATES, labelAtoms, SentenceCodes, STACK_TEMPLATES, stackKeys, STATE_TEMPLATES, stateKeys } from './features.ts';
import type { LoadedModel } from './model.ts';
import { Tagger } from './tagger.ts';
import { LEFT, ParserState, RIGHT } from './transitions.ts';

/** Scratch arrays and caches of one parser (one per loaded model; parsing is synchronous, so one is enough). */
export class Workspace {
  readonly state = new ParserState();
  readonly codes = new SentenceCodes();
  readonly actionAtoms = ACTION_TEMPLATES.newAtoms();
  readonly labelAtoms = LABEL_TEMPLATES.newAtoms();
  readonly actionKeys = new Int32Array(ACTION_TEMPLATES.size);
  readonly labelKeys = new Int32Array(LABEL_TEMPLATES.size);
  readonly actionScores = new Int32Array(4);
  readonly labelScores: Int32Array;
  readonly tagger: Tagger;
  /** Per word: the cached buffer / stack-top score sums (4 each) and the sentence they were computed in. */
  bufferScores = new Int32Array(256);
  stackScores = new Int32Array(256);
  bufferStamp = new Int32Array(64);
  stackStamp = new Int32Array(64);
  sentence = 0;

  constructor(model: LoadedModel) {
    this.labelScores = new Int32Array(model.labels.length);
    this.tagger = new Tagger(model.taggerTable, model.xposTags.length);
  }

  /** Starts a sentence of n words: the caches of the previous one are void. */
  startSentence(n: number): void {
    if (n > this.bufferStamp.length) {
      const capacity = Math.max(n, this.bufferStamp.length * 2);
      this.bufferScores = new Int32Array(capacity * 4);
      this.stackScores = new Int32Array(capacity * 4);
      this.bufferStamp = new Int32Array(capacity);
      this.stackStamp = new Int32Array(capacity);
    }
    this.sentence = (this.sentence + 1) | 0 || 1;
  }
}

/** Parses the sentence encoded in `ws.codes`; the tree is left in `ws.state` (head, label). */
export function parseEncoded(model: LoadedModel, ws: Workspace): void {
  const { state, codes, actionScores } = ws;
  state.reset(codes.n);
  ws.startSentence(codes.n);
  while (!state.isTerminal()) {
    const forced = state.forcedAction();
    if (forced >= 0) {
      state.apply(forced, -1);
      continue;
    }
    const legal = state.legalMask();
    scoreActions(model, ws);
    let best = -1;
    for (let a = 0; a < 4; a++) if (legal & (1 << a) && (best < 0 || actionScores[a]! > actionScores[best]!)) best = a;
    let label = -1;
    if (best === LEFT) label = bestLabel(model, ws, state.b0(), state.s0());
    else if (best === RIGHT) label = bestLabel(model, ws, state.s0(), state.b0());
    state.apply(best, label);
  }
}

/** Action scores of the current state into ws.actionScores (the same sums as scoring every template at once). */
export function scoreActions(model: LoadedModel, ws: Workspace): void {
  const { state, actionAtoms: atoms, actionKeys: keys, actionScores: scores } = ws;
  const table = model.actions;
  actionAtoms(state, ws.codes, atoms);
  scores.fill(0);
  stateKeys(atoms, keys);
  table.add(keys, STATE_TEMPLATES.length, scores);
  // The buffer words after an UNSHIFTed word are not the next ones in the sentence: no cache then.
  const b0 = state.unshifted < 0 ? state.b0() : -1;
  addCached(ws, b0, bufferKeys, BUFFER_TEMPLATES.length, ws.bufferScores, ws.bufferStamp, model);
  addCached(ws, state.s0(), stackKeys, STACK_TEMPLATES.length, ws.stackScores, ws.stackStamp, model);
}

function addCached(ws: Workspace, word: number, keysOf: KeyFunction, count: number, cache: Int32Array, stamp: Int32Array, model: LoadedModel): void {
  const scores = ws.actionScores;
  if (word < 0) {
    keysOf(ws.actionAtoms, ws.actionKeys);
    model.actions.add(ws.actionKeys, count, scores);
    return;
  }
  const base = word * 4;
  if (stamp[word] !== ws.sentence) {
    stamp[word] = ws.sentence;
    cache.fill(0, base, base + 4);
    keysOf(ws.actionAtoms, ws.actionKeys);
    model.actions.add(ws.actionKeys, count, cache.subarray(base, base + 4));
  }
  scores[0]! += cache[base]!;
  scores[1]! += cache[base + 1]!;
  scores[2]! += cache[base + 2]!;
  scores[3]! += cache[base + 3]!;
}

function bestLabel(model: LoadedModel, ws: Workspace, head: number, dependent: number): number {
  labelAtoms(ws.state, ws.codes, head, dependent, ws.labelAtoms);
  LABEL_TEMPLATES.keys(ws.labelAtoms, ws.labelKeys);
  const scores = ws.labelScores;
  scores.fill(0);
  model.labelTable.score(ws.labelKeys, ws.labelKeys.length, scores);
  const allowed = dependent < head ? model.leftAllowed : model.rightAllowed;
  let best = -1;
  for (let l = 0; l < scores.length; l++) if (allowed[l] === 1 && (best < 0 || scores[l]! > scores[best]!)) best = l;
  return best;
}
