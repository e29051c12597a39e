/** PostgreSQL's numbered migrations, in order, with the same numbers as SQLite's (src/store/migrations). */
import type { Migration } from '../../migrations/index.ts';
import { initial } from './001-initial.ts';
import { actorCounts } from './002-actor-counts.ts';
import { eventKey } from './003-event-key.ts';

export const PG_MIGRATIONS: readonly Migration[] = [initial, actorCounts, eventKey];
