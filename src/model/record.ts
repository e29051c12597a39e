/**
 * The output contract of `dateline code`: one ArticleRecord per article.
 * Types are derived from these schemas, and `schema/article-record.schema.json` is generated from them
 * (`npm run schema`), so the JSON Schema and the TypeScript types cannot drift apart.
 * Every offset is a UTF-16 index into `article.text`, which is the input text exactly as read
 * (decoded, BOM stripped; for HTML, the article text Readability extracted).
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const strict = { additionalProperties: false } as const;

/** 1.1: `provenance` (engine, models, lexicons), event `mentions` and `mediator`; `dateline recode` upgrades a store. */
export const SCHEMA_VERSION = '1.1';

/** A span of `article.text`; `end` is exclusive. */
export const Span = Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) }, strict);
export type Span = Static<typeof Span>;

export const Mention = Type.Object(
  {
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    sentence: Type.Integer({ minimum: -1, description: 'sentence index; -1 outside body text (title, dateline)' }),
    kind: Type.Union([
      Type.Literal('name'),
      Type.Literal('surname'),
      Type.Literal('pronoun'),
      Type.Literal('nominal'),
      Type.Literal('demonym'),
      Type.Literal('alias'),
      /** A place inside an organisation's name: "Scott County" in "Scott County Sheriff's Office". */
      Type.Literal('in-name'),
      /** A place in the possessive: "Springfield's mayor". */
      Type.Literal('possessive'),
    ]),
  },
  strict,
);
export type Mention = Static<typeof Mention>;

export const Evidence = Type.Object(
  {
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    sentence: Type.Integer({ minimum: -1 }),
  },
  strict,
);
export type Evidence = Static<typeof Evidence>;

export const Certainty = Type.Union([Type.Literal('stated'), Type.Literal('implied'), Type.Literal('unknown')]);
export type Certainty = Static<typeof Certainty>;

export const Granularity = Type.Union([
  Type.Literal('day'),
  Type.Literal('week'),
  Type.Literal('month'),
  Type.Literal('season'),
  Type.Literal('year'),
  Type.Literal('decade'),
  Type.Literal('unknown'),
]);
export type Granularity = Static<typeof Granularity>;

/** A date as a record field: `value` is an ISO date truncated to the granularity ("1980", "2007-05", "2007-05-28"). */
export const DateValue = Type.Object(
  {
    value: Nullable(Type.String()),
    certainty: Certainty,
    granularity: Granularity,
    dateId: Type.Optional(Type.String({ description: 'id of the dates[] record it was read from' })),
  },
  strict,
);
export type DateValue = Static<typeof DateValue>;

export const Credit = Type.Object(
  {
    name: Type.String(),
    role: Type.Union([Type.Literal('reporting'), Type.Literal('additional reporting'), Type.Literal('writing'), Type.Literal('editing')]),
    place: Type.Optional(Type.String()),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
  },
  strict,
);
export type Credit = Static<typeof Credit>;

export const Dateline = Type.Object(
  {
    place: Type.String(),
    source: Nullable(Type.String()),
    placeId: Type.Optional(Type.String()),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
  },
  strict,
);
export type Dateline = Static<typeof Dateline>;

export const TopicLabel = Type.Union([
  Type.Literal('politics'),
  Type.Literal('business'),
  Type.Literal('sport'),
  Type.Literal('entertainment'),
  Type.Literal('tech'),
  Type.Literal('other'),
]);
export type TopicLabel = Static<typeof TopicLabel>;

/** What the article is about, from the topic cue table: the label, each topic's score, and the cues that decided it. */
export const ArticleTopic = Type.Object(
  {
    label: TopicLabel,
    scores: Type.Object(
      { politics: Type.Number(), business: Type.Number(), sport: Type.Number(), entertainment: Type.Number(), tech: Type.Number(), other: Type.Number() },
      strict,
    ),
    rules: Type.Array(Type.String({ description: 'topic.decision.lead or topic.other.*, then the cue ids that weighed most' })),
  },
  strict,
);
export type ArticleTopic = Static<typeof ArticleTopic>;

export const Article = Type.Object(
  {
    id: Type.String(),
    title: Nullable(Type.String()),
    titleSpan: Nullable(Span),
    source: Nullable(Type.String()),
    published: Nullable(Type.String({ description: 'ISO date (YYYY-MM-DD) or date-time' })),
    publishedFrom: Type.Union([Type.Literal('option'), Type.Literal('metadata'), Type.Literal('record'), Type.Literal('dateline'), Type.Literal('none')]),
    url: Nullable(Type.String()),
    byline: Nullable(Type.String()),
    dateline: Nullable(Dateline),
    credits: Type.Array(Credit),
    /** Removed scrape furniture ("Related Coverage", "Slideshow ( 15 images )"), kept so a reader can grey it out. */
    furniture: Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer(), rule: Type.String() }, strict)),
    /** Absent in records made before topics were read. */
    topic: Type.Optional(ArticleTopic),
    text: Type.String(),
  },
  strict,
);
export type Article = Static<typeof Article>;

export const Sentence = Type.Object(
  { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }), paragraph: Type.Integer({ minimum: 0 }) },
  strict,
);
export type Sentence = Static<typeof Sentence>;

export const EntityType = Type.Union([
  Type.Literal('PERSON'),
  Type.Literal('ORG'),
  Type.Literal('GPE'),
  Type.Literal('LOC'),
  Type.Literal('NORP'),
]);
export type EntityType = Static<typeof EntityType>;

export const EntitySource = Type.Union([Type.Literal('model'), Type.Literal('gazetteer'), Type.Literal('rule')]);
export type EntitySource = Static<typeof EntitySource>;

/**
 * How an actor code was reached: its country (CAMEO's first field: ISO 3166 alpha-3, or an international root such
 * as IGO / NGO / IMG; null when unknown) and sector, whether the text states the country or it was inferred from
 * context (a locative, the dateline, the story's main country, a person known earlier), PLOVER's country / sector
 * pair, and the rule ids that produced it.
 */
export const ActorInfo = Type.Object(
  {
    country: Nullable(Type.String()),
    sector: Nullable(Type.String()),
    certainty: Type.Union([Type.Literal('stated'), Type.Literal('inferred')]),
    plover: Type.Object({ country: Nullable(Type.String()), sector: Nullable(Type.String()) }, strict),
    rules: Type.Array(Type.String()),
  },
  strict,
);
export type ActorInfo = Static<typeof ActorInfo>;

export const Entity = Type.Object(
  {
    id: Type.String(),
    type: EntityType,
    name: Type.String(),
    /** Title or function: "ambassador", "prime minister". */
    role: Type.Optional(Type.String()),
    /** ISO 3166 alpha-3 country the entity belongs to or stands for. */
    country: Type.Optional(Type.String()),
    /** Where a role is exercised: "ambassador to Iraq" → IRQ. */
    post: Type.Optional(Type.String()),
    /** Organisation the person belongs to, as an entity id. */
    affiliation: Type.Optional(Type.String()),
    /** CAMEO actor code (country + role), e.g. USAGOV, IRNGOV, IRQMIL. */
    actor: Type.Optional(Type.String()),
    /** How `actor` was reached (country, sector, stated or inferred, PLOVER pair, rules). */
    actorInfo: Type.Optional(ActorInfo),
    placeId: Type.Optional(Type.String({ description: 'for GPE/LOC: the places[] record; for ORG: the place its name holds ("Scott County Sheriff\'s Office")' })),
    mentions: Type.Array(Mention),
    sources: Type.Array(EntitySource),
    rules: Type.Array(Type.String()),
  },
  strict,
);
export type Entity = Static<typeof Entity>;

export const Place = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    /** admin1: state, province; admin2: county, parish; region: a named region outside the admin tables (and older records' admin areas). */
    kind: Type.Union([
      Type.Literal('country'),
      Type.Literal('admin1'),
      Type.Literal('admin2'),
      Type.Literal('city'),
      Type.Literal('region'),
      Type.Literal('water'),
      Type.Literal('landmark'),
    ]),
    geonameid: Nullable(Type.Integer()),
    lat: Type.Number(),
    lon: Type.Number(),
    /** ISO 3166 alpha-3. */
    country: Type.String(),
    /** The first-level region the place is (admin1) or lies in: GeoNames admin1 code and name; absent in older records. */
    admin1: Type.Optional(Nullable(Type.Object({ code: Type.String({ description: 'ISO2.GeoNames admin1 code, e.g. US.LA' }), name: Nullable(Type.String()) }, strict))),
    population: Nullable(Type.Integer()),
    mentions: Type.Array(Mention),
    rules: Type.Array(Type.String()),
  },
  strict,
);
export type Place = Static<typeof Place>;

export const DateRecord = Type.Object(
  {
    id: Type.String(),
    text: Type.String(),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    sentence: Type.Integer({ minimum: -1 }),
    value: Nullable(Type.String()),
    granularity: Granularity,
    certainty: Certainty,
    /** "on" a day, "since" a year, "before"/"after" a point, or a relative anchor we cannot resolve. */
    relation: Type.Union([Type.Literal('on'), Type.Literal('since'), Type.Literal('before'), Type.Literal('after'), Type.Literal('around')]),
    rules: Type.Array(Type.String()),
  },
  strict,
);
export type DateRecord = Static<typeof DateRecord>;

export const ActorRef = Type.Object(
  {
    /** CAMEO actor code; "---" when the actor is unknown. */
    actor: Type.String(),
    entity: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    start: Type.Optional(Type.Integer({ minimum: 0 })),
    end: Type.Optional(Type.Integer({ minimum: 0 })),
    /** For compound actors ("U.S. and Iranian officials"): every member; `actor` is the first. */
    members: Type.Optional(Type.Array(Type.Object({ actor: Type.String(), entity: Type.Optional(Type.String()) }, strict))),
    /** How `actor` was reached (country, sector, stated or inferred, PLOVER pair, rules). */
    actorInfo: Type.Optional(ActorInfo),
  },
  strict,
);
export type ActorRef = Static<typeof ActorRef>;

export const PlaceRef = Type.Object(
  {
    name: Type.String(),
    placeId: Type.Optional(Type.String()),
    lat: Type.Optional(Type.Number()),
    lon: Type.Optional(Type.Number()),
    country: Type.Optional(Type.String()),
    certainty: Certainty,
  },
  strict,
);
export type PlaceRef = Static<typeof PlaceRef>;

export const Modality = Type.Union([
  Type.Literal('intent'),
  Type.Literal('hypothetical'),
  Type.Literal('future'),
  Type.Literal('demand'),
]);
export type Modality = Static<typeof Modality>;

export const Event = Type.Object(
  {
    id: Type.String(),
    /** CAMEO event code at the most specific level the text supports ("1832", "044", "112"). */
    code: Type.String(),
    name: Type.String(),
    root: Nullable(Type.String()),
    plover: Nullable(Type.Object({ event: Type.String(), mode: Nullable(Type.String()), context: Nullable(Type.String()) }, strict)),
    /** GDELT QuadClass from the root: 1 verbal coop (01–05), 2 material coop (06–09), 3 verbal conflict (10–14), 4 material conflict (15–20). */
    quadClass: Nullable(Type.Integer({ minimum: 1, maximum: 4 })),
    goldstein: Nullable(Type.Number()),
    source: ActorRef,
    target: Nullable(ActorRef),
    date: DateValue,
    place: Nullable(PlaceRef),
    negated: Type.Boolean(),
    modality: Nullable(Modality),
    /** Reported allegation, not a fact the article asserts ("Washington's case that Iran is arming militias"). */
    claimed: Type.Boolean(),
    historical: Type.Boolean(),
    /** For denials and rejections: the id of the event (accusation) they answer. */
    denies: Nullable(Type.String()),
    /** The words that triggered the event (verb or noun). */
    trigger: Span,
    /** The best of the event's mentions. */
    evidence: Evidence,
    /** Every place in the article that reports this event (the same source, target, code and date); GDELT's NumMentions. */
    mentions: Type.Optional(Type.Array(Evidence)),
    /** The go-between of the parties' event ("a ceasefire brokered by Egypt"): never its target. */
    mediator: Type.Optional(ActorRef),
    rules: Type.Array(Type.String()),
  },
  strict,
);
export type Event = Static<typeof Event>;

export const Quote = Type.Object(
  {
    id: Type.String(),
    direct: Type.Boolean(),
    /** Content span, without the quotation marks. */
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    text: Type.String(),
    fragment: Type.Boolean(),
    cue: Nullable(Type.Object({ text: Type.String(), lemma: Type.String(), start: Type.Integer(), end: Type.Integer() }, strict)),
    speaker: Type.Object(
      {
        entity: Type.Optional(Type.String()),
        name: Type.String(),
        actor: Type.Optional(Type.String()),
        start: Type.Optional(Type.Integer({ minimum: 0 })),
        end: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      strict,
    ),
    sentence: Type.Integer({ minimum: -1 }),
    /** The part before this one when a quote is split by its cue or runs across paragraphs. */
    continues: Type.Optional(Type.String()),
    rules: Type.Array(Type.String()),
  },
  strict,
);
export type Quote = Static<typeof Quote>;

export const Count = Type.Object(
  {
    value: Type.Integer({ minimum: 0 }),
    min: Type.Optional(Type.Integer({ minimum: 0 })),
    max: Type.Optional(Type.Integer({ minimum: 0 })),
    approximate: Type.Boolean(),
    text: Type.String(),
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
  },
  strict,
);
export type Count = Static<typeof Count>;

export const Casualty = Type.Object(
  {
    id: Type.String(),
    killed: Type.Optional(Count),
    wounded: Type.Optional(Count),
    missing: Type.Optional(Count),
    abducted: Type.Optional(Count),
    arrested: Type.Optional(Count),
    displaced: Type.Optional(Count),
    /** What happened: weapon or kind of incident ("truck bomb", "shooting", "air strike"). */
    incident: Nullable(Type.String()),
    place: Nullable(PlaceRef),
    date: Nullable(DateValue),
    victims: Nullable(Type.String()),
    perpetrator: Nullable(ActorRef),
    /** Running or historical totals ("the bombs have killed scores of soldiers"), kept apart from the day's incident. */
    cumulative: Type.Boolean(),
    claimed: Type.Boolean(),
    evidence: Evidence,
    /** Every span that reports this incident (the same incident mentioned twice is one record). */
    mentions: Type.Array(Evidence),
    rules: Type.Array(Type.String()),
  },
  strict,
);
export type Casualty = Static<typeof Casualty>;

export const Message = Type.Object(
  {
    level: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('error')]),
    stage: Type.String(),
    rule: Type.Optional(Type.String()),
    start: Type.Optional(Type.Integer({ minimum: 0 })),
    end: Type.Optional(Type.Integer({ minimum: 0 })),
    text: Type.String(),
  },
  strict,
);
export type Message = Static<typeof Message>;

/** With `--explain`: for each record, the rules that produced it and the words it rests on. */
export const Explanation = Type.Object(
  {
    record: Type.String({ description: 'e.g. "events/ev3", "entities/e1"' }),
    rules: Type.Array(Type.String()),
    evidence: Type.String(),
  },
  strict,
);
export type Explanation = Static<typeof Explanation>;

/** What made a record: the engine, and the versions of the models and lexicons it read (a lexicon's version is a hash of its content). */
export const Provenance = Type.Object(
  {
    engine: Type.String({ description: 'Dateline version, e.g. "0.2.0"' }),
    mode: Type.Union([Type.Literal('default'), Type.Literal('dictionaries-only')], {
      description: 'dictionaries-only: coded with PETRARCH mechanics and the dictionaries given with --dictionaries alone',
    }),
    models: Type.Array(Type.Object({ name: Type.String(), version: Type.String() }, strict)),
    lexicons: Type.Array(
      Type.Object({ name: Type.String(), version: Type.String(), origin: Type.Union([Type.Literal('shipped'), Type.Literal('user')]) }, strict),
    ),
  },
  strict,
);
export type Provenance = Static<typeof Provenance>;

/** A token with its dependency arc (`--tokens`): head is the article-wide index of the head token, -1 for a root. */
export const TokenRecord = Type.Object(
  {
    start: Type.Integer({ minimum: 0 }),
    end: Type.Integer({ minimum: 0 }),
    text: Type.String(),
    upos: Type.String(),
    lemma: Type.String(),
    sentence: Type.Integer({ minimum: 0 }),
    head: Type.Integer({ minimum: -1 }),
    deprel: Type.String(),
  },
  strict,
);
export type TokenRecord = Static<typeof TokenRecord>;

export const ArticleRecord = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    provenance: Provenance,
    article: Article,
    sentences: Type.Array(Sentence),
    entities: Type.Array(Entity),
    places: Type.Array(Place),
    dates: Type.Array(DateRecord),
    events: Type.Array(Event),
    quotes: Type.Array(Quote),
    casualties: Type.Array(Casualty),
    messages: Type.Array(Message),
    explain: Type.Optional(Type.Array(Explanation)),
    /** The tokens and their dependency tree, with `--tokens` or `--format conllu`. */
    tokens: Type.Optional(Type.Array(TokenRecord)),
  },
  { ...strict, $id: 'https://dateline.dev/schema/article-record.json', title: 'Dateline article record' },
);
export type ArticleRecord = Static<typeof ArticleRecord>;
