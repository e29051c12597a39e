/** Reading quotes: by speaker (part of the name) and by words of the quote (FTS5), newest first. */
import type { Db } from './db.ts';
import { toFtsQuery } from './ftsQuery.ts';
import { QueryError } from './queryError.ts';
import { ftsAll } from './articles.ts';

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

export function articleRef(r: { article_id: number; article_title: string | null; article_source: string | null; article_published: string; article_url: string | null }): ArticleRef {
  return { id: r.article_id, title: r.article_title, source: r.article_source, published: r.article_published || null, url: r.article_url };
}

export function queryQuotes(db: Db, filters: { speaker?: string; q?: string }, afterId: number | null, limit: number): { items: QuoteItem[]; next: number | null } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: limit + 1 };
  if (filters.speaker) {
    where.push("q.speaker_name LIKE @speaker ESCAPE '\\'");
    params.speaker = `%${filters.speaker.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filters.q !== undefined) {
    const fts = toFtsQuery(filters.q);
    if (!fts) throw new QueryError('q', 'q has no words to search for');
    where.push('q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH @match)');
    params.match = fts.match;
  }
  if (afterId !== null) {
    where.push('q.id < @afterId');
    params.afterId = afterId;
  }
  const rows = ftsAll<Record<string, unknown>>(
    db,
    `SELECT q.*, ${ARTICLE_REF_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY q.id DESC LIMIT @limit`,
    params,
  );
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id as number,
      article: articleRef(r as never),
      text: r.text as string,
      direct: r.direct === 1,
      fragment: r.fragment === 1,
      speaker: { name: r.speaker_name as string, actor: r.speaker_actor as string | null, start: r.speaker_start as number | null, end: r.speaker_end as number | null },
      cue: r.cue as string | null,
      start: r.start as number,
      end: r.end as number,
      sentence: r.sentence as number,
      rules: JSON.parse(r.rules as string) as string[],
    })),
    next: rows.length > limit ? (page.at(-1)!.id as number) : null,
  };
}
