/**
 * Which store a command uses: `--store sqlite:PATH | postgres://…`, else the DATELINE_STORE environment variable,
 * else `--db PATH` (SQLite), else ./dateline.db.
 */
import { existsSync } from 'node:fs';
import { openStore, StoreError } from './db.ts';
import { SqliteStore } from './sqliteStore.ts';
import type { Store } from './store.ts';

export type StoreSpec = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/** Parses a store option; null when it names no engine this Dateline knows. */
export function parseStoreSpec(text: string): StoreSpec | null {
  if (POSTGRES_URL.test(text)) return { engine: 'postgres', url: text };
  if (text.startsWith('sqlite:') && text.length > 'sqlite:'.length) return { engine: 'sqlite', file: text.slice('sqlite:'.length) };
  return null;
}

export function describeSpec(spec: StoreSpec): string {
  return spec.engine === 'sqlite' ? spec.file : spec.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/**
 * Opens a store. Writing migrates it (creating a SQLite file if needed); `readonly` opens an existing one at the
 * schema version this Dateline reads.
 */
export async function openStoreAt(spec: StoreSpec, options: { readonly?: boolean; connections?: number } = {}): Promise<Store> {
  if (spec.engine === 'sqlite') {
    if (options.readonly && !existsSync(spec.file)) throw new StoreError('E_STORE_MISSING', `${spec.file} does not exist; create it with \`dateline ingest <files> --db ${spec.file}\``);
    return new SqliteStore(openStore(spec.file, options.readonly ? { readonly: true } : {}));
  }
  const { PostgresStore } = await import('./postgres/store.ts');
  return PostgresStore.open(spec.url, options);
}
