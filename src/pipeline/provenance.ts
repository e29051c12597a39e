/**
 * What made a record: the engine's version, and a version for each model and lexicon file it read — the first 12
 * hex digits of the SHA-1 of the file's content, so that two stores coded with different tables can be told apart
 * without anyone remembering to bump a number.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Provenance } from '../model/record.ts';
import { DATA_DIR } from '../lexicon/tables.ts';

export type WorldProvenance = Omit<Provenance, 'engine'>;

let engine: string | null = null;

export function engineVersion(): string {
  engine ??= (JSON.parse(readFileSync(join(DATA_DIR, '..', 'package.json'), 'utf8')) as { version: string }).version;
  return engine;
}

export function fileVersion(path: string): string {
  return createHash('sha1').update(readFileSync(path)).digest('hex').slice(0, 12);
}

/** The shipped models (data/models) and lexicons (data/lexicon, data/petrarch, data/cameo), by file name. */
export function shippedProvenance(): WorldProvenance {
  const files = (dir: string, accept: RegExp) =>
    readdirSync(join(DATA_DIR, dir))
      .filter((f) => accept.test(f))
      .sort()
      .map((f) => ({ name: `${dir}/${f}`, version: fileVersion(join(DATA_DIR, dir, f)) }));
  return {
    mode: 'default',
    models: files('models', /\.(gz|bin)$/),
    lexicons: [...files('lexicon', /\.tsv$/), ...files('petrarch', /\.txt$/), ...files('cameo', /\.txt$/)].map((l) => ({ ...l, origin: 'shipped' as const })),
  };
}
