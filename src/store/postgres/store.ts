/** The shared store: a PostgreSQL database that many workers write and many API processes read. */
import type pg from 'pg';
import type { ArticleRows } from '../rows.ts';
import type { Sql } from '../sql.ts';
import { STORED_INPUTS_SQL, type Store, type StoredInput } from '../store.ts';
import { COUNTED_TABLES, type CountedTable } from '../tables.ts';
import type { WriteResult } from '../writer.ts';
import { checkVersion, createPool, migrate, poolSql, redact } from './connect.ts';
import { PgWriter } from './writer.ts';
import { StoreError } from '../db.ts';

/** SQLSTATE of a write refused by a read-only server or transaction. */
const READ_ONLY_TRANSACTION = '25006';

export class PostgresStore implements Store {
  readonly engine = 'postgres';
  readonly sql: Sql;
  private readonly writer: PgWriter;

  private constructor(
    private readonly pool: pg.Pool,
    readonly location: string,
  ) {
    this.sql = poolSql(pool);
    this.writer = new PgWriter(pool);
  }

  /** Connects and migrates; `readonly` checks the schema version instead of migrating. */
  static async open(url: string, options: { readonly?: boolean; connections?: number } = {}): Promise<PostgresStore> {
    const pool = createPool(url, options.connections);
    const location = redact(url);
    try {
      if (options.readonly) await checkVersion(pool, location);
      else await migrate(pool).catch(async (error: unknown) => {
        // A read replica (hot standby) refuses every write: serve from it at the version the primary migrated to.
        if ((error as { code?: string }).code !== READ_ONLY_TRANSACTION) throw error;
        await checkVersion(pool, location);
      });
    } catch (error) {
      await pool.end();
      if (error instanceof StoreError) throw error;
      throw new StoreError('E_STORE_OPEN', `cannot open ${location}: ${(error as Error).message}; check that PostgreSQL runs there and the database exists (createdb)`);
    }
    return new PostgresStore(pool, location);
  }

  async hasKey(key: string): Promise<boolean> {
    return (await this.sql.get('SELECT 1 FROM articles WHERE key = @key', { key })) !== undefined;
  }

  write(batch: readonly ArticleRows[]): Promise<WriteResult[]> {
    return this.writer.write(batch);
  }

  replace(batch: readonly { id: number; rows: ArticleRows }[]): Promise<WriteResult[]> {
    return this.writer.replace(batch);
  }

  recordInputFailure(origin: string, message: string): Promise<void> {
    return this.writer.recordInputFailure(origin, message);
  }

  storedInputs(afterId: number, limit: number): Promise<StoredInput[]> {
    return this.sql.all<StoredInput>(STORED_INPUTS_SQL, { afterId, limit });
  }

  async counts(): Promise<Record<CountedTable, number>> {
    return (await this.sql.get<Record<CountedTable, number>>(`SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`))!;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
