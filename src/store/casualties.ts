/** Reading casualty reports: by date range and map box, newest first. */
import type { Db } from './db.ts';
import { bboxCondition, type Bbox, type DayAfter } from './events.ts';
import { ARTICLE_REF_COLUMNS, articleRef, type ArticleRef } from './quotes.ts';

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

export function queryCasualties(db: Db, filters: { from?: string; to?: string; bbox?: Bbox }, after: DayAfter | null, limit: number): { items: CasualtyItem[]; next: DayAfter | null } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: limit + 1 };
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
  const rows = db
    .prepare(`SELECT c.*, ${ARTICLE_REF_COLUMNS} FROM casualties c JOIN articles a ON a.id = c.article_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.day DESC, c.id DESC LIMIT @limit`)
    .all(params) as Record<string, unknown>[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id as number,
      article: articleRef(r as never),
      day: (r.day as string) || null,
      killed: r.killed as number | null,
      wounded: r.wounded as number | null,
      missing: r.missing as number | null,
      abducted: r.abducted as number | null,
      arrested: r.arrested as number | null,
      displaced: r.displaced as number | null,
      incident: r.incident as string | null,
      victims: r.victims as string | null,
      perpetrator: r.perpetrator as string | null,
      place: r.place_name === null ? null : { name: r.place_name as string, geonameid: r.geonameid as number | null, lat: r.lat as number | null, lon: r.lon as number | null, country: r.country as string | null },
      cumulative: r.cumulative === 1,
      claimed: r.claimed === 1,
      start: r.start as number,
      end: r.end as number,
      sentence: r.sentence as number,
      rules: JSON.parse(r.rules as string) as string[],
    })),
    next: rows.length > limit && last ? { day: last.day as string, id: last.id as number } : null,
  };
}
