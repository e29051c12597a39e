/**
 * Connecting to PostgreSQL: a pool whose 64-bit integers and numerics come back as JS numbers (ids and counts stay
 * far below 2^53), the Sql runner of the shared queries, and migrations taken under an advisory lock, so workers
 * starting together migrate once.
 */
import { userInfo } from 'node:os';
import pg from 'pg';
import { PG_MIGRATIONS } from './migrations/index.ts';
import type { Migration } from '../migrations/index.ts';
import { POSTGRES, positional, type Params, type Sql } from '../sql.ts';
import { StoreError } from '../db.ts';

const INT8 = 20;
const NUMERIC = 1700;
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

/** Advisory lock ids (any two constants of our own). */
export const LOCKS = { migrate: 7_240_001, write: 7_240_002, partition: 7_240_003 } as const;

export function createPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ ...connectionOptions(url), max, types: TYPES, application_name: 'dateline' });
  // An idle connection the server closed must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

export function poolSql(pool: pg.Pool | pg.PoolClient): Sql {
  const run = async <T>(text: string, params: Params = {}) => {
    const q = positional(text, params);
    return (await pool.query(q.text, q.values)).rows as T[];
  };
  return {
    dialect: POSTGRES,
    all: run,
    get: async <T>(text: string, params: Params = {}) => (await run<T>(text, params))[0],
  };
}

/** A URL without a user name connects as the system user, as psql does (node-postgres would read $USER, often unset). */
export function connectionOptions(url: string): pg.ClientConfig {
  const named = /^postgres(ql)?:\/\/[^/@]+@/i.test(url) || process.env.PGUSER || process.env.USER;
  if (named) return { connectionString: url };
  const withUser = new URL(url);
  withUser.username = userInfo().username;
  return { connectionString: withUser.toString() };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Brings the schema up to the latest migration; each migration commits on its own. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<{ applied: number[]; version: number }> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCKS.migrate]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
    const current = ((await client.query('SELECT max(version) AS v FROM schema_migrations')).rows[0] as { v: number | null }).v ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) throw new StoreError('E_STORE_NEWER', `the database has schema version ${current}, newer than this Dateline (${latest}); upgrade Dateline`);
    const applied: number[] = [];
    for (const m of migrations) {
      if (m.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.up);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(m.version);
    }
    return { applied, version: Math.max(current, latest) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCKS.migrate]).catch(() => undefined);
    client.release();
  }
}

/** The schema version of a store opened for reading only: it must be the one this Dateline reads. */
export async function checkVersion(pool: pg.Pool, where: string): Promise<void> {
  const latest = PG_MIGRATIONS.at(-1)!.version;
  let current = 0;
  try {
    current = ((await pool.query('SELECT max(version) AS v FROM schema_migrations')).rows[0] as { v: number | null }).v ?? 0;
  } catch {
    // no schema_migrations: an empty database
  }
  if (current !== latest) {
    throw new StoreError(current > latest ? 'E_STORE_NEWER' : 'E_STORE_OPEN', `${where} has schema version ${current}; this Dateline reads version ${latest}${current < latest ? '; open it once for writing (dateline ingest, worker or recode) to migrate it' : '; upgrade Dateline'}`);
  }
}
