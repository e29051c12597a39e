/**
 * JSON schemas of the API's parameters and answers. Fastify validates every request against them (400 on any
 * mismatch), serialises answers with them, and /api/openapi.json is built from them.
 */
import { Type, type TSchema } from '@sinclair/typebox';
import { EVENT_SORTS } from '../store/events.ts';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const strict = { additionalProperties: false } as const;
const Enum = <T extends string>(values: readonly T[], description: string) => Type.Unsafe<T>({ type: 'string', enum: [...values], description });

// ---- parameters -------------------------------------------------------------------------------------------

export const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50, description: 'items per page, 1 to 500 (default 50)' });
export const Cursor = Type.String({ minLength: 1, maxLength: 400, pattern: '^[A-Za-z0-9_-]+$', description: 'nextCursor of the previous page, to get the next one' });
export const Day = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD' });
export const Search = Type.String({ minLength: 1, maxLength: 500, description: 'words to find (all must match); "a phrase", OR, -word to exclude, prefix*' });
export const ActorCode = Type.String({
  pattern: '^([A-Za-z0-9]{3}|---)([A-Za-z0-9]{3}){0,4}$',
  description: 'CAMEO actor code or its prefix, case-insensitive: USA matches USA, USAGOV, USAMIL…; --- is an unknown country (---CVL: civilians)',
});
export const Bbox = Type.String({
  pattern: '^\\s*-?\\d+(\\.\\d+)?\\s*(,\\s*-?\\d+(\\.\\d+)?\\s*){3}$',
  description: 'map box: west,south,east,north in degrees (west > east crosses the 180° meridian)',
});

export const Page = { cursor: Type.Optional(Cursor), limit: Type.Optional(Limit) };

export const ArticleQuery = Type.Object(
  {
    q: Type.Optional(Search),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    source: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'exact source name (Reuters, Wikinews…)' })),
    ...Page,
  },
  strict,
);

export const EventFilterQuery = {
  actor: Type.Optional(Type.Unsafe<string>({ ...ActorCode, description: 'either side of the event: ' + ActorCode.description })),
  source: Type.Optional(Type.Unsafe<string>({ ...ActorCode, description: 'who acts: ' + ActorCode.description })),
  target: Type.Optional(Type.Unsafe<string>({ ...ActorCode, description: 'who is acted upon: ' + ActorCode.description })),
  root: Type.Optional(Type.String({ pattern: '^(0[1-9]|1[0-9]|20)$', description: 'CAMEO root code, 01 to 20' })),
  code: Type.Optional(Type.String({ pattern: '^(0[1-9]|1[0-9]|20)[0-9]{0,2}$', description: 'CAMEO event code or its prefix (04 matches 040–046 and sub-codes)' })),
  quad: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict' })),
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  place: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'a GeoNames id, an ISO 3166 alpha-3 country code (IRQ), or a place name' })),
  bbox: Type.Optional(Bbox),
  q: Type.Optional(Type.Unsafe<string>({ ...Search, description: 'words in the articles that report the event: ' + Search.description })),
  claimed: Type.Optional(Type.Boolean({ description: 'true: only allegations the articles report; false: only what they assert' })),
  historical: Type.Optional(Type.Boolean({ description: 'true: only events long before the article; false: only current ones' })),
};

export const EventQuery = Type.Object(
  { ...EventFilterQuery, sort: Type.Optional(Enum(EVENT_SORTS, 'order: day, goldstein or articles (number of reporting articles); a leading "-" for descending (default -day)')), ...Page },
  strict,
);
export const ExportQuery = Type.Object(EventFilterQuery, strict);
export const ActorQuery = Type.Object({ q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'code prefix (IRN) or part of a name (Crocker)' })), ...Page }, strict);
export const QuoteQuery = Type.Object({ speaker: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'part of the speaker’s name' })), q: Type.Optional(Search), ...Page }, strict);
export const CasualtyQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day), bbox: Type.Optional(Bbox), ...Page }, strict);
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, description: 'article id in this store' }) }, strict);
export const DyadParams = Type.Object({ a: ActorCode, b: ActorCode }, strict);
export const TimelineQuery = Type.Object({ interval: Type.Optional(Enum(['day', 'week', 'month'] as const, 'bucket size (default day); weeks start on Monday')) }, strict);
export const NoQuery = Type.Object({}, strict);
export const CodeQuery = Type.Object({ explain: Type.Optional(Type.Boolean({ description: 'add, per record, the rules that fired and the words they rest on' })) }, strict);

/** POST /api/code: one article, as a record of `dateline code` JSONL input. */
export const CodeBody = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    text: Type.Optional(Type.String({ minLength: 1, description: 'the article text; offsets in the answer point into it' })),
    html: Type.Optional(Type.String({ minLength: 1, description: 'an HTML page, used when text is absent' })),
    title: Type.Optional(Type.String({ maxLength: 2000 })),
    published: Type.Optional(Type.String({ maxLength: 100, description: 'publication date (YYYY-MM-DD, ISO date-time, RFC 2822…); relative dates resolve against it' })),
    url: Type.Optional(Type.String({ maxLength: 4000 })),
    source: Type.Optional(Type.String({ maxLength: 500 })),
    byline: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { ...strict, description: 'one article: text (or html) and optional metadata' },
);

// ---- answers ----------------------------------------------------------------------------------------------

export const ErrorAnswer = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String(),
    message: Type.String(),
    parameter: Type.Optional(Type.String({ description: 'the parameter at fault' })),
  },
  { description: 'what was wrong, and with which parameter' },
);

const NextCursor = Nullable(Type.String({ description: 'pass as cursor for the next page; null on the last page' }));
const Place = Type.Object({
  name: Type.String(),
  kind: Type.Optional(Nullable(Type.String())),
  geonameid: Nullable(Type.Integer()),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  country: Nullable(Type.String()),
});
const ArticleRef = Type.Object({ id: Type.Integer(), title: Nullable(Type.String()), source: Nullable(Type.String()), published: Nullable(Type.String()), url: Nullable(Type.String()) });

export const ArticleList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      extId: Type.String({ description: 'the id the article came with (record id, file name)' }),
      title: Nullable(Type.String()),
      source: Nullable(Type.String()),
      published: Nullable(Type.String()),
      url: Nullable(Type.String()),
      status: Type.String({ description: 'coded, or failed (see the article’s messages)' }),
      duplicateOf: Nullable(Type.Integer({ description: 'the earlier article this one is a near-duplicate of' })),
      events: Type.Integer({ description: 'events the article reports, as the store counts them (two reports of one event are one)' }),
      quotes: Type.Integer({ description: 'quotes in the article' }),
      casualties: Type.Integer({ description: 'casualty records in the article' }),
      snippet: Type.Optional(Type.Object({ text: Type.String(), highlights: Type.Array(Type.Array(Type.Integer(), { minItems: 2, maxItems: 2 }), { description: '[start, end) of each matched word in text' }) })),
    }),
  ),
  nextCursor: NextCursor,
});

const Message = Type.Object({ level: Type.String(), stage: Type.String(), rule: Nullable(Type.String()), start: Nullable(Type.Integer()), end: Nullable(Type.Integer()), text: Type.String() });

export const ARTICLE_RECORD_REF = 'https://dateline.dev/schema/article-record.json';

export const StoredArticle = Type.Object({
  id: Type.Integer(),
  extId: Type.String(),
  url: Nullable(Type.String()),
  title: Nullable(Type.String()),
  source: Nullable(Type.String()),
  published: Nullable(Type.String()),
  origin: Type.String({ description: 'where it was read from: file, file:line, feed#item or URL' }),
  status: Type.String(),
  duplicateOf: Nullable(Type.Integer()),
  similarity: Nullable(Type.Number({ description: 'estimated share of word 5-grams shared with duplicateOf' })),
  nearDuplicates: Type.Array(Type.Integer(), { description: 'later articles that copy this one' }),
  addedAt: Type.String(),
  codedAt: Type.String(),
  text: Type.String(),
  record: Type.Union([Type.Unsafe({ $ref: `${ARTICLE_RECORD_REF}#` }), Type.Null()], { description: 'every record with offsets into text; null when coding failed' }),
  eventIds: Type.Record(Type.String(), Type.Integer(), { description: 'event record id in the article → stored event id' }),
  messages: Type.Array(Message),
});

const ActorRef = Type.Object({ actor: Type.String(), name: Nullable(Type.String()) });

export const EventItem = Type.Object({
  id: Type.Integer(),
  day: Nullable(Type.String({ description: 'YYYY-MM-DD; a month or year stands for its first day (see granularity)' })),
  granularity: Type.String(),
  code: Type.String(),
  name: Type.String(),
  root: Type.String(),
  quadClass: Type.Integer(),
  goldstein: Type.Number(),
  source: ActorRef,
  target: Nullable(ActorRef),
  place: Nullable(Place),
  negated: Type.Boolean(),
  claimed: Type.Boolean(),
  historical: Type.Boolean(),
  isRoot: Type.Boolean({ description: 'reported in the lead paragraph (GDELT IsRootEvent)' }),
  numMentions: Type.Integer(),
  numArticles: Type.Integer(),
  numSources: Type.Integer(),
  firstArticle: Type.Object({ id: Type.Integer(), url: Nullable(Type.String()) }),
  addedAt: Type.String(),
});

const Evidence = Type.Object(
  {
    text: Type.String({ description: 'the sentence of the event’s first report' }),
    trigger: Type.Array(Type.Integer(), { minItems: 2, maxItems: 2, description: '[start, end) of the trigger words in text' }),
    article: Type.Integer({ description: 'the article it is from' }),
  },
  { description: 'the words the event rests on, from its first report' },
);

export const EventList = Type.Object({ items: Type.Array(Type.Composite([EventItem, Type.Object({ evidence: Nullable(Evidence) })])), nextCursor: NextCursor });

export const ActorList = Type.Object({
  items: Type.Array(
    Type.Object({
      actor: Type.String(),
      names: Type.Array(Type.String(), { description: 'names this code was given, most frequent first' }),
      events: Type.Integer(),
      asSource: Type.Integer(),
      asTarget: Type.Integer(),
      mentions: Type.Integer(),
    }),
  ),
  nextCursor: NextCursor,
});

export const QuoteList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      article: ArticleRef,
      text: Type.String(),
      direct: Type.Boolean(),
      fragment: Type.Boolean(),
      speaker: Type.Object({ name: Type.String(), actor: Nullable(Type.String()), start: Nullable(Type.Integer()), end: Nullable(Type.Integer()) }),
      cue: Nullable(Type.String()),
      start: Type.Integer(),
      end: Type.Integer(),
      sentence: Type.Integer(),
      rules: Type.Array(Type.String()),
    }),
  ),
  nextCursor: NextCursor,
});

const Count = Nullable(Type.Integer());
export const CasualtyList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      article: ArticleRef,
      day: Nullable(Type.String()),
      killed: Count,
      wounded: Count,
      missing: Count,
      abducted: Count,
      arrested: Count,
      displaced: Count,
      incident: Nullable(Type.String()),
      victims: Nullable(Type.String()),
      perpetrator: Nullable(Type.String({ description: 'CAMEO actor code' })),
      place: Nullable(Place),
      cumulative: Type.Boolean(),
      claimed: Type.Boolean(),
      start: Type.Integer(),
      end: Type.Integer(),
      sentence: Type.Integer(),
      rules: Type.Array(Type.String()),
    }),
  ),
  nextCursor: NextCursor,
});

const Tally = Type.Object({
  events: Type.Integer(),
  quadClass: Type.Object({ '1': Type.Integer(), '2': Type.Integer(), '3': Type.Integer(), '4': Type.Integer() }, { description: 'events per QuadClass' }),
  goldstein: Type.Number({ description: 'sum of Goldstein scores' }),
});

export const Timeline = Type.Object({
  a: Type.String(),
  b: Type.String(),
  interval: Type.String(),
  points: Type.Array(Type.Object({ period: Type.String({ description: 'first day of the interval' }), aToB: Tally, bToA: Tally })),
});
