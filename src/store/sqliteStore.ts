/** The embedded store: one SQLite file, written by one connection (see db.ts and writer.ts). */
import type { Db } from './db.ts';
import { sqliteSql, type Sql } from './sql.ts';
import { STORED_INPUTS_SQL, type Store, type StoredInput } from './store.ts';
import { COUNTED_TABLES, type CountedTable } from './tables.ts';
import { StoreWriter, type WriteResult } from './writer.ts';
import type { ArticleRows } from './rows.ts';

export class SqliteStore implements Store {
  readonly engine = 'sqlite';
  readonly sql: Sql;
  private writer: StoreWriter | null = null;

  constructor(readonly db: Db) {
    this.sql = sqliteSql(db);
  }

  get location(): string {
    return this.db.name;
  }

  async hasKey(key: string): Promise<boolean> {
    return (await this.sql.get('SELECT 1 FROM articles WHERE key = @key', { key })) !== undefined;
  }

  async write(batch: readonly ArticleRows[]): Promise<WriteResult[]> {
    const writer = this.getWriter();
    return writer.transaction(() => batch.map((rows) => writer.write(rows)));
  }

  async replace(batch: readonly { id: number; rows: ArticleRows }[]): Promise<WriteResult[]> {
    const writer = this.getWriter();
    return writer.transaction(() => batch.map(({ id, rows }) => writer.replace(id, rows)));
  }

  async recordInputFailure(origin: string, message: string): Promise<void> {
    this.getWriter().recordInputFailure(origin, message);
  }

  storedInputs(afterId: number, limit: number): Promise<StoredInput[]> {
    return this.sql.all<StoredInput>(STORED_INPUTS_SQL, { afterId, limit });
  }

  async counts(): Promise<Record<CountedTable, number>> {
    const row = await this.sql.get<Record<CountedTable, number>>(`SELECT ${COUNTED_TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
    return row!;
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Prepared on first write, so a read-only store never prepares writes. */
  private getWriter(): StoreWriter {
    return (this.writer ??= new StoreWriter(this.db));
  }
}
