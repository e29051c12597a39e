/** The API's answers, typed from its own schemas (src/api/schemas.ts), so the app and the server cannot drift. */
import type { Static } from '@sinclair/typebox';
import type { ActorList, ArticleList, CasualtyList, EventList, QuoteList, StoredArticle as StoredArticleSchema, Timeline as TimelineSchema } from '../../src/api/schemas.ts';
import type { ActorTotals, DyadTotals as DyadTotalsSchema, EventCount as EventCountSchema, MapSpots, OverTime, PlaceTotals, SpeakerTotals, Totals as TotalsSchema } from '../../src/api/statsSchemas.ts';
import type { ArticleRecord } from './types.ts';

/** Every list answer: a page of items and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ArticleHit = Static<typeof ArticleList>['items'][number];
export type EventItem = Static<typeof EventList>['items'][number];
export type ActorItem = Static<typeof ActorList>['items'][number];
export type QuoteItem = Static<typeof QuoteList>['items'][number];
export type CasualtyItem = Static<typeof CasualtyList>['items'][number];
export type Timeline = Static<typeof TimelineSchema>;
export type TimelinePoint = Timeline['points'][number];
export type Tally = TimelinePoint['aToB'];
/** GET /api/articles/:id; `record` is the engine's ArticleRecord (null when coding failed). */
export type StoredArticle = Omit<Static<typeof StoredArticleSchema>, 'record'> & { record: ArticleRecord | null };

/** The aggregates (src/api/statsSchemas.ts). */
export type Totals = Static<typeof TotalsSchema>;
export type EventCount = Static<typeof EventCountSchema>;
export type EventsOverTime = Static<typeof OverTime>;
export type TimeBucket = EventsOverTime['buckets'][number];
export type DyadTotals = Static<typeof DyadTotalsSchema>;
export type DyadTotal = DyadTotals['dyads'][number];
export type ActorSummary = DyadTotal['source'];
export type ActorTotal = Static<typeof ActorTotals>['items'][number];
export type PlaceTotal = Static<typeof PlaceTotals>['items'][number];
export type MapSpot = Static<typeof MapSpots>['spots'][number];
export type SpeakerTotal = Static<typeof SpeakerTotals>['items'][number];
