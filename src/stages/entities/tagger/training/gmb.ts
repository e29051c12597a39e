/**
 * The GMB corpus (../shared/data/gmb_ner, Voice of America news, silver tags) as texts with entity spans in
 * characters, and its fixed train / dev / test split.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { EntityType } from '../labels.ts';
import { HONORIFIC_WORDS, TITLE_WORDS } from './wordLists.ts';

export interface GmbSentence {
  /** Position in the file (0-based); the split is made of blocks of these. */
  index: number;
  tokens: string[];
  /** BIO tags over PER/ORG/LOC/MISC. */
  tags: string[];
}

export interface CharEntity {
  start: number;
  end: number;
  type: EntityType;
}

export interface GmbText {
  index: number;
  text: string;
  entities: CharEntity[];
}

export function readGmb(path: string): GmbSentence[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const sentences: GmbSentence[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { tokens: string[]; tags: string[] };
    sentences.push({ index: sentences.length, tokens: row.tokens, tags: row.tags });
  }
  return sentences;
}

export type Split = 'train' | 'dev' | 'test';
export const SPLIT_BLOCK = 500;

/**
 * GMB has no document boundaries, so whole blocks of 500 consecutive sentences are held out: every 10th
 * block (9, 19, 29...) is the test split, blocks 4, 24, 44... are the dev split, the rest trains.
 */
export function splitOf(index: number): Split {
  const block = Math.floor(index / SPLIT_BLOCK);
  if (block % 10 === 9) return 'test';
  if (block % 20 === 4) return 'dev';
  return 'train';
}

const PTB_SURFACE: Record<string, string> = { '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '``': '"', "''": '"' };
const ATTACH_LEFT = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}', '%', "'", "'s", "'S", "n't", "'ll", "'m", "'re", "'ve", "'d", '’s']);
const ATTACH_RIGHT = new Set(['(', '[', '{', '$', '#']);

export interface Detokenized {
  text: string;
  starts: number[];
  ends: number[];
}

/**
 * News-like text from Penn-Treebank tokens: "Iraq 's" → "Iraq's", "( 20 % )" → "(20%)", quotes closed up;
 * with `curly`, typographic quotes and apostrophes as in scraped news (“Positive”, Iraq’s, Shi’ite).
 */
export function detokenize(tokens: readonly string[], curly = false): Detokenized {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let quoteOpen = false;
  let glueNext = true;
  for (const token of tokens) {
    let surface = PTB_SURFACE[token] ?? token;
    let glue = glueNext || ATTACH_LEFT.has(surface);
    glueNext = ATTACH_RIGHT.has(surface);
    if (surface === '"') {
      if (quoteOpen) glue = true;
      else glueNext = true;
      if (curly) surface = quoteOpen ? '”' : '“';
      quoteOpen = !quoteOpen;
    } else if (curly) {
      surface = surface.replace(/'/g, '’');
    }
    if (!glue) text += ' ';
    starts.push(text.length);
    text += surface;
    ends.push(text.length);
  }
  return { text, starts, ends };
}

const TITLES = new Set(TITLE_WORDS);
const HONORIFICS = new Set(HONORIFIC_WORDS);

/**
 * Entity spans over the GMB tokens, in Dateline's convention: no leading "the", no punctuation or possessive
 * at either end (GMB has "'s Foreign Ministry", "Associated Press ,"), and person names without
 * the titles GMB includes ("President George Bush" → "George Bush"; "Mrs. King" keeps "King"). A span of
 * titles only is dropped, and the entity right after it is a person whatever GMB typed it: its automatic
 * tagger often split "Mr. Yekhanurov" into PER "Mr." and ORG "Yekhanurov".
 */
export function gmbEntities(sentence: GmbSentence): { first: number; end: number; type: EntityType }[] {
  const spans: { first: number; end: number; type: EntityType }[] = [];
  const { tokens, tags } = sentence;
  let titleEnd = -1;
  for (let i = 0; i < tags.length; ) {
    const tag = tags[i]!;
    if (tag === 'O') {
      i++;
      continue;
    }
    let type = tag.slice(2) as EntityType;
    let next = i + 1;
    while (next < tags.length && tags[next] === 'I-' + type) next++;
    let first = i;
    let end = next;
    while (first < end && (tokens[first]!.toLowerCase() === 'the' || isStray(tokens[first]!))) first++;
    while (end > first && isStray(tokens[end - 1]!)) end--;
    if (type === 'PER') {
      while (first < end && TITLES.has(tokens[first]!.toLowerCase()) && !(first > i && HONORIFICS.has(tokens[first - 1]!.toLowerCase()))) first++;
    }
    if (first === end) titleEnd = type === 'PER' ? next : -1;
    else {
      if (titleEnd === i) type = 'PER';
      spans.push({ first, end, type });
    }
    i = next;
  }
  return spans;
}

/** Punctuation or a possessive: never the first or last token of a name. */
function isStray(token: string): boolean {
  return !/[\p{L}\p{N}]/u.test(token) || /^['’]s$/i.test(token);
}

export function gmbText(sentence: GmbSentence, curly = false): GmbText {
  const { text, starts, ends } = detokenize(sentence.tokens, curly);
  const entities = gmbEntities(sentence).map((e) => ({ start: starts[e.first]!, end: ends[e.end - 1]!, type: e.type }));
  return { index: sentence.index, text, entities };
}
