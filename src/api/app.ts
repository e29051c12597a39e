/**
 * The HTTP API as a fastify app. `buildApp({ store })` returns it unstarted, so tests call `app.inject()` and
 * `dateline serve` calls `listen()`. JSON in and out; every parameter validated; CORS off unless an origin is given.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { ArticleRecord } from '../model/record.ts';
import { CodingPool, DEFAULT_ARTICLE_TIMEOUT_MS } from '../pool/coding.ts';
import type { Store } from '../store/store.ts';
import { installErrorHandling } from './errors.ts';
import { openApiDocument, routeCollector } from './openapi.ts';
import { articleRoutes } from './routes/articles.ts';
import { eventRoutes } from './routes/events.ts';
import { exportRoutes } from './routes/exports.ts';
import { recordRoutes } from './routes/records.ts';
import { statsRoutes } from './routes/stats.ts';
import { staticRoutes } from './static.ts';

export interface AppOptions {
  store: Store;
  /** Folder of the built web app (default web/dist of this checkout). */
  webRoot?: string;
  /** Origin allowed to call the API from a browser; CORS is off when absent. */
  corsOrigin?: string;
  /** Largest request body, in bytes (default 1 MiB). */
  bodyLimit?: number;
  /** The coding pool of POST /api/code, started at the first request (default: 1 worker, the default time budget). */
  coding?: { workers: number; articleTimeoutMs: number };
  /** When set, every /api route needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Turns off POST /api/code (a team's shared server codes nothing on request). */
  readOnly?: boolean;
}

export interface ApiContext {
  store: Store;
  bodyLimit: number;
  /** The coding pool, started once when first needed: articles are never coded on the server's thread. */
  coder: () => Promise<CodingPool>;
  readOnly: boolean;
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export function buildApp(options: AppOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  const app = Fastify({
    logger: false,
    bodyLimit,
    // Strict: no silently dropped unknown parameters, no array coercion; errors carry their schema for the message.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, verbose: true } },
    // A longer path parameter is a 404 before it reaches a route.
    routerOptions: { maxParamLength: 200 },
  });
  const coding = options.coding ?? { workers: 1, articleTimeoutMs: DEFAULT_ARTICLE_TIMEOUT_MS };
  let pool: Promise<CodingPool> | null = null;
  const coder = () => {
    pool ??= CodingPool.start(coding);
    // A pool that could not start is tried again at the next request.
    pool.catch(() => (pool = null));
    return pool;
  };
  app.addHook('onClose', async () => {
    await (await pool?.catch(() => null))?.close();
  });
  const context: ApiContext = { store: options.store, bodyLimit, coder, readOnly: options.readOnly === true };
  const collector = routeCollector();
  app.addHook('onRoute', collector.onRoute);
  app.addSchema(ArticleRecord);
  installErrorHandling(app);
  app.addHook('onSend', async (_request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
  });
  if (options.corsOrigin) enableCors(app, options.corsOrigin);
  if (options.token) requireToken(app, options.token);

  articleRoutes(app, context);
  eventRoutes(app, context);
  recordRoutes(app, context);
  exportRoutes(app, context);
  statsRoutes(app, context);

  let document: object | null = null;
  app.get('/api/openapi.json', () => {
    document ??= openApiDocument(collector.routes, { version: (JSON.parse(readFileSync(`${REPO}package.json`, 'utf8')) as { version: string }).version });
    return document;
  });
  staticRoutes(app, options.webRoot ?? `${REPO}web/dist`);
  return app;
}

/** Bearer token on every API route (the web app's files stay public; the API is what holds the data). */
function requireToken(app: FastifyInstance, token: string): void {
  const expected = Buffer.from(`Bearer ${token}`);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.method === 'OPTIONS') return;
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.status(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, error: 'Unauthorized', message: 'this server needs an "Authorization: Bearer <token>" header with the token it was started with (--token)' });
    }
  });
}

function enableCors(app: FastifyInstance, origin: string): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      return reply.header('access-control-allow-methods', 'GET, POST').header('access-control-allow-headers', 'content-type, authorization').header('access-control-max-age', '600').status(204).send();
    }
  });
}
