/**
 * The stored row of each table, as both engines return it (column names as in SQL). Booleans are 0/1 integers,
 * rule lists JSON text, days YYYY-MM-DD text ('' when unknown), in SQLite and PostgreSQL alike.
 */

export interface ArticleTable {
  id: number;
  key: string;
  content_hash: string;
  ext_id: string;
  url: string | null;
  title: string | null;
  source: string | null;
  published: string;
  origin: string;
  text: string;
  input: string;
  record: string | null;
  status: 'coded' | 'failed';
  duplicate_of: number | null;
  similarity: number | null;
  family_id: number;
  minhash: Uint8Array | null;
  added_at: string;
  coded_at: string;
}

export interface ArticleBandTable {
  band_key: number;
  article_id: number;
}

export interface EntityTable {
  id: number;
  article_id: number;
  local_id: string;
  type: string;
  name: string;
  actor: string | null;
  country: string | null;
  role: string | null;
  rules: string;
}

export interface EntityMentionTable {
  entity_id: number;
  article_id: number;
  start: number;
  end: number;
  sentence: number;
  kind: string;
}

export interface PlaceTable {
  id: number;
  article_id: number;
  local_id: string;
  name: string;
  kind: string;
  geonameid: number | null;
  lat: number;
  lon: number;
  country: string;
  mentions: number;
  start: number | null;
  end: number | null;
  rules: string;
}

export interface EventTable {
  id: number;
  day: string;
  date_granularity: string;
  source_actor: string;
  source_root: string;
  source_name: string | null;
  target_actor: string;
  target_root: string;
  target_name: string | null;
  code: string;
  name: string;
  root: string;
  quad_class: number;
  goldstein: number;
  place_key: string;
  place_name: string | null;
  place_kind: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  negated: number;
  claimed: number;
  historical: number;
  is_root: number;
  num_mentions: number;
  num_articles: number;
  num_sources: number;
  first_article_id: number;
  /** The rank of the report the event's descriptive fields come from (see writer: the merge rule). */
  first_rank: string;
  added_at: string;
}

export interface EventMentionTable {
  id: number;
  event_id: number;
  article_id: number;
  family_id: number;
  source: string;
  counted: number;
  local_id: string;
  code: string;
  claimed: number;
  historical: number;
  modality: string | null;
  start: number;
  end: number;
  trigger_start: number;
  trigger_end: number;
  sentence: number;
  rules: string;
}

export interface QuoteTable {
  id: number;
  article_id: number;
  local_id: string;
  text: string;
  direct: number;
  fragment: number;
  speaker_name: string;
  speaker_actor: string | null;
  speaker_start: number | null;
  speaker_end: number | null;
  cue: string | null;
  start: number;
  end: number;
  sentence: number;
  rules: string;
}

export interface CasualtyTable {
  id: number;
  article_id: number;
  local_id: string;
  day: string;
  killed: number | null;
  wounded: number | null;
  missing: number | null;
  abducted: number | null;
  arrested: number | null;
  displaced: number | null;
  incident: string | null;
  victims: string | null;
  perpetrator: string | null;
  place_name: string | null;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  country: string | null;
  cumulative: number;
  claimed: number;
  start: number;
  end: number;
  sentence: number;
  rules: string;
}

export interface MessageTable {
  id: number;
  article_id: number | null;
  origin: string | null;
  level: string;
  stage: string;
  rule: string | null;
  start: number | null;
  end: number | null;
  text: string;
  added_at: string;
}

export interface ActorCountTable {
  actor: string;
  as_source: number;
  as_target: number;
  mentions: number;
}

/** The tables whose row counts `dateline status` and the parity tests compare. */
export const COUNTED_TABLES = ['articles', 'entities', 'entity_mentions', 'places', 'events', 'event_mentions', 'quotes', 'casualties', 'messages'] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];
