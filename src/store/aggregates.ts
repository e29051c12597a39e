/**
 * Aggregates over the whole store, for the dashboard and the charts: totals, events over time, top dyads, actors,
 * places and speakers, points for the map, the count behind a filtered event list, and the sentence behind each
 * listed event. Everything is grouped in SQL (plain SQL: no engine-specific date functions; periods are formed
 * here from the grouped days), so a chart never pages thousands of events into the browser.
 */
import { actorInfo, type ActorKind } from '../lexicon/actorKinds.ts';
import { bboxCondition, eventConditions, type Bbox, type EventFilters } from './events.ts';
import type { Params, Sql } from './sql.ts';

export interface StoreTotals {
  articles: number;
  /** Events as stored once however many articles report them. */
  events: number;
  /** Event records in the articles (an event reported twice counts twice). */
  eventReports: number;
  undatedEvents: number;
  quotes: number;
  speakers: number;
  casualtyIncidents: number;
  /** Actor codes with at least one event (unknown actors left out). */
  actors: number;
  /** Places events happened at. */
  places: number;
  /** Earliest and latest publication day; null when nothing is dated. */
  firstPublished: string | null;
  lastPublished: string | null;
  /** Earliest and latest event day (a year-only date stands for its first day). */
  firstEvent: string | null;
  lastEvent: string | null;
}

export async function storeTotals(sql: Sql): Promise<StoreTotals> {
  const one = async <T>(text: string) => (await sql.get<T>(text))!;
  const articles = await one<{ n: number; first: string | null; last: string | null }>("SELECT count(*) AS n, min(nullif(published, '')) AS first, max(nullif(published, '')) AS last FROM articles");
  const events = await one<{ n: number; undated: number; first: string | null; last: string | null; places: number }>(
    "SELECT count(*) AS n, coalesce(sum(CASE WHEN day = '' THEN 1 ELSE 0 END), 0) AS undated, min(nullif(day, '')) AS first, max(nullif(day, '')) AS last, count(DISTINCT nullif(place_key, '')) AS places FROM events",
  );
  const quotes = await one<{ n: number; speakers: number }>('SELECT count(*) AS n, count(DISTINCT speaker_name) AS speakers FROM quotes');
  // Incidents, not a sum of their tolls: tolls overlap (a running total, a war's dead) and would add up to nonsense.
  const casualties = await one<{ n: number }>('SELECT count(*) AS n FROM casualties');
  return {
    articles: articles.n,
    events: events.n,
    eventReports: (await one<{ n: number }>('SELECT count(*) AS n FROM event_mentions')).n,
    undatedEvents: events.undated,
    quotes: quotes.n,
    speakers: quotes.speakers,
    casualtyIncidents: casualties.n,
    actors: (await one<{ n: number }>("SELECT count(*) AS n FROM actor_counts WHERE substr(actor, 1, 3) <> '---'")).n,
    places: events.places,
    firstPublished: articles.first,
    lastPublished: articles.last,
    firstEvent: events.first,
    lastEvent: events.last,
  };
}

/** The number of events a filtered list holds (GET /api/events pages them; this says how many there are in all). */
export async function countEvents(sql: Sql, filters: EventFilters): Promise<number> {
  const params: Params = {};
  const where = eventConditions(sql, filters, params);
  return (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params))!.n;
}

// ---- time ---------------------------------------------------------------------------------------------------

export const TIME_UNITS = ['day', 'week', 'month', 'year', 'decade'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];
export type Interval = Exclude<TimeUnit, 'decade'>;

/** A date's granularity as a span of time: a season is drawn as its month, a stored week as its week. */
const GRANULARITY_UNIT: Record<string, TimeUnit> = { day: 'day', week: 'week', month: 'month', season: 'month', year: 'year', decade: 'decade' };

export interface QuadCounts {
  '1': number;
  '2': number;
  '3': number;
  '4': number;
}

export interface TimeBucket {
  /** First and last day of the span (YYYY-MM-DD; weeks start on Monday). */
  start: string;
  end: string;
  /** The span's length: the interval asked for, or longer when the events' own dates are coarser ("in 1980" at month interval is a year). */
  unit: TimeUnit;
  events: number;
  /** Events per GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: QuadCounts;
  goldstein: number;
}

export interface EventsOverTime {
  interval: Interval;
  /** Ordered by start, then the shorter span first. */
  buckets: TimeBucket[];
  /** Matching events without a date (not in any bucket). */
  undated: number;
}

/**
 * Events per interval and QuadClass, with the Goldstein sum. An event whose date is coarser than the interval
 * (a month-only date in a weekly chart) gets a bucket spanning its own date, so a chart can draw it as a span
 * instead of pinning it to the first day.
 */
export async function eventsOverTime(sql: Sql, filters: EventFilters, interval: Interval): Promise<EventsOverTime> {
  const params: Params = {};
  const where = eventConditions(sql, filters, params);
  const rows = await sql.all<{ day: string; granularity: string; quad: number; n: number; goldstein: number }>(
    `SELECT e.day, e.date_granularity AS granularity, e.quad_class AS quad, count(*) AS n, sum(e.goldstein) AS goldstein FROM events e
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} GROUP BY e.day, e.date_granularity, e.quad_class ORDER BY e.day, e.date_granularity, e.quad_class`,
    params,
  );
  const buckets = new Map<string, TimeBucket>();
  let undated = 0;
  for (const r of rows) {
    if (r.day === '') {
      undated += r.n;
      continue;
    }
    const own = GRANULARITY_UNIT[r.granularity] ?? 'day';
    const unit = TIME_UNITS.indexOf(own) > TIME_UNITS.indexOf(interval) ? own : interval;
    const start = spanStart(r.day, unit);
    const key = `${start}/${unit}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { start, end: spanEnd(start, unit), unit, events: 0, quadClass: { '1': 0, '2': 0, '3': 0, '4': 0 }, goldstein: 0 }));
    bucket.events += r.n;
    if (r.quad >= 1 && r.quad <= 4) bucket.quadClass[String(r.quad) as keyof QuadCounts] += r.n;
    bucket.goldstein = Math.round((bucket.goldstein + r.goldstein) * 100) / 100;
  }
  const ordered = [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start) || TIME_UNITS.indexOf(a.unit) - TIME_UNITS.indexOf(b.unit));
  return { interval, buckets: ordered, undated };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The first day of the span of `unit` that holds `day` (weeks start on Monday). */
export function spanStart(day: string, unit: TimeUnit): string {
  if (unit === 'day') return day;
  if (unit === 'month') return `${day.slice(0, 7)}-01`;
  if (unit === 'year') return `${day.slice(0, 4)}-01-01`;
  if (unit === 'decade') return `${day.slice(0, 3)}0-01-01`;
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return isoDay(d);
}

/** The last day of the span of `unit` starting on `start`. */
export function spanEnd(start: string, unit: TimeUnit): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (unit === 'week') d.setUTCDate(d.getUTCDate() + 6);
  if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1, 0, 0);
  if (unit === 'decade') d.setUTCFullYear(d.getUTCFullYear() + 10, 0, 0);
  return isoDay(d);
}

// ---- actors and dyads ---------------------------------------------------------------------------------------

export interface ActorSummary {
  actor: string;
  /** What people call it: the organisation's name in the articles (United Nations), else the code's label (United States government). */
  name: string | null;
  kind: ActorKind;
  /** What the code says: "United States government", "intergovernmental organisation". */
  label: string | null;
}

/**
 * Names and kinds of actor codes. International organisations and groups are named as the articles name them most
 * often; countries and their institutions by the code itself, since the people who act for a state ("Donald Trump"
 * for USAGOV) are not its name.
 */
export async function describeActors(sql: Sql, codes: readonly string[]): Promise<Map<string, ActorSummary>> {
  const out = new Map<string, ActorSummary>();
  const needNames = codes.filter((c) => {
    const info = actorInfo(c);
    out.set(c, { actor: c, name: info.kind === 'state' ? info.label : null, kind: info.kind, label: info.label });
    return info.kind !== 'state' && info.kind !== 'unknown';
  });
  if (needNames.length > 0) {
    const params = Object.fromEntries(needNames.map((c, i) => [`c${i}`, c]));
    const rows = await sql.all<{ actor: string; name: string }>(
      `SELECT actor, name, count(*) AS n FROM entities WHERE actor IN (${needNames.map((_, i) => `@c${i}`).join(', ')}) GROUP BY actor, name ORDER BY n DESC, name`,
      params,
    );
    for (const r of rows) {
      const summary = out.get(r.actor);
      if (summary && summary.name === null) summary.name = r.name;
    }
  }
  for (const summary of out.values()) summary.name ??= summary.label;
  return out;
}

export interface ActorTotal extends ActorSummary {
  events: number;
  asSource: number;
  asTarget: number;
}

/**
 * The actors with the most events; actors of unknown country (---GOV: "a government") are left out. Ranked by the
 * per-code counts the store keeps; each count is then what `/api/events?actor=CODE` lists (codes match by prefix:
 * USAGOV also counts USAGOVLEG), so a figure and the list behind it agree.
 */
export async function topActors(sql: Sql, limit: number): Promise<ActorTotal[]> {
  const rows = await sql.all<{ actor: string }>("SELECT actor FROM actor_counts WHERE substr(actor, 1, 3) <> '---' ORDER BY as_source + as_target DESC, actor LIMIT @limit", { limit });
  const described = await describeActors(sql, rows.map((r) => r.actor));
  const totals: ActorTotal[] = [];
  for (const r of rows) {
    totals.push({ ...described.get(r.actor)!, events: await countEvents(sql, { actor: r.actor }), asSource: await countEvents(sql, { source: r.actor }), asTarget: await countEvents(sql, { target: r.actor }) });
  }
  return totals.sort((a, b) => b.events - a.events || a.actor.localeCompare(b.actor));
}

export interface DyadTotal {
  source: ActorSummary;
  target: ActorSummary;
  events: number;
  quadClass: QuadCounts;
  goldstein: number;
}

export interface DyadTotals {
  /** Most events first. */
  dyads: DyadTotal[];
  /** Matching events left out because a side is unknown (---) or missing. */
  unknown: number;
}

/**
 * Who acted on whom, most events first: directed pairs, per country (`level: 'country'`: USAGOV and USAMIL are USA;
 * an international organisation keeps its whole code, IGOUNO or IGOBUSIMF, so IGOs are not one node; a pair inside one country
 * keeps its full codes, USAGOV → USAOPP) or per full actor code.
 */
export async function topDyads(sql: Sql, filters: EventFilters, options: { level: 'country' | 'actor'; limit: number }): Promise<DyadTotals> {
  const params: Params = { limit: options.limit };
  const where = eventConditions(sql, filters, params);
  // Within one country (USAGOV → USAOPP) the country level would read "United States → United States": full codes then.
  const side = (s: 'source' | 'target') =>
    options.level === 'actor' ? `e.${s}_actor` : `CASE WHEN e.source_root = e.target_root THEN e.${s}_actor WHEN e.${s}_root IN ('IGO', 'NGO', 'NGM', 'MNC', 'IMG') THEN e.${s}_actor ELSE e.${s}_root END`;
  const known = "e.target_actor <> '' AND e.source_root <> '---' AND e.target_root <> '---'";
  const conditions = [...where, known];
  const rows = await sql.all<{ source: string; target: string; n: number; goldstein: number; q1: number; q2: number; q3: number; q4: number }>(
    `SELECT ${side('source')} AS source, ${side('target')} AS target, count(*) AS n, sum(e.goldstein) AS goldstein,
        sum(CASE WHEN e.quad_class = 1 THEN 1 ELSE 0 END) AS q1, sum(CASE WHEN e.quad_class = 2 THEN 1 ELSE 0 END) AS q2,
        sum(CASE WHEN e.quad_class = 3 THEN 1 ELSE 0 END) AS q3, sum(CASE WHEN e.quad_class = 4 THEN 1 ELSE 0 END) AS q4
      FROM events e WHERE ${conditions.join(' AND ')} GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT @limit`,
    params,
  );
  const unknownParams: Params = {};
  const unknownWhere = [...eventConditions(sql, filters, unknownParams), `NOT (${known})`];
  const unknown = (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM events e WHERE ${unknownWhere.join(' AND ')}`, unknownParams))!.n;
  const described = await describeActors(sql, [...new Set(rows.flatMap((r) => [r.source, r.target]))]);
  return {
    dyads: rows.map((r) => ({
      source: described.get(r.source)!,
      target: described.get(r.target)!,
      events: r.n,
      quadClass: { '1': r.q1, '2': r.q2, '3': r.q3, '4': r.q4 },
      goldstein: Math.round(r.goldstein * 100) / 100,
    })),
    unknown,
  };
}

// ---- places -------------------------------------------------------------------------------------------------

export interface PlaceTotal {
  name: string;
  /** city, region, country or water; null when the record does not say. */
  kind: string | null;
  geonameid: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** Events that happened there. */
  events: number;
  /** Articles that mention it. */
  articles: number;
  /** The `place` filter of /api/events that lists its events: the GeoNames id, else the name. */
  filter: string;
}

/** The places articles mention most, with the events that happened there. */
export async function topPlaces(sql: Sql, limit: number): Promise<PlaceTotal[]> {
  const rows = await sql.all<Omit<PlaceTotal, 'events' | 'filter'>>(
    `SELECT p.name, p.kind, p.geonameid, p.country, min(p.lat) AS lat, min(p.lon) AS lon, count(DISTINCT p.article_id) AS articles FROM places p
      GROUP BY p.name, p.kind, p.geonameid, p.country ORDER BY articles DESC, p.name LIMIT @limit`,
    { limit },
  );
  const places: PlaceTotal[] = [];
  for (const r of rows) {
    const events =
      r.geonameid !== null
        ? await sql.get<{ n: number }>('SELECT count(*) AS n FROM events WHERE geonameid = @geonameid', { geonameid: r.geonameid })
        : await sql.get<{ n: number }>('SELECT count(*) AS n FROM events WHERE geonameid IS NULL AND place_name = @name AND country IS NOT DISTINCT FROM @country', { name: r.name, country: r.country });
    places.push({ ...r, events: events!.n, filter: r.geonameid !== null ? String(r.geonameid) : r.name });
  }
  return places;
}

export interface MapSpot {
  name: string;
  /** 'country' for records placed only in a country (drawn at its centroid, which is not where it happened). */
  kind: string | null;
  geonameid: number | null;
  country: string | null;
  lat: number;
  lon: number;
  events: number;
  /** Casualty incidents there, and the people they count. */
  incidents: number;
  killed: number;
  wounded: number;
}

/** Events and casualty incidents per place with coordinates, for the map. */
export async function mapSpots(sql: Sql, filters: { from?: string; to?: string; bbox?: Bbox; events?: boolean; casualties?: boolean }): Promise<MapSpot[]> {
  const spots = new Map<string, MapSpot>();
  const spotAt = (r: { name: string; geonameid: number | null; country: string | null; lat: number; lon: number }, kind: string | null): MapSpot => {
    const key = r.geonameid !== null ? `g${r.geonameid}` : `${r.name}|${r.country ?? ''}|${r.lat.toFixed(2)},${r.lon.toFixed(2)}`;
    let spot = spots.get(key);
    if (!spot) spots.set(key, (spot = { name: r.name, kind, geonameid: r.geonameid, country: r.country, lat: r.lat, lon: r.lon, events: 0, incidents: 0, killed: 0, wounded: 0 }));
    spot.kind ??= kind;
    return spot;
  };
  if (filters.events !== false) {
    const params: Params = {};
    const where = [...eventConditions(sql, { ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}), ...(filters.bbox ? { bbox: filters.bbox } : {}) }, params), 'e.lat IS NOT NULL', 'e.lon IS NOT NULL'];
    const rows = await sql.all<{ name: string; kind: string | null; geonameid: number | null; country: string | null; lat: number; lon: number; n: number }>(
      `SELECT e.place_name AS name, e.place_kind AS kind, e.geonameid, e.country, e.lat, e.lon, count(*) AS n FROM events e WHERE ${where.join(' AND ')}
      GROUP BY e.place_name, e.place_kind, e.geonameid, e.country, e.lat, e.lon ORDER BY e.place_name, e.place_kind, e.geonameid, e.country, e.lat, e.lon`,
      params,
    );
    for (const r of rows) spotAt(r, r.kind).events += r.n;
  }
  if (filters.casualties !== false) {
    const params: Params = {};
    const where = ['c.lat IS NOT NULL', 'c.lon IS NOT NULL'];
    if (filters.from) {
      where.push('c.day >= @from');
      params.from = filters.from;
    }
    if (filters.to) {
      where.push("c.day <= @to AND c.day <> ''");
      params.to = filters.to;
    }
    if (filters.bbox) where.push(bboxCondition('c', filters.bbox, params));
    const rows = await sql.all<{ name: string; geonameid: number | null; country: string | null; lat: number; lon: number; n: number; killed: number; wounded: number }>(
      `SELECT c.place_name AS name, c.geonameid, c.country, c.lat, c.lon, count(*) AS n, coalesce(sum(c.killed), 0) AS killed, coalesce(sum(c.wounded), 0) AS wounded
        FROM casualties c WHERE ${where.join(' AND ')} GROUP BY c.place_name, c.geonameid, c.country, c.lat, c.lon ORDER BY c.place_name, c.geonameid, c.country, c.lat, c.lon`,
      params,
    );
    // Casualty rows keep no place kind: the articles' places say it (by GeoNames id, which countries have too, else by name).
    for (const r of rows) {
      const kind =
        r.geonameid !== null
          ? ((await sql.get<{ kind: string }>('SELECT kind FROM places WHERE geonameid = @geonameid LIMIT 1', { geonameid: r.geonameid }))?.kind ?? null)
          : ((await sql.get<{ kind: string }>('SELECT kind FROM places WHERE geonameid IS NULL AND name = @name AND country IS NOT DISTINCT FROM @country LIMIT 1', { name: r.name, country: r.country }))?.kind ?? null);
      const spot = spotAt(r, kind);
      spot.incidents += r.n;
      spot.killed += r.killed;
      spot.wounded += r.wounded;
    }
  }
  return [...spots.values()].sort((a, b) => b.events + b.incidents - (a.events + a.incidents) || a.name.localeCompare(b.name));
}

// ---- quotes -------------------------------------------------------------------------------------------------

export interface SpeakerTotal {
  name: string;
  actor: string | null;
  quotes: number;
}

/** The speakers quoted most, for the quotes view's facet; q narrows to names containing it. */
export async function topSpeakers(sql: Sql, options: { q?: string; limit: number }): Promise<SpeakerTotal[]> {
  const params: Params = { limit: options.limit };
  let filter = '';
  if (options.q) {
    filter = `WHERE ${sql.dialect.likeIgnoringCase('q.speaker_name', 'name')}`;
    params.name = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  return sql.all<SpeakerTotal>(`SELECT q.speaker_name AS name, max(q.speaker_actor) AS actor, count(*) AS quotes FROM quotes q ${filter} GROUP BY q.speaker_name ORDER BY quotes DESC, name LIMIT @limit`, params);
}

// ---- evidence -----------------------------------------------------------------------------------------------

export interface EventEvidence {
  /** The sentence of the event's first report, and where its trigger words are in it. */
  text: string;
  trigger: [number, number];
  article: number;
}

/**
 * The sentence behind each event (its first report), for a page of the event list: the whole sentence, not only the
 * clause the event rests on. Sliced here, where offsets are UTF-16 as in JS; the sentence's bounds are in the
 * article's record.
 */
export async function eventEvidence(sql: Sql, eventIds: readonly number[]): Promise<Map<number, EventEvidence>> {
  const out = new Map<number, EventEvidence>();
  if (eventIds.length === 0) return out;
  const params = Object.fromEntries(eventIds.map((id, i) => [`e${i}`, id]));
  const mentions = await sql.all<{ eventId: number; articleId: number; start: number; end: number; sentence: number; triggerStart: number; triggerEnd: number }>(
    `SELECT m.event_id AS "eventId", m.article_id AS "articleId", m.start, m."end", m.sentence, m.trigger_start AS "triggerStart", m.trigger_end AS "triggerEnd" FROM event_mentions m
      WHERE m.id IN (SELECT min(id) FROM event_mentions WHERE event_id IN (${eventIds.map((_, i) => `@e${i}`).join(', ')}) GROUP BY event_id)`,
    params,
  );
  const articles = new Map<number, { text: string; sentences: { start: number; end: number }[] }>();
  for (const m of mentions) {
    let article = articles.get(m.articleId);
    if (!article) {
      const row = (await sql.get<{ text: string; record: string | null }>('SELECT text, record FROM articles WHERE id = @id', { id: m.articleId }))!;
      const sentences = row.record ? ((JSON.parse(row.record) as { sentences?: { start: number; end: number }[] }).sentences ?? []) : [];
      articles.set(m.articleId, (article = { text: row.text, sentences }));
    }
    const sentence = article.sentences[m.sentence];
    // The sentence when it holds the evidence (it always should), else the evidence alone.
    const [start, end] = sentence && sentence.start <= m.start && sentence.end >= m.end ? [sentence.start, sentence.end] : [m.start, m.end];
    const text = article.text.slice(start, end);
    out.set(m.eventId, { text, trigger: [Math.max(0, m.triggerStart - start), Math.min(text.length, m.triggerEnd - start)], article: m.articleId });
  }
  return out;
}
