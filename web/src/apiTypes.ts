/** The API's answers, typed from its own schemas (src/api/schemas.ts), so the app and the server cannot drift. */
import type { Static } from '@sinclair/typebox';
import type { ActorList, ArticleList, CasualtyList, EventList, QuoteList, StoredArticle as StoredArticleSchema, Timeline as TimelineSchema } from '../../src/api/schemas.ts';
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
