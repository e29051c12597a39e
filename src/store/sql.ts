/**
 * One way to run the store's queries on either engine: SQL written with named parameters (`@name`), run by
 * better-sqlite3 as is, or by PostgreSQL with `@name` turned into `$1, $2…`. The few places where the engines'
 * SQL differs (full-text search, case-insensitive matching, week arithmetic) are the Dialect's.
 */
import type { Db } from './db.ts';
import { toFtsQuery, toTsQuery } from './ftsQuery.ts';
import { QueryError } from './queryError.ts';

export type Params = Record<string, unknown>;

export interface Sql {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
}

export interface Dialect {
  engine: 'sqlite' | 'postgres';
  /** A condition: `idColumn` is an article whose title or text matches the search in `@match`. */
  articleMatches(idColumn: string): string;
  /** A condition: the quote `idColumn` matches the search in `@match`. */
  quoteMatches(idColumn: string): string;
  /** The search text as this engine's query language, for `@match`; a QueryError when it has no words. */
  match(q: string): string;
  /** `column = @param`, ignoring case. */
  equalsIgnoringCase(column: string, param: string): string;
  /** `column LIKE @param ESCAPE '\'`, ignoring case. */
  likeIgnoringCase(column: string, param: string): string;
  /** The Monday (YYYY-MM-DD) of the week of a YYYY-MM-DD column. */
  weekOf(column: string): string;
}

const noWords = () => new QueryError('q', 'q has no words to search for');

export const SQLITE: Dialect = {
  engine: 'sqlite',
  articleMatches: (id) => `${id} IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)`,
  quoteMatches: (id) => `${id} IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @match)`,
  match(q) {
    const fts = toFtsQuery(q);
    if (!fts) throw noWords();
    return fts.match;
  },
  equalsIgnoringCase: (column, param) => `${column} = @${param} COLLATE NOCASE`,
  likeIgnoringCase: (column, param) => `${column} LIKE @${param} ESCAPE '\\'`,
  weekOf: (column) => `date(${column}, '-' || ((CAST(strftime('%w', ${column}) AS INTEGER) + 6) % 7) || ' days')`,
};

export const POSTGRES: Dialect = {
  engine: 'postgres',
  articleMatches: (id) => `${id} IN (SELECT id FROM articles WHERE search @@ to_tsquery('english', @match))`,
  quoteMatches: (id) => `${id} IN (SELECT id FROM quotes WHERE search @@ to_tsquery('english', @match))`,
  match(q) {
    const ts = toTsQuery(q);
    if (!ts) throw noWords();
    return ts;
  },
  equalsIgnoringCase: (column, param) => `lower(${column}) = lower(@${param})`,
  likeIgnoringCase: (column, param) => `${column} ILIKE @${param} ESCAPE '\\'`,
  weekOf: (column) => `to_char(date_trunc('week', ${column}::date), 'YYYY-MM-DD')`,
};

/** Runs queries on a better-sqlite3 connection; statements are prepared once per SQL text. */
export function sqliteSql(db: Db): Sql {
  const statements = new Map<string, ReturnType<Db['prepare']>>();
  const prepare = (text: string) => {
    let s = statements.get(text);
    if (!s) statements.set(text, (s = db.prepare(text)));
    return s;
  };
  return {
    dialect: SQLITE,
    all: async <T>(text: string, params: Params = {}) => ftsGuard(() => prepare(text).all(params) as T[]),
    get: async <T>(text: string, params: Params = {}) => ftsGuard(() => prepare(text).get(params) as T | undefined),
  };
}

/** An FTS5 expression SQLite still refuses becomes a QueryError on q, not a crash. */
export function ftsGuard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (/fts5|malformed MATCH/i.test((error as Error).message)) throw new QueryError('q', `q could not be searched (${(error as Error).message}); use words, "phrases", OR, -word`);
    throw error;
  }
}

/** `WHERE a = @x AND b = @x` → `WHERE a = $1 AND b = $1` and the values in order. Names never occur inside literals here. */
export function positional(text: string, params: Params): { text: string; values: unknown[] } {
  const order = new Map<string, number>();
  const values: unknown[] = [];
  const converted = text.replace(/@([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    let n = order.get(name);
    if (n === undefined) {
      if (!(name in params)) throw new Error(`query parameter @${name} has no value`);
      values.push(params[name]);
      order.set(name, (n = values.length));
    }
    return `$${n}`;
  });
  return { text: converted, values };
}
