/** Reading articles: full-text search with snippets, and one article with every record for the reader view. */
import type { ArticleRecord } from '../model/record.ts';
import type { Params, Sql } from './sql.ts';
import type { ArticleTable, MessageTable } from './tables.ts';

export interface ArticleFilters {
  q?: string;
  from?: string;
  to?: string;
  source?: string;
}

/** Keyset of the last row returned: search results go by rank, the rest by date (newest first). */
export type ArticleAfter = { rank: number; id: number } | { published: string; id: number };

export interface ArticleSummary {
  id: number;
  extId: string;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  status: 'coded' | 'failed';
  duplicateOf: number | null;
  events: number;
  quotes: number;
  casualties: number;
  /** With q: the best passage, and where the matched words are in it. */
  snippet?: { text: string; highlights: [number, number][] };
}

interface Row {
  id: number;
  ext_id: string;
  title: string | null;
  source: string | null;
  published: string;
  url: string | null;
  status: 'coded' | 'failed';
  duplicate_of: number | null;
  events: number;
  quotes: number;
  casualties: number;
  snippet?: string;
  rank?: number;
}

const OPEN = '\u0001';
const CLOSE = '\u0002';
const COLUMNS = `a.id, a.ext_id, a.title, a.source, a.published, a.url, a.status, a.duplicate_of,
  (SELECT count(DISTINCT m.event_id) FROM event_mentions m WHERE m.article_id = a.id) AS events,
  (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes,
  (SELECT count(*) FROM casualties c WHERE c.article_id = a.id) AS casualties`;

export async function searchArticles(sql: Sql, filters: ArticleFilters, after: ArticleAfter | null, limit: number): Promise<{ items: ArticleSummary[]; next: ArticleAfter | null }> {
  const where: string[] = [];
  const params: Params = { limit: limit + 1 };
  if (filters.from) {
    where.push('a.published >= @from');
    params.from = filters.from;
  }
  if (filters.to) {
    where.push("a.published <= @to AND a.published <> ''");
    params.to = filters.to;
  }
  if (filters.source) {
    where.push('a.source = @source');
    params.source = filters.source;
  }
  let rows: Row[];
  if (filters.q !== undefined) {
    params.match = sql.dialect.match(filters.q);
    if (after && 'rank' in after) Object.assign(params, { afterRank: after.rank, afterId: after.id });
    const filtered = where.map((w) => `AND ${w}`).join(' ');
    const keyset = after && 'rank' in after ? 'WHERE rank > @afterRank OR (rank = @afterRank AND id > @afterId)' : '';
    // SQLite: bm25, a hit in the title counting five times one in the text. PostgreSQL: ts_rank over the title
    // (weight A) and text (weight B), negated so that in both engines a lower rank is a better match; the snippet
    // (ts_headline reads the whole text) is made for the page's rows only.
    rows = await sql.all<Row>(
      sql.dialect.engine === 'sqlite'
        ? `SELECT * FROM (
            SELECT ${COLUMNS}, snippet(articles_fts, 1, '${OPEN}', '${CLOSE}', '…', 24) AS snippet, bm25(articles_fts, 5.0, 1.0) AS rank
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH @match ${filtered}) ranked
          ${keyset} ORDER BY rank, id LIMIT @limit`
        : `SELECT page.*, ts_headline('english', a.text, to_tsquery('english', @match), 'StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=24, MinWords=12, MaxFragments=1, FragmentDelimiter=…') AS snippet
          FROM (SELECT * FROM (
              SELECT ${COLUMNS}, -(ts_rank(a.search, to_tsquery('english', @match)))::float8 AS rank
              FROM articles a WHERE a.search @@ to_tsquery('english', @match) ${filtered}) ranked
            ${keyset} ORDER BY rank, id LIMIT @limit) page
          JOIN articles a ON a.id = page.id ORDER BY page.rank, page.id`,
      params,
    );
  } else {
    if (after && 'published' in after) {
      where.push('(a.published < @afterPublished OR (a.published = @afterPublished AND a.id < @afterId))');
      Object.assign(params, { afterPublished: after.published, afterId: after.id });
    }
    rows = await sql.all<Row>(`SELECT ${COLUMNS} FROM articles a ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.published DESC, a.id DESC LIMIT @limit`, params);
  }
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next: ArticleAfter | null = !more || !last ? null : last.rank !== undefined ? { rank: last.rank, id: last.id } : { published: last.published, id: last.id };
  return { items: page.map(summary), next };
}

function summary(r: Row): ArticleSummary {
  const item: ArticleSummary = {
    id: r.id,
    extId: r.ext_id,
    title: r.title,
    source: r.source,
    published: r.published || null,
    url: r.url,
    status: r.status,
    duplicateOf: r.duplicate_of,
    events: r.events,
    quotes: r.quotes,
    casualties: r.casualties,
  };
  if (r.snippet !== undefined) item.snippet = highlights(r.snippet);
  return item;
}

/** "…the \u0001talks\u0002 in…" → the text without markers and the [start, end) of each highlighted part. */
function highlights(marked: string): { text: string; highlights: [number, number][] } {
  const spans: [number, number][] = [];
  let text = '';
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0) spans.push([open, text.length]);
      open = -1;
    } else text += ch;
  }
  return { text, highlights: spans };
}

export interface StoredArticle {
  id: number;
  extId: string;
  url: string | null;
  title: string | null;
  source: string | null;
  published: string | null;
  origin: string;
  status: 'coded' | 'failed';
  duplicateOf: number | null;
  similarity: number | null;
  /** Later articles found to be copies of this one. */
  nearDuplicates: number[];
  addedAt: string;
  codedAt: string;
  text: string;
  /** Every record with its offsets into `text`; null when coding failed (see messages). */
  record: ArticleRecord | null;
  /** Which stored event each of the article's event records was merged into: { ev1: 12, … }. */
  eventIds: Record<string, number>;
  messages: { level: string; stage: string; rule: string | null; start: number | null; end: number | null; text: string }[];
}

export async function getArticle(sql: Sql, id: number): Promise<StoredArticle | null> {
  const a = await sql.get<ArticleTable>('SELECT * FROM articles WHERE id = @id', { id });
  if (!a) return null;
  let record: ArticleRecord | null = null;
  if (a.record !== null) {
    const stored = JSON.parse(a.record) as ArticleRecord;
    record = { ...stored, article: { ...stored.article, text: a.text } };
  }
  const eventIds: Record<string, number> = {};
  for (const m of await sql.all<{ local_id: string; event_id: number }>('SELECT local_id, event_id FROM event_mentions WHERE article_id = @id ORDER BY id', { id })) eventIds[m.local_id] = m.event_id;
  const nearDuplicates = await sql.all<{ id: number }>('SELECT id FROM articles WHERE duplicate_of = @id ORDER BY id', { id });
  return {
    id: a.id,
    extId: a.ext_id,
    url: a.url,
    title: a.title,
    source: a.source,
    published: a.published || null,
    origin: a.origin,
    status: a.status,
    duplicateOf: a.duplicate_of,
    similarity: a.similarity,
    nearDuplicates: nearDuplicates.map((r) => r.id),
    addedAt: a.added_at,
    codedAt: a.coded_at,
    text: a.text,
    record,
    eventIds,
    messages: await sql.all<Pick<MessageTable, 'level' | 'stage' | 'rule' | 'start' | 'end' | 'text'>>('SELECT level, stage, rule, start, "end", text FROM messages WHERE article_id = @id ORDER BY id', { id }),
  };
}
