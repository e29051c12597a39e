/** Event exports, streamed: GDELT 2.0 event table (TSV), CSV, JSON lines. They take the filters of /api/events. */
import { Readable } from 'node:stream';
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { queryEvents } from '../../store/events.ts';
import { exportEvents, GDELT_COLUMNS, type ExportFormat } from '../../store/exports.ts';
import type { ApiContext } from '../app.ts';
import { ExportQuery } from '../schemas.ts';
import { eventFilters } from './events.ts';

const FORMATS: { ext: string; format: ExportFormat; type: string; summary: string }[] = [
  { ext: 'tsv', format: 'gdelt', type: 'text/tab-separated-values; charset=utf-8', summary: 'Events as the GDELT 2.0 event table' },
  { ext: 'csv', format: 'csv', type: 'text/csv; charset=utf-8', summary: 'Events as CSV (GDELT columns, with a header)' },
  { ext: 'jsonl', format: 'jsonl', type: 'application/x-ndjson; charset=utf-8', summary: 'Events as JSON lines (the objects of /api/events)' },
];

const notes = GDELT_COLUMNS.filter((c) => c.note)
  .map((c) => `${c.name}: ${c.note}`)
  .join('; ');

export function exportRoutes(app: FastifyInstance, { store }: ApiContext): void {
  for (const { ext, format, type, summary } of FORMATS) {
    app.get<{ Querystring: Static<typeof ExportQuery> }>(
      `/api/export/events.${ext}`,
      {
        schema: {
          summary,
          description:
            format === 'jsonl'
              ? 'Every event matching the filters of /api/events, one JSON object per line.'
              : `Every event matching the filters of /api/events, in the ${GDELT_COLUMNS.length} columns of the GDELT 2.0 event table, in GDELT's order${format === 'gdelt' ? ' (tab-separated, no header, as GDELT ships it)' : ''}. Columns: ${notes}.`,
          querystring: ExportQuery,
        },
        config: { produces: type },
      },
      async (request, reply) => {
        const filters = eventFilters(request.query);
        // One row now, so a bad filter is a 400 and not a broken stream.
        await queryEvents(store.sql, filters, null, 1);
        const stream = Readable.from(exportEvents(store.sql, format, filters));
        return reply.type(type).header('content-disposition', `attachment; filename="events.${ext}"`).send(stream);
      },
    );
  }
}
