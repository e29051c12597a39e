/**
 * SQLite's single writer: binds the rows a worker built and keeps the derived tables right — near-duplicate links,
 * events deduplicated across articles (GDELT-style) and their NumMentions / NumArticles / NumSources.
 * Callers group writes with `transaction`, so a killed process leaves whole articles or nothing.
 *
 * The merge rule (the same in PostgreSQL, src/store/postgres/writer.ts), which gives the same store whatever the
 * number of writers and the order articles arrive in:
 * - an article is keyed by `articles.key`: writing a stored key again changes nothing;
 * - event reports with equal source actor, target actor, CAMEO root, place key, negation and day are one event
 *   (the unique index `events_merge_key`; INSERT … ON CONFLICT);
 * - the event's descriptive fields (full code, names, place, granularity, first article) come from its report of
 *   lowest rank: publication day (unknown last), then article key, then position in the article; claimed and
 *   historical hold while every report says so, is_root when any does;
 * - within a near-duplicate family only the reports of its lowest-ranked article count towards NumMentions,
 *   NumArticles and NumSources.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.ts';
import { BANDS, NEAR_DUPLICATE, similarity } from './minhash.ts';
import type { ArticleRows } from './rows.ts';

export interface WriteResult {
  articleId: number;
  /** False when the article's key was stored already (nothing was written). */
  stored: boolean;
  duplicateOf: number | null;
  /** Events created (not merged into an existing one). */
  newEvents: number;
  mentions: number;
}

/** Columns that follow the report of lowest rank when reports merge. */
export const RANKED_EVENT_COLUMNS = ['date_granularity', 'source_name', 'target_name', 'code', 'name', 'quad_class', 'goldstein', 'place_name', 'place_kind', 'geonameid', 'lat', 'lon', 'country', 'first_article_id'] as const;

/** The ON CONFLICT clause of the event upsert, in either engine's spelling of min and max. */
export function eventMergeClause(least: string, greatest: string): string {
  const ranked = RANKED_EVENT_COLUMNS.map((c) => `${c} = CASE WHEN excluded.first_rank < events.first_rank THEN excluded.${c} ELSE events.${c} END`);
  return `ON CONFLICT (source_actor, target_actor, root, place_key, negated, day) DO UPDATE SET
    claimed = ${least}(events.claimed, excluded.claimed), historical = ${least}(events.historical, excluded.historical), is_root = ${greatest}(events.is_root, excluded.is_root),
    ${ranked.join(',\n    ')},
    first_rank = ${least}(events.first_rank, excluded.first_rank), added_at = ${least}(events.added_at, excluded.added_at)`;
}

/** Within each near-duplicate family reporting the event, only the lowest-ranked article's reports count. */
export const RECOUNT_FAMILY = `UPDATE event_mentions SET counted = CASE WHEN article_id = (SELECT m.article_id FROM event_mentions m
    WHERE m.event_id = event_mentions.event_id AND m.family_id = event_mentions.family_id ORDER BY m.article_rank, m.article_id LIMIT 1) THEN 1 ELSE 0 END
  WHERE event_id = @eventId AND family_id = @familyId`;

export const COUNT_EVENT = `UPDATE events SET
    num_mentions = (SELECT count(*) FROM event_mentions WHERE event_id = @id AND counted = 1),
    num_articles = (SELECT count(DISTINCT article_id) FROM event_mentions WHERE event_id = @id AND counted = 1),
    num_sources = (SELECT count(DISTINCT source) FROM event_mentions WHERE event_id = @id AND counted = 1)
  WHERE id = @id`;

export class StoreWriter {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: Db) {
    const prepare = (sql: string) => db.prepare(sql);
    const bandSlots = Array.from({ length: BANDS }, () => '?').join(', ');
    this.s = {
      hasKey: prepare('SELECT 1 FROM articles WHERE key = ?'),
      candidates: prepare(`SELECT DISTINCT a.id, a.family_id, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id WHERE b.band_key IN (${bandSlots}) AND a.id <> ?`),
      insertArticle: prepare(`INSERT INTO articles (key, content_hash, ext_id, url, title, source, published, origin, text, input, record, status, duplicate_of, similarity, family_id, minhash, added_at, coded_at)
        VALUES (@key, @contentHash, @extId, @url, @title, @source, @published, @origin, @text, @input, @record, @status, NULL, NULL, 0, NULL, @now, @now)
        ON CONFLICT (key) DO NOTHING RETURNING id`),
      articleIdOfKey: prepare('SELECT id FROM articles WHERE key = ?'),
      setFamily: prepare('UPDATE articles SET family_id = ?, duplicate_of = ?, similarity = ?, minhash = ? WHERE id = ?'),
      insertBand: prepare('INSERT OR IGNORE INTO article_bands (band_key, article_id) VALUES (?, ?)'),
      insertEntity: prepare('INSERT INTO entities (article_id, local_id, type, name, actor, country, role, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      insertEntityMention: prepare('INSERT INTO entity_mentions (entity_id, article_id, start, "end", sentence, kind) VALUES (?, ?, ?, ?, ?, ?)'),
      insertPlace: prepare(`INSERT INTO places (article_id, local_id, name, kind, geonameid, lat, lon, country, mentions, start, "end", rules)
        VALUES (@articleId, @localId, @name, @kind, @geonameid, @lat, @lon, @country, @mentions, @start, @end, @rules)`),
      upsertEvent: prepare(`INSERT INTO events (day, date_granularity, source_actor, source_root, source_name, target_actor, target_root, target_name, code, name, root, quad_class, goldstein,
          place_key, place_name, place_kind, geonameid, lat, lon, country, negated, claimed, historical, is_root, first_article_id, first_rank, added_at)
        VALUES (@day, @dateGranularity, @sourceActor, @sourceRoot, @sourceName, @targetActor, @targetRoot, @targetName, @code, @name, @root, @quadClass, @goldstein,
          @placeKey, @placeName, @placeKind, @geonameid, @lat, @lon, @country, @negated, @claimed, @historical, @isRoot, @articleId, @rank, @now)
        ${eventMergeClause('min', 'max')}
        RETURNING id, num_mentions`),
      insertMention: prepare(`INSERT INTO event_mentions (event_id, article_id, family_id, article_rank, source, counted, local_id, code, claimed, historical, modality, start, "end", trigger_start, trigger_end, sentence, rules)
        VALUES (@eventId, @articleId, @familyId, @articleRank, @source, 0, @localId, @code, @claimed, @historical, @modality, @start, @end, @triggerStart, @triggerEnd, @sentence, @rules)`),
      recountFamily: prepare(RECOUNT_FAMILY),
      countEvent: prepare(COUNT_EVENT),
      familiesOfEvent: prepare('SELECT DISTINCT family_id FROM event_mentions WHERE event_id = ?'),
      recountFlagsOfEvent: prepare(`UPDATE events SET claimed = coalesce((SELECT min(claimed) FROM event_mentions WHERE event_id = @id), claimed),
          historical = coalesce((SELECT min(historical) FROM event_mentions WHERE event_id = @id), historical) WHERE id = @id`),
      deleteOrphanEvent: prepare('DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_mentions WHERE event_id = ?)'),
      insertQuote: prepare(`INSERT INTO quotes (article_id, local_id, text, direct, fragment, speaker_name, speaker_actor, speaker_start, speaker_end, cue, start, "end", sentence, rules)
        VALUES (@articleId, @localId, @text, @direct, @fragment, @speakerName, @speakerActor, @speakerStart, @speakerEnd, @cue, @start, @end, @sentence, @rules)`),
      insertCasualty: prepare(`INSERT INTO casualties (article_id, local_id, day, killed, wounded, missing, abducted, arrested, displaced, incident, victims, perpetrator, place_name, geonameid, lat, lon, country, cumulative, claimed, start, "end", sentence, rules)
        VALUES (@articleId, @localId, @day, @killed, @wounded, @missing, @abducted, @arrested, @displaced, @incident, @victims, @perpetrator, @placeName, @geonameid, @lat, @lon, @country, @cumulative, @claimed, @start, @end, @sentence, @rules)`),
      insertMessage: prepare('INSERT INTO messages (article_id, origin, level, stage, rule, start, "end", text, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      insertInputFailure: prepare(`INSERT OR IGNORE INTO messages (article_id, origin, level, stage, text, added_at) VALUES (NULL, ?, 'error', 'input', ?, ?)`),
      articleForRecode: prepare('SELECT family_id, origin, minhash, title, source FROM articles WHERE id = ?'),
      eventsOfArticle: prepare('SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?'),
      updateArticle: prepare('UPDATE articles SET record = @record, status = @status, source = @source, coded_at = @now WHERE id = @id'),
      updateTitle: prepare('UPDATE articles SET title = ? WHERE id = ? AND title IS NOT ?'),
      ...Object.fromEntries(
        ['entity_mentions', 'entities', 'places', 'event_mentions', 'quotes', 'casualties', 'messages'].map((table) => [`delete_${table}`, prepare(`DELETE FROM ${table} WHERE article_id = ?`)]),
      ),
    };
  }

  /** Runs `fn` in one transaction: all of it is stored, or (on a crash) none of it. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  hasKey(key: string): boolean {
    return this.s.hasKey!.get(key) !== undefined;
  }

  /** A new article and its records; nothing when its key is stored already. */
  write(rows: ArticleRows): WriteResult {
    const now = new Date().toISOString();
    const inserted = this.s.insertArticle!.get({ ...rows, now }) as { id: number } | undefined;
    if (!inserted) {
      const stored = this.s.articleIdOfKey!.get(rows.key) as { id: number };
      return { articleId: stored.id, stored: false, duplicateOf: null, newEvents: 0, mentions: 0 };
    }
    const articleId = inserted.id;
    const family = this.link(articleId, rows);
    return { articleId, stored: true, duplicateOf: family.duplicateOf, ...this.insertRecords(articleId, family.familyId, rows, now, new Set()) };
  }

  /** Re-coded records of a stored article, in place: old records go, counts of every event it touched are redone. */
  replace(articleId: number, rows: ArticleRows): WriteResult {
    const now = new Date().toISOString();
    const stored = this.s.articleForRecode!.get(articleId) as { family_id: number; origin: string; minhash: Buffer | null } | undefined;
    if (!stored) throw new Error(`article ${articleId} is not in the store`);
    const before = (this.s.eventsOfArticle!.all(articleId) as { event_id: number }[]).map((r) => r.event_id);
    for (const table of ['entity_mentions', 'entities', 'places', 'event_mentions', 'quotes', 'casualties', 'messages']) this.s[`delete_${table}`]!.run(articleId);
    this.s.updateArticle!.run({ id: articleId, record: rows.record, status: rows.status, source: rows.source, now });
    this.s.updateTitle!.run(rows.title, articleId, rows.title);
    // An article whose coding had failed has no signature yet.
    const family = stored.minhash === null && rows.minhash ? this.link(articleId, rows) : { familyId: stored.family_id, duplicateOf: null };
    const touched = new Set(before);
    const result = this.insertRecords(articleId, family.familyId, { ...rows, origin: stored.origin }, now, touched, false);
    for (const id of touched) {
      for (const { family_id } of this.s.familiesOfEvent!.all(id) as { family_id: number }[]) this.s.recountFamily!.run({ eventId: id, familyId: family_id });
      this.s.recountFlagsOfEvent!.run({ id });
      this.s.countEvent!.run({ id });
      this.s.deleteOrphanEvent!.run(id, id);
    }
    return { articleId, stored: true, duplicateOf: family.duplicateOf, ...result };
  }

  /** An input that is not an article at all (invalid JSON line, unreadable file); stored once however often it is met. */
  recordInputFailure(origin: string, message: string): void {
    this.s.insertInputFailure!.run(origin, message, new Date().toISOString());
  }

  /** Finds the earliest near-duplicate, sets the family and stores the LSH bands. */
  private link(articleId: number, rows: ArticleRows): { familyId: number; duplicateOf: number | null } {
    let best: { id: number; family: number; similarity: number } | null = null;
    if (rows.minhash && rows.bands.length === BANDS) {
      const mine = asSignature(rows.minhash);
      for (const c of this.s.candidates!.all(...rows.bands, articleId) as { id: number; family_id: number; minhash: Buffer | null }[]) {
        if (!c.minhash) continue;
        const sim = similarity(mine, asSignature(c.minhash));
        if (sim >= NEAR_DUPLICATE && (!best || sim > best.similarity || (sim === best.similarity && c.id < best.id))) best = { id: c.id, family: c.family_id, similarity: sim };
      }
      for (const band of rows.bands) this.s.insertBand!.run(band, articleId);
    }
    const familyId = best ? best.family : articleId;
    this.s.setFamily!.run(familyId, best ? best.family : null, best ? best.similarity : null, rows.minhash ? Buffer.from(rows.minhash.buffer, rows.minhash.byteOffset, rows.minhash.byteLength) : null, articleId);
    return { familyId, duplicateOf: best ? best.family : null };
  }

  private insertRecords(articleId: number, familyId: number, rows: ArticleRows, now: string, touched: Set<number>, countNow = true): { newEvents: number; mentions: number } {
    for (const e of rows.entities) {
      const entityId = this.s.insertEntity!.run(articleId, e.localId, e.type, e.name, e.actor, e.country, e.role, e.rules).lastInsertRowid;
      for (const m of e.mentions) this.s.insertEntityMention!.run(entityId, articleId, m.start, m.end, m.sentence, m.kind);
    }
    for (const p of rows.places) this.s.insertPlace!.run({ articleId, ...p });
    let newEvents = 0;
    const counting = new Set<number>();
    for (const e of rows.events) {
      const event = this.s.upsertEvent!.get({ ...e, articleId, now }) as { id: number; num_mentions: number };
      // A new event has no counted report yet, unless this article reported it already.
      if (event.num_mentions === 0 && !counting.has(event.id)) newEvents++;
      this.s.insertMention!.run({ ...e, eventId: event.id, articleId, familyId, articleRank: rows.rank, source: rows.countingSource });
      touched.add(event.id);
      counting.add(event.id);
    }
    if (countNow) {
      for (const id of counting) {
        this.s.recountFamily!.run({ eventId: id, familyId });
        this.s.countEvent!.run({ id });
      }
    }
    for (const q of rows.quotes) this.s.insertQuote!.run({ articleId, ...q });
    for (const c of rows.casualties) this.s.insertCasualty!.run({ articleId, ...c });
    for (const m of rows.messages) this.s.insertMessage!.run(articleId, rows.origin, m.level, m.stage, m.rule, m.start, m.end, m.text, now);
    return { newEvents, mentions: rows.events.length };
  }
}

function asSignature(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
