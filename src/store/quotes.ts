/** Reading quotes: by speaker (part of the name) and by words of the quote (FTS5), newest first. */
import type { Params, Sql } from './sql.ts';
import type { QuoteTable } from './tables.ts';

export interface QuoteItem {
  id: number;
  article: ArticleRef;
  text: string;
  direct: boolean;
  fragment: boolean;
  speaker: { name: string; actor: string | null; start: number | null; end: number | null };
  /** Lemma of the verb that introduces the quote ("say", "call"). */
  cue: string | null;
  start: number;
  end: number;
  sentence: number;
  rules: string[];
}

export interface ArticleRef {
  id: number;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
}

export const ARTICLE_REF_COLUMNS = 'a.title AS article_title, a.source AS article_source, a.published AS article_published, a.url AS article_url';

export interface ArticleRefColumns {
  article_id: number;
  article_title: string | null;
  article_source: string | null;
  article_published: string;
  article_url: string | null;
}

const QUOTE_COLUMNS = ['id', 'article_id', 'local_id', 'text', 'direct', 'fragment', 'speaker_name', 'speaker_actor', 'speaker_start', 'speaker_end', 'cue', 'start', 'end', 'sentence', 'rules']
  .map((c) => `q."${c}"`)
  .join(', ');

export function articleRef(r: ArticleRefColumns): ArticleRef {
  return { id: r.article_id, title: r.article_title, source: r.article_source, published: r.article_published || null, url: r.article_url };
}

export async function queryQuotes(sql: Sql, filters: { speaker?: string; q?: string }, afterId: number | null, limit: number): Promise<{ items: QuoteItem[]; next: number | null }> {
  const where: string[] = [];
  const params: Params = { limit: limit + 1 };
  if (filters.speaker) {
    where.push(sql.dialect.likeIgnoringCase('q.speaker_name', 'speaker'));
    params.speaker = `%${filters.speaker.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filters.q !== undefined) {
    params.match = sql.dialect.match(filters.q);
    where.push(sql.dialect.quoteMatches('q.id'));
  }
  if (afterId !== null) {
    where.push('q.id < @afterId');
    params.afterId = afterId;
  }
  const rows = await sql.all<QuoteTable & ArticleRefColumns>(
    `SELECT ${QUOTE_COLUMNS}, ${ARTICLE_REF_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY q.id DESC LIMIT @limit`,
    params,
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      article: articleRef(r),
      text: r.text,
      direct: r.direct === 1,
      fragment: r.fragment === 1,
      speaker: { name: r.speaker_name, actor: r.speaker_actor, start: r.speaker_start, end: r.speaker_end },
      cue: r.cue,
      start: r.start,
      end: r.end,
      sentence: r.sentence,
      rules: JSON.parse(r.rules) as string[],
    })),
    next: rows.length > limit ? page.at(-1)!.id : null,
  };
}
