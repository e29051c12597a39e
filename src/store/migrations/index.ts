/**
 * SQLite's numbered migrations, in order. PostgreSQL's (src/store/postgres/migrations) carry the same numbers, so a
 * schema version means the same tables in both engines. A new one goes in its own file, in both engines, and is
 * appended here; applied ones never change.
 */
import { initial } from './001-initial.ts';
import { actorCounts } from './002-actor-counts.ts';
import { eventKey } from './003-event-key.ts';

export interface Migration {
  version: number;
  name: string;
  /** SQL run once, in a transaction, when the database is older than `version`. */
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [initial, actorCounts, eventKey];
