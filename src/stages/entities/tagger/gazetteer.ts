/**
 * Phrase lists the tagger reads as features (countries, cities, first names, PETRARCH actors...). The model
 * learns how far to trust each list; this file only says where a sentence's tokens match them.
 */
import { HASH_START, hashOn, slotTable, StringList } from '../../../lexicon/packed.ts';

/** The lists, at most 10: each takes three mark bits of a token's 32-bit match word. */
export const LIST_NAMES = ['country', 'demonym', 'city', 'firstName', 'orgWord', 'title', 'actorPerson', 'actorOrg', 'actorPlace', 'lowerWord'] as const;
export type ListName = (typeof LIST_NAMES)[number];
export type PhraseLists = Record<ListName, readonly string[]>;

/** Where a token sits in a matched phrase: first of several, later, or the whole phrase. */
export const MARKS = ['B', 'I', 'U'] as const;
const MARK_BEGIN = 0;
const MARK_INSIDE = 1;
const MARK_UNIT = 2;

/** Bit of list l with mark m in a token's match word. */
export function markBit(list: number, mark: number): number {
  return 1 << (list * MARKS.length + mark);
}

/**
 * The form tokens and phrases are compared in: lower case, typographic apostrophe made plain, accents
 * dropped ("Fallūjah" → "fallujah").
 */
export function matchKey(text: string): string {
  const lower = text.toLowerCase();
  // Most tokens are ASCII: skip the Unicode work for them.
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  return lower.replace(/[’‘]/g, "'").normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Set in a trie node's word when longer phrases go on from the node. */
const GOES_ON = 1 << 31;

/**
 * The phrase trie in typed arrays (how the compiled model stores it): node n (from 1) is the token tokens[n - 1]
 * under node parents[n - 1] (0: the root); words[n - 1] holds the bits of the lists whose phrases end there, and
 * GOES_ON; slots find a node from its parent and token.
 */
export interface GazetteerTables {
  tokens: StringList;
  parents: Int32Array;
  words: Uint32Array;
  slots: Uint32Array;
}

/** Where a node sits in the slot table: its token's hash, started from its parent. */
function nodeHash(parent: number, token: string): number {
  return hashOn(Math.imul(HASH_START ^ parent, 0x01000193), token) >>> 0;
}

export class Gazetteer {
  constructor(private readonly trie: GazetteerTables) {}

  /** Each phrase is its tokens' match keys joined by single spaces ("hassan kazemi - qomi"). */
  static of(lists: Readonly<PhraseLists>): Gazetteer {
    const tokens: string[] = [];
    const parents: number[] = [];
    const words: number[] = [];
    const children = new Map<number, Map<string, number>>();
    for (const [l, name] of LIST_NAMES.entries()) {
      for (const phrase of lists[name]) {
        let node = 0;
        for (const token of phrase.split(' ')) {
          if (node !== 0) words[node - 1]! |= GOES_ON;
          let level = children.get(node);
          if (!level) children.set(node, (level = new Map()));
          let child = level.get(token);
          if (child === undefined) {
            tokens.push(token);
            parents.push(node);
            words.push(0);
            level.set(token, (child = tokens.length));
          }
          node = child;
        }
        if (node !== 0) words[node - 1]! |= 1 << l;
      }
    }
    const parentArray = Int32Array.from(parents);
    return new Gazetteer({
      tokens: StringList.of(tokens),
      parents: parentArray,
      words: Uint32Array.from(words),
      slots: slotTable(tokens.length, (i) => nodeHash(parentArray[i]!, tokens[i]!)),
    });
  }

  /** The node of `token` under `parent`, or 0. */
  private child(parent: number, token: string): number {
    const { tokens, parents, slots } = this.trie;
    const mask = slots.length - 1;
    for (let slot = nodeHash(parent, token) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const i = slots[slot]! - 1;
      if (parents[i] === parent && tokens.equals(i, token)) return i + 1;
    }
    return 0;
  }

  /** One word per token: markBit(list, mark) for every list phrase found over the token keys. */
  mark(keys: readonly string[]): Uint32Array {
    const marks = new Uint32Array(keys.length);
    const words = this.trie.words;
    for (let i = 0; i < keys.length; i++) {
      let node = this.child(0, keys[i]!);
      for (let j = i; node !== 0; ) {
        const word = words[node - 1]!;
        for (let lists = word & ~GOES_ON, l = 0; lists !== 0; lists >>= 1, l++) {
          if ((lists & 1) === 0) continue;
          if (j === i) {
            marks[i]! |= markBit(l, MARK_UNIT);
          } else {
            marks[i]! |= markBit(l, MARK_BEGIN);
            for (let k = i + 1; k <= j; k++) marks[k]! |= markBit(l, MARK_INSIDE);
          }
        }
        if ((word & GOES_ON) === 0 || ++j >= keys.length) break;
        node = this.child(node, keys[j]!);
      }
    }
    return marks;
  }

  /** The trie's arrays, for the compiled model. */
  tables(): GazetteerTables {
    return this.trie;
  }
}

/** Feature names of the bits, indexed by bit position ("city:U"). */
export const MARK_NAMES: readonly string[] = LIST_NAMES.flatMap((name) => MARKS.map((mark) => `${name}:${mark}`));
