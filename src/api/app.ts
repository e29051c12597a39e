/**
 * The HTTP API as a fastify app. `buildApp({ store })` returns it unstarted, so tests call `app.inject()` and
 * `dateline serve` calls `listen()`. JSON in and out; every parameter validated; CORS off unless an origin is given.
 */
import { timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { ArticleRecord } from '../model/record.ts';
import { CodingPool, DEFAULT_ARTICLE_TIMEOUT_MS } from '../pool/coding.ts';
import { QueryError } from '../store/queryError.ts';
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
  /** Host names (and addresses) requests may be addressed to (default: localhost, 127.0.0.1, ::1). */
  allowedHosts?: readonly string[];
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
    // A URL that cannot be decoded gets the same error shape as every other answer.
    frameworkErrors: (error, _request, reply) => {
      securityHeaders(reply as FastifyReply);
      void (reply as FastifyReply).status(400).send({ statusCode: 400, error: 'Bad Request', message: `the URL could not be read (${error.message}); encode it with percent-escapes` });
    },
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
    securityHeaders(reply);
  });
  checkHost(app, options.allowedHosts ?? DEFAULT_HOSTS);
  strictNumbers(app);
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `there is no route ${request.method} ${request.url.split('?')[0]}; see /api/openapi.json` }),
  );
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

export const DEFAULT_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** The web app's own policy (as in web/index.html), and nothing at all for the API's data. */
const APP_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

function securityHeaders(reply: FastifyReply): void {
  const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
  reply.header('content-security-policy', html ? APP_CSP : DATA_CSP).header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
}

/**
 * Only requests addressed to an allowed name are answered: a web page served from elsewhere whose name an attacker
 * points at 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused.
 */
function checkHost(app: FastifyInstance, hosts: readonly string[]): void {
  const allowed = new Set(hosts.map((h) => h.toLowerCase().replace(/^\[|\]$/g, '')));
  app.addHook('onRequest', async (request, reply) => {
    const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (allowed.has(host)) return;
    return reply.status(421).send({
      statusCode: 421,
      error: 'Misdirected Request',
      message: `this server answers requests for ${[...allowed].join(', ')}, not ${JSON.stringify(host)}; start it with --allow-host ${host || 'NAME'} to allow that name`,
    });
  });
}

/** Numbers in a query are decimal digits: "0x10", " 5" and "1e1" would otherwise pass as numbers. */
function strictNumbers(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const properties = (request.routeOptions.schema?.querystring as { properties?: Record<string, { type?: string }> } | undefined)?.properties;
    if (!properties) return;
    for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
      const type = properties[name]?.type;
      const pattern = type === 'integer' ? /^-?\d+$/ : type === 'number' ? /^-?\d+(\.\d+)?$/ : null;
      if (pattern && typeof value === 'string' && !pattern.test(value)) throw new QueryError(name, `query parameter "${name}" must be written in decimal digits, not ${JSON.stringify(value)}`);
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
