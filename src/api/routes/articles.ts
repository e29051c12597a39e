/** Articles: search, the reader view of one article, and coding a posted article without storing it. */
import type { Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { getArticle, searchArticles, type ArticleAfter } from '../../store/articles.ts';
import { QueryError } from '../../store/queryError.ts';
import type { ApiContext } from '../app.ts';
import { decodeCursor, encodeCursor, isInt, isString } from '../cursor.ts';
import { checkRange } from '../params.ts';
import { ARTICLE_RECORD_REF, ArticleList, ArticleQuery, CodeBody, CodeQuery, IdParams, NoQuery, StoredArticle } from '../schemas.ts';

/** Articles waiting per coding worker before POST /api/code answers 503: a flood queues no further. */
const QUEUE_PER_WORKER = 16;

export function articleRoutes(app: FastifyInstance, { store, bodyLimit, coder, readOnly }: ApiContext): void {
  app.get<{ Querystring: Static<typeof ArticleQuery> }>(
    '/api/articles',
    {
      schema: {
        summary: 'Search articles',
        description: 'Full-text search (ranked, with a highlighted snippet) or, without q, every article newest first. Filters combine.',
        querystring: ArticleQuery,
        response: { 200: ArticleList },
      },
    },
    async (request) => {
      const { q, from, to, source, cursor, limit = 50 } = request.query;
      checkRange(from, to);
      const after = decodeCursor<ArticleAfter>(cursor, (v) => isInt(v.id) && (q !== undefined ? typeof v.rank === 'number' : isString(v.published)));
      const page = await searchArticles(store.sql, { ...(q !== undefined ? { q } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(source ? { source } : {}) }, after, limit);
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  app.get<{ Params: Static<typeof IdParams> }>(
    '/api/articles/:id',
    {
      schema: {
        summary: 'One article with every record',
        description: 'The text and every record (entities, places, dates, events, quotes, casualties) with offsets into the text, for the reader view.',
        params: IdParams,
        querystring: NoQuery,
        response: { 200: StoredArticle },
      },
    },
    async (request, reply) => {
      const article = await getArticle(store.sql, request.params.id);
      if (!article) return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `there is no article ${request.params.id} in this store` });
      return article;
    },
  );

  // A read-only server codes nothing on request; the route has no schema, so the OpenAPI document leaves it out.
  if (readOnly) {
    app.post('/api/code', (_request, reply) => reply.status(403).send({ statusCode: 403, error: 'Forbidden', message: 'this server is read-only (started with --read-only): POST /api/code is turned off' }));
    return;
  }
  app.post<{ Body: Static<typeof CodeBody>; Querystring: Static<typeof CodeQuery> }>(
    '/api/code',
    {
      bodyLimit,
      schema: {
        summary: 'Code a posted article (not stored)',
        description: `Runs the whole pipeline on one article, in a coding worker with the server's time budget per article, and answers its record. Body: the same record as a line of \`dateline code\` JSONL input; at most ${bodyLimit} bytes. 422 when the article takes longer than the budget; 503 when the workers are busy.`,
        querystring: CodeQuery,
        body: CodeBody,
        response: { 200: { $ref: `${ARTICLE_RECORD_REF}#` } },
      },
      // Query parameters are coerced from text; body fields are not: {"text": 42} is a mistake, not "42".
      preValidation: async (request) => {
        const body = request.body;
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
        for (const [field, value] of Object.entries(body)) if (typeof value !== 'string') throw new QueryError(field, `body field "${field}" must be a string, not ${value === null ? 'null' : typeof value}`);
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.text === undefined && body.html === undefined) throw new QueryError('text', 'give the article as "text" (or an HTML page as "html")');
      const pool = await coder();
      if (pool.pending >= pool.size * QUEUE_PER_WORKER) return reply.status(503).header('retry-after', '1').send({ statusCode: 503, error: 'Service Unavailable', message: 'every coding worker is busy; try again in a moment' });
      const outcome = await pool.codePosted({ id: 'posted', ...body }, { explain: request.query.explain === true, maxBytes: bodyLimit });
      if (outcome.ok) return outcome.value;
      if (outcome.failure === 'input') throw new QueryError('text', outcome.message.replace(/^record "[^"]*" /, 'the article '));
      if (outcome.failure === 'timeout') {
        const message = `the article took longer than ${pool.articleTimeoutMs / 1000} s to code, the server's budget for one article; send a shorter article`;
        return reply.status(422).send({ statusCode: 422, error: 'Unprocessable Content', message });
      }
      process.stderr.write(`dateline serve: POST /api/code: ${outcome.message}\n`);
      return reply.status(500).send({ statusCode: 500, error: 'Internal Server Error', message: `the article could not be coded: ${outcome.message}; please report it` });
    },
  );
}
