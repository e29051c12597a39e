/** Clause bounds inside a sentence, from function words: enough to keep an actor from crossing into another clause. */
import type { SentenceInfo, Token } from '../../model/analysis.ts';

/** Words that open a new clause ("…case that Iran is arming", "…ties with Tehran since 1980", "…, which"). */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'while', 'whereas', 'although', 'though', 'because', 'since', 'whether', 'if', 'unless', 'when', 'where', 'after', 'before', 'as']);

const UNAMBIGUOUS_OPENERS = new Set(['although', 'though', 'whereas', 'while', 'because', 'unless', 'whether']);

export function isClauseOpener(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.text === ';' || t.text === ':') return true;
  if (!CLAUSE_OPENERS.has(t.normal)) return false;
  if (UNAMBIGUOUS_OPENERS.has(t.normal)) return true;
  // "after the talks" is a preposition; "after Tehran said" opens a clause: a verb follows before any comma.
  if ((t.normal === 'after' || t.normal === 'before' || t.normal === 'since' || t.normal === 'as') && t.pos === 'ADP') {
    for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
      const next = tokens[k]!;
      if (next.sentence !== t.sentence || next.pos === 'PUNCT' || next.pos === 'ADP') return false;
      if (next.pos === 'VERB' || next.pos === 'AUX') return true;
    }
    return false;
  }
  return t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET' || t.normal === 'that' || t.pos === 'ADV';
}

/** First token of the clause containing i. */
export function clauseStart(tokens: readonly Token[], sentence: SentenceInfo, i: number): number {
  for (let k = i - 1; k >= sentence.firstToken; k--) {
    if (isClauseOpener(tokens, k)) return k + 1;
    // ", killing 24 people": a participle after a comma opens a clause; so does an appositive ", a charge Iran denies"
    if (tokens[k]!.text === ',' && tokens[k + 1] && /ing$/.test(tokens[k + 1]!.normal) && tokens[k + 1]!.pos === 'VERB') return k + 1;
    if (tokens[k]!.text === ',' && tokens[k + 1]?.pos === 'DET' && k + 1 < i) return k + 1;
  }
  return sentence.firstToken;
}

/** Token after the last token of the clause containing i; a trigger right before "that" reaches to the end of the clause it opens. */
export function clauseEnd(tokens: readonly Token[], sentence: SentenceInfo, i: number): number {
  const next = i + 1 < sentence.endToken && isClauseOpener(tokens, i + 1) ? i + 1 : i;
  for (let k = next + 1; k < sentence.endToken; k++) {
    if (isClauseOpener(tokens, k)) return k;
    if (tokens[k]!.text === ',' && tokens[k + 1] && (/ing$/.test(tokens[k + 1]!.normal) && tokens[k + 1]!.pos === 'VERB')) return k;
  }
  return sentence.endToken;
}
