/**
 * Reading events (one row per event however many articles report it), the actors behind them, and the
 * timeline of a dyad. Actor codes match by prefix: USA matches USA, USAGOV, USAMIL; USAGOV only USAGOV….
 */
import type { Db } from './db.ts';
import { toFtsQuery } from './ftsQuery.ts';
import { QueryError } from './queryError.ts';

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface EventFilters {
  /** Either side. */
  actor?: string;
  source?: string;
  target?: string;
  root?: string;
  /** CAMEO code prefix: 04 matches 040–046 and their sub-codes. */
  code?: string;
  quad?: number;
  from?: string;
  to?: string;
  /** A GeoNames id, an ISO 3166 alpha-3 country code, or a place name. */
  place?: string;
  bbox?: Bbox;
  /** Full text of the articles that report the event. */
  q?: string;
  claimed?: boolean;
  historical?: boolean;
}

/** Orders of the event list: a column, descending with a leading "-". */
export const EVENT_SORTS = ['-day', 'day', '-goldstein', 'goldstein', '-articles', 'articles'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];
const SORT_COLUMNS = { day: 'day', goldstein: 'goldstein', articles: 'num_articles' } as const;

/** Keyset of the last item of a page listed newest first (events when exported, casualties). */
export interface DayAfter {
  day: string;
  id: number;
}

/** Keyset of the last event of a page, in the order it was listed. */
export interface EventAfter {
  sort: EventSort;
  key: string | number;
  id: number;
}

export interface EventItem {
  id: number;
  /** YYYY-MM-DD, or null when unknown; a coarser date stands for its first day (see granularity). */
  day: string | null;
  granularity: string;
  code: string;
  name: string;
  root: string;
  quadClass: number;
  goldstein: number;
  source: { actor: string; name: string | null };
  target: { actor: string; name: string | null } | null;
  place: { name: string; kind: string | null; geonameid: number | null; lat: number | null; lon: number | null; country: string | null } | null;
  negated: boolean;
  claimed: boolean;
  historical: boolean;
  /** Reported in the lead paragraph of its first article (GDELT IsRootEvent). */
  isRoot: boolean;
  numMentions: number;
  numArticles: number;
  numSources: number;
  firstArticle: { id: number; url: string | null };
  addedAt: string;
}

export interface EventRowOut {
  id: number;
  day: string;
  date_granularity: string;
  source_actor: string;
  source_name: string | null;
  target_actor: string;
  target_name: string | null;
  code: string;
  name: string;
  root: string;
  quad_class: number;
  goldstein: number;
  place_name: string | null;
  place_kind: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  negated: number;
  claimed: number;
  historical: number;
  is_root: number;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_article_id: number;
  source_url: string | null;
  added_at: string;
}

export function queryEvents(db: Db, filters: EventFilters, after: EventAfter | null, limit: number, sort: EventSort = '-day'): { items: EventItem[]; next: EventAfter | null } {
  const params: Record<string, unknown> = { limit: limit + 1 };
  const where = eventConditions(filters, params);
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const cmp = descending ? '<' : '>';
  const direction = descending ? 'DESC' : 'ASC';
  if (after) {
    where.push(`(e.${column} ${cmp} @afterKey OR (e.${column} = @afterKey AND e.id ${cmp} @afterId))`);
    Object.assign(params, { afterKey: after.key, afterId: after.id });
  }
  const sql = `SELECT e.*, a.url AS source_url FROM events e LEFT JOIN articles a ON a.id = e.first_article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.${column} ${direction}, e.id ${direction} LIMIT @limit`;
  const rows = runQuery<EventRowOut>(db, sql, params, filters.q !== undefined);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(eventItem), next: rows.length > limit && last ? { sort, key: last[column], id: last.id } : null };
}

/** Every event matching the filters, a page at a time (no cursor stays open between pages). */
export function* eachEventRow(db: Db, filters: EventFilters, pageSize = 2000): Generator<EventRowOut> {
  let after: DayAfter | null = null;
  for (;;) {
    const params: Record<string, unknown> = { limit: pageSize };
    const where = eventConditions(filters, params);
    if (after) {
      where.push('(e.day < @afterDay OR (e.day = @afterDay AND e.id < @afterId))');
      Object.assign(params, { afterDay: after.day, afterId: after.id });
    }
    const rows = runQuery<EventRowOut>(db, `SELECT e.*, a.url AS source_url FROM events e LEFT JOIN articles a ON a.id = e.first_article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.day DESC, e.id DESC LIMIT @limit`, params, filters.q !== undefined);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { day: last.day, id: last.id };
  }
}

export function eventItem(r: EventRowOut): EventItem {
  return {
    id: r.id,
    day: r.day || null,
    granularity: r.date_granularity,
    code: r.code,
    name: r.name,
    root: r.root,
    quadClass: r.quad_class,
    goldstein: r.goldstein,
    source: { actor: r.source_actor, name: r.source_name },
    target: r.target_actor ? { actor: r.target_actor, name: r.target_name } : null,
    place: r.place_name === null ? null : { name: r.place_name, kind: r.place_kind, geonameid: r.geonameid, lat: r.lat, lon: r.lon, country: r.country },
    negated: r.negated === 1,
    claimed: r.claimed === 1,
    historical: r.historical === 1,
    isRoot: r.is_root === 1,
    numMentions: r.num_mentions,
    numArticles: r.num_articles,
    numSources: r.num_sources,
    firstArticle: { id: r.first_article_id, url: r.source_url },
    addedAt: r.added_at,
  };
}

/** SQL conditions (on events aliased `e`) for the filters, their values put in `params`. */
export function eventConditions(f: EventFilters, params: Record<string, unknown>): string[] {
  const where: string[] = [];
  if (f.actor) {
    where.push(`(${actorCondition('source', f.actor, 'actor', params)} OR ${actorCondition('target', f.actor, 'actor', params)})`);
  }
  if (f.source) where.push(actorCondition('source', f.source, 'source', params));
  if (f.target) where.push(actorCondition('target', f.target, 'target', params));
  if (f.root) {
    where.push('e.root = @root');
    params.root = f.root;
  }
  if (f.code) {
    where.push(`substr(e.code, 1, ${f.code.length}) = @code`);
    params.code = f.code;
  }
  if (f.quad !== undefined) {
    where.push('e.quad_class = @quad');
    params.quad = f.quad;
  }
  if (f.from) {
    where.push('e.day >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push("e.day <= @to AND e.day <> ''");
    params.to = f.to;
  }
  if (f.place) {
    if (/^\d+$/.test(f.place)) where.push('e.geonameid = @place');
    else if (/^[A-Z]{3}$/.test(f.place)) where.push('e.country = @place');
    else where.push('e.place_name = @place COLLATE NOCASE');
    params.place = /^\d+$/.test(f.place) ? Number(f.place) : f.place;
  }
  if (f.bbox) {
    where.push(bboxCondition('e', f.bbox, params));
  }
  if (f.q !== undefined) {
    const fts = toFtsQuery(f.q);
    if (!fts) throw new QueryError('q', 'q has no words to search for');
    where.push('e.id IN (SELECT m.event_id FROM event_mentions m WHERE m.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match))');
    params.match = fts.match;
  }
  if (f.claimed !== undefined) where.push(`e.claimed = ${f.claimed ? 1 : 0}`);
  if (f.historical !== undefined) where.push(`e.historical = ${f.historical ? 1 : 0}`);
  return where;
}

function actorCondition(side: 'source' | 'target', code: string, name: string, params: Record<string, unknown>): string {
  params[`${name}Root`] = code.slice(0, 3);
  if (code.length === 3) return `e.${side}_root = @${name}Root`;
  params[name] = code;
  return `(e.${side}_root = @${name}Root AND substr(e.${side}_actor, 1, ${code.length}) = @${name})`;
}

/** West > east means the box crosses the 180° meridian. */
export function bboxCondition(table: string, b: Bbox, params: Record<string, unknown>): string {
  Object.assign(params, { west: b.west, south: b.south, east: b.east, north: b.north });
  const lon = b.west <= b.east ? `${table}.lon BETWEEN @west AND @east` : `(${table}.lon >= @west OR ${table}.lon <= @east)`;
  return `${table}.lat BETWEEN @south AND @north AND ${lon}`;
}

function runQuery<T>(db: Db, sql: string, params: Record<string, unknown>, fullText: boolean): T[] {
  try {
    return db.prepare(sql).all(params) as T[];
  } catch (error) {
    if (fullText && /fts5|MATCH/i.test((error as Error).message)) throw new QueryError('q', `q could not be searched (${(error as Error).message}); use words, "phrases", OR, -word`);
    throw error;
  }
}

export interface ActorCount {
  actor: string;
  /** The names this code was given in the articles, most frequent first. */
  names: string[];
  events: number;
  asSource: number;
  asTarget: number;
  mentions: number;
}

/** Actors (CAMEO codes) with their event counts; q matches a code prefix or part of a name. */
export function queryActors(db: Db, q: string | undefined, offset: number, limit: number): { items: ActorCount[]; more: boolean } {
  const params: Record<string, unknown> = { limit: limit + 1, offset };
  let filter = '';
  if (q) {
    params.code = q.toUpperCase();
    params.name = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filter = `AND (substr(actor, 1, length(@code)) = @code OR actor IN (SELECT actor FROM entities WHERE actor IS NOT NULL AND name LIKE @name ESCAPE '\\'))`;
  }
  const rows = db
    .prepare(
      `SELECT actor, as_source AS asSource, as_target AS asTarget, as_source + as_target AS events, mentions FROM actor_counts
      WHERE actor <> '---' ${filter} ORDER BY events DESC, actor LIMIT @limit OFFSET @offset`,
    )
    .all(params) as Omit<ActorCount, 'names'>[];
  const names = db.prepare('SELECT name, count(*) AS n FROM entities WHERE actor = ? GROUP BY name ORDER BY n DESC, name LIMIT 5');
  const items = rows.slice(0, limit).map((r) => ({ ...r, names: (names.all(r.actor) as { name: string }[]).map((n) => n.name) }));
  return { items, more: rows.length > limit };
}

export type Interval = 'day' | 'week' | 'month';

export interface Tally {
  events: number;
  /** Events per GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quadClass: { '1': number; '2': number; '3': number; '4': number };
  goldstein: number;
}

export interface TimelinePoint {
  /** First day of the interval (weeks start on Monday). */
  period: string;
  aToB: Tally;
  bToA: Tally;
}

/** Per interval, events from a to b and from b to a: counts per QuadClass and the Goldstein sum. */
export function dyadTimeline(db: Db, a: string, b: string, interval: Interval): TimelinePoint[] {
  const params: Record<string, unknown> = {};
  const aToB = `(${actorCondition('source', a, 'a', params)} AND ${actorCondition('target', b, 'b', params)})`;
  const bToA = `(${actorCondition('source', b, 'b2', params)} AND ${actorCondition('target', a, 'a2', params)})`;
  const period = interval === 'day' ? 'e.day' : interval === 'week' ? "date(e.day, '-' || ((CAST(strftime('%w', e.day) AS INTEGER) + 6) % 7) || ' days')" : "substr(e.day, 1, 7) || '-01'";
  const rows = db
    .prepare(
      `SELECT ${period} AS period, CASE WHEN ${aToB} THEN 'aToB' ELSE 'bToA' END AS direction, e.quad_class AS quad, count(*) AS n, sum(e.goldstein) AS goldstein
      FROM events e WHERE e.day <> '' AND (${aToB} OR ${bToA})
      GROUP BY period, direction, quad ORDER BY period`,
    )
    .all(params) as { period: string; direction: 'aToB' | 'bToA'; quad: 1 | 2 | 3 | 4; n: number; goldstein: number }[];
  const points = new Map<string, TimelinePoint>();
  const empty = (): Tally => ({ events: 0, quadClass: { '1': 0, '2': 0, '3': 0, '4': 0 }, goldstein: 0 });
  for (const r of rows) {
    let point = points.get(r.period);
    if (!point) points.set(r.period, (point = { period: r.period, aToB: empty(), bToA: empty() }));
    const tally = point[r.direction];
    tally.events += r.n;
    tally.quadClass[String(r.quad) as '1'] += r.n;
    tally.goldstein = Math.round((tally.goldstein + r.goldstein) * 100) / 100;
  }
  return [...points.values()];
}
