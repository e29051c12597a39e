/** The world a coding command runs with; a dictionary Dateline cannot read is a UsageError naming the file and line. */
import { DictionaryError } from '../lexicon/petrarch/files.ts';
import { defaultWorld, type World, type WorldOptions } from '../pipeline/world.ts';
import { UsageError } from './errors.ts';

export function openWorld(options: WorldOptions): World {
  try {
    return defaultWorld(options);
  } catch (error) {
    if (error instanceof DictionaryError) throw new UsageError(error.message);
    throw error;
  }
}

/** Reads the user's dictionaries now (ingest and recode code in workers): a bad one is one line before any worker starts. */
export function checkDictionaries(options: WorldOptions): void {
  openWorld({ ...options, tagger: false });
}
