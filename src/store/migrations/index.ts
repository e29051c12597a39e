/** Numbered migrations, in order. A new one goes in its own file and is appended here; applied ones never change. */
import { initial } from './001-initial.ts';
import { actorCounts } from './002-actor-counts.ts';

export interface Migration {
  version: number;
  name: string;
  /** SQL run once, in a transaction, when the database is older than `version`. */
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [initial, actorCounts];
