/**
 * Trains the statistical name tagger on GMB (../shared/data/gmb_ner) and the Universal NER dev split of English-EWT
 * (../shared/data/uner_english_ewt, gold PER / ORG / LOC over web text; its test split is left for eval:ner) and writes
 * data/models/ner-gmb.v1.json.gz. Reproducible: fixed seed and split (src/stages/entities/tagger/training/gmb.ts);
 * progress and dev-split scores are printed after every epoch. Usage: npm run train:ner
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Token } from '../src/model/analysis.ts';
import { featureName, staticFeatures, viewSentence, type SentenceView } from '../src/stages/entities/tagger/features.ts';
import { Gazetteer, LIST_NAMES } from '../src/stages/entities/tagger/gazetteer.ts';
import { decodeSpans } from '../src/stages/entities/tagger/index.ts';
import { decodeModel, encodeModel, MODEL_PATH } from '../src/stages/entities/tagger/model.ts';
import { maskUntypedNames, seededRandom, taggedSentences, variantOf, VARIANT_RATES, type TaggedSentence, type Variant } from '../src/stages/entities/tagger/training/corpus.ts';
import { countMatches, emptyCounts, formatCounts, scoreOf } from '../src/stages/entities/tagger/training/evaluate.ts';
import { gmbText, readGmb, splitOf, type CharEntity } from '../src/stages/entities/tagger/training/gmb.ts';
import { buildPhraseLists } from '../src/stages/entities/tagger/training/lists.ts';
import { readUner } from '../src/stages/entities/tagger/training/uner.ts';
import { PerceptronTrainer } from '../src/stages/entities/tagger/training/perceptron.ts';
import { NamedScorer, type Scorer } from '../src/stages/entities/tagger/scorer.ts';

const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const SEED = 20070528;
const EPOCHS = 15;
/** Static features seen fewer times than this in training are not learnt. */
const MIN_FEATURE_COUNT = 2;
/** Share of texts written with typographic quotes and apostrophes, as scraped news often is. */
const CURLY_RATE = 0.3;
/** Times each UNER dev sentence is seen per epoch: 2,001 gold web sentences beside some 40,000 silver news ones. */
const UNER_COPIES = 6;

const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${message}`);

log('reading GMB');
const corpus = readGmb(`${SHARED_DATA}gmb_ner/gmb_ner.jsonl.gz`);
const train = corpus.filter((s) => splitOf(s.index) === 'train');
const dev = corpus.filter((s) => splitOf(s.index) === 'dev');
log(`${corpus.length} sentences: ${train.length} train, ${dev.length} dev (test split left for npm run eval:ner)`);

log('building phrase lists (countries, demonyms, cities, first names, org words, titles, PETRARCH actors)');
const lists = buildPhraseLists({ training: train, petrarchDir: `${SHARED_DATA}cameo/petrarch2_dictionaries` });
log(LIST_NAMES.map((name) => `${name} ${lists[name].length}`).join(', '));
const gazetteer = Gazetteer.of(lists);

log('segmenting training texts with wink and projecting the GMB entities');
const random = seededRandom(SEED);
const trainSentences: TaggedSentence[] = [];
for (const sentence of train) {
  const text = gmbText(sentence, random() < CURLY_RATE);
  trainSentences.push(...taggedSentences(text.text, text.entities, false));
  for (const variant of Object.keys(VARIANT_RATES) as Variant[]) {
    if (random() >= VARIANT_RATES[variant]) continue;
    const rewritten = variantOf(text, variant, random);
    if (rewritten) trainSentences.push(...taggedSentences(rewritten.text, rewritten.entities, rewritten.headline));
  }
}
const uner = readUner(`${SHARED_DATA}uner_english_ewt/en_ewt-ud-dev.iob2.gz`);
const unerSentences = uner.flatMap((u) => taggedSentences(u.text, u.entities, false).map(maskUntypedNames));
for (let copy = 0; copy < UNER_COPIES; copy++) trainSentences.push(...unerSentences);
log(`UNER dev: ${uner.length} sentences, ${uner.reduce((n, u) => n + u.entities.length, 0)} entities, ${UNER_COPIES} copies`);
const trainViews = trainSentences.map((s) => viewSentence(s.tokens, s.headline, gazetteer));
log(`${trainSentences.length} wink sentences, ${trainViews.reduce((n, v) => n + v.length, 0)} tokens (variants included)`);

interface DevText {
  gold: CharEntity[];
  sentences: { tokens: Token[]; view: SentenceView }[];
}
const devTexts: DevText[] = dev.map((sentence) => {
  const text = gmbText(sentence);
  const sentences = taggedSentences(text.text, [], false).map((s) => ({ tokens: s.tokens, view: viewSentence(s.tokens, false, gazetteer) }));
  return { gold: text.entities, sentences };
});

log('counting features');
const featureCounts = new Map<string, number>();
for (const view of trainViews) {
  for (let i = 0; i < view.length; i++) {
    staticFeatures(view, i, (template, value, second) => {
      const f = featureName(template, value, second);
      featureCounts.set(f, (featureCounts.get(f) ?? 0) + 1);
    });
  }
}
const trainer = new PerceptronTrainer(featureCounts, MIN_FEATURE_COUNT);
log(`${featureCounts.size} static features, ${trainer.rows.size} seen at least ${MIN_FEATURE_COUNT} times`);
featureCounts.clear();
const prepared = trainViews.map((view, k) => trainer.prepare(view, trainSentences[k]!.labels));

for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const errorRate = trainer.epoch(prepared, shuffled(prepared.length, random));
  const counts = evaluateDev(new NamedScorer(trainer.rows, trainer.averaged()));
  log(`epoch ${epoch}: ${(100 * errorRate).toFixed(2)}% training tokens wrong; dev F1 ${f1Line(counts)}`);
}

const weights = trainer.averaged();
const temperature = calibrateTemperature(new NamedScorer(trainer.rows, weights));
log(`confidence temperature ${temperature.toFixed(2)} (fitted on dev)`);
const about = `Averaged perceptron over wink tokens; GMB 2.2 (Kaggle extract) train split and Universal NER English-EWT dev (CC BY-SA 4.0), ${EPOCHS} epochs, seed ${SEED}; see scripts/train-ner.ts`;
const file = encodeModel({ about, rows: trainer.rows, weights, temperature, lists });
writeFileSync(MODEL_PATH, file);
const model = decodeModel(file);
log(`wrote ${fileURLToPath(MODEL_PATH)}: ${(file.length / 1e6).toFixed(2)} MB, ${model.features.length} features kept`);
log(`dev scores of the written (quantised) model:\n${formatCounts(evaluateDev(model.scorer))}`);

function evaluateDev(scorer: Scorer): ReturnType<typeof emptyCounts> {
  const counts = emptyCounts();
  for (const text of devTexts) {
    const predicted: CharEntity[] = [];
    for (const { tokens, view } of text.sentences) {
      for (const span of decodeSpans(scorer, view, 1)) {
        predicted.push({ start: tokens[span.firstToken]!.start, end: tokens[span.endToken - 1]!.end, type: span.type });
      }
    }
    countMatches(text.gold, predicted, counts);
  }
  return counts;
}

function f1Line(counts: ReturnType<typeof emptyCounts>): string {
  return (['PER', 'ORG', 'LOC', 'MISC'] as const).map((type) => `${type} ${scoreOf(counts[type]).f1.toFixed(3)}`).join(' ');
}

/**
 * The softmax temperature under which span scores best predict whether a span is right, exact span and type
 * (log loss over the dev split's predicted spans, searched over powers of two, then refined).
 */
function calibrateTemperature(scorer: Scorer): number {
  const logLoss = (temperature: number): number => {
    let loss = 0;
    for (const text of devTexts) {
      const gold = new Set(text.gold.map((e) => `${e.start}:${e.end}:${e.type}`));
      for (const { tokens, view } of text.sentences) {
        for (const span of decodeSpans(scorer, view, temperature)) {
          const right = gold.has(`${tokens[span.firstToken]!.start}:${tokens[span.endToken - 1]!.end}:${span.type}`);
          const p = Math.min(Math.max(span.score, 1e-6), 1 - 1e-6);
          loss -= Math.log(right ? p : 1 - p);
        }
      }
    }
    return loss;
  };
  let best = 1;
  let bestLoss = Infinity;
  for (let t = 1 / 4; t <= 4096; t *= 2) {
    const loss = logLoss(t);
    if (loss < bestLoss) [best, bestLoss] = [t, loss];
  }
  for (const factor of [0.6, 0.75, 0.9, 1.1, 1.3, 1.5]) {
    const loss = logLoss(best * factor);
    if (loss < bestLoss) [best, bestLoss] = [best * factor, loss];
  }
  return best;
}

/** 0..n-1 in a seeded random order (Fisher-Yates). */
function shuffled(n: number, next: () => number): number[] {
  const order = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const j = Math.floor(next() * (k + 1));
    [order[k], order[j]] = [order[j]!, order[k]!];
  }
  return order;
}
