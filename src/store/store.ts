/**
 * The store as every command sees it, whichever engine holds it: SQLite (one file, the default) or PostgreSQL
 * (a shared server, for many workers and API processes). Reads are the query functions of this folder run on
 * `store.sql`; writes go through the methods below, each batch in one transaction, idempotent on the article key.
 */
import type { ArticleRows } from './rows.ts';
import type { Sql } from './sql.ts';
import type { CountedTable } from './tables.ts';
import type { WriteResult } from './writer.ts';

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /** Where the store is, for messages: the file, or the URL without its password. */
  readonly location: string;
  /** Runs the read queries (searchArticles, queryEvents, …). */
  readonly sql: Sql;
  /** Whether an article with this key is stored. */
  hasKey(key: string): Promise<boolean>;
  /** New articles and their records, in one transaction; an article whose key is stored is left as it is. */
  write(batch: readonly ArticleRows[]): Promise<WriteResult[]>;
  /** Re-coded records of stored articles, in place, in one transaction (recode). */
  replace(batch: readonly { id: number; rows: ArticleRows }[]): Promise<WriteResult[]>;
  /** An input that is not an article at all; stored once however often it is met. */
  recordInputFailure(origin: string, message: string): Promise<void>;
  /** Stored articles after `afterId`, in id order, as ingest read them (recode and copy read these). */
  storedInputs(afterId: number, limit: number): Promise<StoredInput[]>;
  /** Rows per table. */
  counts(): Promise<Record<CountedTable, number>>;
  close(): Promise<void>;
}

export interface StoredInput {
  id: number;
  key: string;
  contentHash: string;
  origin: string;
  text: string;
  /** JSON of the ArticleInput without its text. */
  input: string;
  /** JSON of the ArticleRecord without its text; null when coding failed. */
  record: string | null;
  /** Why coding failed, when it did. */
  error: string | null;
}

export const STORED_INPUTS_SQL = `SELECT a.id, a.key, a.content_hash AS "contentHash", a.origin, a.text, a.input, a.record,
    (SELECT substr(m.text, 16) FROM messages m WHERE m.article_id = a.id AND m.stage = 'pipeline' AND m.text LIKE 'coding failed: %' ORDER BY m.id LIMIT 1) AS error
  FROM articles a WHERE a.id > @afterId ORDER BY a.id LIMIT @limit`;
