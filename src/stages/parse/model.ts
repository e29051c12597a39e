/**
 * The parser's model file and its run-time form.
 *
 * File: gzip of "DLPARSER", a little-endian uint32 header length, a JSON header (relations, PTB tags, vocabulary,
 * the feature templates the weights were learnt with, scales, section sizes) and binary sections:
 *   actions  the feature keys (sorted, delta-coded as varints), four signed bytes each (SHIFT, REDUCE, LEFT, RIGHT);
 *   labels   the keys, how many relations each has a weight for, those relation ids and their signed bytes;
 *   tagger   the same for the PTB tagger's features and tags.
 * Weight = byte × the section's scale (1/127 of its largest weight); weights below the pruning thresholds are
 * not stored.
 *
 * `npm run build` compiles the shipped model into dist/stages/parse/parser.bin: these run-time tables as they are.
 * Run time: action features sit in one Int32Array of (key, four packed bytes) slot pairs, so that a lookup reads
 * one cache line; label and tagger features map a key to a run of (class, weight) entries.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ACTION_TEMPLATES, LABEL_TEMPLATES } from './features.ts';
import { TAGGER_TEMPLATES } from './tagger.ts';
import { findKey, keySlots, pack, unpack, type StringList } from '../../lexicon/packed.ts';
import { Lexicon, type Vocabulary } from './words.ts';

export const MODEL_PATH = new URL('../../../data/models/parser-ewt.v1.bin.gz', import.meta.url);
const MAGIC = 'DLPARSER';
const FORMAT = 'dateline-parser-arc-eager-perceptron';
const VERSION = 1;

interface SparseSectionHeader {
  scale: number;
  features: number;
  entries: number;
  keyBytes: number;
}

interface Header {
  format: typeof FORMAT;
  version: typeof VERSION;
  about: string;
  labels: string[];
  /** Label ids an arc to the left (dependent before head) / to the right may take. */
  leftLabels: number[];
  rightLabels: number[];
  xposTags: string[];
  /** Words of the vocabulary joined by newlines; word id = line + 2. */
  vocabulary: string;
  templates: { actions: string[]; labels: string[]; tagger: string[] };
  actions: { scale: number; features: number; keyBytes: number };
  labelSection: SparseSectionHeader;
  taggerSection: SparseSectionHeader;
}

/** What training produces, before quantisation: float weights by feature key. */
export interface TrainedWeights {
  about: string;
  labels: string[];
  leftLabels: number[];
  rightLabels: number[];
  xposTags: string[];
  vocabulary: string[];
  actionKeys: Int32Array;
  /** 4 per action key. */
  actionWeights: Float32Array;
  labelKeys: Int32Array;
  /** labels.length per label key. */
  labelWeights: Float32Array;
  taggerKeys: Int32Array;
  /** xposTags.length per tagger key. */
  taggerWeights: Float32Array;
}

/** Smallest weights kept, in byte units (1/127 of the section's largest weight). */
export interface Pruning {
  /** An action feature is kept when one of its four weights reaches this. */
  action: number;
  /** A label / tagger weight is kept when it reaches this. */
  label: number;
  tagger: number;
}

/** The weights and vocabulary of a model file. */
export interface LoadedModel {
  labels: readonly string[];
  xposTags: readonly string[];
  /** Word forms → ids and facts (the vocabulary, cached per form). */
  lexicon: Lexicon;
  /** 1 where label id k may label a left (dependent before head) / right arc. */
  leftAllowed: Uint8Array;
  rightAllowed: Uint8Array;
  actions: PackedActionTable;
  labelTable: SparseClassTable;
  taggerTable: SparseClassTable;
}

/** Action weights: slot pairs (key, SHIFT | REDUCE << 8 | LEFT << 16 | RIGHT << 24 as signed bytes). */
export class PackedActionTable {
  private readonly mask: number;

  /** `slots` as `build` lays them out (kept as they are in the compiled model). */
  constructor(readonly slots: Int32Array) {
    this.mask = slots.length / 2 - 1;
  }

  static build(keys: Int32Array, packed: Int32Array): PackedActionTable {
    const mask = capacityFor(keys.length) - 1;
    const slots = new Int32Array((mask + 1) * 2);
    for (let k = 0; k < keys.length; k++) {
      let slot = slotOf(keys[k]!) & mask;
      while (slots[slot * 2] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = keys[k]!;
      slots[slot * 2 + 1] = packed[k]!;
    }
    return new PackedActionTable(slots);
  }

  /** Adds the weights of keys[0 .. count) to scores[0..3] (in byte units). */
  add(keys: Int32Array, count: number, scores: Int32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    let shift = 0;
    let reduce = 0;
    let left = 0;
    let right = 0;
    for (let t = 0; t < count; t++) {
      const key = keys[t]!;
      let slot = slotOf(key) & mask;
      for (;;) {
        const found = slots[slot * 2]!;
        if (found === key) {
          const w = slots[slot * 2 + 1]!;
          shift += (w << 24) >> 24;
          reduce += (w << 16) >> 24;
          left += (w << 8) >> 24;
          right += w >> 24;
          break;
        }
        if (found === 0) break;
        slot = (slot + 1) & mask;
      }
    }
    scores[0]! += shift;
    scores[1]! += reduce;
    scores[2]! += left;
    scores[3]! += right;
  }
}

/**
 * Class weights (relations, tags) stored sparsely: slot pairs (key, first entry | entry count << 24) and the
 * entries, each a class id << 8 | its signed byte, so that a hit reads the slot and one run of entries.
 */
export class SparseClassTable {
  private readonly mask: number;

  /** `slots` and `entries` as `build` lays them out (kept as they are in the compiled model). */
  constructor(
    readonly slots: Int32Array,
    readonly entries: Int32Array,
  ) {
    this.mask = slots.length / 2 - 1;
  }

  static build(keys: Int32Array, counts: Uint8Array, entryClass: Uint8Array, entryWeight: Int8Array): SparseClassTable {
    const mask = capacityFor(keys.length) - 1;
    const slots = new Int32Array((mask + 1) * 2);
    const entries = new Int32Array(entryClass.length);
    for (let e = 0; e < entryClass.length; e++) entries[e] = (entryClass[e]! << 8) | (entryWeight[e]! & 255);
    let start = 0;
    for (let k = 0; k < keys.length; k++) {
      let slot = slotOf(keys[k]!) & mask;
      while (slots[slot * 2] !== 0) slot = (slot + 1) & mask;
      slots[slot * 2] = keys[k]!;
      slots[slot * 2 + 1] = start | (counts[k]! << 24);
      start += counts[k]!;
    }
    return new SparseClassTable(slots, entries);
  }

  /** Adds the weights of keys[0 .. count) to scores (indexed by class id, in byte units). */
  score(keys: Int32Array, count: number, scores: Int32Array): void {
    const slots = this.slots;
    const mask = this.mask;
    const entries = this.entries;
    for (let t = 0; t < count; t++) {
      const key = keys[t]!;
      let slot = slotOf(key) & mask;
      for (;;) {
        const found = slots[slot * 2]!;
        if (found === key) {
          const run = slots[slot * 2 + 1]!;
          for (let e = run & 0xffffff, end = e + (run >>> 24); e < end; e++) {
            const entry = entries[e]!;
            scores[entry >> 8]! += (entry << 24) >> 24;
          }
          break;
        }
        if (found === 0) break;
        slot = (slot + 1) & mask;
      }
    }
  }
}

/** Open addressing at most half full. */
function capacityFor(count: number): number {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  return capacity;
}

function slotOf(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 7;
}

export function encodeModel(trained: TrainedWeights, prune: Pruning): Buffer {
  const actionScale = largest(trained.actionWeights) / 127 || 1;
  const actionKeys: number[] = [];
  const actionBytes: number[] = [];
  for (const k of sortedIndices(trained.actionKeys)) {
    const bytes = [0, 1, 2, 3].map((a) => Math.round(trained.actionWeights[k * 4 + a]! / actionScale));
    if (bytes.every((b) => Math.abs(b) < prune.action)) continue;
    actionKeys.push(trained.actionKeys[k]!);
    actionBytes.push(...bytes);
  }
  const actionKeyBytes = varintDeltas(actionKeys);
  const labels = sparseSection(trained.labelKeys, trained.labelWeights, trained.labels.length, prune.label);
  const tagger = sparseSection(trained.taggerKeys, trained.taggerWeights, trained.xposTags.length, prune.tagger);
  const header: Header = {
    format: FORMAT,
    version: VERSION,
    about: trained.about,
    labels: trained.labels,
    leftLabels: trained.leftLabels,
    rightLabels: trained.rightLabels,
    xposTags: trained.xposTags,
    vocabulary: trained.vocabulary.join('\n'),
    templates: { actions: [...ACTION_TEMPLATES.templates], labels: [...LABEL_TEMPLATES.templates], tagger: [...TAGGER_TEMPLATES.templates] },
    actions: { scale: actionScale, features: actionKeys.length, keyBytes: actionKeyBytes.length },
    labelSection: labels.header,
    taggerSection: tagger.header,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, json, actionKeyBytes, Buffer.from(Int8Array.from(actionBytes).buffer), ...labels.parts, ...tagger.parts]), {
    level: 9,
  });
}

function sparseSection(keys: Int32Array, weights: Float32Array, width: number, threshold: number): { header: SparseSectionHeader; parts: Buffer[] } {
  const scale = largest(weights) / 127 || 1;
  const kept: number[] = [];
  const counts: number[] = [];
  const classes: number[] = [];
  const bytes: number[] = [];
  for (const k of sortedIndices(keys)) {
    let count = 0;
    for (let c = 0; c < width; c++) {
      const b = Math.round(weights[k * width + c]! / scale);
      if (b === 0 || Math.abs(b) < threshold) continue;
      classes.push(c);
      bytes.push(b);
      count++;
    }
    if (count === 0) continue;
    kept.push(keys[k]!);
    counts.push(count);
  }
  const keyBytes = varintDeltas(kept);
  return {
    header: { scale, features: kept.length, entries: classes.length, keyBytes: keyBytes.length },
    parts: [keyBytes, Buffer.from(Uint8Array.from(counts)), Buffer.from(Uint8Array.from(classes)), Buffer.from(Int8Array.from(bytes).buffer)],
  };
}

/** A model file's tables in their run-time layout, with its vocabulary (word id = index + 2). */
interface ModelTables {
  labels: readonly string[];
  xposTags: readonly string[];
  leftLabels: readonly number[];
  rightLabels: readonly number[];
  vocabulary: readonly string[];
  actions: PackedActionTable;
  labelTable: SparseClassTable;
  taggerTable: SparseClassTable;
}

function readTables(file: Buffer): ModelTables {
  const data = gunzipSync(file);
  if (data.toString('latin1', 0, 8) !== MAGIC) throw new Error('dateline parser: not a parser model file');
  const headerLength = data.readUInt32LE(8);
  const header = JSON.parse(data.toString('utf8', 12, 12 + headerLength)) as Header;
  if (header.format !== FORMAT || header.version !== VERSION) {
    throw new Error(`dateline parser: expected a ${FORMAT} v${VERSION} model, found ${header.format} v${header.version}; run npm run train:parser`);
  }
  const same = (a: readonly string[], b: readonly string[]) => a.join('|') === b.join('|');
  if (!same(header.templates.actions, ACTION_TEMPLATES.templates) || !same(header.templates.labels, LABEL_TEMPLATES.templates) || !same(header.templates.tagger, TAGGER_TEMPLATES.templates)) {
    throw new Error('dateline parser: the model was trained with other feature templates; run npm run train:parser');
  }
  let offset = 12 + headerLength;
  const take = (bytes: number) => {
    const view = data.subarray(offset, offset + bytes);
    offset += bytes;
    return view;
  };
  const actionKeys = readVarintDeltas(take(header.actions.keyBytes), header.actions.features);
  // Four signed bytes read as one int32 (little-endian, as on every platform Node runs on): byte a is action a.
  const packed = new Int32Array(new Uint8Array(take(header.actions.features * 4)).buffer);
  const readSparse = (section: SparseSectionHeader) => {
    const keys = readVarintDeltas(take(section.keyBytes), section.features);
    const counts = take(section.features);
    const classes = take(section.entries);
    const bytes = take(section.entries);
    return SparseClassTable.build(keys, counts, classes, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
  };
  const labelTable = readSparse(header.labelSection);
  const taggerTable = readSparse(header.taggerSection);
  return {
    labels: header.labels,
    xposTags: header.xposTags,
    leftLabels: header.leftLabels,
    rightLabels: header.rightLabels,
    vocabulary: header.vocabulary.split('\n'),
    actions: PackedActionTable.build(actionKeys, packed),
    labelTable,
    taggerTable,
  };
}

function loadedModel(tables: ModelTables, vocabulary: Vocabulary): LoadedModel {
  const L = tables.labels.length;
  const leftAllowed = new Uint8Array(L);
  const rightAllowed = new Uint8Array(L);
  for (const l of tables.leftLabels) leftAllowed[l] = 1;
  for (const l of tables.rightLabels) rightAllowed[l] = 1;
  const { labels, xposTags, actions, labelTable, taggerTable } = tables;
  return { labels, xposTags, lexicon: new Lexicon(vocabulary), leftAllowed, rightAllowed, actions, labelTable, taggerTable };
}

export function decodeModel(file: Buffer): LoadedModel {
  const tables = readTables(file);
  const vocabulary = new Map<string, number>();
  tables.vocabulary.forEach((word, k) => vocabulary.set(word, k + 2));
  return loadedModel(tables, vocabulary);
}

export function readModelFile(path: string | URL): LoadedModel {
  return decodeModel(readFileSync(path));
}

/** Written by `npm run build` next to the compiled module (dist/stages/parse/parser.bin); from src/ it is built in memory. */
const COMPILED = new URL('./parser.bin', import.meta.url);

/** The shipped model (data/models) from its compiled form: the tables as they are, read in milliseconds. */
export function readShippedModel(): LoadedModel {
  const packed = unpack(existsSync(COMPILED) ? readFileSync(COMPILED) : compileShippedModel());
  const strings = (name: string) => packed.get(name) as StringList;
  const ints = (name: string) => packed.get(name) as Int32Array;
  const list = (name: string) => Array.from({ length: strings(name).length }, (_, k) => strings(name).at(k));
  const words = strings('vocabulary');
  const slots = packed.get('vocabularySlots') as Uint32Array;
  const tables: ModelTables = {
    labels: list('labels'),
    xposTags: list('xposTags'),
    leftLabels: Array.from(ints('leftLabels')),
    rightLabels: Array.from(ints('rightLabels')),
    vocabulary: [],
    actions: new PackedActionTable(ints('actionSlots')),
    labelTable: new SparseClassTable(ints('labelSlots'), ints('labelEntries')),
    taggerTable: new SparseClassTable(ints('taggerSlots'), ints('taggerEntries')),
  };
  return loadedModel(tables, {
    get(key) {
      const k = findKey(words, slots, key);
      return k < 0 ? undefined : k + 2;
    },
  });
}

/** The compiled model for `npm run build`. */
export function writeCompiledModel(): void {
  writeFileSync(COMPILED, compileShippedModel());
}

function compileShippedModel(): Buffer {
  const tables = readTables(readFileSync(MODEL_PATH));
  if (new Set(tables.vocabulary).size !== tables.vocabulary.length) throw new Error('dateline parser: the vocabulary repeats a word');
  return pack({
    labels: tables.labels,
    xposTags: tables.xposTags,
    leftLabels: Int32Array.from(tables.leftLabels),
    rightLabels: Int32Array.from(tables.rightLabels),
    vocabulary: tables.vocabulary,
    vocabularySlots: keySlots(tables.vocabulary),
    actionSlots: tables.actions.slots,
    labelSlots: tables.labelTable.slots,
    labelEntries: tables.labelTable.entries,
    taggerSlots: tables.taggerTable.slots,
    taggerEntries: tables.taggerTable.entries,
  });
}

function largest(weights: Float32Array): number {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  return max;
}

/** Indices of keys in ascending unsigned order. */
function sortedIndices(keys: Int32Array): number[] {
  const order = Array.from(keys.keys());
  order.sort((a, b) => (keys[a]! >>> 0) - (keys[b]! >>> 0));
  return order;
}

function varintDeltas(keys: readonly number[]): Buffer {
  const bytes: number[] = [];
  let previous = 0;
  for (const key of keys) {
    let delta = (key >>> 0) - previous;
    previous = key >>> 0;
    while (delta >= 0x80) {
      bytes.push((delta & 0x7f) | 0x80);
      delta = Math.floor(delta / 128);
    }
    bytes.push(delta);
  }
  return Buffer.from(bytes);
}

function readVarintDeltas(bytes: Uint8Array, count: number): Int32Array {
  const keys = new Int32Array(count);
  let previous = 0;
  let p = 0;
  for (let k = 0; k < count; k++) {
    let delta = 0;
    let multiplier = 1;
    for (;;) {
      const b = bytes[p++]!;
      delta += (b & 0x7f) * multiplier;
      if (b < 0x80) break;
      multiplier *= 128;
    }
    previous += delta;
    keys[k] = previous | 0;
  }
  return keys;
}
