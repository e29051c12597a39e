/** Names and colours shared by every view, so a QuadClass looks the same in the reader, table, timeline and network. */
import type { ActorRef, DateValue, PlaceRef } from './types.ts';

export const QUAD_NAMES: Record<number, string> = {
  1: 'Verbal cooperation',
  2: 'Material cooperation',
  3: 'Verbal conflict',
  4: 'Material conflict',
};

/** Cooperation in blues, conflict in oranges/reds; material darker than verbal. Also in style.css as --q1..--q4. */
export const QUAD_COLOURS: Record<number, string> = { 1: '#6baed6', 2: '#2166ac', 3: '#f4a261', 4: '#c0392b' };

export function quadName(quad: number): string {
  return QUAD_NAMES[quad] ?? `QuadClass ${quad}`;
}

export function actorLabel(ref: ActorRef | null | undefined): string {
  if (!ref) return '—';
  const code = ref.actor === '---' ? 'unknown actor' : ref.actor;
  return ref.name ? `${ref.name} (${code})` : code;
}

export function dateLabel(date: DateValue | null | undefined): string {
  if (!date || date.value === null) return 'no date';
  return `${date.value} (${date.granularity}, ${date.certainty})`;
}

export function placeLabel(place: PlaceRef | null | undefined): string {
  if (!place) return 'no place';
  const country = place.country ? `, ${place.country}` : '';
  return `${place.name}${country} (${place.certainty})`;
}

/** "+3.4", "−10" (a true minus sign), "0". */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** Eight light tints for telling speakers apart; the same speaker keeps the same tint within an article. */
export const SPEAKER_TINTS = ['#fde68a', '#bbf7d0', '#bfdbfe', '#fbcfe8', '#ddd6fe', '#fed7aa', '#a5f3fc', '#e5e7eb'];

/** A CAMEO actor code for tables and lists; "---" (the text names no actor) reads as "unknown". */
export function actorCode(code: string | null | undefined): string {
  return !code ? '—' : code === '---' ? 'unknown' : code;
}

/** A stored day at its granularity: a year-granular "1980-01-01" reads "1980", a month "2007-05". */
export function dayLabel(day: string, granularity: string): string {
  if (granularity === 'year' || granularity === 'decade') return day.slice(0, 4);
  if (granularity === 'month' || granularity === 'season') return day.slice(0, 7);
  return day;
}

/** What the API's actor kinds are called in legends and labels. */
export const KIND_NAMES: Record<string, string> = {
  state: 'state',
  igo: 'intergovernmental organisation',
  ngo: 'non-governmental organisation',
  group: 'group (party, rebels, media, civilians…)',
  unknown: 'unknown actor',
};

/** "United States (USA)", "United Nations (IGOUNO)"; the bare code when nothing better is known. */
export function actorName(a: { actor: string; name: string | null }): string {
  return a.name && a.name !== a.actor ? `${a.name} (${a.actor})` : actorCode(a.actor);
}

/** A record's date value at its granularity: "2007-05-28", "2007-05", "1980", "2007-W22". */
export function dateValueLabel(value: string, granularity: string): string {
  if (granularity === 'year' || granularity === 'decade') return value.slice(0, 4);
  if (granularity === 'month' || granularity === 'season') return value.slice(0, 7);
  return value;
}
