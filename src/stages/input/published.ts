/** Publication dates from metadata and records → "YYYY-MM-DD" (the calendar date as written, no time-zone shift). */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

export function parsePublished(raw: string): string | null {
  const text = raw.trim();
  // ISO: 2007-05-28, 2007-05-28T10:00:00Z, 2007-05-28 10:00
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return valid(+iso[1]!, +iso[2]!, +iso[3]!);
  // Reuters-21578 style: 26-FEB-1987 15:01:01.79
  const dmy = /^(\d{1,2})[-\s]([A-Za-z]{3})[a-z]*[-\s,]+(\d{4})/.exec(text);
  if (dmy) return valid(+dmy[3]!, MONTHS[dmy[2]!.toLowerCase()] ?? 0, +dmy[1]!);
  // RSS/RFC 2822: Mon, 28 May 2007 10:00:00 GMT
  const rfc = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(text);
  if (rfc) return valid(+rfc[3]!, MONTHS[rfc[2]!.toLowerCase()] ?? 0, +rfc[1]!);
  // May 28, 2007
  const mdy = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})/.exec(text);
  if (mdy) return valid(+mdy[3]!, MONTHS[mdy[1]!.toLowerCase()] ?? 0, +mdy[2]!);
  return null;
}

function valid(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
