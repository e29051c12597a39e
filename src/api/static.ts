/** The web app: files of web/dist at /, with index.html for client-side routes; a short page when it is not built. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dateline</title></head>
<body style="font: 16px/1.5 system-ui, sans-serif; max-width: 40em; margin: 3em auto">
<h1>Dateline</h1>
<p>The API is running: see <a href="/api/openapi.json">/api/openapi.json</a>, or try
<a href="/api/events">/api/events</a> and <a href="/api/articles?q=Iran">/api/articles?q=Iran</a>.</p>
<p>The web app is not built yet. Run <code>npm run build:web</code> (it writes <code>web/dist</code>; see DEVELOPERS.md) and restart the server to see it here. The API works without it.</p>
</body></html>`;

export function staticRoutes(app: FastifyInstance, webRoot: string): void {
  const root = resolve(webRoot);
  app.get('/*', (request, reply) => {
    const path = (request.params as { '*': string })['*'];
    if (path.startsWith('api/') || path === 'api') return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no API route ${request.method} ${request.url.split('?')[0]}; see /api/openapi.json` });
    if (!existsSync(join(root, 'index.html'))) return reply.type('text/html; charset=utf-8').send(NOT_BUILT);
    let file = resolve(root, path);
    if (file !== root && !file.startsWith(root + sep)) return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: 'not found' });
    if (!existsSync(file) || !statSync(file).isFile()) {
      // A path with an extension is a missing asset; anything else is a route of the app.
      if (extname(path)) return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no file ${path}` });
      file = join(root, 'index.html');
    }
    return reply.type(TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream').send(createReadStream(file));
  });
}
