/**
 * chrono's matches, filtered (CHRONO_FILTERS) and resolved against the publication date with our own rules:
 * weekdays lean to the past, weeks and weekends, "last September", and granularity from what the text states.
 */
import * as chrono from 'chrono-node';
import type { Granularity } from '../../model/record.ts';
import type { DateCandidate } from './candidate.ts';
import { relationBefore } from './candidate.ts';
import { addDays, dayValue, monthValue, utcNoon, weekValue, yearValue } from './calendar.ts';
import { CHRONO_FILTERS, FUTURE_CUE, FUTURE_VERB_CUE, NAMED_DAY_PREFIX, WEEKDAY_MODIFIER, type CodeRuleId } from './rules.ts';

const CASUAL_DAY_PART = /^casualReference\/(?:morning|afternoon|evening|night|tonight)$/;
const END_OF_PERIOD_TAGS = ['parser/ENEndOfCurrentMonthParser', 'refiner/ENEndOfPeriodRefiner'];
const WEEK = /\b(this|last|next|past|previous|coming)\s+week\b/i;
const UNIT_GRANULARITY: readonly [RegExp, Granularity][] = [
  [/\bdays?\b/i, 'day'],
  [/\bweeks?\b/i, 'week'],
  [/\bmonths?\b/i, 'month'],
  [/\byears?\b/i, 'year'],
  [/\bdecades?\b/i, 'decade'],
];

export function chronoDates(text: string, reference: Date): DateCandidate[] {
  const found: DateCandidate[] = [];
  for (const result of chrono.en.parse(text, { instant: reference, timezone: 0 })) {
    const candidate = readResult(result, text, reference);
    if (candidate) found.push(candidate);
  }
  return found;
}

function readResult(result: chrono.ParsedResult, text: string, reference: Date): DateCandidate | null {
  const start = result.index;
  // chrono keeps a trailing comma, dash or "of": "on Saturday, killing 24 people", "last November -- that".
  const matched = result.text.replace(/(?:\s+of|[\s,;:\-–—])+$/i, '');
  const end = start + matched.length;
  if (end === start) return null;
  const filter = CHRONO_FILTERS.find((f) => f.pattern.test(matched));
  if (filter?.action === 'drop') return null;
  // "Feb 21.1" in a price table, "the January 10-year bond", "5-3/4 1992 bond": parts of other numbers.
  if (/[\d$£€][-.,/]?$/.test(text.slice(Math.max(0, start - 2), start)) || /^(?:[.,]\d|-[A-Za-z\d]|%)/.test(text.slice(end, end + 2))) return null;
  if (filter?.action === 'anchor') {
    const granularity = UNIT_GRANULARITY.find(([unit]) => unit.test(matched))?.[1] ?? 'unknown';
    const relation = /(?:after|later|next|following)\b/i.test(matched) ? 'after' : 'before';
    return { start, end, value: null, granularity, certainty: 'unknown', relation, rules: [filter.id] };
  }

  const parts = result.start;
  const resolved = (value: string, granularity: Granularity, rule: CodeRuleId, from = start): DateCandidate => ({
    start: from,
    end,
    value,
    granularity,
    certainty: 'stated',
    // "Monday's talks", "last year's decline": the date modifies a noun, whatever preposition comes before.
    relation: /^['’]s\b/.test(text.slice(end, end + 3)) ? 'on' : relationBefore(text, from),
    rules: rule === 'dates.chrono' ? [rule] : ['dates.chrono', rule],
  });

  if (/\bweekend\b/i.test(matched)) {
    // "an early morning weekend show": only "(the|this|last|next) weekend" names a weekend.
    if (!/^(?:(?:this|last|next|coming|past)\s+)?weekend$/i.test(matched)) return null;
    return { ...resolved(dayValue(weekendSaturday(matched, text, start, reference)), 'day', 'dates.weekend'), relation: 'around' };
  }
  const week = WEEK.exec(matched)?.[1]?.toLowerCase();
  if (week) {
    const offset = week === 'this' ? 0 : week === 'next' || week === 'coming' ? 7 : -7;
    return resolved(weekValue(addDays(reference, offset)), 'week', 'dates.week');
  }
  const weekday = parts.get('weekday');
  if (parts.isCertain('weekday') && !parts.isCertain('day') && weekday !== null) {
    if (isNamedDay(matched, text, start, end)) return null;
    if (WEEKDAY_MODIFIER.test(matched)) return resolved(dayValue(componentsDate(parts)), 'day', 'dates.chrono');
    const future = pointsForward(text, start, end);
    const shift = future ? (weekday - reference.getUTCDay() + 7) % 7 : -((reference.getUTCDay() - weekday + 7) % 7);
    return resolved(dayValue(addDays(reference, shift)), 'day', future ? 'dates.weekday-future' : 'dates.weekday-past');
  }
  if (parts.isCertain('day')) {
    if (END_OF_PERIOD_TAGS.some((tag) => result.tags().has(tag))) {
      return resolved(monthValue(parts.get('year') ?? 0, parts.get('month') ?? 1), 'month', 'dates.end-of-period');
    }
    return resolved(dayValue(componentsDate(parts)), 'day', 'dates.chrono');
  }
  if (parts.isCertain('month')) {
    const month = parts.get('month') ?? 1;
    const modifier = parts.isCertain('year') ? undefined : /\b(last|next)\s+$/i.exec(text.slice(Math.max(0, start - 6), start));
    if (modifier) {
      const year = modifiedMonthYear(month, modifier[1]!.toLowerCase() === 'last', reference);
      return resolved(monthValue(year, month), 'month', 'dates.month-modifier', start - modifier[0].length);
    }
    return resolved(monthValue(parts.get('year') ?? 0, month), 'month', 'dates.chrono');
  }
  if (parts.isCertain('year')) return resolved(yearValue(parts.get('year') ?? 0), 'year', 'dates.chrono');
  // "this morning", "tonight": the day is implied by the reference; "at 5 pm" alone dates nothing.
  if ([...result.tags()].some((tag) => CASUAL_DAY_PART.test(tag))) return resolved(dayValue(componentsDate(parts)), 'day', 'dates.chrono');
  return null;
}

/** "last September" is the latest September before publication, "next March" the first after; chrono ignores the word. */
function modifiedMonthYear(month: number, last: boolean, reference: Date): number {
  const year = reference.getUTCFullYear();
  const current = reference.getUTCMonth() + 1;
  if (last) return month < current ? year : year - 1;
  return month > current ? year : year + 1;
}

function componentsDate(parts: chrono.ParsedComponents): Date {
  return utcNoon(parts.get('year') ?? 0, parts.get('month') ?? 1, parts.get('day') ?? 1);
}

/** "Good Friday", "Bloody Sunday", "the Sunday Times": a bare weekday inside a name. */
function isNamedDay(match: string, text: string, start: number, end: number): boolean {
  if (/^on\b/i.test(match)) return false;
  if (NAMED_DAY_PREFIX.test(text.slice(Math.max(0, start - 12), start))) return true;
  const after = text.slice(end, end + 5);
  return /^\s+[A-Z][a-z]/.test(after) && !/^\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(after);
}

/** A cue earlier in the same clause sends a weekday forward: "will meet on Friday", "ahead of Friday's vote". */
function pointsForward(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80), start);
  // The clause ends at punctuation, a relative word or a speech verb: "will adhere to rules which came into force on Thursday".
  const clause = before.slice(before.search(/(?:[^,;:()“”"—–]*$)/)).split(/\b(?:which|who|that|when|where|said|says)\b/i).at(-1) ?? '';
  const possessive = /^['’]s\b/.test(text.slice(end, end + 3));
  return FUTURE_CUE.test(clause) || (!possessive && FUTURE_VERB_CUE.test(clause));
}

/** The Saturday of the weekend meant: the one just past unless the text looks forward ("next weekend", "will ... this weekend"). */
function weekendSaturday(match: string, text: string, start: number, reference: Date): Date {
  const day = reference.getUTCDay();
  const lastSaturday = addDays(reference, -((day + 1) % 7));
  const nextSaturday = addDays(reference, (6 - day + 7) % 7 || 7);
  if (/\b(?:next|coming)\b/i.test(match)) return nextSaturday;
  if (/\bthis\b/i.test(match) || pointsForward(text, start, start + match.length)) return day === 6 || day === 0 ? lastSaturday : nextSaturday;
  return lastSaturday;
}
