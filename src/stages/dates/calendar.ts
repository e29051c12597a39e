/**
 * Calendar arithmetic on UTC noon instants (so a day shift never crosses midnight) and ISO values truncated to
 * a granularity: "2007-05-28", "2007-W22" (ISO week), "2007-05", "2007-22" (ISO 8601-2 season), "2007", "198" (decade).
 */

const DAY_MS = 86_400_000;

/** "2007-05-28" or "2007-05-28T09:00:00Z" → noon UTC of that day; null when absent or not a real day. */
export function parsePublished(published: string | null): Date | null {
  const match = published === null ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = utcNoon(year, month, day);
  return date.getUTCMonth() + 1 === month && date.getUTCDate() === day ? date : null;
}

export function utcNoon(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, month - 1, day, 12));
  date.setUTCFullYear(year);
  return date;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function dayValue(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

export function monthValue(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

export function yearValue(year: number): string {
  return pad(year, 4);
}

/** ISO 8601 decade: the first three digits of its years ("198" for the 1980s). */
export function decadeValue(firstYear: number): string {
  return pad(Math.floor(firstYear / 10), 3);
}

const SEASON_CODES: Readonly<Record<string, number>> = { spring: 21, summer: 22, autumn: 23, fall: 23, winter: 24 };

export function seasonValue(year: number, season: string): string {
  return `${pad(year, 4)}-${SEASON_CODES[season.toLowerCase()] ?? 21}`;
}

/** ISO week of the day: weeks start on Monday, week 1 holds the year's first Thursday. */
export function weekValue(date: Date): string {
  const thursday = addDays(date, 3 - ((date.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utcNoon(year, 1, 1).getTime()) / (7 * DAY_MS)) + 1;
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}
