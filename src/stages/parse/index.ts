/**
 * Dependency parser: its own PTB tagger over wink's UPOS, then arc-eager transitions with the tree constraint, an
 * averaged perceptron and greedy decoding, labelled with UD relations (subtypes as UD English-EWT has them: nsubj:pass, obl:agent, nmod:poss, acl:relcl…).
 * Trained by `npm run train:parser`, measured by `npm run eval:parser`; the model is data/models/parser-ewt.v1.bin.gz.
 *
 * @example parseSentence(loadParserModel(), ['Police', 'arrested', 'him', '.'], ['NOUN', 'VERB', 'PRON', 'PUNCT'])
 *   → heads [1, -1, 1, 1], labels ['nsubj', 'root', 'obj', 'punct']
 */
import { type LoadedModel, readModelFile, readShippedModel } from './model.ts';
import { parseEncoded, Workspace } from './parser.ts';

/** A loaded parser: its weights and the scratch arrays it parses in. Opaque: pass it to parseSentence. */
export interface ParserModel {
  readonly weights: LoadedModel;
  readonly workspace: Workspace;
}

export interface ParsedSentence {
  /** Sentence-relative index of each word's head, -1 for the root (exactly one). */
  heads: Int32Array;
  /** UD relation of each word to its head; 'root' for the root. */
  labels: string[];
}

const loaded = new Map<string, ParserModel>();

/** The parser model at `path` (default: the shipped one, compiled by `npm run build`), read once per path. */
export function loadParserModel(path?: string): ParserModel {
  const key = path ?? '';
  let model = loaded.get(key);
  if (!model) {
    const weights = path === undefined ? readShippedModel() : readModelFile(path);
    model = { weights, workspace: new Workspace(weights) };
    loaded.set(key, model);
  }
  return model;
}

/**
 * Parses one sentence given its words and their UPOS tags (wink's, as the segment stage has them). The result is
 * always one tree over all the words, whatever the input. `lemmas` are accepted for the pipeline's convenience
 * and not read: the features use the word forms.
 */
export function parseSentence(model: ParserModel, words: readonly string[], upos: readonly string[], lemmas?: readonly string[]): ParsedSentence {
  void lemmas;
  const { weights, workspace } = model;
  workspace.codes.encode(weights.lexicon, words, upos);
  workspace.tagger.tag(workspace.codes);
  parseEncoded(weights, workspace);
  const n = words.length;
  const { head, label } = workspace.state;
  const labels: string[] = new Array(n);
  for (let i = 0; i < n; i++) labels[i] = head[i]! < 0 ? 'root' : (weights.labels[label[i]!] ?? 'dep');
  return { heads: head.slice(0, n), labels };
}
