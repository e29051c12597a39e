/** The record contract is the engine's own (src/model/record.ts); the app imports its types only. */
export type {
  ArticleRecord,
  Article,
  Entity,
  Place,
  DateRecord,
  Event as EventRecord,
  Quote,
  Casualty,
  Count,
  ActorRef,
  PlaceRef,
  DateValue,
} from '../../src/model/record.ts';
