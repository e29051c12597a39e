/**
 * Measures the dependency parser on UD English-EWT dev and test (../shared/data/ud_english_ewt):
 *   (a) the gold words with wink's tags: UAS / LAS over every word, punctuation included;
 *   (b) each sentence's raw text tokenised by wink (the pipeline's own tokens), aligned with the gold words by
 *       character offsets as in the CoNLL 2018 shared task: a token counts only when its span is exactly a gold
 *       word's; precision over wink tokens, recall over gold words, F1 reported;
 *   (c) the gold words with the gold tags, for reference (the model was trained on wink's tags).
 * LAS compares full relations (nsubj:pass ≠ nsubj); "universal LAS" compares the part before the colon, as the
 * CoNLL 2018 script does. Also per-relation P/R/F1 on test (a), model size, load time and parsing speed.
 * Usage: npm run eval:parser [-- --model path]
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadParserModel, parseSentence } from '../src/stages/parse/index.ts';
import { MODEL_PATH } from '../src/stages/parse/model.ts';
import { readTagged, type TaggedSentence } from '../src/stages/parse/training/corpus.ts';
import { evaluateOnGoldWords, evaluateOnWinkTokens, f1, scores, type Attachment } from '../src/stages/parse/training/evaluate.ts';

const RELATIONS = ['nsubj', 'obj', 'iobj', 'obl', 'nsubj:pass', 'obl:agent', 'conj', 'ccomp', 'xcomp', 'nmod:poss', 'compound', 'case', 'acl:relcl', 'advcl', 'amod', 'nmod', 'root'];

const { values } = parseArgs({ options: { model: { type: 'string' } } });
const path = values.model ?? fileURLToPath(MODEL_PATH);

const loadStart = performance.now();
const model = loadParserModel(values.model);
const loadMs = performance.now() - loadStart;
console.log(`model ${path}: ${(statSync(path).size / 1e6).toFixed(2)} MB, loaded in ${loadMs.toFixed(0)} ms`);

const splits = { dev: readTagged('dev'), test: readTagged('test') };
const format = (x: number) => x.toFixed(3);
let testWink: Attachment | null = null;
for (const [name, sentences] of Object.entries(splits)) {
  const wink = evaluateOnGoldWords(model, sentences, 'wink');
  const raw = evaluateOnWinkTokens(model, sentences);
  const gold = evaluateOnGoldWords(model, sentences, 'gold');
  const a = scores(wink);
  const b = scores(raw);
  const c = scores(gold);
  console.log('');
  if (name === 'test') {
    testWink = wink;
    console.log(`test UAS ${format(a.uas)} LAS ${format(a.las)}`);
  }
  console.log(`${name} (a) gold words, wink tags: UAS ${format(a.uas)} LAS ${format(a.las)} universal LAS ${format(a.universalLas)} (${wink.gold} words)`);
  console.log(`${name} (b) raw text, wink tokens: tokens F1 ${format(b.tokensF1)} UAS F1 ${format(b.uas)} LAS F1 ${format(b.las)} universal LAS F1 ${format(b.universalLas)} (${raw.system} tokens, ${raw.aligned} aligned)`);
  console.log(`${name} (c) gold words, gold tags (reference): UAS ${format(c.uas)} LAS ${format(c.las)} universal LAS ${format(c.universalLas)}`);
}

console.log('\ntest (a), per relation (head and relation right):');
console.log('relation      gold  system      P      R     F1');
for (const relation of RELATIONS) {
  const r = testWink!.relations.get(relation) ?? { gold: 0, system: 0, correct: 0 };
  const p = r.system ? r.correct / r.system : 0;
  const rec = r.gold ? r.correct / r.gold : 0;
  console.log(`${relation.padEnd(12)} ${String(r.gold).padStart(5)} ${String(r.system).padStart(7)}  ${format(p)}  ${format(rec)}  ${format(f1(r.correct, r.gold, r.system))}`);
}

console.log(`\nspeed: ${Math.round(parsingSpeed(splits.test)).toLocaleString('en-US')} tokens/s (test sentences on wink tokens, CPU time, after a warm-up)`);

function parsingSpeed(sentences: readonly TaggedSentence[]): number {
  const inputs = sentences.map((s) => ({ words: s.tokens.map((t) => t.text), tags: s.tokens.map((t) => t.pos) }));
  for (const input of inputs) parseSentence(model, input.words, input.tags);
  const started = process.cpuUsage();
  let tokens = 0;
  for (let round = 0; round < 5; round++) {
    for (const input of inputs) {
      parseSentence(model, input.words, input.tags);
      tokens += input.words.length;
    }
  }
  const used = process.cpuUsage(started);
  return tokens / ((used.user + used.system) / 1e6);
}
