/**
 * Event exports: the GDELT 2.0 event table (61 tab-separated columns, GDELT's order, no header), CSV with a
 * header in the same order, and JSON lines of the API's event objects.
 */
import { createRequire } from 'node:module';
import { eachEventRow, eventItem, type EventFilters, type EventRowOut } from './events.ts';
import type { Sql } from './sql.ts';

export type ExportFormat = 'gdelt' | 'csv' | 'jsonl';

interface Column {
  name: string;
  value: (e: EventRowOut, actors: ActorParts) => string | number | null;
  /** Why the column is empty or differs from GDELT's own; shown in the API docs. */
  note?: string;
}

interface ActorParts {
  a1: Parts;
  a2: Parts;
}

interface Parts {
  country: string;
  types: string[];
}

const EMPTY_ACTOR = 'Dateline does not code this actor attribute; always empty';
const EMPTY_ACTOR_GEO = 'Dateline places the action, not each actor; always empty';

const actor = (n: 1 | 2): Column[] => {
  const key = n === 1 ? 'a1' : 'a2';
  const code = (e: EventRowOut) => (n === 1 ? e.source_actor : e.target_actor);
  return [
    // "---" is CAMEO's unknown country: "---CVL" is GDELT's "CVL".
    { name: `Actor${n}Code`, value: (e) => code(e).replace(/^---/, '') },
    { name: `Actor${n}Name`, value: (e) => ((n === 1 ? e.source_name : e.target_name) ?? '').toUpperCase() },
    { name: `Actor${n}CountryCode`, value: (_, a) => a[key].country, note: 'ISO 3166 alpha-3 when the CAMEO code starts with a country' },
    { name: `Actor${n}KnownGroupCode`, value: () => null, note: EMPTY_ACTOR },
    { name: `Actor${n}EthnicCode`, value: () => null, note: EMPTY_ACTOR },
    { name: `Actor${n}Religion1Code`, value: () => null, note: EMPTY_ACTOR },
    { name: `Actor${n}Religion2Code`, value: () => null, note: EMPTY_ACTOR },
    { name: `Actor${n}Type1Code`, value: (_, a) => a[key].types[0] ?? null },
    { name: `Actor${n}Type2Code`, value: (_, a) => a[key].types[1] ?? null },
    { name: `Actor${n}Type3Code`, value: (_, a) => a[key].types[2] ?? null },
  ];
};

const emptyGeo = (prefix: string): Column[] =>
  ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map((field) => ({ name: `${prefix}_${field}`, value: () => null, note: EMPTY_ACTOR_GEO }));

/** The GDELT 2.0 event table, column by column. */
export const GDELT_COLUMNS: readonly Column[] = [
  { name: 'GLOBALEVENTID', value: (e) => e.id, note: 'the store’s event id' },
  { name: 'SQLDATE', value: (e) => e.day.replaceAll('-', ''), note: 'empty when the event date is unknown; a month or year stands for its first day' },
  { name: 'MonthYear', value: (e) => e.day.slice(0, 7).replace('-', '') },
  { name: 'Year', value: (e) => e.day.slice(0, 4) },
  { name: 'FractionDate', value: (e) => fractionDate(e.day) },
  ...actor(1),
  ...actor(2),
  { name: 'IsRootEvent', value: (e) => e.is_root, note: '1 when reported in the lead paragraph of an article' },
  { name: 'EventCode', value: (e) => e.code },
  { name: 'EventBaseCode', value: (e) => e.code.slice(0, 3) },
  { name: 'EventRootCode', value: (e) => e.root },
  { name: 'QuadClass', value: (e) => e.quad_class },
  { name: 'GoldsteinScale', value: (e) => e.goldstein },
  { name: 'NumMentions', value: (e) => e.num_mentions, note: 'near-duplicate copies of an article that already reported the event are not counted' },
  { name: 'NumSources', value: (e) => e.num_sources },
  { name: 'NumArticles', value: (e) => e.num_articles },
  { name: 'AvgTone', value: () => null, note: 'Dateline does not measure tone; always empty' },
  ...emptyGeo('Actor1Geo'),
  ...emptyGeo('Actor2Geo'),
  { name: 'ActionGeo_Type', value: (e) => geoType(e), note: '1 country, 2 US state, 3 US city, 4 world city, 5 world state/region' },
  { name: 'ActionGeo_FullName', value: (e) => e.place_name },
  { name: 'ActionGeo_CountryCode', value: (e) => e.country, note: 'ISO 3166 alpha-3 (GDELT uses FIPS 10-4)' },
  { name: 'ActionGeo_ADM1Code', value: () => null, note: 'not resolved; always empty' },
  { name: 'ActionGeo_ADM2Code', value: () => null, note: 'not resolved; always empty' },
  { name: 'ActionGeo_Lat', value: (e) => e.lat },
  { name: 'ActionGeo_Long', value: (e) => e.lon },
  { name: 'ActionGeo_FeatureID', value: (e) => e.geonameid, note: 'GeoNames id (GDELT uses GNS ids); empty for places without one' },
  { name: 'DATEADDED', value: (e) => e.added_at.replace(/\D/g, '').slice(0, 14), note: 'when the event was first stored, YYYYMMDDHHMMSS UTC' },
  { name: 'SOURCEURL', value: (e) => e.source_url ?? `dateline:article/${e.first_article_id}`, note: 'URL of the first article; dateline:article/<id> when it had none' },
];

/** Lines of an export (each ending in \n), a page of rows at a time. */
export async function* exportEvents(sql: Sql, format: ExportFormat, filters: EventFilters): AsyncGenerator<string> {
  if (format === 'csv') yield `${GDELT_COLUMNS.map((c) => c.name).join(',')}\n`;
  let chunk = '';
  let n = 0;
  for await (const row of eachEventRow(sql, filters)) {
    if (format === 'jsonl') chunk += `${JSON.stringify(eventItem(row))}\n`;
    else {
      const values = gdeltValues(row);
      chunk += format === 'gdelt' ? `${values.map(tsvField).join('\t')}\n` : `${values.map(csvField).join(',')}\n`;
    }
    if (++n % 500 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

export function gdeltValues(e: EventRowOut): string[] {
  const actors = { a1: actorParts(e.source_actor), a2: actorParts(e.target_actor) };
  return GDELT_COLUMNS.map((c) => {
    const v = c.value(e, actors);
    return v === null || v === undefined ? '' : String(v);
  });
}

let isCountry: ((code: string) => boolean) | null = null;

/** "USAGOV" → country USA, types [GOV]; "IGO" and "---CVL" → no country, types [IGO] and [CVL]. */
function actorParts(code: string): Parts {
  if (code.startsWith('---')) return { country: '', types: code.slice(3).match(/.{1,3}/g) ?? [] };
  if (!isCountry) {
    const iso = createRequire(import.meta.url)('i18n-iso-countries') as { isValid: (code: string) => boolean };
    isCountry = (c) => /^[A-Z]{3}$/.test(c) && iso.isValid(c);
  }
  const chunks = code.match(/.{1,3}/g) ?? [];
  return isCountry(chunks[0]!) ? { country: chunks[0]!, types: chunks.slice(1) } : { country: '', types: chunks };
}

function geoType(e: EventRowOut): number | null {
  if (e.place_name === null) return null;
  if (e.place_kind === 'country') return 1;
  const us = e.country === 'USA';
  if (e.place_kind === 'city') return us ? 3 : 4;
  return us ? 2 : 5;
}

/** GDELT's YYYY.FFFF: the year plus the fraction of it elapsed. */
function fractionDate(day: string): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dayOfYear = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  return (y + dayOfYear / 365).toFixed(4);
}

/** Tabs and line breaks would shift columns; GDELT files have none inside fields. */
function tsvField(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ');
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
