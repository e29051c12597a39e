/** Hand-made articles and records for store tests: only what the store reads, valid against the model. */
import type { ArticleInput } from '../../src/model/analysis.ts';
import { SCHEMA_VERSION, type ArticleRecord, type Event } from '../../src/model/record.ts';
import { articleKey } from '../../src/store/articleKey.ts';
import { articleRows, type ArticleRows } from '../../src/store/rows.ts';

export interface EventSpec {
  source: string;
  target: string | null;
  code: string;
  /** As the record gives it: "2007-05-28", "2007-05" (month), "1980" (year); '' for no date. */
  day: string;
  /** Default day. */
  granularity?: 'day' | 'week' | 'month' | 'year';
  place?: { name: string; geonameid: number | null; country: string; lat: number; lon: number; kind?: 'city' | 'country' | 'region' };
  /** The words the event rests on; must occur in the text. */
  words: string;
}

export const BAGHDAD = { name: 'Baghdad', geonameid: 98182, country: 'IRQ', lat: 33.34, lon: 44.4 };

export function inputOf(text: string, meta: { id: string; url?: string; source?: string; published?: string }): ArticleInput {
  return { id: meta.id, text, title: null, titleSpan: null, published: meta.published ?? null, publishedFrom: meta.published ? 'record' : 'none', url: meta.url ?? null, source: meta.source ?? null, byline: null, messages: [] };
}

export function recordOf(input: ArticleInput, events: EventSpec[]): ArticleRecord {
  const places = [...new Map(events.filter((e) => e.place).map((e) => [e.place!.name, e.place!])).values()].map((p, i) => ({
    id: `p${i + 1}`,
    name: p.name,
    kind: p.kind ?? ('city' as const),
    geonameid: p.geonameid,
    lat: p.lat,
    lon: p.lon,
    country: p.country,
    population: null,
    mentions: [],
    rules: ['test.place'],
  }));
  return {
    schemaVersion: SCHEMA_VERSION,
    provenance: { engine: 'test', mode: 'default', models: [], lexicons: [] },
    article: { id: input.id, title: null, titleSpan: null, source: input.source, published: input.published, publishedFrom: input.publishedFrom, url: input.url, byline: null, dateline: null, credits: [], furniture: [], text: input.text },
    sentences: [{ start: 0, end: input.text.length, paragraph: 0 }],
    entities: [],
    places,
    dates: [],
    events: events.map((e, i): Event => {
      const start = input.text.indexOf(e.words);
      if (start < 0) throw new Error(`"${e.words}" is not in the text`);
      const place = e.place ? places.find((p) => p.name === e.place!.name)! : null;
      return {
        id: `ev${i + 1}`,
        code: e.code,
        name: `event ${e.code}`,
        root: e.code.slice(0, 2),
        plover: null,
        quadClass: Number(e.code.slice(0, 2)) <= 5 ? 1 : Number(e.code.slice(0, 2)) <= 9 ? 2 : Number(e.code.slice(0, 2)) <= 14 ? 3 : 4,
        goldstein: 1,
        source: { actor: e.source },
        target: e.target ? { actor: e.target } : null,
        date: e.day === '' ? { value: null, certainty: 'unknown', granularity: 'day' } : { value: e.day, certainty: 'stated', granularity: e.granularity ?? 'day' },
        place: place ? { name: place.name, placeId: place.id, lat: place.lat, lon: place.lon, country: place.country, certainty: 'stated' } : null,
        negated: false,
        modality: null,
        claimed: false,
        historical: false,
        denies: null,
        trigger: { start, end: start + e.words.length },
        evidence: { start, end: start + e.words.length, sentence: 0 },
        rules: ['test.event'],
      };
    }),
    quotes: [],
    casualties: [],
    messages: [],
  };
}

export function rowsOf(text: string, meta: { id: string; url?: string; source?: string; published?: string }, events: EventSpec[]): ArticleRows {
  const input = inputOf(text, meta);
  return articleRows(input, recordOf(input, events), { ...articleKey(input), origin: `test:${meta.id}` });
}

/** A long wire story, so near-duplicate detection has shingles to compare. */
export const WIRE_STORY = [
  'BAGHDAD (Reuters) - The United States urged Iran on Monday to stop supporting militias in Iraq in the most high-profile meeting between the two countries in almost 30 years.',
  'The rare talks in Baghdad were narrowly focused on the spiralling sectarian violence and did not touch on the controversial nuclear program, which has ratcheted up tensions between the two arch foes in recent months.',
  'Both sides described the four-hour meeting at the office of the Iraqi prime minister as positive, and the Iranian ambassador said Tehran would consider an invitation to further talks.',
  'The American ambassador said he told the Iranians that they had to stop arming and training militias, and that Washington would watch what happened on the ground.',
].join('\n\n');
