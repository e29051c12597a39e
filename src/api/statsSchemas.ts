/**
 * JSON schemas of the aggregate endpoints (/api/stats/*, /api/events/count): parameters and answers, validated by
 * fastify and published in /api/openapi.json like the others (src/api/schemas.ts).
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { ACTOR_KINDS } from '../lexicon/actorKinds.ts';
import { TIME_UNITS } from '../store/aggregates.ts';
import { Bbox, Day, EventFilterQuery } from './schemas.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const strict = { additionalProperties: false } as const;
const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });
const TopLimit = (fallback: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: fallback, description: `how many, 1 to 200 (default ${fallback})` }));

// ---- parameters -------------------------------------------------------------------------------------------

export const EventCountQuery = Type.Object(EventFilterQuery, strict);
export const OverTimeQuery = Type.Object(
  { ...EventFilterQuery, interval: Type.Optional(Enum(['day', 'week', 'month', 'year'] as const, 'bucket size (default month); weeks start on Monday')) },
  strict,
);
export const DyadsQuery = Type.Object(
  {
    ...EventFilterQuery,
    level: Type.Optional(Enum(['country', 'actor'] as const, 'country (default): USAGOV and USAMIL count as USA, an international organisation keeps its code (IGOUNO); actor: full codes')),
    limit: TopLimit(10),
  },
  strict,
);
export const TopQuery = Type.Object({ limit: TopLimit(10) }, strict);
export const SpeakersQuery = Type.Object({ q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'part of the speaker’s name' })), limit: TopLimit(20) }, strict);
export const MapQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    bbox: Type.Optional(Bbox),
    layers: Type.Optional(Type.String({ pattern: '^(events|casualties)(,(events|casualties))?$', description: 'what to count: events, casualties, or both (default events,casualties)' })),
  },
  strict,
);

// ---- answers ----------------------------------------------------------------------------------------------

const Count = Type.Integer({ minimum: 0 });
const QuadCounts = Type.Object({ '1': Count, '2': Count, '3': Count, '4': Count }, { description: 'events per QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict' });
const DayOrNull = Nullable(Type.String({ description: 'YYYY-MM-DD' }));

export const Totals = Type.Object({
  articles: Count,
  events: Type.Integer({ description: 'events as stored once however many articles report them' }),
  eventReports: Type.Integer({ description: 'event records in the articles (an event two articles report counts twice)' }),
  undatedEvents: Count,
  quotes: Count,
  speakers: Count,
  casualtyIncidents: Count,
  actors: Type.Integer({ description: 'actor codes with events, unknown actors left out' }),
  places: Type.Integer({ description: 'places events happened at' }),
  firstPublished: DayOrNull,
  lastPublished: DayOrNull,
  firstEvent: DayOrNull,
  lastEvent: DayOrNull,
});

export const EventCount = Type.Object({ total: Type.Integer({ description: 'events matching the filters' }) });

export const OverTime = Type.Object({
  interval: Type.String(),
  buckets: Type.Array(
    Type.Object({
      start: Type.String({ description: 'first day of the span' }),
      end: Type.String({ description: 'last day of the span' }),
      unit: Enum(TIME_UNITS, 'length of the span: the interval, or the events’ own date when coarser (an event dated only "1980" spans the year)'),
      events: Count,
      quadClass: QuadCounts,
      goldstein: Type.Number({ description: 'sum of Goldstein scores' }),
    }),
  ),
  undated: Type.Integer({ description: 'matching events without a date, in no bucket' }),
});

const Actor = Type.Object({
  actor: Type.String({ description: 'CAMEO actor code' }),
  name: Nullable(Type.String({ description: 'an organisation’s name as the articles give it most often, else the code’s label' })),
  kind: Enum(ACTOR_KINDS, 'state, igo (intergovernmental organisation), ngo, group (parties, rebels, media, civilians…), or unknown'),
  label: Nullable(Type.String({ description: 'what the code says: "United States government", "intergovernmental organisation"' })),
});

export const ActorTotals = Type.Object({ items: Type.Array(Type.Composite([Actor, Type.Object({ events: Count, asSource: Count, asTarget: Count })])) });

export const DyadTotals = Type.Object({
  dyads: Type.Array(Type.Object({ source: Actor, target: Actor, events: Count, quadClass: QuadCounts, goldstein: Type.Number({ description: 'sum of Goldstein scores' }) })),
  unknown: Type.Integer({ description: 'matching events left out because an actor is unknown (---) or missing' }),
});

export const PlaceTotals = Type.Object({
  items: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Nullable(Type.String({ description: 'city, region, country or water' })),
      geonameid: Nullable(Type.Integer()),
      country: Nullable(Type.String()),
      lat: Nullable(Type.Number()),
      lon: Nullable(Type.Number()),
      events: Type.Integer({ description: 'events that happened there' }),
      articles: Type.Integer({ description: 'articles that mention it' }),
      filter: Type.String({ description: 'the place parameter of /api/events that lists its events' }),
    }),
  ),
});

export const MapSpots = Type.Object({
  spots: Type.Array(
    Type.Object({
      name: Type.String(),
      kind: Nullable(Type.String({ description: 'country: placed only in a country and drawn at its centroid, which is not where it happened' })),
      geonameid: Nullable(Type.Integer()),
      country: Nullable(Type.String()),
      lat: Type.Number(),
      lon: Type.Number(),
      events: Count,
      incidents: Type.Integer({ description: 'casualty incidents' }),
      killed: Count,
      wounded: Count,
    }),
  ),
});

export const SpeakerTotals = Type.Object({ items: Type.Array(Type.Object({ name: Type.String(), actor: Nullable(Type.String()), quotes: Count })) });
