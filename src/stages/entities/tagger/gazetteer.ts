/**
 * Phrase lists the tagger reads as features (countries, cities, first names, PETRARCH actors...). The model
 * learns how far to trust each list; this file only says where a sentence's tokens match them.
 */

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

/** A trie node: the lists whose phrases end here, and the tokens that go on to longer phrases. */
interface PhraseNode {
  lists: number;
  next: Map<string, PhraseNode> | null;
}

export class Gazetteer {
  /** Trie over token match keys: first token → node. */
  private readonly roots = new Map<string, PhraseNode>();

  /** Each phrase is its tokens' match keys joined by single spaces ("hassan kazemi - qomi"). */
  constructor(lists: Readonly<PhraseLists>) {
    for (const [l, name] of LIST_NAMES.entries()) {
      for (const phrase of lists[name]) {
        let level = this.roots;
        let node: PhraseNode | undefined;
        for (const token of phrase.split(' ')) {
          if (node) level = node.next ??= new Map();
          node = level.get(token);
          if (!node) level.set(token, (node = { lists: 0, next: null }));
        }
        if (node) node.lists |= 1 << l;
      }
    }
  }

  /** One word per token: markBit(list, mark) for every list phrase found over the token keys. */
  mark(keys: readonly string[]): Uint32Array {
    const marks = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      let node = this.roots.get(keys[i]!);
      for (let j = i; node; ) {
        for (let lists = node.lists, l = 0; lists !== 0; lists >>= 1, l++) {
          if ((lists & 1) === 0) continue;
          if (j === i) {
            marks[i]! |= markBit(l, MARK_UNIT);
          } else {
            marks[i]! |= markBit(l, MARK_BEGIN);
            for (let k = i + 1; k <= j; k++) marks[k]! |= markBit(l, MARK_INSIDE);
          }
        }
        if (!node.next || ++j >= keys.length) break;
        node = node.next.get(keys[j]!);
      }
    }
    return marks;
  }
}

/** Feature names of the bits, indexed by bit position ("city:U"). */
export const MARK_NAMES: readonly string[] = LIST_NAMES.flatMap((name) => MARKS.map((mark) => `${name}:${mark}`));
