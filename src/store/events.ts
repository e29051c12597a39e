/**
 * Reading events (one row per event however many articles report it), the actors behind them, and the
 * timeline of a dyad. Actor codes match by prefix: USA matches USA, USAGOV, USAMIL; USAGOV only USAGOV….
 */
import type { Params, Sql } from './sql.ts';
import type { EventTable } from './tables.ts';

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

/** An events row with the URL of its first article, as the lists and exports read it. */
export interface EventRowOut extends Omit<EventTable, 'place_key' | 'source_root' | 'target_root' | 'first_rank'> {
  source_url: string | null;
}

export async function queryEvents(sql: Sql, filters: EventFilters, after: EventAfter | null, limit: number, sort: EventSort = '-day'): Promise<{ items: EventItem[]; next: EventAfter | null }> {
  const params: Params = { limit: limit + 1 };
  const where = eventConditions(sql, filters, params);
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
  const cmp = descending ? '<' : '>';
  const direction = descending ? 'DESC' : 'ASC';
  if (after) {
    where.push(`(e.${column} ${cmp} @afterKey OR (e.${column} = @afterKey AND e.id ${cmp} @afterId))`);
    Object.assign(params, { afterKey: after.key, afterId: after.id });
  }
  const rows = await sql.all<EventRowOut>(
    `SELECT ${EVENT_COLUMNS}, a.url AS source_url FROM events e LEFT JOIN articles a ON a.id = e.first_article_id
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.${column} ${direction}, e.id ${direction} LIMIT @limit`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(eventItem), next: rows.length > limit && last ? { sort, key: last[column], id: last.id } : null };
}

/** Every event matching the filters, a page at a time (no cursor stays open between pages). */
export async function* eachEventRow(sql: Sql, filters: EventFilters, pageSize = 2000): AsyncGenerator<EventRowOut> {
  let after: DayAfter | null = null;
  for (;;) {
    const params: Params = { limit: pageSize };
    const where = eventConditions(sql, filters, params);
    if (after) {
      where.push('(e.day < @afterDay OR (e.day = @afterDay AND e.id < @afterId))');
      Object.assign(params, { afterDay: after.day, afterId: after.id });
    }
    const rows = await sql.all<EventRowOut>(
      `SELECT ${EVENT_COLUMNS}, a.url AS source_url FROM events e LEFT JOIN articles a ON a.id = e.first_article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY e.day DESC, e.id DESC LIMIT @limit`,
      params,
    );
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

const EVENT_COLUMNS = ['id', 'day', 'date_granularity', 'source_actor', 'source_name', 'target_actor', 'target_name', 'code', 'name', 'root', 'quad_class', 'goldstein', 'place_name', 'place_kind', 'geonameid', 'lat', 'lon', 'country', 'negated', 'claimed', 'historical', 'is_root', 'num_mentions', 'num_articles', 'num_sources', 'first_article_id', 'added_at']
  .map((c) => `e.${c}`)
  .join(', ');

/** SQL conditions (on events aliased `e`) for the filters, their values put in `params`. */
export function eventConditions(sql: Sql, f: EventFilters, params: Params): string[] {
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
    else where.push(sql.dialect.equalsIgnoringCase('e.place_name', 'place'));
    params.place = /^\d+$/.test(f.place) ? Number(f.place) : f.place;
  }
  if (f.bbox) {
    where.push(bboxCondition('e', f.bbox, params));
  }
  if (f.q !== undefined) {
    params.match = sql.dialect.match(f.q);
    where.push(`e.id IN (SELECT m.event_id FROM event_mentions m WHERE ${sql.dialect.articleMatches('m.article_id')})`);
  }
  if (f.claimed !== undefined) where.push(`e.claimed = ${f.claimed ? 1 : 0}`);
  if (f.historical !== undefined) where.push(`e.historical = ${f.historical ? 1 : 0}`);
  return where;
}

function actorCondition(side: 'source' | 'target', code: string, name: string, params: Params): string {
  params[`${name}Root`] = code.slice(0, 3);
  if (code.length === 3) return `e.${side}_root = @${name}Root`;
  params[name] = code;
  return `(e.${side}_root = @${name}Root AND substr(e.${side}_actor, 1, ${code.length}) = @${name})`;
}

/** West > east means the box crosses the 180° meridian. */
export function bboxCondition(table: string, b: Bbox, params: Params): string {
  Object.assign(params, { west: b.west, south: b.south, east: b.east, north: b.north });
  const lon = b.west <= b.east ? `${table}.lon BETWEEN @west AND @east` : `(${table}.lon >= @west OR ${table}.lon <= @east)`;
  return `${table}.lat BETWEEN @south AND @north AND ${lon}`;
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
export async function queryActors(sql: Sql, q: string | undefined, offset: number, limit: number): Promise<{ items: ActorCount[]; more: boolean }> {
  const params: Params = { limit: limit + 1, offset };
  let filter = '';
  if (q) {
    params.code = q.toUpperCase();
    params.name = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filter = `AND (substr(actor, 1, length(@code)) = @code OR actor IN (SELECT actor FROM entities WHERE actor IS NOT NULL AND ${sql.dialect.likeIgnoringCase('name', 'name')}))`;
  }
  const rows = await sql.all<Omit<ActorCount, 'names'>>(
    `SELECT actor, as_source AS "asSource", as_target AS "asTarget", as_source + as_target AS events, mentions FROM actor_counts
      WHERE actor <> '---' ${filter} ORDER BY events DESC, actor LIMIT @limit OFFSET @offset`,
    params,
  );
  const items: ActorCount[] = [];
  for (const r of rows.slice(0, limit)) {
    const names = await sql.all<{ name: string }>('SELECT name, count(*) AS n FROM entities WHERE actor = @actor GROUP BY name ORDER BY n DESC, name LIMIT 5', { actor: r.actor });
    items.push({ ...r, names: names.map((n) => n.name) });
  }
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
export async function dyadTimeline(sql: Sql, a: string, b: string, interval: Interval): Promise<TimelinePoint[]> {
  const params: Params = {};
  const aToB = `(${actorCondition('source', a, 'a', params)} AND ${actorCondition('target', b, 'b', params)})`;
  const bToA = `(${actorCondition('source', b, 'b2', params)} AND ${actorCondition('target', a, 'a2', params)})`;
  const period = interval === 'day' ? 'e.day' : interval === 'week' ? sql.dialect.weekOf('e.day') : "substr(e.day, 1, 7) || '-01'";
  const rows = await sql.all<{ period: string; direction: 'aToB' | 'bToA'; quad: 1 | 2 | 3 | 4; n: number; goldstein: number }>(
    `SELECT period, direction, quad, count(*) AS n, sum(goldstein) AS goldstein FROM (
        SELECT ${period} AS period, CASE WHEN ${aToB} THEN 'aToB' ELSE 'bToA' END AS direction, e.quad_class AS quad, e.goldstein
        FROM events e WHERE e.day <> '' AND (${aToB} OR ${bToA})) dyad
      GROUP BY period, direction, quad ORDER BY period, direction, quad`,
    params,
  );
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
