import type { Token } from '../../model/analysis.ts';

/** Punctuation, or the line breaks wink keeps as SPACE tokens inside a paragraph. */
export function isPunctuation(token: Token): boolean {
  return token.pos === 'PUNCT' || token.pos === 'SPACE';
}

/** A quotation mark token: “ ” " « », or one of the apostrophes or backquotes that wink splits '' and `` into. */
export function isQuoteMark(token: Token): boolean {
  return /^["“”«»'`]$/.test(token.text);
}
