/**
 * PostgreSQL's writer: the same rows and the same merge rule as SQLite's (see src/store/writer.ts), written a batch
 * at a time with multi-row statements (INSERT … SELECT FROM unnest), so a batch of 64 articles is a dozen round trips.
 *
 * Writers on many machines take one advisory lock per batch transaction: coding runs in parallel everywhere, and the
 * writes themselves are serialised, so near-duplicate links see every committed article and counts are recomputed
 * from committed reports. The event rows themselves do not need it: their key is unique and the upsert keeps the
 * lowest-ranked report, whatever the order.
 */
import type pg from 'pg';
import { BANDS, NEAR_DUPLICATE, similarity } from '../minhash.ts';
import type { ArticleRows, EventRow } from '../rows.ts';
import { eventMergeClause, type WriteResult } from '../writer.ts';
import { LOCKS } from './connect.ts';

type Client = pg.PoolClient;
type Column = readonly [name: string, type: string];

const ARTICLE_COLUMNS: Column[] = [
  ['key', 'text'], ['content_hash', 'text'], ['ext_id', 'text'], ['url', 'text'], ['title', 'text'], ['source', 'text'], ['published', 'text'], ['origin', 'text'],
  ['text', 'text'], ['input', 'text'], ['record', 'text'], ['status', 'text'], ['family_id', 'int8'], ['minhash', 'bytea'], ['added_at', 'text'], ['coded_at', 'text'],
];
const EVENT_COLUMNS: Column[] = [
  ['day', 'text'], ['date_granularity', 'text'], ['source_actor', 'text'], ['source_root', 'text'], ['source_name', 'text'], ['target_actor', 'text'], ['target_root', 'text'], ['target_name', 'text'],
  ['code', 'text'], ['name', 'text'], ['root', 'text'], ['quad_class', 'int4'], ['goldstein', 'float8'], ['place_key', 'text'], ['place_name', 'text'], ['place_kind', 'text'], ['geonameid', 'int4'],
  ['lat', 'float8'], ['lon', 'float8'], ['country', 'text'], ['negated', 'int4'], ['claimed', 'int4'], ['historical', 'int4'], ['is_root', 'int4'], ['first_article_id', 'int8'], ['first_rank', 'text'], ['added_at', 'text'],
];
const MENTION_COLUMNS: Column[] = [
  ['event_id', 'int8'], ['article_id', 'int8'], ['family_id', 'int8'], ['article_rank', 'text'], ['source', 'text'], ['counted', 'int4'], ['local_id', 'text'], ['code', 'text'], ['claimed', 'int4'], ['historical', 'int4'],
  ['modality', 'text'], ['start', 'int4'], ['end', 'int4'], ['trigger_start', 'int4'], ['trigger_end', 'int4'], ['sentence', 'int4'], ['rules', 'text'],
];
const ENTITY_COLUMNS: Column[] = [['article_id', 'int8'], ['local_id', 'text'], ['type', 'text'], ['name', 'text'], ['actor', 'text'], ['country', 'text'], ['role', 'text'], ['rules', 'text']];
const ENTITY_MENTION_COLUMNS: Column[] = [['entity_id', 'int8'], ['article_id', 'int8'], ['start', 'int4'], ['end', 'int4'], ['sentence', 'int4'], ['kind', 'text']];
const PLACE_COLUMNS: Column[] = [
  ['article_id', 'int8'], ['local_id', 'text'], ['name', 'text'], ['kind', 'text'], ['geonameid', 'int4'], ['lat', 'float8'], ['lon', 'float8'], ['country', 'text'], ['mentions', 'int4'], ['start', 'int4'], ['end', 'int4'], ['rules', 'text'],
];
const QUOTE_COLUMNS: Column[] = [
  ['article_id', 'int8'], ['local_id', 'text'], ['text', 'text'], ['direct', 'int4'], ['fragment', 'int4'], ['speaker_name', 'text'], ['speaker_actor', 'text'], ['speaker_start', 'int4'], ['speaker_end', 'int4'],
  ['cue', 'text'], ['start', 'int4'], ['end', 'int4'], ['sentence', 'int4'], ['rules', 'text'],
];
const CASUALTY_COLUMNS: Column[] = [
  ['article_id', 'int8'], ['local_id', 'text'], ['day', 'text'], ['killed', 'int4'], ['wounded', 'int4'], ['missing', 'int4'], ['abducted', 'int4'], ['arrested', 'int4'], ['displaced', 'int4'], ['incident', 'text'],
  ['victims', 'text'], ['perpetrator', 'text'], ['place_name', 'text'], ['geonameid', 'int4'], ['lat', 'float8'], ['lon', 'float8'], ['country', 'text'], ['cumulative', 'int4'], ['claimed', 'int4'],
  ['start', 'int4'], ['end', 'int4'], ['sentence', 'int4'], ['rules', 'text'],
];
const MESSAGE_COLUMNS: Column[] = [['article_id', 'int8'], ['origin', 'text'], ['level', 'text'], ['stage', 'text'], ['rule', 'text'], ['start', 'int4'], ['end', 'int4'], ['text', 'text'], ['added_at', 'text']];

const RECORD_TABLES = ['entity_mentions', 'entities', 'places', 'event_mentions', 'quotes', 'casualties', 'messages'];

/** Within each near-duplicate family reporting the event, only the lowest-ranked article's reports count. */
const COUNTED = `CASE WHEN article_id = (SELECT m.article_id FROM event_mentions m
  WHERE m.event_id = event_mentions.event_id AND m.family_id = event_mentions.family_id ORDER BY m.article_rank, m.article_id LIMIT 1) THEN 1 ELSE 0 END`;

interface Item {
  articleId: number;
  familyId: number;
  rows: ArticleRows;
}

export class PgWriter {
  /** Months (YYYY-MM) whose events partition exists. */
  private readonly partitions = new Set<string>();

  constructor(private readonly pool: pg.Pool) {}

  async write(batch: readonly ArticleRows[]): Promise<WriteResult[]> {
    await this.ensurePartitions(batch);
    return this.transaction(async (client) => {
      const now = new Date().toISOString();
      const unique = [...new Map(batch.map((rows) => [rows.key, rows])).values()];
      const inserted = await insertMany<{ id: number; key: string }>(
        client,
        'articles',
        ARTICLE_COLUMNS,
        unique.map((r) => [r.key, r.contentHash, r.extId, r.url, r.title, r.source, r.published, r.origin, r.text, r.input, r.record, r.status, 0, r.minhash ? Buffer.from(r.minhash) : null, now, now]),
        'ON CONFLICT (key) DO NOTHING RETURNING id, key',
      );
      const idOf = new Map(inserted.map((r) => [r.key, r.id]));
      const fresh = unique.filter((r) => idOf.has(r.key)).map((rows) => ({ articleId: idOf.get(rows.key)!, rows }));
      const links = await this.link(client, fresh);
      const items = fresh.map((f) => ({ ...f, familyId: links.get(f.articleId)!.familyId }));
      const counts = await this.insertRecords(client, items, now, true);
      const storedIds = new Map(
        ((await client.query('SELECT id, key FROM articles WHERE key = ANY($1::text[])', [batch.filter((r) => !idOf.has(r.key)).map((r) => r.key)])).rows as { id: number; key: string }[]).map((r) => [r.key, r.id]),
      );
      const reported = new Set<string>();
      return batch.map((rows) => {
        const articleId = idOf.get(rows.key);
        // A key met twice in one batch is written once.
        if (articleId === undefined || reported.has(rows.key)) return { articleId: articleId ?? storedIds.get(rows.key)!, stored: false, duplicateOf: null, newEvents: 0, mentions: 0 };
        reported.add(rows.key);
        return { articleId, stored: true, duplicateOf: links.get(articleId)!.duplicateOf, newEvents: counts.newEvents.get(articleId) ?? 0, mentions: rows.events.length };
      });
    });
  }

  async replace(batch: readonly { id: number; rows: ArticleRows }[]): Promise<WriteResult[]> {
    await this.ensurePartitions(batch.map((b) => b.rows));
    return this.transaction(async (client) => {
      const now = new Date().toISOString();
      const ids = batch.map((b) => b.id);
      const stored = new Map(
        ((await client.query('SELECT id, family_id, origin, minhash IS NULL AS unsigned FROM articles WHERE id = ANY($1::int8[])', [ids])).rows as { id: number; family_id: number; origin: string; unsigned: boolean }[]).map((r) => [r.id, r]),
      );
      for (const id of ids) if (!stored.has(id)) throw new Error(`article ${id} is not in the store`);
      const before = ((await client.query('SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ANY($1::int8[])', [ids])).rows as { event_id: number }[]).map((r) => r.event_id);
      for (const table of RECORD_TABLES) await client.query(`DELETE FROM ${table} WHERE article_id = ANY($1::int8[])`, [ids]);
      await client.query(
        `UPDATE articles SET record = u.record, status = u.status, source = u.source, coded_at = $5, title = u.title
         FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $6::text[]) AS u(id, record, status, source, title) WHERE articles.id = u.id`,
        [ids, batch.map((b) => b.rows.record), batch.map((b) => b.rows.status), batch.map((b) => b.rows.source), now, batch.map((b) => b.rows.title)],
      );
      // An article whose coding had failed has no signature yet: it is linked now.
      const unsigned = batch.filter((b) => stored.get(b.id)!.unsigned && b.rows.minhash);
      if (unsigned.length) await client.query('UPDATE articles SET minhash = u.minhash FROM unnest($1::int8[], $2::bytea[]) AS u(id, minhash) WHERE articles.id = u.id', [unsigned.map((b) => b.id), unsigned.map((b) => Buffer.from(b.rows.minhash!))]);
      const links = await this.link(client, unsigned.map((b) => ({ articleId: b.id, rows: b.rows })));
      const items = batch.map((b) => ({ articleId: b.id, familyId: links.get(b.id)?.familyId ?? stored.get(b.id)!.family_id, rows: { ...b.rows, origin: stored.get(b.id)!.origin } }));
      const counts = await this.insertRecords(client, items, now, false);
      const touched = [...new Set([...before, ...counts.events])];
      await client.query(`UPDATE event_mentions SET counted = ${COUNTED} WHERE event_id = ANY($1::int8[])`, [touched]);
      await client.query(
        `UPDATE events SET claimed = coalesce((SELECT min(claimed) FROM event_mentions WHERE event_id = events.id), claimed),
          historical = coalesce((SELECT min(historical) FROM event_mentions WHERE event_id = events.id), historical) WHERE id = ANY($1::int8[])`,
        [touched],
      );
      await countEvents(client, touched);
      await client.query('DELETE FROM events e WHERE e.id = ANY($1::int8[]) AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id)', [touched]);
      return batch.map((b) => ({ articleId: b.id, stored: true, duplicateOf: links.get(b.id)?.duplicateOf ?? null, newEvents: counts.newEvents.get(b.id) ?? 0, mentions: b.rows.events.length }));
    });
  }

  async recordInputFailure(origin: string, message: string): Promise<void> {
    await this.pool.query(`INSERT INTO messages (article_id, origin, level, stage, text, added_at) VALUES (NULL, $1, 'error', 'input', $2, $3) ON CONFLICT (origin, text) WHERE article_id IS NULL DO NOTHING`, [origin, message, new Date().toISOString()]);
  }

  private async transaction<T>(fn: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.write]);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Monthly partitions for the batch's event days, each made once (in its own short transaction) before writing. */
  private async ensurePartitions(batch: readonly ArticleRows[]): Promise<void> {
    const months = new Set(batch.flatMap((r) => r.events.map((e) => e.day.slice(0, 7))).filter((m) => m !== '' && !this.partitions.has(m)));
    if (months.size === 0) return;
    if (this.partitions.size === 0) {
      const existing = await this.pool.query<{ name: string }>("SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass");
      for (const { name } of existing.rows) {
        const m = /^events_y(\d{4})m(\d{2})$/.exec(name);
        if (m) this.partitions.add(`${m[1]}-${m[2]}`);
      }
    }
    for (const month of months) {
      if (this.partitions.has(month)) continue;
      const [year, mon] = month.split('-').map(Number) as [number, number];
      const next = mon === 12 ? `${String(year + 1).padStart(4, '0')}-01-01` : `${month.slice(0, 5)}${String(mon + 1).padStart(2, '0')}-01`;
      const upper = year === 9999 && mon === 12 ? 'MAXVALUE' : `'${next}'`;
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.partition]);
        await client.query(`CREATE TABLE IF NOT EXISTS events_y${month.replace('-', 'm')} PARTITION OF events FOR VALUES FROM ('${month}-01') TO (${upper})`);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      this.partitions.add(month);
    }
  }

  /** Near-duplicate links, in batch order: each article is compared with the stored ones and those before it. */
  private async link(client: Client, items: readonly { articleId: number; rows: ArticleRows }[]): Promise<Map<number, { familyId: number; duplicateOf: number | null }>> {
    const result = new Map<number, { familyId: number; duplicateOf: number | null }>();
    if (items.length === 0) return result;
    const signed = items.filter((i) => i.rows.minhash && i.rows.bands.length === BANDS);
    const byBand = new Map<number, { id: number; family: number; signature: Uint32Array }[]>();
    if (signed.length) {
      const rows = await client.query<{ band_key: number; id: number; family_id: number; minhash: Buffer | null }>(
        'SELECT b.band_key, a.id, a.family_id, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id WHERE b.band_key = ANY($1::int8[]) AND NOT (a.id = ANY($2::int8[]))',
        [[...new Set(signed.flatMap((i) => i.rows.bands))], items.map((i) => i.articleId)],
      );
      for (const r of rows.rows) if (r.minhash) push(byBand, r.band_key, { id: r.id, family: r.family_id, signature: asSignature(r.minhash) });
    }
    const updates: [number, number, number | null, number | null][] = [];
    const bands: [number, number][] = [];
    for (const { articleId, rows } of items) {
      let best: { id: number; family: number; similarity: number } | null = null;
      const mine = rows.minhash && rows.bands.length === BANDS ? asSignature(rows.minhash) : null;
      if (mine) {
        const seen = new Set<number>();
        for (const band of rows.bands) {
          for (const c of byBand.get(band) ?? []) {
            if (seen.has(c.id)) continue;
            seen.add(c.id);
            const sim = similarity(mine, c.signature);
            if (sim >= NEAR_DUPLICATE && (!best || sim > best.similarity || (sim === best.similarity && c.id < best.id))) best = { id: c.id, family: c.family, similarity: sim };
          }
        }
      }
      const familyId = best ? best.family : articleId;
      if (mine) {
        for (const band of rows.bands) {
          push(byBand, band, { id: articleId, family: familyId, signature: mine });
          bands.push([band, articleId]);
        }
      }
      updates.push([articleId, familyId, best ? best.family : null, best ? best.similarity : null]);
      result.set(articleId, { familyId, duplicateOf: best ? best.family : null });
    }
    await client.query('UPDATE articles SET family_id = u.family, duplicate_of = u.dup, similarity = u.sim FROM unnest($1::int8[], $2::int8[], $3::int8[], $4::float8[]) AS u(id, family, dup, sim) WHERE articles.id = u.id', columnsOf(updates, 4));
    await insertMany(client, 'article_bands', [['band_key', 'int8'], ['article_id', 'int8']], bands, 'ON CONFLICT DO NOTHING');
    return result;
  }

  private async insertRecords(client: Client, items: readonly Item[], now: string, count: boolean): Promise<{ newEvents: Map<number, number>; events: number[] }> {
    const entities = items.flatMap(({ articleId, rows }) => rows.entities.map((e) => ({ articleId, e })));
    const entityIds = await insertMany<{ id: number; article_id: number; local_id: string }>(
      client,
      'entities',
      ENTITY_COLUMNS,
      entities.map(({ articleId, e }) => [articleId, e.localId, e.type, e.name, e.actor, e.country, e.role, e.rules]),
      'RETURNING id, article_id, local_id',
    );
    const entityId = new Map(entityIds.map((r) => [`${r.article_id}/${r.local_id}`, r.id]));
    await insertMany(client, 'entity_mentions', ENTITY_MENTION_COLUMNS, entities.flatMap(({ articleId, e }) => e.mentions.map((m) => [entityId.get(`${articleId}/${e.localId}`), articleId, m.start, m.end, m.sentence, m.kind])));
    await insertMany(client, 'places', PLACE_COLUMNS, items.flatMap(({ articleId, rows }) => rows.places.map((p) => [articleId, p.localId, p.name, p.kind, p.geonameid, p.lat, p.lon, p.country, p.mentions, p.start, p.end, p.rules])));

    // One upsert row per merge key: the batch's reports of one event are merged here, by the same rule as the upsert.
    const merged = new Map<string, { e: EventRow; articleId: number; claimed: number; historical: number; isRoot: number }>();
    for (const { articleId, rows } of items) {
      for (const e of rows.events) {
        const key = mergeKey(e);
        const m = merged.get(key);
        if (!m) merged.set(key, { e, articleId, claimed: e.claimed, historical: e.historical, isRoot: e.isRoot });
        else {
          Object.assign(m, { claimed: Math.min(m.claimed, e.claimed), historical: Math.min(m.historical, e.historical), isRoot: Math.max(m.isRoot, e.isRoot) });
          if (e.rank < m.e.rank) Object.assign(m, { e, articleId });
        }
      }
    }
    const upserted = await insertMany<{ id: number; num_mentions: number; source_actor: string; target_actor: string; root: string; place_key: string; negated: number; day: string }>(
      client,
      'events',
      EVENT_COLUMNS,
      [...merged.values()].map(({ e, articleId, claimed, historical, isRoot }) => [
        e.day, e.dateGranularity, e.sourceActor, e.sourceRoot, e.sourceName, e.targetActor, e.targetRoot, e.targetName, e.code, e.name, e.root, e.quadClass, e.goldstein,
        e.placeKey, e.placeName, e.placeKind, e.geonameid, e.lat, e.lon, e.country, e.negated, claimed, historical, isRoot, articleId, e.rank, now,
      ]),
      `${eventMergeClause('LEAST', 'GREATEST')} RETURNING id, num_mentions, source_actor, target_actor, root, place_key, negated, day`,
    );
    const eventOf = new Map(upserted.map((r) => [[r.source_actor, r.target_actor, r.root, r.place_key, r.negated, r.day].join('\u0001'), r]));
    const newEvents = new Map<number, number>();
    const created = new Set(upserted.filter((r) => r.num_mentions === 0).map((r) => r.id));
    const mentions: unknown[][] = [];
    const pairs = new Map<string, [number, number]>();
    for (const { articleId, familyId, rows } of items) {
      for (const e of rows.events) {
        const event = eventOf.get(mergeKey(e))!;
        // The new event counts for the article of its lowest-ranked report in this batch.
        if (created.has(event.id) && merged.get(mergeKey(e))!.articleId === articleId && merged.get(mergeKey(e))!.e === e) newEvents.set(articleId, (newEvents.get(articleId) ?? 0) + 1);
        mentions.push([event.id, articleId, familyId, rows.rank, rows.countingSource, 0, e.localId, e.code, e.claimed, e.historical, e.modality, e.start, e.end, e.triggerStart, e.triggerEnd, e.sentence, e.rules]);
        pairs.set(`${event.id}/${familyId}`, [event.id, familyId]);
      }
    }
    await insertMany(client, 'event_mentions', MENTION_COLUMNS, mentions);
    const events = upserted.map((r) => r.id);
    if (count && pairs.size) {
      await client.query(`UPDATE event_mentions SET counted = ${COUNTED} WHERE (event_id, family_id) IN (SELECT * FROM unnest($1::int8[], $2::int8[]))`, columnsOf([...pairs.values()], 2));
      await countEvents(client, events);
    }
    await insertMany(client, 'quotes', QUOTE_COLUMNS, items.flatMap(({ articleId, rows }) => rows.quotes.map((q) => [articleId, q.localId, q.text, q.direct, q.fragment, q.speakerName, q.speakerActor, q.speakerStart, q.speakerEnd, q.cue, q.start, q.end, q.sentence, q.rules])));
    await insertMany(
      client,
      'casualties',
      CASUALTY_COLUMNS,
      items.flatMap(({ articleId, rows }) =>
        rows.casualties.map((c) => [articleId, c.localId, c.day, c.killed, c.wounded, c.missing, c.abducted, c.arrested, c.displaced, c.incident, c.victims, c.perpetrator, c.placeName, c.geonameid, c.lat, c.lon, c.country, c.cumulative, c.claimed, c.start, c.end, c.sentence, c.rules]),
      ),
    );
    await insertMany(client, 'messages', MESSAGE_COLUMNS, items.flatMap(({ articleId, rows }) => rows.messages.map((m) => [articleId, rows.origin, m.level, m.stage, m.rule, m.start, m.end, m.text, now])));
    return { newEvents, events };
  }
}

/** NumMentions, NumArticles and NumSources from the counted reports of each event. */
async function countEvents(client: Client, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    `UPDATE events e SET num_mentions = c.n, num_articles = c.a, num_sources = c.s
     FROM (SELECT event_id, count(*) AS n, count(DISTINCT article_id) AS a, count(DISTINCT source) AS s FROM event_mentions WHERE event_id = ANY($1::int8[]) AND counted = 1 GROUP BY event_id) c
     WHERE e.id = c.event_id AND (e.num_mentions, e.num_articles, e.num_sources) IS DISTINCT FROM (c.n, c.a, c.s)`,
    [ids],
  );
}

function mergeKey(e: EventRow): string {
  return [e.sourceActor, e.targetActor, e.root, e.placeKey, e.negated, e.day].join('\u0001');
}

/** INSERT … SELECT * FROM unnest($1::type[], …): one statement for any number of rows. */
async function insertMany<T = unknown>(client: Client, table: string, columns: readonly Column[], rows: readonly unknown[][], tail = ''): Promise<T[]> {
  if (rows.length === 0) return [];
  const names = columns.map(([name]) => `"${name}"`).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return (await client.query(`INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${tail}`, columnsOf(rows, columns.length))).rows as T[];
}

function columnsOf(rows: readonly unknown[][], width: number): unknown[][] {
  return Array.from({ length: width }, (_, i) => rows.map((r) => r[i] ?? null));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function asSignature(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
