/** Test helper: the casualties of a text run through clean → segment → findCasualties, with the layers a test gives. */
import type { Casualty, Count, DateRecord, Entity, Place } from '../../../src/model/record.ts';
import { findCasualties } from '../../../src/stages/casualties/index.ts';
import { docWith } from '../../helpers/doc.ts';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';

export interface TestContext {
  places?: Place[];
  dates?: DateRecord[];
  entities?: Entity[];
  published?: string | null;
  datelinePlaceId?: string | null;
}

export function casualtiesOf(text: string, context: TestContext = {}): Casualty[] {
  return findCasualties(
    docWith(text, {
      places: context.places ?? [],
      dates: context.dates ?? [],
      entities: context.entities ?? [],
      published: context.published === undefined ? '2016-01-15' : context.published,
      datelinePlaceId: context.datelinePlaceId ?? null,
    }),
  );
}

/** A place with a mention at each occurrence of its name (sentence indices from the segmenter). */
export function placeNamed(text: string, name: string, id: string, kind: Place['kind'], country: string, lat: number, lon: number): Place {
  const seg = segment(text, cleanText(text).paragraphs);
  const mentions = [...text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))].map((m) => ({
    start: m.index,
    end: m.index + name.length,
    sentence: seg.sentences.findIndex((s) => s.start <= m.index && m.index < s.end),
    kind: 'name' as const,
  }));
  return { id, name, kind, geonameid: null, lat, lon, country, population: null, mentions, rules: [] };
}

export const KINDS = ['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced'] as const;
export type Kind = (typeof KINDS)[number];

/** Every count of every record, with its kind. */
export function allCounts(found: readonly Casualty[]): { kind: Kind; count: Count; record: Casualty }[] {
  return found.flatMap((record) => KINDS.filter((k) => record[k]).map((kind) => ({ kind, count: record[kind]!, record })));
}
