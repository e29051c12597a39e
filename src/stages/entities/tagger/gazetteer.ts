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
/** Set on a key that starts a longer phrase, so matching goes on. */
const PREFIX = 1 << 30;
const LIST_BITS = (1 << LIST_NAMES.length) - 1;

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

export class Gazetteer {
  /** Phrase (token keys joined by one space), or a prefix of one → list bits | PREFIX. */
  private readonly entries = new Map<string, number>();

  /** Each phrase is its tokens' match keys joined by single spaces ("hassan kazemi - qomi"). */
  constructor(lists: Readonly<PhraseLists>) {
    for (const [l, name] of LIST_NAMES.entries()) {
      for (const phrase of lists[name]) {
        let end = phrase.indexOf(' ');
        while (end !== -1) {
          const prefix = phrase.slice(0, end);
          this.entries.set(prefix, (this.entries.get(prefix) ?? 0) | PREFIX);
          end = phrase.indexOf(' ', end + 1);
        }
        this.entries.set(phrase, (this.entries.get(phrase) ?? 0) | (1 << l));
      }
    }
  }

  /** One word per token: markBit(list, mark) for every list phrase found over the token keys. */
  mark(keys: readonly string[]): Uint32Array {
    const marks = new Uint32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      let key = keys[i]!;
      for (let j = i; ; ) {
        const value = this.entries.get(key);
        if (value === undefined) break;
        for (let lists = value & LIST_BITS, l = 0; lists !== 0; lists >>= 1, l++) {
          if ((lists & 1) === 0) continue;
          if (j === i) {
            marks[i]! |= markBit(l, MARK_UNIT);
          } else {
            marks[i]! |= markBit(l, MARK_BEGIN);
            for (let k = i + 1; k <= j; k++) marks[k]! |= markBit(l, MARK_INSIDE);
          }
        }
        if ((value & PREFIX) === 0 || ++j >= keys.length) break;
        key += ' ' + keys[j]!;
      }
    }
    return marks;
  }
}

/** Feature names of the bits, indexed by bit position ("city:U"). */
export const MARK_NAMES: readonly string[] = LIST_NAMES.flatMap((name) => MARKS.map((mark) => `${name}:${mark}`));
