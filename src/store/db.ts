/**
 * Opening the store: one SQLite file in WAL mode (readers never wait for the writer), migrated on open.
 * Migrations are recorded in `schema_migrations` and mirrored in `PRAGMA user_version`.
 */
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

export class StoreError extends Error {
  constructor(
    readonly code: 'E_STORE_NEWER' | 'E_STORE_MISSING' | 'E_STORE_OPEN',
    message: string,
  ) {
    super(message);
  }
}

/** Opens (creating if needed) and migrates a store; `readonly` opens an existing one as it is. */
export function openStore(file: string, options: OpenOptions = {}): Db {
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  } catch (error) {
    const missing = /unable to open|does not exist/i.test((error as Error).message);
    throw new StoreError(missing ? 'E_STORE_MISSING' : 'E_STORE_OPEN', missing ? `${file} does not exist; create it with \`dateline ingest <files> --db ${file}\`` : `cannot open ${file}: ${(error as Error).message}`);
  }
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL loses at most the last transactions on power loss, never consistency; a killed process loses nothing committed.
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } else {
    const current = db.pragma('user_version', { simple: true }) as number;
    const latest = MIGRATIONS.at(-1)!.version;
    if (current !== latest) throw new StoreError(current > latest ? 'E_STORE_NEWER' : 'E_STORE_OPEN', `${file} has schema version ${current}; this Dateline reads version ${latest}${current < latest ? '; open it once for writing (dateline ingest or recode) to migrate it' : '; upgrade Dateline'}`);
  }
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

export interface MigrationResult {
  applied: { version: number; name: string }[];
  version: number;
}

/** Brings the schema up to the latest migration; each migration commits on its own. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const current = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new StoreError('E_STORE_NEWER', `the database has schema version ${current}, newer than this Dateline (${latest}); upgrade Dateline`);
  const applied: MigrationResult['applied'] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push({ version: m.version, name: m.name });
  }
  return { applied, version: Math.max(current, latest) };
}
