/** Schema version 3 in PostgreSQL: the canonical event merge key and report ranks, as SQLite's 003-event-key. */
import type { Migration } from '../../migrations/index.ts';

export const eventKey: Migration = {
  version: 3,
  name: 'canonical event key',
  up: `
ALTER TABLE events ADD COLUMN first_rank text NOT NULL DEFAULT '';
CREATE UNIQUE INDEX events_merge_key ON events(source_actor, target_actor, root, place_key, negated, day);
ALTER TABLE event_mentions ADD COLUMN article_rank text NOT NULL DEFAULT '';
CREATE INDEX event_mentions_family ON event_mentions(event_id, family_id, article_rank, article_id);
`,
};
