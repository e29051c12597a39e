/**
 * ArticleRecord → the rows the store writes, built on the worker thread that coded the article so the single
 * writer only binds values. Booleans become 0/1, rule lists become JSON text, dates become a day (YYYY-MM-DD).
 */
import type { ArticleInput } from '../model/analysis.ts';
import type { ArticleRecord, DateValue, Event, PlaceRef } from '../model/record.ts';
import { bandKeys, minhash } from './minhash.ts';

export interface ArticleMeta {
  /** sha256 of identity (URL, else id) and text: the idempotency key. */
  key: string;
  /** sha256 of the text. */
  contentHash: string;
  /** Where it was read from: "file", "file:line" or a URL. */
  origin: string;
}

export interface ArticleRows {
  key: string;
  contentHash: string;
  extId: string;
  url: string | null;
  title: string | null;
  source: string | null;
  /** YYYY-MM-DD, or '' when unknown. */
  published: string;
  origin: string;
  text: string;
  /** JSON of the ArticleInput without its text. */
  input: string;
  /** JSON of the ArticleRecord without article.text; null when coding failed. */
  record: string | null;
  status: 'coded' | 'failed';
  /** The source counted for NumSources: the article's source, else its URL's host. */
  countingSource: string;
  /** Orders articles the same way in every store: publication day (unknown last), then key. See writer: the merge rule. */
  rank: string;
  minhash: Uint8Array | null;
  bands: number[];
  entities: EntityRow[];
  places: PlaceRow[];
  events: EventRow[];
  quotes: QuoteRow[];
  casualties: CasualtyRow[];
  messages: MessageRow[];
}

export interface EntityRow {
  localId: string;
  type: string;
  name: string;
  actor: string | null;
  country: string | null;
  role: string | null;
  rules: string;
  mentions: { start: number; end: number; sentence: number; kind: string }[];
}

export interface PlaceRow {
  localId: string;
  name: string;
  kind: string;
  geonameid: number | null;
  lat: number;
  lon: number;
  country: string;
  mentions: number;
  start: number | null;
  end: number | null;
  rules: string;
}

/** One event record of the article, with the fields of the deduplicated event it belongs to. */
export interface EventRow {
  localId: string;
  /** The article's rank and the record's position in it: the lowest-ranked report gives a merged event its fields. */
  rank: string;
  /** YYYY-MM-DD, or '' when unknown. */
  day: string;
  dateGranularity: string;
  sourceActor: string;
  sourceRoot: string;
  sourceName: string | null;
  targetActor: string;
  targetRoot: string;
  targetName: string | null;
  code: string;
  name: string;
  root: string;
  quadClass: number;
  goldstein: number;
  placeKey: string;
  placeName: string | null;
  placeKind: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  negated: number;
  claimed: number;
  historical: number;
  isRoot: number;
  modality: string | null;
  start: number;
  end: number;
  triggerStart: number;
  triggerEnd: number;
  sentence: number;
  rules: string;
}

export interface QuoteRow {
  localId: string;
  text: string;
  direct: number;
  fragment: number;
  speakerName: string;
  speakerActor: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  cue: string | null;
  start: number;
  end: number;
  sentence: number;
  rules: string;
}

export interface CasualtyRow {
  localId: string;
  day: string;
  killed: number | null;
  wounded: number | null;
  missing: number | null;
  abducted: number | null;
  arrested: number | null;
  displaced: number | null;
  incident: string | null;
  victims: string | null;
  perpetrator: string | null;
  placeName: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  cumulative: number;
  claimed: number;
  start: number;
  end: number;
  sentence: number;
  rules: string;
}

export interface MessageRow {
  level: string;
  stage: string;
  rule: string | null;
  start: number | null;
  end: number | null;
  text: string;
}

export function articleRows(input: ArticleInput, record: ArticleRecord, meta: ArticleMeta): ArticleRows {
  const places = new Map(record.places.map((p) => [p.id, p]));
  const firstParagraph = record.sentences[0]?.paragraph ?? 0;
  const paragraphOf = (sentence: number) => record.sentences[sentence]?.paragraph ?? -1;
  const signature = minhash(record.article.text);
  const { text: _text, ...withoutText } = record.article;
  return {
    ...base(input, meta, record.article.source, record.article.title),
    record: JSON.stringify({ ...record, article: withoutText }),
    status: 'coded',
    minhash: signature ? new Uint8Array(signature.buffer) : null,
    bands: signature ? bandKeys(signature) : [],
    entities: record.entities.map((e) => ({
      localId: e.id,
      type: e.type,
      name: e.name,
      actor: e.actor ?? null,
      country: e.country ?? null,
      role: e.role ?? null,
      rules: JSON.stringify(e.rules),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, sentence: m.sentence, kind: m.kind })),
    })),
    places: record.places.map((p) => ({
      localId: p.id,
      name: p.name,
      kind: p.kind,
      geonameid: p.geonameid,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      mentions: p.mentions.length,
      start: p.mentions[0]?.start ?? null,
      end: p.mentions[0]?.end ?? null,
      rules: JSON.stringify(p.rules),
    })),
    // The events table is CAMEO's (root, QuadClass, Goldstein); an event a user's dictionary codes outside CAMEO
    // stays in the article's record only.
    events: record.events.flatMap((e, i) => (isCameoEvent(e) ? [eventRow(e, places, paragraphOf(e.evidence.sentence) === firstParagraph, `${rankOf(input, meta)} ${String(i).padStart(6, '0')}`)] : [])),
    quotes: record.quotes.map((q) => ({
      localId: q.id,
      text: q.text,
      direct: q.direct ? 1 : 0,
      fragment: q.fragment ? 1 : 0,
      speakerName: q.speaker.name,
      speakerActor: q.speaker.actor ?? null,
      speakerStart: q.speaker.start ?? null,
      speakerEnd: q.speaker.end ?? null,
      cue: q.cue?.lemma ?? null,
      start: q.start,
      end: q.end,
      sentence: q.sentence,
      rules: JSON.stringify(q.rules),
    })),
    casualties: record.casualties.map((c) => {
      const place = placeFields(c.place, places);
      return {
        localId: c.id,
        day: dayOf(c.date).day,
        killed: c.killed?.value ?? null,
        wounded: c.wounded?.value ?? null,
        missing: c.missing?.value ?? null,
        abducted: c.abducted?.value ?? null,
        arrested: c.arrested?.value ?? null,
        displaced: c.displaced?.value ?? null,
        incident: c.incident,
        victims: c.victims,
        perpetrator: c.perpetrator?.actor ?? null,
        placeName: place.placeName,
        geonameid: place.geonameid,
        lat: place.lat,
        lon: place.lon,
        country: place.country,
        cumulative: c.cumulative ? 1 : 0,
        claimed: c.claimed ? 1 : 0,
        start: c.evidence.start,
        end: c.evidence.end,
        sentence: c.evidence.sentence,
        rules: JSON.stringify(c.rules),
      };
    }),
    messages: record.messages.map((m) => ({ level: m.level, stage: m.stage, rule: m.rule ?? null, start: m.start ?? null, end: m.end ?? null, text: m.text })),
  };
}

/** An article whose coding threw: stored with its text and an error message, so `recode` can retry it. */
export function failedArticleRows(input: ArticleInput, meta: ArticleMeta, error: string): ArticleRows {
  return {
    ...base(input, meta, input.source, input.title),
    record: null,
    status: 'failed',
    minhash: null,
    bands: [],
    entities: [],
    places: [],
    events: [],
    quotes: [],
    casualties: [],
    messages: [
      ...input.messages.map((m) => ({ level: m.level, stage: m.stage, rule: m.rule ?? null, start: m.start ?? null, end: m.end ?? null, text: m.text })),
      { level: 'error', stage: 'pipeline', rule: null, start: null, end: null, text: `coding failed: ${error}` },
    ],
  };
}

function base(input: ArticleInput, meta: ArticleMeta, source: string | null, title: string | null) {
  const { text, ...inputWithoutText } = input;
  return {
    key: meta.key,
    contentHash: meta.contentHash,
    extId: input.id,
    url: input.url,
    title,
    source,
    published: input.published?.slice(0, 10) ?? '',
    origin: meta.origin,
    text,
    input: JSON.stringify(inputWithoutText),
    countingSource: source ?? hostOf(input.url) ?? '(unknown)',
    rank: rankOf(input, meta),
  };
}

function rankOf(input: ArticleInput, meta: ArticleMeta): string {
  return `${input.published?.slice(0, 10) || '9999-12-31'} ${meta.key}`;
}

/** An event whose code is CAMEO's: root, QuadClass and Goldstein known. */
type CameoEvent = Event & { root: string; quadClass: number; goldstein: number };

function isCameoEvent(e: Event): e is CameoEvent {
  return e.root !== null && e.quadClass !== null && e.goldstein !== null;
}

function eventRow(e: CameoEvent, places: Map<string, ArticleRecord['places'][number]>, isRoot: boolean, rank: string): EventRow {
  const { day, granularity } = dayOf(e.date);
  const place = placeFields(e.place, places);
  const target = e.target?.actor ?? '';
  return {
    localId: e.id,
    rank,
    day,
    dateGranularity: granularity,
    sourceActor: e.source.actor,
    sourceRoot: e.source.actor.slice(0, 3),
    sourceName: e.source.name ?? null,
    targetActor: target,
    targetRoot: target.slice(0, 3),
    targetName: e.target?.name ?? null,
    code: e.code,
    name: e.name,
    root: e.root,
    quadClass: e.quadClass,
    goldstein: e.goldstein,
    ...place,
    negated: e.negated ? 1 : 0,
    claimed: e.claimed ? 1 : 0,
    historical: e.historical ? 1 : 0,
    isRoot: isRoot ? 1 : 0,
    modality: e.modality,
    start: e.evidence.start,
    end: e.evidence.end,
    triggerStart: e.trigger.start,
    triggerEnd: e.trigger.end,
    sentence: e.evidence.sentence,
    rules: JSON.stringify(e.rules),
  };
}

function placeFields(ref: PlaceRef | null, places: Map<string, ArticleRecord['places'][number]>) {
  const place = ref?.placeId ? places.get(ref.placeId) : undefined;
  const geonameid = place?.geonameid ?? null;
  const country = ref?.country ?? place?.country ?? null;
  return {
    // Same place: the same GeoNames feature, else the same name in the same country.
    placeKey: !ref ? '' : geonameid !== null ? `g${geonameid}` : `n${country ?? ''}:${ref.name.toLowerCase()}`,
    placeName: ref?.name ?? null,
    placeKind: place?.kind ?? null,
    geonameid,
    lat: ref?.lat ?? place?.lat ?? null,
    lon: ref?.lon ?? place?.lon ?? null,
    country,
  };
}

/**
 * The day a date stands for: "2007-05-28" as is, "2007-05" → "2007-05-01", "1980" → "1980-01-01"; the granularity
 * says how exact. '' when the date is unknown.
 */
export function dayOf(date: DateValue | null): { day: string; granularity: string } {
  const m = date?.value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date.value) : null;
  if (!date || !m) return { day: '', granularity: 'unknown' };
  return { day: `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`, granularity: date.granularity };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
