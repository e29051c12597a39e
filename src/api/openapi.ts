/**
 * The OpenAPI 3.1 document, generated from the schemas the routes validate with, so the two cannot drift.
 * JSON Schema 2020-12 is OpenAPI 3.1's schema dialect, so the route schemas go in as they are.
 */
import type { RouteOptions } from 'fastify';
import { ArticleRecord } from '../model/record.ts';
import { ARTICLE_RECORD_REF, ErrorAnswer } from './schemas.ts';

declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
  }
  interface FastifyContextConfig {
    /** Content type of a non-JSON answer (exports), for the document. */
    produces?: string;
  }
}

interface Schema {
  type?: string;
  properties?: Record<string, Schema & { description?: string }>;
  required?: string[];
  description?: string;
}

export interface RouteDoc {
  method: string;
  url: string;
  schema: {
    summary?: string;
    description?: string;
    querystring?: Schema;
    params?: Schema;
    body?: Schema;
    response?: Record<string, unknown>;
  };
  produces?: string;
}

/** Collects the /api routes as they are registered (call before registering them). */
export function routeCollector(): { onRoute: (route: RouteOptions) => void; routes: RouteDoc[] } {
  const routes: RouteDoc[] = [];
  return {
    routes,
    onRoute(route) {
      const methods = ([] as string[]).concat(route.method as string | string[]);
      if (!route.url.startsWith('/api/') || !route.schema) return;
      const produces = (route.config as { produces?: string } | undefined)?.produces;
      for (const method of methods) if (method !== 'HEAD') routes.push({ method: method.toLowerCase(), url: route.url, schema: route.schema as RouteDoc['schema'], ...(produces ? { produces } : {}) });
    },
  };
}

export function openApiDocument(routes: readonly RouteDoc[], info: { version: string }): object {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.url.replace(/:(\w+)/g, '{$1}');
    const { querystring, params, body, response, summary, description } = route.schema;
    const parameters = [...parametersOf(params, 'path'), ...parametersOf(querystring, 'query')];
    const ok = response?.['200'] ?? response?.[200];
    (paths[path] ??= {})[route.method] = {
      summary,
      description,
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: clean(body) } } } } : {}),
      responses: {
        200: {
          description: summary ?? 'OK',
          content: route.produces ? { [route.produces.split(';')[0]!]: { schema: { type: 'string' } } } : { 'application/json': { schema: ok ? clean(ok) : {} } },
        },
        ...(parameters.length || body ? { 400: errorResponse('a parameter is missing, unknown or not valid; the message says which and why') } : {}),
        ...(params ? { 404: errorResponse('not in this store') } : {}),
        ...(body
          ? { 413: errorResponse('the body is too large'), 415: errorResponse('the body is not JSON'), 422: errorResponse('the article took longer than the time budget of one article'), 503: errorResponse('every coding worker is busy; try again shortly') }
          : {}),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dateline API',
      version: info.version,
      description: 'Event data coded from news articles: events (CAMEO, deduplicated across articles), actors, quotes, casualties, and the articles they come from, with offsets into the text. Lists page with cursors: pass nextCursor back as cursor.',
    },
    paths,
    components: {
      schemas: {
        ArticleRecord: clean(ArticleRecord, true),
        Error: clean(ErrorAnswer),
      },
    },
  };
}

function parametersOf(schema: Schema | undefined, where: 'path' | 'query'): object[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (schema.required ?? []).includes(name),
    ...(s.description ? { description: s.description } : {}),
    schema: clean(s),
  }));
}

function errorResponse(description: string): object {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
}

/** Plain JSON (TypeBox's symbol keys dropped), with the article record referenced from components. */
function clean(schema: unknown, dropId = false): unknown {
  const json = JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key === '$ref' && typeof value === 'string' && value.startsWith(ARTICLE_RECORD_REF) ? '#/components/schemas/ArticleRecord' : value)) as Record<string, unknown>;
  if (dropId) delete json.$id;
  return json;
}
