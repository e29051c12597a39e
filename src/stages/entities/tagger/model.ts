/**
 * The tagger's model file: gzipped JSON holding the phrase lists, the feature names and the weights quantised
 * to one signed byte each (weight = byte × scale). Features whose weights all round to 0 are not stored.
 * `npm run build` compiles the shipped one into dist/stages/entities/tagger/ner.bin (see compileShippedModel).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LABEL_COUNT, LABELS } from './labels.ts';
import { Gazetteer, LIST_NAMES, type ListName, type PhraseLists } from './gazetteer.ts';
import { pack, unpack, type StringList } from '../../../lexicon/packed.ts';
import { CachedScorer, FeatureRows } from './scorer.ts';
import type { WordInfo } from './features.ts';

export const MODEL_PATH = new URL('../../../../data/models/ner-gmb.v1.json.gz', import.meta.url);
const FORMAT = 'dateline-ner-perceptron';
const VERSION = 1;

interface ModelFile {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** Where the model comes from, for whoever opens the file. */
  about: string;
  labels: string[];
  temperature: number;
  scale: number;
  /** Each list's phrases joined by newlines. */
  lists: Record<string, string>;
  /** Feature names joined by newlines, in row order. */
  features: string;
  /** Base64 of an Int8Array, LABEL_COUNT bytes per feature. */
  weights: string;
}

/** What tagging needs of a model. */
export interface TaggerModel {
  scorer: CachedScorer;
  /** The scorer's cached word facts, for viewSentence. */
  describe: (text: string) => WordInfo;
  /** Softmax temperature turning label scores into confidences. */
  temperature: number;
  gazetteer: Gazetteer;
  lists: PhraseLists;
}

/** A model as its file has it (training and tests read it so). */
export interface NerModel extends TaggerModel {
  /** Feature names, row by row of `weights` (LABEL_COUNT per row). */
  features: string[];
  weights: Float32Array;
}

export interface ModelContent {
  about: string;
  rows: ReadonlyMap<string, number>;
  weights: Float64Array;
  temperature: number;
  lists: PhraseLists;
}

/** Serialises a trained model; weights are cut to 1/127 of the largest one, and all-zero rows dropped. */
export function encodeModel(content: ModelContent): Buffer {
  let largest = 0;
  for (const w of content.weights) largest = Math.max(largest, Math.abs(w));
  const scale = largest > 0 ? largest / 127 : 1;
  const features: string[] = [];
  const bytes: number[] = [];
  const row = new Int8Array(LABEL_COUNT);
  for (const [feature, r] of content.rows) {
    let any = false;
    for (let l = 0; l < LABEL_COUNT; l++) {
      row[l] = Math.round(content.weights[r * LABEL_COUNT + l]! / scale);
      any ||= row[l] !== 0;
    }
    if (!any) continue;
    features.push(feature);
    bytes.push(...row);
  }
  const file: ModelFile = {
    format: FORMAT,
    version: VERSION,
    about: content.about,
    labels: [...LABELS],
    temperature: content.temperature,
    scale,
    lists: Object.fromEntries(LIST_NAMES.map((name) => [name, content.lists[name].join('\n')])),
    features: features.join('\n'),
    weights: Buffer.from(Int8Array.from(bytes).buffer).toString('base64'),
  };
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function decodeModel(buffer: Buffer): NerModel {
  const file = JSON.parse(gunzipSync(buffer).toString('utf8')) as ModelFile;
  if (file.format !== FORMAT || file.version !== VERSION || file.labels.join() !== LABELS.join()) {
    throw new Error(`dateline ner: expected a ${FORMAT} v${VERSION} model over ${LABELS.join(',')}, found ${file.format} v${file.version}; run npm run train:ner`);
  }
  const features = file.features.split('\n');
  const bytes = Buffer.from(file.weights, 'base64');
  const weights = dequantise(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), file.scale);
  const lists = {} as Record<ListName, string[]>;
  for (const name of LIST_NAMES) lists[name] = file.lists[name] ? file.lists[name].split('\n') : [];
  const scorer = new CachedScorer(FeatureRows.of(features), weights);
  return { scorer, describe: (text) => scorer.describe(text), temperature: file.temperature, gazetteer: Gazetteer.of(lists), lists, features, weights };
}

function dequantise(quantised: Int8Array, scale: number): Float32Array {
  const weights = new Float32Array(quantised.length);
  for (let k = 0; k < quantised.length; k++) weights[k] = quantised[k]! * scale;
  return weights;
}

/** Written by `npm run build` next to the compiled module (dist/stages/entities/tagger/ner.bin); from src/ it is built in memory. */
const COMPILED = new URL('./ner.bin', import.meta.url);

/** The shipped model as the scorer and gazetteer use it: feature names and their slot table, weights, the phrase trie, the lists. */
function compileShippedModel(): Buffer {
  const buffer = readFileSync(MODEL_PATH);
  const model = decodeModel(buffer);
  const file = JSON.parse(gunzipSync(buffer).toString('utf8')) as ModelFile;
  const bytes = Buffer.from(file.weights, 'base64');
  const rows = model.scorer.featureRows();
  const trie = model.gazetteer.tables();
  const lists = Object.fromEntries(LIST_NAMES.map((name) => [`list.${name}`, model.lists[name]]));
  return pack({
    features: model.features,
    featureSlots: rows.slots,
    // a quarter of the bytes of the weights; made into them again at load (dequantise), as decodeModel does
    quantised: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    scaleAndTemperature: Float64Array.of(file.scale, model.temperature),
    trieTokens: Array.from({ length: trie.tokens.length }, (_, k) => trie.tokens.at(k)),
    trieParents: trie.parents,
    trieWords: trie.words,
    trieSlots: trie.slots,
    ...lists,
  });
}

/** The compiled model for `npm run build`. */
export function writeCompiledModel(): void {
  writeFileSync(COMPILED, compileShippedModel());
}

function loadShippedModel(): TaggerModel {
  const packed = unpack(existsSync(COMPILED) ? readFileSync(COMPILED) : compileShippedModel());
  const [scale, temperature] = packed.get('scaleAndTemperature') as Float64Array as unknown as [number, number];
  const scorer = new CachedScorer(new FeatureRows(packed.get('features') as StringList, packed.get('featureSlots') as Uint32Array), dequantise(packed.get('quantised') as Int8Array, scale));
  const gazetteer = new Gazetteer({
    tokens: packed.get('trieTokens') as StringList,
    parents: packed.get('trieParents') as Int32Array,
    words: packed.get('trieWords') as Uint32Array,
    slots: packed.get('trieSlots') as Uint32Array,
  });
  let lists: PhraseLists | null = null;
  return {
    scorer,
    describe: (text) => scorer.describe(text),
    temperature,
    gazetteer,
    // read out of the file when first asked for (the entities stage's common words)
    get lists() {
      lists ??= Object.fromEntries<readonly string[]>(
        LIST_NAMES.map((name) => {
          const list = packed.get(`list.${name}`) as StringList;
          return [name, Array.from({ length: list.length }, (_, k) => list.at(k))];
        }),
      ) as Record<ListName, readonly string[]>;
      return lists;
    },
  };
}

let shipped: TaggerModel | null = null;

/** The model shipped in data/models (compiled by `npm run build`), read on first use. */
export function shippedModel(): TaggerModel {
  shipped ??= loadShippedModel();
  return shipped;
}
