/** A small, hand-written world for stage unit tests: a few countries, capitals and nationalities. */
import type { EntityKnowledge } from '../../src/stages/entities/index.ts';
import { segment } from '../../src/stages/segment/index.ts';
import type { Segmented } from '../../src/model/analysis.ts';

const COUNTRIES: Record<string, string> = { 'u.s.': 'USA', 'united states': 'USA', america: 'USA', iran: 'IRN', iraq: 'IRQ', britain: 'GBR', syria: 'SYR', israel: 'ISR', france: 'FRA' };
const DEMONYMS: Record<string, string> = { iranian: 'IRN', iranians: 'IRN', iraqi: 'IRQ', iraqis: 'IRQ', american: 'USA', americans: 'USA', british: 'GBR', syrian: 'SYR', israeli: 'ISR', french: 'FRA' };
const CITIES: Record<string, string> = { baghdad: 'IRQ', tehran: 'IRN', washington: 'USA', damascus: 'SYR', paris: 'FRA', basra: 'IRQ' };
const CAPITALS = new Set(['baghdad', 'tehran', 'washington', 'damascus', 'paris']);
const NAMES: Record<string, string> = { USA: 'United States', IRN: 'Iran', IRQ: 'Iraq', GBR: 'United Kingdom', SYR: 'Syria', ISR: 'Israel', FRA: 'France' };

export const fakeKnowledge: EntityKnowledge = {
  countryOfName: (n) => COUNTRIES[n.toLowerCase()] ?? null,
  countryOfDemonym: (w) => DEMONYMS[w.toLowerCase()] ?? null,
  placeKindOf: (n) => (COUNTRIES[n.toLowerCase()] ? 'country' : CITIES[n.toLowerCase()] ? 'city' : n === 'Gulf' ? 'water' : null),
  capitalOf: (n) => (CAPITALS.has(n.toLowerCase()) ? CITIES[n.toLowerCase()]! : null),
  countryName: (iso3) => NAMES[iso3] ?? iso3,
};

/** One paragraph per blank-line-separated block. */
export function segmentText(text: string): Segmented {
  const paragraphs: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) if (m[0].trim()) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  return segment(text, paragraphs);
}
