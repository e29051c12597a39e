/** Reading casualty reports: by date range and map box, newest first. */
import { bboxCondition, type Bbox, type DayAfter } from './events.ts';
import { ARTICLE_REF_COLUMNS, articleRef, type ArticleRef, type ArticleRefColumns } from './quotes.ts';
import type { Params, Sql } from './sql.ts';
import type { CasualtyTable } from './tables.ts';

export interface CasualtyItem {
  id: number;
  article: ArticleRef;
  day: string | null;
  killed: number | null;
  wounded: number | null;
  missing: number | null;
  abducted: number | null;
  arrested: number | null;
  displaced: number | null;
  incident: string | null;
  victims: string | null;
  perpetrator: string | null;
  place: { name: string; geonameid: number | null; lat: number | null; lon: number | null; country: string | null } | null;
  cumulative: boolean;
  claimed: boolean;
  start: number;
  end: number;
  sentence: number;
  rules: string[];
}

export async function queryCasualties(sql: Sql, filters: { from?: string; to?: string; bbox?: Bbox }, after: DayAfter | null, limit: number): Promise<{ items: CasualtyItem[]; next: DayAfter | null }> {
  const where: string[] = [];
  const params: Params = { limit: limit + 1 };
  if (filters.from) {
    where.push('c.day >= @from');
    params.from = filters.from;
  }
  if (filters.to) {
    where.push("c.day <= @to AND c.day <> ''");
    params.to = filters.to;
  }
  if (filters.bbox) where.push(bboxCondition('c', filters.bbox, params));
  if (after) {
    where.push('(c.day < @afterDay OR (c.day = @afterDay AND c.id < @afterId))');
    Object.assign(params, { afterDay: after.day, afterId: after.id });
  }
  const rows = await sql.all<CasualtyTable & ArticleRefColumns>(
    `SELECT c.*, ${ARTICLE_REF_COLUMNS} FROM casualties c JOIN articles a ON a.id = c.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.day DESC, c.id DESC LIMIT @limit`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      article: articleRef(r),
      day: r.day || null,
      killed: r.killed,
      wounded: r.wounded,
      missing: r.missing,
      abducted: r.abducted,
      arrested: r.arrested,
      displaced: r.displaced,
      incident: r.incident,
      victims: r.victims,
      perpetrator: r.perpetrator,
      place: r.place_name === null ? null : { name: r.place_name, geonameid: r.geonameid, lat: r.lat, lon: r.lon, country: r.country },
      cumulative: r.cumulative === 1,
      claimed: r.claimed === 1,
      start: r.start,
      end: r.end,
      sentence: r.sentence,
      rules: JSON.parse(r.rules) as string[],
    })),
    next: rows.length > limit && last ? { day: last.day, id: last.id } : null,
  };
}
