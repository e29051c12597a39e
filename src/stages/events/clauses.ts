/** Clause bounds inside a sentence, from function words: enough to keep an actor from crossing into another clause. */
import type { SentenceInfo, Token } from '../../model/analysis.ts';
import { scanSteps } from '../../pipeline/scanSteps.ts';

/** Words that open a new clause ("…case that Iran is arming", "…ties with Tehran since 1980", "…, which"). */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'while', 'whereas', 'although', 'though', 'because', 'since', 'whether', 'if', 'unless', 'when', 'where', 'after', 'before', 'as']);

const DAY_LEADS = new Set(['on', 'last', 'this']);
const DAY_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'week', 'month', 'night', 'morning', 'evening']);

const UNAMBIGUOUS_OPENERS = new Set(['although', 'though', 'whereas', 'while', 'because', 'unless', 'whether']);

export function isClauseOpener(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.text === ';' || t.text === ':') return true;
  if (!CLAUSE_OPENERS.has(t.normal)) return false;
  if (UNAMBIGUOUS_OPENERS.has(t.normal)) return true;
  // "after the talks" is a preposition; "after Tehran said" opens a clause: a verb follows before any comma.
  if ((t.normal === 'after' || t.normal === 'before' || t.normal === 'since' || t.normal === 'as') && t.pos === 'ADP') {
    for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
      scanSteps.count++;
      const next = tokens[k]!;
      if (next.sentence !== t.sentence || next.pos === 'PUNCT' || next.pos === 'ADP') return false;
      if (next.pos === 'VERB' || next.pos === 'AUX') return true;
    }
    return false;
  }
  return t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET' || t.normal === 'that' || t.pos === 'ADV';
}

/**
 * Clause breaks of an article's tokens, found in one pass and kept while the tokens live, so that each clause bound is
 * a lookup: scanning to the sentence end for every verb made a run-on sentence quadratic.
 * breakAfter[k]: first k' ≥ k that ends a clause (an opener, or ", killing"); breakBefore[k]: last such k' ≤ k;
 * appositiveBefore[k]: last k' ≤ k that is ", the"/", a" (an appositive, which bounds a clause start only).
 */
interface ClauseBreaks {
  breakAfter: Int32Array;
  breakBefore: Int32Array;
  appositiveBefore: Int32Array;
}

const breaksOf = new WeakMap<readonly Token[], ClauseBreaks>();

function clauseBreaks(tokens: readonly Token[]): ClauseBreaks {
  const known = breaksOf.get(tokens);
  if (known) return known;
  const n = tokens.length;
  const breakAfter = new Int32Array(n + 1).fill(n);
  const breakBefore = new Int32Array(n).fill(-1);
  const appositiveBefore = new Int32Array(n).fill(-1);
  const isBreak = (k: number) => isClauseOpener(tokens, k) || (tokens[k]!.text === ',' && tokens[k + 1] !== undefined && /ing$/.test(tokens[k + 1]!.normal) && tokens[k + 1]!.pos === 'VERB');
  for (let k = 0; k < n; k++) {
    scanSteps.count++;
    breakBefore[k] = isBreak(k) ? k : k > 0 ? breakBefore[k - 1]! : -1;
    appositiveBefore[k] = tokens[k]!.text === ',' && tokens[k + 1]?.pos === 'DET' ? k : k > 0 ? appositiveBefore[k - 1]! : -1;
  }
  for (let k = n - 1; k >= 0; k--) breakAfter[k] = breakBefore[k] === k ? k : breakAfter[k + 1]!;
  const breaks = { breakAfter, breakBefore, appositiveBefore };
  breaksOf.set(tokens, breaks);
  return breaks;
}

/** First token of the clause containing i. */
export function clauseStart(tokens: readonly Token[], sentence: SentenceInfo, i: number): number {
  const { breakBefore, appositiveBefore } = clauseBreaks(tokens);
  // ", killing 24 people": a participle after a comma opens a clause; so does an appositive ", a charge Iran denies"
  // (but not one right before i).
  const k = Math.max(i >= 1 ? breakBefore[i - 1]! : -1, i >= 2 ? appositiveBefore[i - 2]! : -1);
  return k >= sentence.firstToken ? k + 1 : sentence.firstToken;
}

/** Token after the last token of the clause containing i; a trigger right before "that" reaches to the end of the clause it opens. */
export function clauseEnd(tokens: readonly Token[], sentence: SentenceInfo, i: number): number {
  // "said on Tuesday that…", "declared yesterday that…": a day between the verb and its "that" does not end the clause
  let opener = i + 1;
  if (DAY_LEADS.has(tokens[opener]?.normal ?? '') && DAY_WORDS.has(tokens[opener + 1]?.normal ?? '')) opener += 2;
  else if (DAY_WORDS.has(tokens[opener]?.normal ?? '')) opener += 1;
  if (opener > i + 1 && tokens[opener]?.normal !== 'that') opener = i + 1;
  const next = opener < sentence.endToken && isClauseOpener(tokens, opener) ? opener : i;
  if (next + 1 >= sentence.endToken) return sentence.endToken;
  return Math.min(clauseBreaks(tokens).breakAfter[next + 1]!, sentence.endToken);
}
