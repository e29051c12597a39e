/** Aggregates for the dashboard and the charts: counted in the store, never by paging events into the browser. */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { countEvents, eventsOverTime, mapSpots, storeTotals, topActors, topDyads, topPlaces, topSpeakers } from '../../store/aggregates.ts';
import type { ApiContext } from '../app.ts';
import { checkRange, parseBbox } from '../params.ts';
import { NoQuery } from '../schemas.ts';
import { ActorTotals, DyadTotals, DyadsQuery, EventCount, EventCountQuery, MapQuery, MapSpots, OverTime, OverTimeQuery, PlaceTotals, SpeakerTotals, SpeakersQuery, TopQuery, Totals } from '../statsSchemas.ts';
import { eventFilters } from './events.ts';

export function statsRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get('/api/stats/totals', { schema: { summary: 'Totals of the store', description: 'How many articles, events, quotes and casualty incidents the store holds, and the dates they span.', querystring: NoQuery, response: { 200: Totals } } }, () => storeTotals(store.sql));

  app.get<{ Querystring: Static<typeof EventCountQuery> }>(
    '/api/events/count',
    { schema: { summary: 'Count events', description: 'How many events match the filters of /api/events (which pages them).', querystring: EventCountQuery, response: { 200: EventCount } } },
    async (request) => ({ total: await countEvents(store.sql, eventFilters(request.query)) }),
  );

  app.get<{ Querystring: Static<typeof OverTimeQuery> }>(
    '/api/stats/events-over-time',
    {
      schema: {
        summary: 'Events over time',
        description: 'Matching events per day, week, month or year, per QuadClass, with the Goldstein sum. An event dated more coarsely than the interval (only a month, only a year) is a bucket of its own spanning that month or year.',
        querystring: OverTimeQuery,
        response: { 200: OverTime },
      },
    },
    (request) => {
      const { interval = 'month', ...filters } = request.query;
      return eventsOverTime(store.sql, eventFilters(filters), interval);
    },
  );

  app.get<{ Querystring: Static<typeof DyadsQuery> }>(
    '/api/stats/dyads',
    {
      schema: {
        summary: 'Top dyads',
        description: 'Who acted on whom: directed pairs of actors with the most matching events, with QuadClass counts and the Goldstein sum; pairs with an unknown side are counted apart.',
        querystring: DyadsQuery,
        response: { 200: DyadTotals },
      },
    },
    (request) => {
      const { level = 'country', limit = 10, ...filters } = request.query;
      return topDyads(store.sql, eventFilters(filters), { level, limit });
    },
  );

  app.get<{ Querystring: Static<typeof TopQuery> }>(
    '/api/stats/actors',
    { schema: { summary: 'Top actors', description: 'The actors with the most events, named and typed (state, IGO, NGO, group); unknown actors left out.', querystring: TopQuery, response: { 200: ActorTotals } } },
    async (request) => ({ items: await topActors(store.sql, request.query.limit ?? 10) }),
  );

  app.get<{ Querystring: Static<typeof TopQuery> }>(
    '/api/stats/places',
    { schema: { summary: 'Top places', description: 'The places the most articles mention, with the number of events that happened there.', querystring: TopQuery, response: { 200: PlaceTotals } } },
    async (request) => ({ items: await topPlaces(store.sql, request.query.limit ?? 10) }),
  );

  app.get<{ Querystring: Static<typeof MapQuery> }>(
    '/api/stats/map',
    {
      schema: {
        summary: 'Places on the map',
        description: 'Events and casualty incidents per place with coordinates, in the dates and box given. Country-level records (kind "country") sit at the country’s centroid.',
        querystring: MapQuery,
        response: { 200: MapSpots },
      },
    },
    async (request) => {
      const { from, to, bbox, layers = 'events,casualties' } = request.query;
      checkRange(from, to);
      const box = parseBbox(bbox);
      return { spots: await mapSpots(store.sql, { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(box ? { bbox: box } : {}), events: layers.includes('events'), casualties: layers.includes('casualties') }) };
    },
  );

  app.get<{ Querystring: Static<typeof SpeakersQuery> }>(
    '/api/stats/speakers',
    { schema: { summary: 'Top speakers', description: 'The people quoted most, with their number of quotes; q narrows to names containing it.', querystring: SpeakersQuery, response: { 200: SpeakerTotals } } },
    async (request) => ({ items: await topSpeakers(store.sql, { ...(request.query.q ? { q: request.query.q } : {}), limit: request.query.limit ?? 20 }) }),
  );
}
