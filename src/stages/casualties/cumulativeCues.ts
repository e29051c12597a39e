/**
 * Running and historical totals ("the bombs have killed scores of American soldiers", "since 2003",
 * "the 1988 bombing that killed 270 people"), kept apart from the day's incident, and attribution
 * ("The military says ...").
 */
import type { Token } from '../../model/analysis.ts';
import type { DateRecord } from '../../model/record.ts';
import type { CountMention } from './countExtractors.ts';
import { casualtyLexicons } from './lexicons.ts';
import { CLAIM_CUE, CUMULATIVE_CUES, HISTORICAL_YEAR_RULE, MASS_SUBJECTS, PERFECT_TOTAL_RULE } from './rules.ts';
import type { ChunkedSentence } from './sentenceChunks.ts';

/** Token range of the clause around a count: between clause breaks ("|") of its sentence. */
export function clauseOf(count: CountMention, chunked: ChunkedSentence): { firstToken: number; endToken: number } {
  const { chunks } = chunked;
  let first = Math.min(count.people.first, count.outcome);
  let last = Math.max(count.people.end - 1, count.outcome);
  while (first > 0 && chunks[first - 1]!.tag !== '|') first--;
  while (last < chunks.length - 1 && chunks[last + 1]!.tag !== '|') last++;
  return { firstToken: chunks[first]!.firstToken, endToken: chunks[last]!.endToken };
}

/** Ids of the cumulative or historical cues that hold for a count; empty for the day's incident. */
export function cumulativeCues(
  count: CountMention,
  chunked: ChunkedSentence,
  tokens: readonly Token[],
  text: string,
  dates: readonly DateRecord[],
  published: string | null,
): string[] {
  const clause = clauseOf(count, chunked);
  const clauseText = text.slice(tokens[clause.firstToken]!.start, tokens[clause.endToken - 1]!.end).toLowerCase();
  const fired = CUMULATIVE_CUES.filter((cue) => cue.pattern.test(clauseText)).map((cue) => cue.id);
  if (isPerfectTotal(count, chunked, tokens)) fired.push(PERFECT_TOTAL_RULE.id);
  if (hasEarlierYear(clause, tokens, dates, published)) fired.push(HISTORICAL_YEAR_RULE.id);
  return fired;
}

/** "the bombs have killed", "the war has killed": a perfect active verb with a plural or mass subject. */
function isPerfectTotal(count: CountMention, chunked: ChunkedSentence, tokens: readonly Token[]): boolean {
  if (count.voice !== 'active') return false;
  const { chunks } = chunked;
  let c = count.outcome - 1;
  while (c >= 0 && chunks[c]!.tag === 'A') c--;
  if (chunks[c]?.tag !== 'H') return false;
  let k = chunks[c]!.firstToken - 1;
  while (k >= chunked.sentence.firstToken && tokens[k]!.pos === 'ADV') k--;
  const subject = tokens[k];
  if (!subject || k < chunked.sentence.firstToken) return false;
  if (MASS_SUBJECTS.has(subject.lemma)) return true;
  return (subject.pos === 'NOUN' || subject.pos === 'PROPN') && subject.normal !== subject.lemma && subject.normal.endsWith('s');
}

const YEAR = /^(1[89]\d\d|20\d\d)$/;

/** A year before the publication year in the clause; without a publication date, a year that dates the incident ("the 1988 bombing", "in 1988"). */
function hasEarlierYear(clause: { firstToken: number; endToken: number }, tokens: readonly Token[], dates: readonly DateRecord[], published: string | null): boolean {
  const start = tokens[clause.firstToken]!.start;
  const end = tokens[clause.endToken - 1]!.end;
  const publishedYear = published ? Number(published.slice(0, 4)) : null;
  if (publishedYear !== null) {
    const dated = dates.some((d) => d.start >= start && d.end <= end && d.value !== null && Number(d.value.slice(0, 4)) < publishedYear);
    if (dated) return true;
  }
  const lex = casualtyLexicons();
  for (let k = clause.firstToken; k < clause.endToken; k++) {
    const token = tokens[k]!;
    if (!YEAR.test(token.text)) continue;
    if (publishedYear !== null) {
      if (Number(token.text) < publishedYear) return true;
      continue;
    }
    const previous = tokens[k - 1];
    if (previous?.normal === 'in' || lex.incidents.match(tokens, k + 1, clause.endToken)) return true;
  }
  return false;
}

/** Ids of attribution cues in the sentence: "The military says", "according to police"; not "claimed responsibility". */
export function claimCues(chunked: ChunkedSentence, tokens: readonly Token[]): string[] {
  for (let k = chunked.sentence.firstToken; k < chunked.sentence.endToken; k++) {
    const token = tokens[k]!;
    if (token.normal === 'according' && tokens[k + 1]?.normal === 'to') return [CLAIM_CUE.id];
    if (token.pos !== 'VERB' || !CLAIM_CUE.lemmas.has(token.lemma)) continue;
    if (token.lemma === 'claim' && /^(responsibility|credit)$/.test(tokens[k + 1]?.normal ?? '')) continue;
    return [CLAIM_CUE.id];
  }
  return [];
}
