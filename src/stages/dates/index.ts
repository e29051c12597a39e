/**
 * Dates stage: every date expression in the body sentences, resolved against the publication date.
 * chrono reads the calendar expressions (chronoDates.ts); our own patterns read bare years, ranges, decades and
 * seasons (patternDates.ts). Decisions, with the rule ids records cite (rules.ts):
 * - Weekdays lean to the past ("on Monday" in a Monday story is that day) unless a cue points forward.
 * - Offsets from another event ("14 months after the revolution", "the next day") are not pub-date arithmetic:
 *   they are kept with value null, certainty 'unknown' and relation 'after'/'before' (dates.anchored-*), so a
 *   later stage sees that the clause is dated elsewhere.
 * - "now", sub-day offsets ("several hours later"), durations ("in 30 years", "for two weeks"), periods ending now
 *   ("over the past 24 hours", "in recent months") and times alone ("at 5 pm") give nothing. "today" is the
 *   publication date.
 * - Without a publication date, anything whose value depends on it gets value null and certainty 'unknown'
 *   (dates.no-reference): the sentence is read against two far-apart reference dates and values that differ are
 *   relative.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Segmented, SentenceInfo } from '../../model/analysis.ts';
import type { Stage } from '../../pipeline/stage.ts';
import type { DateRecord } from '../../model/record.ts';
import type { DateCandidate, WordAt } from './candidate.ts';
import { parsePublished, utcNoon } from './calendar.ts';
import { chronoDates } from './chronoDates.ts';
import { patternDates } from './patternDates.ts';
import { MAY_HAVE_DATE } from './rules.ts';

/** Far apart in year, month, day and weekday, so that no relative expression resolves the same under both. */
const PROBE_REFERENCES = [utcNoon(2001, 3, 14), utcNoon(2019, 10, 6)] as const;

export const datesStage: Stage = {
  name: 'dates',
  requires: ['tokens'],
  assigns: ['dates'],
  run(doc: Doc) {
    doc.dates = findDates(doc, doc.published);
  },
};

/**
 * @example findDates(segment(text, cleanText(text).paragraphs), '2007-05-28')
 *   // "urged Iran on Monday" → { text: 'on Monday', value: '2007-05-28', granularity: 'day', certainty: 'stated', relation: 'on' }
 */
export function findDates(seg: Segmented, published: string | null): DateRecord[] {
  const reference = parsePublished(published);
  const records: DateRecord[] = [];
  for (const sentence of seg.sentences) {
    const text = seg.text.slice(sentence.start, sentence.end);
    if (!MAY_HAVE_DATE.test(text)) continue;
    const wordAt = sentenceWords(seg, sentence);
    const found = reference ? sentenceDates(text, reference, wordAt) : unanchoredDates(text, wordAt);
    for (const candidate of found) {
      const start = sentence.start + candidate.start;
      const end = sentence.start + candidate.end;
      const { value, granularity, certainty, relation, rules } = candidate;
      records.push({ id: '', text: seg.text.slice(start, end), start, end, sentence: sentence.index, value, granularity, certainty, relation, rules });
    }
  }
  records.sort((a, b) => a.start - b.start);
  records.forEach((record, k) => (record.id = `d${k + 1}`));
  return records;
}

function sentenceDates(text: string, reference: Date, wordAt: WordAt): DateCandidate[] {
  return withoutOverlaps([...patternDates(text, reference, wordAt), ...chronoDates(text, reference)]);
}

/** No publication date: keep what resolves the same against both probe references, null the rest. */
function unanchoredDates(text: string, wordAt: WordAt): DateCandidate[] {
  const first = sentenceDates(text, PROBE_REFERENCES[0], wordAt);
  // Nothing against the first reference: nothing to compare, and chrono's second pass is the dearer half.
  if (first.length === 0) return first;
  const second = sentenceDates(text, PROBE_REFERENCES[1], wordAt);
  return first.map((candidate) => {
    const twin = second.find((other) => other.start === candidate.start && other.end === candidate.end);
    if (twin?.value === candidate.value) return candidate;
    return { ...candidate, value: null, certainty: 'unknown', rules: [...candidate.rules, 'dates.no-reference'] };
  });
}

/** Overlapping finds keep the longer ("early May 2006" over chrono's "May 2006"); on a tie our own pattern wins. */
function withoutOverlaps(candidates: DateCandidate[]): DateCandidate[] {
  const kept: DateCandidate[] = [];
  const byLength = candidates.map((c, order) => ({ c, order })).sort((a, b) => b.c.end - b.c.start - (a.c.end - a.c.start) || a.order - b.order);
  for (const { c } of byLength) {
    if (!kept.some((k) => c.start < k.end && k.start < c.end)) kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function sentenceWords(seg: Segmented, sentence: SentenceInfo): WordAt {
  return (offset) => {
    const at = sentence.start + offset;
    for (let k = sentence.firstToken; k < sentence.endToken; k++) {
      const token = seg.tokens[k];
      if (token?.start === at) return token;
    }
    return undefined;
  };
}
