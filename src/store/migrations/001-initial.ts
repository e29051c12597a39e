/**
 * The first schema: articles (with FTS5), their records (entities and mentions, places, event mentions, quotes
 * with FTS5, casualties, messages), and the deduplicated events that event mentions point to.
 * Every record row keeps its offsets into `articles.text` and the rule ids that produced it (`rules`, a JSON array).
 */
import type { Migration } from './index.ts';

export const initial: Migration = {
  version: 1,
  name: 'initial',
  up: `
CREATE TABLE articles (
  id             INTEGER PRIMARY KEY,
  -- sha256 of identity (URL, else id) + text: re-ingesting the same article finds it here and skips it
  key            TEXT NOT NULL UNIQUE,
  -- sha256 of the text alone
  content_hash   TEXT NOT NULL,
  ext_id         TEXT NOT NULL,
  url            TEXT,
  title          TEXT,
  source         TEXT,
  -- YYYY-MM-DD, or '' when unknown (so it sorts and indexes without NULL cases)
  published      TEXT NOT NULL,
  origin         TEXT NOT NULL,
  text           TEXT NOT NULL,
  -- the ArticleInput as read (without its text), so recode sees exactly what ingest saw
  input          TEXT NOT NULL,
  -- the ArticleRecord without article.text (the reader view); NULL when coding failed
  record         TEXT,
  status         TEXT NOT NULL CHECK (status IN ('coded', 'failed')),
  -- near-duplicate (wire copy republished): the earliest article it copies; family_id is that article's id, or its own
  duplicate_of   INTEGER REFERENCES articles(id),
  similarity     REAL,
  family_id      INTEGER NOT NULL,
  minhash        BLOB,
  added_at       TEXT NOT NULL,
  coded_at       TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- MinHash LSH bands: articles sharing a band are near-duplicate candidates
CREATE TABLE article_bands (
  band_key   INTEGER NOT NULL,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

CREATE TABLE entities (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  local_id   TEXT NOT NULL,
  type       TEXT NOT NULL,
  name       TEXT NOT NULL,
  actor      TEXT,
  country    TEXT,
  role       TEXT,
  rules      TEXT NOT NULL
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_actor ON entities(actor, name);

CREATE TABLE entity_mentions (
  entity_id  INTEGER NOT NULL REFERENCES entities(id),
  article_id INTEGER NOT NULL REFERENCES articles(id),
  start      INTEGER NOT NULL,
  "end"      INTEGER NOT NULL,
  sentence   INTEGER NOT NULL,
  kind       TEXT NOT NULL
);
CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
CREATE INDEX entity_mentions_article ON entity_mentions(article_id);

CREATE TABLE places (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles(id),
  local_id   TEXT NOT NULL,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL,
  geonameid  INTEGER,
  lat        REAL NOT NULL,
  lon        REAL NOT NULL,
  country    TEXT NOT NULL,
  mentions   INTEGER NOT NULL,
  -- offsets of the first mention
  start      INTEGER,
  "end"      INTEGER,
  rules      TEXT NOT NULL
);
CREATE INDEX places_article ON places(article_id);
CREATE INDEX places_geonameid ON places(geonameid);

-- One row per event as several articles report it (GDELT's event table). Key: source, target, root code,
-- place, negation and a day within one day of each other.
CREATE TABLE events (
  id               INTEGER PRIMARY KEY,
  -- YYYY-MM-DD, or '' when the date is unknown
  day              TEXT NOT NULL,
  date_granularity TEXT NOT NULL,
  source_actor     TEXT NOT NULL,
  source_root      TEXT NOT NULL,
  source_name      TEXT,
  target_actor     TEXT NOT NULL,
  target_root      TEXT NOT NULL,
  target_name      TEXT,
  code             TEXT NOT NULL,
  name             TEXT NOT NULL,
  root             TEXT NOT NULL,
  quad_class       INTEGER NOT NULL,
  goldstein        REAL NOT NULL,
  place_key        TEXT NOT NULL,
  place_name       TEXT,
  place_kind       TEXT,
  geonameid        INTEGER,
  lat              REAL,
  lon              REAL,
  country          TEXT,
  negated          INTEGER NOT NULL,
  -- 1 only while every mention says so
  claimed          INTEGER NOT NULL,
  historical       INTEGER NOT NULL,
  is_root          INTEGER NOT NULL,
  num_mentions     INTEGER NOT NULL DEFAULT 0,
  num_articles     INTEGER NOT NULL DEFAULT 0,
  num_sources      INTEGER NOT NULL DEFAULT 0,
  first_article_id INTEGER NOT NULL,
  added_at         TEXT NOT NULL
);
CREATE INDEX events_dedupe ON events(source_actor, target_actor, root, place_key, negated, day);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_source ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
CREATE INDEX events_dyad ON events(source_root, target_root, day);
CREATE INDEX events_target ON events(target_root, day);
CREATE INDEX events_geo ON events(lat, lon);

-- One row per event record of an article (GDELT's mentions table), with its offsets and rules.
CREATE TABLE event_mentions (
  id            INTEGER PRIMARY KEY,
  event_id      INTEGER NOT NULL REFERENCES events(id),
  article_id    INTEGER NOT NULL REFERENCES articles(id),
  family_id     INTEGER NOT NULL,
  source        TEXT NOT NULL,
  -- 0 when another article of the same near-duplicate family already reports this event
  counted       INTEGER NOT NULL,
  local_id      TEXT NOT NULL,
  code          TEXT NOT NULL,
  claimed       INTEGER NOT NULL,
  historical    INTEGER NOT NULL,
  modality      TEXT,
  start         INTEGER NOT NULL,
  "end"         INTEGER NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end   INTEGER NOT NULL,
  sentence      INTEGER NOT NULL,
  rules         TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id, family_id, article_id);
CREATE INDEX event_mentions_counted ON event_mentions(event_id, counted, source, article_id);
CREATE INDEX event_mentions_article ON event_mentions(article_id);

CREATE TABLE quotes (
  id             INTEGER PRIMARY KEY,
  article_id     INTEGER NOT NULL REFERENCES articles(id),
  local_id       TEXT NOT NULL,
  text           TEXT NOT NULL,
  direct         INTEGER NOT NULL,
  fragment       INTEGER NOT NULL,
  speaker_name   TEXT NOT NULL,
  speaker_actor  TEXT,
  speaker_start  INTEGER,
  speaker_end    INTEGER,
  cue            TEXT,
  start          INTEGER NOT NULL,
  "end"          INTEGER NOT NULL,
  sentence       INTEGER NOT NULL,
  rules          TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_name);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE casualties (
  id          INTEGER PRIMARY KEY,
  article_id  INTEGER NOT NULL REFERENCES articles(id),
  local_id    TEXT NOT NULL,
  day         TEXT NOT NULL,
  killed      INTEGER,
  wounded     INTEGER,
  missing     INTEGER,
  abducted    INTEGER,
  arrested    INTEGER,
  displaced   INTEGER,
  incident    TEXT,
  victims     TEXT,
  perpetrator TEXT,
  place_name  TEXT,
  geonameid   INTEGER,
  lat         REAL,
  lon         REAL,
  country     TEXT,
  cumulative  INTEGER NOT NULL,
  claimed     INTEGER NOT NULL,
  start       INTEGER NOT NULL,
  "end"       INTEGER NOT NULL,
  sentence    INTEGER NOT NULL,
  rules       TEXT NOT NULL
);
CREATE INDEX casualties_article ON casualties(article_id);
CREATE INDEX casualties_day ON casualties(day);

-- Problems met while reading or coding. article_id is NULL when there is no article (an invalid JSON line).
CREATE TABLE messages (
  id         INTEGER PRIMARY KEY,
  article_id INTEGER REFERENCES articles(id),
  origin     TEXT,
  level      TEXT NOT NULL,
  stage      TEXT NOT NULL,
  rule       TEXT,
  start      INTEGER,
  "end"      INTEGER,
  text       TEXT NOT NULL,
  added_at   TEXT NOT NULL
);
CREATE INDEX messages_article ON messages(article_id);
CREATE UNIQUE INDEX messages_input_failure ON messages(origin, text) WHERE article_id IS NULL;
`,
};
