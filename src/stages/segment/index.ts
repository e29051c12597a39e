/**
 * Segment stage: sentences, tokens, POS, lemmas, negation scope and number/date entities from wink-nlp,
 * run paragraph by paragraph so that paragraphs never glue together, with offsets into the article text.
 */
import type { NumericEntity, Segmented, SentenceInfo, Token } from '../../model/analysis.ts';
import type { ItemEntity, ItemSentence, ItsFunction } from 'wink-nlp';
import type { Doc } from '../../doc/doc.ts';
import { wink } from '../../nlp/wink.ts';
import type { Stage } from '../../pipeline/stage.ts';

export const segmentStage: Stage = {
  name: 'segment',
  requires: ['clean'],
  assigns: ['tokens'],
  run(doc: Doc) {
    const seg = segment(doc.text, doc.clean.paragraphs);
    doc.tokens = seg.tokens;
    doc.sentences = seg.sentences;
    doc.numeric = seg.numeric;
  },
};

export function segment(text: string, paragraphs: readonly { start: number; end: number }[]): Segmented {
  const nlp = wink();
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentences: SentenceInfo[] = [];
  const numeric: NumericEntity[] = [];
  for (const [paragraph, span] of paragraphs.entries()) {
    const original = text.slice(span.start, span.end);
    const shaped = latinShape(original);
    const doc = nlp.readDoc(shaped);
    const values = doc.tokens().out(its.value) as string[];
    const spaces = doc.tokens().out(its.precedingSpaces) as string[];
    const pos = doc.tokens().out(its.pos) as string[];
    const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>) as string[];
    const normals = doc.tokens().out(its.normal) as string[];
    const negations = doc.tokens().out(its.negationFlag) as unknown as boolean[];
    // wink keeps line breaks as SPACE tokens; they are whitespace, so they are dropped ("John\nTower" is one name).
    // kept[k] is the article-wide index of wink token k, or of the next kept token when k was dropped.
    const kept: number[] = new Array(values.length + 1);
    let offset = span.start;
    let pendingSpace = false;
    for (let k = 0; k < values.length; k++) {
      offset += spaces[k]!.length;
      kept[k] = tokens.length;
      const local = offset - span.start;
      // wink read the shaped text: the token's own characters come from the article
      const value = original.slice(local, local + values[k]!.length);
      const reshaped = value !== values[k];
      if (value.trim() === '') {
        pendingSpace = true;
        offset += value.length;
        continue;
      }
      tokens.push({
        i: tokens.length,
        start: offset,
        end: offset + value.length,
        text: value,
        normal: reshaped ? value.toLowerCase() : (normals[k] ?? value.toLowerCase()),
        // wink leaves the lemma of a few rare tokens undefined, and gets a few verbs wrong ("staged" → "stag")
        lemma: reshaped ? value.toLowerCase() : verbLemmaFix(pos[k], (lemmas[k] ?? normals[k] ?? value).toLowerCase()),
        pos: pos[k] ?? 'X',
        negated: negations[k] === true,
        sentence: -1,
        spaceBefore: spaces[k]!.length > 0 || k === 0 || pendingSpace,
      });
      pendingSpace = false;
      offset += value.length;
    }
    kept[values.length] = tokens.length;
    let winkIndex = 0;
    doc.sentences().each((s: ItemSentence) => {
      const count = s.tokens().length();
      const first = kept[winkIndex]!;
      winkIndex += count;
      const endToken = kept[winkIndex]!;
      if (endToken <= first) return;
      const index = sentences.length;
      for (let k = first; k < endToken; k++) tokens[k]!.sentence = index;
      sentences.push({ index, start: tokens[first]!.start, end: tokens[endToken - 1]!.end, paragraph, firstToken: first, endToken });
    });
    doc.entities().each((e: ItemEntity) => {
      const range = e.tokens();
      const firstToken = kept[range.itemAt(0).index()]!;
      const endToken = kept[range.itemAt(range.length() - 1).index() + 1]!;
      if (endToken <= firstToken) return;
      numeric.push({ type: e.out(its.type) as string, start: tokens[firstToken]!.start, end: tokens[endToken - 1]!.end, firstToken, endToken });
    });
  }
  return { text, tokens, sentences, numeric };
}

/**
 * The text with every letter wink's tokenizer does not know (beyond Latin-1) replaced by an ASCII letter of the
 * same case and UTF-16 length, so that offsets are unchanged: wink cuts "Erdoğan" into "Erdo", "ğ", "an" and tags
 * Cyrillic words as X, but reads "Erdogan" and "Xxxxx" as one proper noun each. Marks become "x".
 */
export function latinShape(text: string): string {
  return text.replace(LETTER_BEYOND_LATIN1, asciiLetter);
}

const LETTER_BEYOND_LATIN1 = /(?![\u0000-\u00ff])[\p{L}\p{M}]/gu;
/** Latin letters whose decomposition keeps no ASCII base. */
const ASCII_BASE: ReadonlyMap<string, string> = new Map([['ı', 'i'], ['ł', 'l'], ['Ł', 'L'], ['đ', 'd'], ['Đ', 'D'], ['ħ', 'h'], ['Ħ', 'H'], ['œ', 'o'], ['Œ', 'O'], ['ŋ', 'n'], ['ə', 'e'], ['Ə', 'E']]);

function asciiLetter(ch: string): string {
  const base = ASCII_BASE.get(ch) ?? ch.normalize('NFD')[0]!;
  const letter = /^[A-Za-z]$/.test(base) ? base : ch !== ch.toLowerCase() ? 'X' : 'x';
  return letter.padEnd(ch.length, letter);
}

/** Verb lemmas wink gets wrong, put right once here for every stage. */
const WINK_VERB_LEMMA_FIXES: ReadonlyMap<string, string> = new Map([['stag', 'stage']]);

function verbLemmaFix(pos: string | undefined, lemma: string): string {
  return pos === 'VERB' ? (WINK_VERB_LEMMA_FIXES.get(lemma) ?? lemma) : lemma;
}
