/**
 * What the parser reads from a word, computed once per word form and cached: its vocabulary id, a suffix hash
 * and the facts behind a morphological class that sharpens wink's coarse UPOS (VERB → base / -ing / -s / past;
 * NOUN → plural; other words → capitalised / all capitals).
 */

/** Universal POS tags, in id order (id 0 is "no word"). An unknown tag reads as X. */
export const UPOS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
const TAG_IDS: ReadonlyMap<string, number> = new Map(UPOS_TAGS.map((tag, k) => [tag, k + 1]));
const X_ID = TAG_IDS.get('X')!;
const VERB_ID = TAG_IDS.get('VERB')!;
const AUX_ID = TAG_IDS.get('AUX')!;
const NOUN_ID = TAG_IDS.get('NOUN')!;
const PROPN_ID = TAG_IDS.get('PROPN')!;

export function tagId(upos: string): number {
  return TAG_IDS.get(upos) ?? X_ID;
}

/** Word id of a word outside the vocabulary (0 is "no word"). */
export const UNKNOWN_WORD = 1;

/** Vocabulary key: lower case, every digit read as 0 ("1,200" → "0,000"). */
export function wordKey(form: string): string {
  return form.toLowerCase().replace(/[0-9]/g, '0');
}

/** Morphological classes; 0 is none. */
export const MORPH_CLASSES = ['-', 'base', 'ing', 's', 'past', 'plural', 'capital', 'caps'] as const;
export const MORPH_CLASS_COUNT = MORPH_CLASSES.length;

/** The class of a word with a tag id, from the form facts packed by `formFacts`. */
export function morphClass(facts: number, tag: number): number {
  if (tag === VERB_ID || tag === AUX_ID) return facts & 7;
  if ((tag === NOUN_ID || tag === PROPN_ID) && facts & 8) return 5;
  return (facts >>> 4) & 7;
}

/**
 * Facts of a form: bits 0–2 the verb class if it were a verb ("killed" past, "killing" ing), bit 3 a plural
 * ending, bits 4–6 the capital class (6 capitalised "Monday", 7 all capitals "UN", else 0); from bit 7 on, the
 * shape (see `shapeOf`).
 */
function formFacts(form: string): number {
  const lower = form.toLowerCase();
  const sEnding = lower.endsWith('s') && !lower.endsWith('ss');
  const verb =
    lower.endsWith('ing') && lower.length > 4 ? 2 : lower.endsWith('ed') || lower.endsWith('en') || lower.endsWith('wn') || lower.endsWith('ne') ? 4 : sEnding ? 3 : 1;
  const plural = sEnding && lower.length > 3 ? 8 : 0;
  const first = form.charCodeAt(0);
  const capital = first >= 65 && first <= 90 ? (form.length > 1 && form === form.toUpperCase() ? 7 : 6) : 0;
  return verb | plural | (capital << 4) | (shapeOf(form) << 7);
}

/** Shape of a form: has a digit (1), a hyphen (2), a period (4), no letter (8); and its length 1–3, 4–6, 7+ (16 ×). */
export function shapeOf(form: string): number {
  let shape = 8;
  for (let k = 0; k < form.length; k++) {
    const c = form.charCodeAt(k);
    if (c >= 48 && c <= 57) shape |= 1;
    else if (c === 45) shape |= 2;
    else if (c === 46) shape |= 4;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) shape &= ~8;
  }
  return shape | (form.length <= 3 ? 0 : form.length <= 6 ? 16 : 32);
}

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) {
    h ^= text.charCodeAt(k);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Forms remembered by a Lexicon; past that, new forms are described each time they come. */
const LEXICON_LIMIT = 1 << 18;

/** What the features know of a form, in parallel arrays. */
export interface FormArrays {
  word: Int32Array;
  /** Hashes of the last three and last two characters (lower case). */
  suffix: Int32Array;
  suffix2: Int32Array;
  facts: Int32Array;
  /** The form's number in the lexicon (-1 when it is full): the same form, the same number. */
  form: Int32Array;
}

/** Vocabulary key (see wordKey) → word id. */
export interface Vocabulary {
  get(key: string): number | undefined;
}

/** A model's word forms → their word id, suffix hashes and facts, described once per form. */
export class Lexicon {
  private readonly slots = new Map<string, number>();
  private known: Omit<FormArrays, 'form'> = { word: new Int32Array(1024), suffix: new Int32Array(1024), suffix2: new Int32Array(1024), facts: new Int32Array(1024) };
  private size = 0;

  constructor(private readonly vocabulary: Vocabulary) {}

  /** Writes what is known of `form` at index i of `out`. */
  describe(form: string, i: number, out: FormArrays): void {
    let slot = this.slots.get(form);
    if (slot === undefined) {
      if (this.size === LEXICON_LIMIT) {
        this.compute(form, i, out);
        out.form[i] = -1;
        return;
      }
      slot = this.size++;
      if (slot === this.known.word.length) this.grow();
      this.compute(form, slot, this.known);
      this.slots.set(form, slot);
    }
    const known = this.known;
    out.word[i] = known.word[slot]!;
    out.suffix[i] = known.suffix[slot]!;
    out.suffix2[i] = known.suffix2[slot]!;
    out.facts[i] = known.facts[slot]!;
    out.form[i] = slot;
  }

  private compute(form: string, i: number, out: Omit<FormArrays, 'form'>): void {
    const key = wordKey(form);
    out.word[i] = this.vocabulary.get(key) ?? UNKNOWN_WORD;
    out.suffix[i] = hashString(key.length > 3 ? key.slice(-3) : key);
    out.suffix2[i] = hashString(key.length > 2 ? key.slice(-2) : key);
    out.facts[i] = formFacts(form);
  }

  private grow(): void {
    for (const name of ['word', 'suffix', 'suffix2', 'facts'] as const) {
      const bigger = new Int32Array(this.known[name].length * 2);
      bigger.set(this.known[name]);
      this.known[name] = bigger;
    }
  }
}
