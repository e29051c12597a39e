import type { Token } from '../../model/analysis.ts';

/** Index of the first token that starts at or after `offset` (tokens.length when none does). */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the token that covers `offset`, or the next one after it. */
export function tokenCovering(tokens: readonly Token[], offset: number): number {
  const i = tokenAtOrAfter(tokens, offset);
  const prev = tokens[i - 1];
  return prev && prev.end > offset ? i - 1 : i;
}

/** Punctuation, or the line breaks wink keeps as SPACE tokens inside a paragraph. */
export function isPunctuation(token: Token): boolean {
  return token.pos === 'PUNCT' || token.pos === 'SPACE';
}

/** A quotation mark token: “ ” " « », or one of the apostrophes or backquotes that wink splits '' and `` into. */
export function isQuoteMark(token: Token): boolean {
  return /^["“”«»'`]$/.test(token.text);
}
