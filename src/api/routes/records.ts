/** Quotes and casualty reports across the store. */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { queryCasualties } from '../../store/casualties.ts';
import type { DayAfter } from '../../store/events.ts';
import { queryQuotes } from '../../store/quotes.ts';
import type { ApiContext } from '../app.ts';
import { decodeCursor, encodeCursor, isInt, isString } from '../cursor.ts';
import { checkRange, parseBbox } from '../params.ts';
import { CasualtyList, CasualtyQuery, QuoteList, QuoteQuery } from '../schemas.ts';

export function recordRoutes(app: FastifyInstance, { store }: ApiContext): void {
  app.get<{ Querystring: Static<typeof QuoteQuery> }>(
    '/api/quotes',
    {
      schema: {
        summary: 'Search quotes',
        description: 'Direct and reported speech with its speaker, newest first; q searches the words of the quote.',
        querystring: QuoteQuery,
        response: { 200: QuoteList },
      },
    },
    async (request) => {
      const { speaker, q, cursor, limit = 50 } = request.query;
      const after = decodeCursor<{ id: number }>(cursor, (v) => isInt(v.id));
      const page = await queryQuotes(store.sql, { ...(speaker ? { speaker } : {}), ...(q !== undefined ? { q } : {}) }, after?.id ?? null, limit);
      return { items: page.items, nextCursor: page.next !== null ? encodeCursor({ id: page.next }) : null };
    },
  );

  app.get<{ Querystring: Static<typeof CasualtyQuery> }>(
    '/api/casualties',
    {
      schema: {
        summary: 'Search casualty reports',
        description: 'Killed, wounded, missing, abducted, arrested and displaced counts per incident, newest first.',
        querystring: CasualtyQuery,
        response: { 200: CasualtyList },
      },
    },
    async (request) => {
      const { from, to, bbox, cursor, limit = 50 } = request.query;
      checkRange(from, to);
      const box = parseBbox(bbox);
      const after = decodeCursor<DayAfter>(cursor, (v) => isInt(v.id) && isString(v.day));
      const page = await queryCasualties(store.sql, { ...(from ? { from } : {}), ...(to ? { to } : {}), ...(box ? { bbox: box } : {}) }, after, limit);
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );
}
