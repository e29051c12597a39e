/**
 * The canonical event merge key: reports merge into one event when source, target, root code, place, negation and
 * day are all equal (a unique index that INSERT … ON CONFLICT uses), and the event's descriptive fields come from
 * the report of lowest rank (earliest publication, then article key, then position), so any number of writers in
 * any order store the same events. Events stored before keep their fields (first_rank '' ranks lowest).
 */
import type { Migration } from './index.ts';

export const eventKey: Migration = {
  version: 3,
  name: 'canonical event key',
  up: `
ALTER TABLE events ADD COLUMN first_rank TEXT NOT NULL DEFAULT '';
DROP INDEX events_dedupe;
CREATE UNIQUE INDEX events_merge_key ON events(source_actor, target_actor, root, place_key, negated, day);
ALTER TABLE event_mentions ADD COLUMN article_rank TEXT NOT NULL DEFAULT '';
CREATE INDEX event_mentions_family ON event_mentions(event_id, family_id, article_rank, article_id);
`,
};
