/** Schema version 2 in PostgreSQL: per-actor event counts kept by triggers, as SQLite's 002-actor-counts. */
import type { Migration } from '../../migrations/index.ts';

export const actorCounts: Migration = {
  version: 2,
  name: 'actor counts',
  up: `
CREATE TABLE actor_counts (
  actor     text PRIMARY KEY,
  as_source integer NOT NULL DEFAULT 0,
  as_target integer NOT NULL DEFAULT 0,
  mentions  integer NOT NULL DEFAULT 0
);

INSERT INTO actor_counts (actor, as_source, as_target, mentions)
  SELECT actor, sum(s), sum(t), sum(m) FROM (
    SELECT source_actor AS actor, 1 AS s, 0 AS t, num_mentions AS m FROM events
    UNION ALL SELECT target_actor, 0, 1, num_mentions FROM events WHERE target_actor <> '') counted
  GROUP BY actor;

CREATE FUNCTION actor_counts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO actor_counts AS c (actor, as_source, mentions) VALUES (NEW.source_actor, 1, NEW.num_mentions)
    ON CONFLICT (actor) DO UPDATE SET as_source = c.as_source + 1, mentions = c.mentions + excluded.mentions;
  IF NEW.target_actor <> '' THEN
    INSERT INTO actor_counts AS c (actor, as_target, mentions) VALUES (NEW.target_actor, 1, NEW.num_mentions)
      ON CONFLICT (actor) DO UPDATE SET as_target = c.as_target + 1, mentions = c.mentions + excluded.mentions;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER actor_counts_insert AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION actor_counts_insert();

CREATE FUNCTION actor_counts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE actor_counts SET as_source = as_source - 1, mentions = mentions - OLD.num_mentions WHERE actor = OLD.source_actor;
  UPDATE actor_counts SET as_target = as_target - 1, mentions = mentions - OLD.num_mentions WHERE actor = OLD.target_actor AND OLD.target_actor <> '';
  DELETE FROM actor_counts WHERE actor IN (OLD.source_actor, OLD.target_actor) AND as_source = 0 AND as_target = 0;
  RETURN NULL;
END $$;
CREATE TRIGGER actor_counts_delete AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION actor_counts_delete();

CREATE FUNCTION actor_counts_mentions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE actor_counts SET mentions = mentions + NEW.num_mentions - OLD.num_mentions WHERE actor = NEW.source_actor;
  UPDATE actor_counts SET mentions = mentions + NEW.num_mentions - OLD.num_mentions WHERE actor = NEW.target_actor AND NEW.target_actor <> '';
  RETURN NULL;
END $$;
CREATE TRIGGER actor_counts_mentions AFTER UPDATE OF num_mentions ON events FOR EACH ROW WHEN (NEW.num_mentions <> OLD.num_mentions) EXECUTE FUNCTION actor_counts_mentions();
`,
};
