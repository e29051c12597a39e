/**
 * Schema version 1 in PostgreSQL: the tables of SQLite's 001-initial, with `tsvector` columns (title weighted A,
 * text B) and GIN indexes for full-text search, and events range-partitioned by month of their day (partitions are
 * made as months appear; undated events have their own).
 */
import type { Migration } from '../../migrations/index.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE articles (
  id             bigserial PRIMARY KEY,
  key            text NOT NULL UNIQUE,
  content_hash   text NOT NULL,
  ext_id         text NOT NULL,
  url            text,
  title          text,
  source         text,
  published      text NOT NULL,
  origin         text NOT NULL,
  text           text NOT NULL,
  input          text NOT NULL,
  record         text,
  status         text NOT NULL CHECK (status IN ('coded', 'failed')),
  duplicate_of   bigint REFERENCES articles(id),
  similarity     double precision,
  family_id      bigint NOT NULL,
  minhash        bytea,
  added_at       text NOT NULL,
  coded_at       text NOT NULL,
  -- tsvector holds at most 1 MB: the first 200,000 characters of the text are searchable
  search         tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', left(text, 200000)), 'B')) STORED
);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_search ON articles USING gin(search);

CREATE TABLE article_bands (
  band_key   bigint NOT NULL,
  article_id bigint NOT NULL REFERENCES articles(id),
  PRIMARY KEY (band_key, article_id)
);

CREATE TABLE entities (
  id         bigserial PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id),
  local_id   text NOT NULL,
  type       text NOT NULL,
  name       text NOT NULL,
  actor      text,
  country    text,
  role       text,
  rules      text NOT NULL
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_actor ON entities(actor, name);

CREATE TABLE entity_mentions (
  entity_id  bigint NOT NULL REFERENCES entities(id),
  article_id bigint NOT NULL REFERENCES articles(id),
  start      integer NOT NULL,
  "end"      integer NOT NULL,
  sentence   integer NOT NULL,
  kind       text NOT NULL
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);

CREATE TABLE places (
  id         bigserial PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id),
  local_id   text NOT NULL,
  name       text NOT NULL,
  kind       text NOT NULL,
  geonameid  integer,
  lat        double precision NOT NULL,
  lon        double precision NOT NULL,
  country    text NOT NULL,
  mentions   integer NOT NULL,
  start      integer,
  "end"      integer,
  rules      text NOT NULL
);
CREATE INDEX places_article ON places(article_id);
CREATE INDEX places_geonameid ON places(geonameid);

-- Partitioned by month of day ('' = undated, in events_undated); the primary key must hold the partition key.
CREATE TABLE events (
  id               bigserial NOT NULL,
  day              text NOT NULL,
  date_granularity text NOT NULL,
  source_actor     text NOT NULL,
  source_root      text NOT NULL,
  source_name      text,
  target_actor     text NOT NULL,
  target_root      text NOT NULL,
  target_name      text,
  code             text NOT NULL,
  name             text NOT NULL,
  root             text NOT NULL,
  quad_class       integer NOT NULL,
  goldstein        double precision NOT NULL,
  place_key        text NOT NULL,
  place_name       text,
  place_kind       text,
  geonameid        integer,
  lat              double precision,
  lon              double precision,
  country          text,
  negated          integer NOT NULL,
  claimed          integer NOT NULL,
  historical       integer NOT NULL,
  is_root          integer NOT NULL,
  num_mentions     integer NOT NULL DEFAULT 0,
  num_articles     integer NOT NULL DEFAULT 0,
  num_sources      integer NOT NULL DEFAULT 0,
  first_article_id bigint NOT NULL,
  added_at         text NOT NULL,
  PRIMARY KEY (id, day)
) PARTITION BY RANGE (day);
CREATE TABLE events_undated PARTITION OF events FOR VALUES FROM (MINVALUE) TO ('0');
CREATE INDEX events_id ON events(id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
CREATE INDEX events_dyad ON events(source_root, target_root, day);
CREATE INDEX events_target ON events(target_root, day);
CREATE INDEX events_geo ON events(lat, lon);

-- No foreign key to events: one to a partitioned table would have to name the partition key too.
CREATE TABLE event_mentions (
  id            bigserial PRIMARY KEY,
  event_id      bigint NOT NULL,
  article_id    bigint NOT NULL REFERENCES articles(id),
  family_id     bigint NOT NULL,
  source        text NOT NULL,
  counted       integer NOT NULL,
  local_id      text NOT NULL,
  code          text NOT NULL,
  claimed       integer NOT NULL,
  historical    integer NOT NULL,
  modality      text,
  start         integer NOT NULL,
  "end"         integer NOT NULL,
  trigger_start integer NOT NULL,
  trigger_end   integer NOT NULL,
  sentence      integer NOT NULL,
  rules         text NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id, family_id, article_id);
CREATE INDEX event_mentions_counted ON event_mentions(event_id, counted, source, article_id);
CREATE INDEX event_mentions_article ON event_mentions(article_id);

CREATE TABLE quotes (
  id             bigserial PRIMARY KEY,
  article_id     bigint NOT NULL REFERENCES articles(id),
  local_id       text NOT NULL,
  text           text NOT NULL,
  direct         integer NOT NULL,
  fragment       integer NOT NULL,
  speaker_name   text NOT NULL,
  speaker_actor  text,
  speaker_start  integer,
  speaker_end    integer,
  cue            text,
  start          integer NOT NULL,
  "end"          integer NOT NULL,
  sentence       integer NOT NULL,
  rules          text NOT NULL,
  search         tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE INDEX quotes_search ON quotes USING gin(search);

CREATE TABLE casualties (
  id          bigserial PRIMARY KEY,
  article_id  bigint NOT NULL REFERENCES articles(id),
  local_id    text NOT NULL,
  day         text NOT NULL,
  killed      integer,
  wounded     integer,
  missing     integer,
  abducted    integer,
  arrested    integer,
  displaced   integer,
  incident    text,
  victims     text,
  perpetrator text,
  place_name  text,
  geonameid   integer,
  lat         double precision,
  lon         double precision,
  country     text,
  cumulative  integer NOT NULL,
  claimed     integer NOT NULL,
  start       integer NOT NULL,
  "end"       integer NOT NULL,
  sentence    integer NOT NULL,
  rules       text NOT NULL
);
CREATE INDEX casualties_article ON casualties(article_id);
CREATE INDEX casualties_day ON casualties(day);

CREATE TABLE messages (
  id         bigserial PRIMARY KEY,
  article_id bigint REFERENCES articles(id),
  origin     text,
  level      text NOT NULL,
  stage      text NOT NULL,
  rule       text,
  start      integer,
  "end"      integer,
  text       text NOT NULL,
  added_at   text NOT NULL
);
CREATE INDEX messages_article ON messages(article_id);
CREATE UNIQUE INDEX messages_input_failure ON messages(origin, text) WHERE article_id IS NULL;
`,
};
