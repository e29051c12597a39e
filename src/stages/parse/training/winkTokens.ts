/**
 * The tokens and tags the pipeline has at run time, for UD sentences: each sentence's `# text` goes through the
 * segment stage (wink), as an article paragraph would.
 *
 * - `winkTagsOnGoldWords`: wink's UPOS for each gold word, by character offsets. A gold word that is exactly a
 *   wink token takes its tag; one inside a longer wink token ("gonna") takes that token's; one covering several
 *   wink tokens ("www.google.com" → www . google . com) takes the tag of the last that is not punctuation.
 * - `alignWords`: which wink token has exactly the span of which gold word (CoNLL 2018 shared task alignment).
 */
import type { Token } from '../../../model/analysis.ts';
import { segment } from '../../segment/index.ts';
import type { GoldSentence } from './conllu.ts';

export function winkTokens(text: string): Token[] {
  return segment(text, [{ start: 0, end: text.length }]).tokens;
}

export function winkTagsOnGoldWords(sentence: GoldSentence, tokens: readonly Token[]): string[] {
  return sentence.words.map((word) => {
    let inside: Token | undefined;
    let lastCovered: Token | undefined;
    for (const token of tokens) {
      if (token.end <= word.start || token.start >= word.end) continue;
      if (token.start === word.start && token.end === word.end) return token.pos;
      if (token.start <= word.start && token.end >= word.end) inside = token;
      else if (token.pos !== 'PUNCT' || !lastCovered) lastCovered = token;
    }
    return (inside ?? lastCovered)?.pos ?? 'X';
  });
}

/** For each wink token, the index of the gold word with exactly its span, or -1. */
export function alignWords(sentence: GoldSentence, tokens: readonly Token[]): Int32Array {
  const byStart = new Map<number, number>();
  sentence.words.forEach((word, k) => byStart.set(word.start * 65536 + word.end, k));
  return Int32Array.from(tokens, (token) => byStart.get(token.start * 65536 + token.end) ?? -1);
}
