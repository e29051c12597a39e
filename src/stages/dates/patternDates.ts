/**
 * Our own date extractors (PATTERN_RULES): bare years, year ranges, decades, seasons and parts of months,
 * which chrono does not read ("in 1980", "the 1979 Islamic Revolution", "in the 1990s", "mid-June").
 */
import type { DateCandidate, WordAt } from './candidate.ts';
import { relationOf } from './candidate.ts';
import { decadeValue, monthValue, seasonValue, yearValue } from './calendar.ts';
import { EVENT_NOUNS, MAY_HAVE_PATTERN_DATE, PATTERN_RULES, type PatternRule } from './rules.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function patternDates(text: string, reference: Date, wordAt: WordAt): DateCandidate[] {
  const found: DateCandidate[] = [];
  if (!MAY_HAVE_PATTERN_DATE.test(text)) return found;
  for (const rule of PATTERN_RULES) {
    for (const match of text.matchAll(rule.pattern)) {
      found.push(...readMatch(rule, match, text, reference, wordAt));
    }
  }
  return found;
}

function readMatch(rule: PatternRule, match: RegExpMatchArray, text: string, reference: Date, wordAt: WordAt): DateCandidate[] {
  const groups = match.groups ?? {};
  const start = match.index ?? 0;
  const end = start + match[0].length;
  const rules = [rule.id];
  // Month names are capitalised in news copy; "an early march on the capital" is not a date.
  if (groups.month && !/^[A-Z]/.test(groups.month)) return [];
  if (groups.year && endsInCount(text, end, wordAt)) return [];
  const relation = relationOf(groups.prep);

  if (groups.decade !== undefined || groups.decadeShort !== undefined) {
    const first = groups.decade !== undefined ? Number(groups.decade) * 10 : shortDecade(Number(groups.decadeShort), reference);
    return [{ start, end, value: decadeValue(first), granularity: 'decade', certainty: 'stated', relation, rules }];
  }
  const year = Number(groups.year);
  if (groups.yearEnd !== undefined) {
    const yearEnd = groups.yearEnd.length === 2 ? Math.floor(year / 100) * 100 + Number(groups.yearEnd) : Number(groups.yearEnd);
    const endSpan = match.indices?.groups?.yearEnd;
    if (yearEnd <= year || !endSpan) return [];
    return [
      { start, end: match.indices?.groups?.year?.[1] ?? end, value: yearValue(year), granularity: 'year', certainty: 'stated', relation: 'since', rules },
      { start: endSpan[0], end: endSpan[1], value: yearValue(yearEnd), granularity: 'year', certainty: 'stated', relation: 'before', rules },
    ];
  }
  if (groups.season) {
    return [{ start, end, value: seasonValue(year, groups.season), granularity: 'season', certainty: 'stated', relation, rules }];
  }
  if (groups.month) {
    const month = MONTHS.indexOf(groups.month.slice(0, 3).toLowerCase()) + 1;
    const monthYear = groups.year ? year : closestYear(month, reference);
    return [{ start, end, value: monthValue(monthYear, month), granularity: 'month', certainty: 'stated', relation, rules }];
  }
  return [{ start, end, value: yearValue(year), granularity: 'year', certainty: 'stated', relation, rules }];
}

/** "in 2000 homes", "fall 2006 points": a lower-case noun after the number makes it a count, unless it is an event ("2005 elections"). */
function endsInCount(text: string, end: number, wordAt: WordAt): boolean {
  const next = /^\s+(?=[a-z])/.exec(text.slice(end));
  if (!next) return false;
  const word = wordAt(end + next[0].length);
  return word !== undefined && (word.pos === 'NOUN' || word.pos === 'NUM') && !EVENT_NOUNS.has(word.normal);
}

/** "in late December" in a March story is last December, as chrono reads a bare month: the nearest one. */
function closestYear(month: number, reference: Date): number {
  const year = reference.getUTCFullYear();
  const distance = month - (reference.getUTCMonth() + 1);
  return distance > 6 ? year - 1 : distance < -6 ? year + 1 : year;
}

/** "the '80s" → 1980; "the '00s" → 2000 once that decade has begun by the reference date. */
function shortDecade(digit: number, reference: Date): number {
  const recent = 2000 + digit * 10;
  return recent <= reference.getUTCFullYear() ? recent : 1900 + digit * 10;
}
