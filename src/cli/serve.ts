/** `dateline serve`: the HTTP API and the web app over a store. */
import { buildApp, DEFAULT_HOSTS } from '../api/app.ts';
import { openStoreAt } from '../store/open.ts';
import { readerSql, withReaders } from '../store/readers.ts';
import type { Store } from '../store/store.ts';
import { articleTimeout, existingStoreSpec, noPositionals, queryTimeout, wholeNumber } from './args.ts';
import { UsageError } from './errors.ts';

type Values = Record<string, string | boolean | undefined>;

export async function runServe(positionals: string[], values: Values): Promise<number> {
  noPositionals('serve', positionals);
  const store = await openStoreAt(existingStoreSpec(values));
  return serve(store, values);
}

/** The names requests may be addressed to: localhost, the bound address, and each --allow-host (comma-separated). */
export function hostsToAllow(host: string, allow: string | boolean | undefined): string[] {
  const extra = typeof allow === 'string' ? allow.split(',').map((h) => h.trim()).filter(Boolean) : [];
  const everywhere = host === '0.0.0.0' || host === '::';
  if (everywhere && extra.length === 0) throw new UsageError(`listening on every interface (${host}) needs --allow-host NAME[,NAME…]: the names or addresses clients use to reach this server`);
  return [...DEFAULT_HOSTS, ...(everywhere ? [] : [host]), ...extra];
}

/** Listens until Ctrl-C; prints where. */
export async function serve(store: Store, values: Values): Promise<number> {
  const port = wholeNumber(values, 'port', 8080, 0, 65535);
  const host = typeof values.host === 'string' ? values.host : '127.0.0.1';
  const corsOrigin = typeof values.cors === 'string' ? values.cors : undefined;
  if (corsOrigin !== undefined && !/^https?:\/\/[^/\s]+$/.test(corsOrigin)) throw new UsageError(`--cors must be an origin such as http://localhost:5173, not "${corsOrigin}"`);
  const coding = { workers: wholeNumber(values, 'workers', 1, 1, 64), articleTimeoutMs: articleTimeout(values) };
  const token = typeof values.token === 'string' ? values.token : process.env.DATELINE_TOKEN || undefined;
  if (token !== undefined && token.length < 8) throw new UsageError('--token must be at least 8 characters');
  const allowedHosts = hostsToAllow(host, values['allow-host']);
  // SQLite reads run in worker threads under a time budget, never on the event loop that answers every request
  const readers = store.engine === 'sqlite' ? await readerSql(store.location, queryTimeout(values)) : null;
  const app = buildApp({ store: readers ? withReaders(store, readers) : store, coding, allowedHosts, ...(corsOrigin ? { corsOrigin } : {}), ...(token ? { token } : {}), readOnly: values['read-only'] === true });
  try {
    await app.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pick another with --port`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`cannot listen on ${host}; check --host`);
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shown}:${actualPort}/`;
  process.stdout.write(`Dateline is serving ${store.location} at ${url}${token ? ' (API needs the bearer token)' : ''}${values['read-only'] ? ' read-only' : ''}\n  API: ${url}api/events, documented at ${url}api/openapi.json\n  Ctrl-C stops.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app.close().then(() => resolve());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await readers?.close();
  await store.close();
  return 0;
}
