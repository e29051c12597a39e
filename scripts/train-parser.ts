/**
 * Trains the dependency parser on UD English-EWT (../shared/data/ud_english_ewt, train split) with the tags the
 * pipeline has at run time (wink's, on the gold words) and writes data/models/parser-ewt.v1.bin.gz.
 *
 * 1. The PTB tagger (src/stages/parse/tagger.ts): its tags for the train sentences are jackknifed (each tenth
 *    tagged by a tagger trained on the other nine), so that the parser learns from tags as wrong as at run time;
 *    then the shipped tagger is trained on all of train.
 * 2. The parser, with the dynamic oracle; the epoch with the best dev LAS is kept (dev is parsed exactly as at
 *    run time: wink tags → the shipped tagger → the parser).
 * Reproducible: fixed seed, byte-identical output. Usage: npm run train:parser
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODEL_PATH, decodeModel, encodeModel } from '../src/stages/parse/model.ts';
import { Workspace } from '../src/stages/parse/parser.ts';
import { buildLabels, buildVocabulary, buildXposTags, readTagged, trainingSentence } from '../src/stages/parse/training/corpus.ts';
import { evaluateOnGoldWords, scores } from '../src/stages/parse/training/evaluate.ts';
import { ParserTrainer } from '../src/stages/parse/training/perceptron.ts';
import { TaggerTrainer, type TaggerSentence } from '../src/stages/parse/training/taggerTrainer.ts';

const SEED = 20140526;
const EPOCHS = 12;
const TAGGER_EPOCHS = 6;
const FOLDS = 10;
/** Words seen fewer times in train read as unknown (so that the model learns what to do with unknown words). */
const MIN_WORD_COUNT = 2;
/** From this epoch (1-based) on, the parser follows its own choice this often. */
const EXPLORE_FROM = 2;
const EXPLORE_RATE = 0.9;
/** Weights dropped from the model file (see encodeModel), for size and speed. */
const PRUNING = { action: 2, label: 8, tagger: 4 };

const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);
const random = seededRandom(SEED);

log('reading UD English-EWT and tagging it with wink');
const train = readTagged('train');
const dev = readTagged('dev');
const vocabulary = buildVocabulary(train, MIN_WORD_COUNT);
const vocabularyIds = new Map(vocabulary.map((w, k) => [w, k + 2]));
const { labels, leftLabels, rightLabels } = buildLabels(train);
const xposTags = buildXposTags(train);
const xposIds = new Map(xposTags.map((t, k) => [t, k]));
log(`${train.length} train sentences, ${dev.length} dev; ${vocabulary.length} words in the vocabulary, ${labels.length} relations, ${xposTags.length} PTB tags`);

const taggerSentences: TaggerSentence[] = train.map((s) => ({ words: s.gold.words.map((w) => w.form), upos: s.goldWordTags, xpos: Int32Array.from(s.gold.words, (w) => xposIds.get(w.xpos)!) }));
const jackknifed: Int32Array[] = new Array(train.length);
for (let fold = 0; fold < FOLDS; fold++) {
  const tagger = trainTagger(taggerSentences.flatMap((_, k) => (k % FOLDS === fold ? [] : [k])));
  const tag = tagger.averagedTagger();
  for (let k = fold; k < train.length; k += FOLDS) jackknifed[k] = tag(taggerSentences[k]!.words, taggerSentences[k]!.upos);
}
log(`jackknifed PTB tags of train: ${(accuracy(jackknifed, taggerSentences) * 100).toFixed(2)} % right`);
const tagger = trainTagger(taggerSentences.map((_, k) => k));
const taggerWeights = tagger.averaged();

const sentences = train.map((s, k) => trainingSentence(s, labels, jackknifed[k]!));
const leftAllowed = new Uint8Array(labels.length);
const rightAllowed = new Uint8Array(labels.length);
for (const l of leftLabels) leftAllowed[l] = 1;
for (const l of rightLabels) rightAllowed[l] = 1;
const trainer = new ParserTrainer(vocabularyIds, labels.length, leftAllowed, rightAllowed);

const order = sentences.map((_, k) => k);
let best: { epoch: number; las: number; file: Buffer } | null = null;
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  shuffle(order);
  const explores = epoch >= EXPLORE_FROM;
  const stats = trainer.epoch(sentences, order, () => explores && random() < EXPLORE_RATE);
  const file = encodeModel(
    {
      about: `Dependency parser and PTB tagger trained on UD English-EWT (train split; CC BY-SA 4.0, Silveira et al. 2014) over wink-nlp tags; parser epoch ${epoch}, seed ${SEED}`,
      labels,
      leftLabels,
      rightLabels,
      xposTags,
      vocabulary,
      ...trainer.averaged(),
      ...taggerWeights,
    },
    PRUNING,
  );
  const weights = decodeModel(file);
  const result = scores(evaluateOnGoldWords({ weights, workspace: new Workspace(weights) }, dev, 'wink'));
  const counts = trainer.featureCounts;
  log(
    `epoch ${epoch}: action errors ${(stats.actionErrors * 100).toFixed(2)} %, label errors ${(stats.labelErrors * 100).toFixed(2)} %; ` +
      `dev UAS ${result.uas.toFixed(4)} LAS ${result.las.toFixed(4)}; features ${counts.actions} actions, ${counts.labels} labels; file ${(file.length / 1e6).toFixed(2)} MB`,
  );
  if (!best || result.las > best.las) best = { epoch, las: result.las, file };
}
writeFileSync(fileURLToPath(MODEL_PATH), best!.file);
log(`wrote ${fileURLToPath(MODEL_PATH)} (epoch ${best!.epoch}, dev LAS ${best!.las.toFixed(4)}, ${(best!.file.length / 1e6).toFixed(2)} MB)`);

function trainTagger(indices: number[]): TaggerTrainer {
  const trainer = new TaggerTrainer(vocabularyIds, xposTags.length);
  for (let epoch = 0; epoch < TAGGER_EPOCHS; epoch++) {
    shuffle(indices);
    trainer.epoch(taggerSentences, indices);
  }
  return trainer;
}

function accuracy(tags: readonly Int32Array[], gold: readonly TaggerSentence[]): number {
  let right = 0;
  let all = 0;
  tags.forEach((t, k) => {
    for (let i = 0; i < t.length; i++) if (t[i]! - 1 === gold[k]!.xpos[i]) right++;
    all += t.length;
  });
  return right / all;
}

function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function shuffle(items: number[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
