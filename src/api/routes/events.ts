/** Events, actors and dyad timelines. */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { eventEvidence } from '../../store/aggregates.ts';
import { dyadTimeline, queryActors, queryEvents, type EventAfter, type EventFilters } from '../../store/events.ts';
import type { ApiContext } from '../app.ts';
import { decodeCursor, encodeCursor, isInt, isString } from '../cursor.ts';
import { checkRange, parseBbox } from '../params.ts';
import { ActorList, ActorQuery, DyadParams, EventList, EventQuery, Timeline, TimelineQuery, type ExportQuery } from '../schemas.ts';

export function eventRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: Static<typeof EventQuery> }>(
    '/api/events',
    {
      schema: {
        summary: 'Search events',
        description: 'Events as stored once however many articles report them (counts as GDELT NumMentions/NumArticles/NumSources), newest first unless sort says otherwise, each with the sentence of its first report. Filters combine; /api/events/count says how many match.',
        querystring: EventQuery,
        response: { 200: EventList },
      },
    },
    async (request) => {
      const { cursor, limit = 50, sort = '-day', ...query } = request.query;
      const after = decodeCursor<EventAfter>(cursor, (v) => isInt(v.id) && (isString(v.key) || typeof v.key === 'number') && v.sort === sort);
      const page = await queryEvents(store.sql, eventFilters(query), after, limit, sort);
      const evidence = await eventEvidence(store.sql, page.items.map((e) => e.id));
      return { items: page.items.map((e) => ({ ...e, evidence: evidence.get(e.id) ?? null })), nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  app.get<{ Querystring: Static<typeof ActorQuery> }>(
    '/api/actors',
    {
      schema: {
        summary: 'Actors with counts',
        description: 'CAMEO actor codes seen in events, with the names they were given and how many events they take part in, most active first.',
        querystring: ActorQuery,
        response: { 200: ActorList },
      },
    },
    async (request) => {
      const { q, cursor, limit = 50 } = request.query;
      const offset = decodeCursor<{ offset: number }>(cursor, (v) => isInt(v.offset) && (v.offset as number) >= 0)?.offset ?? 0;
      const page = await queryActors(store.sql, q, offset, limit);
      return { items: page.items, nextCursor: page.more ? encodeCursor({ offset: offset + limit }) : null };
    },
  );

  app.get<{ Params: Static<typeof DyadParams>; Querystring: Static<typeof TimelineQuery> }>(
    '/api/dyads/:a/:b/timeline',
    {
      schema: {
        summary: 'Timeline of a relationship',
        description: 'Per day, week or month: events from a to b and from b to a, counted per QuadClass, with the Goldstein sum: do words match deeds?',
        params: DyadParams,
        querystring: TimelineQuery,
        response: { 200: Timeline },
      },
    },
    async (request) => {
      const a = request.params.a.toUpperCase();
      const b = request.params.b.toUpperCase();
      const interval = request.query.interval ?? 'day';
      return { a, b, interval, points: await dyadTimeline(store.sql, a, b, interval) };
    },
  );
}

/** Query parameters → store filters (codes upper-cased, range and box checked). */
export function eventFilters(query: Static<typeof ExportQuery>): EventFilters {
  checkRange(query.from, query.to);
  const filters: EventFilters = {};
  for (const key of ['actor', 'source', 'target'] as const) {
    const value = query[key];
    if (value !== undefined) filters[key] = value.toUpperCase();
  }
  for (const key of ['root', 'code', 'from', 'to', 'place', 'q'] as const) {
    const value = query[key];
    if (value !== undefined) filters[key] = value;
  }
  if (query.quad !== undefined) filters.quad = query.quad;
  if (query.claimed !== undefined) filters.claimed = query.claimed;
  if (query.historical !== undefined) filters.historical = query.historical;
  const bbox = parseBbox(query.bbox);
  if (bbox) filters.bbox = bbox;
  return filters;
}
