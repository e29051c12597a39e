/** Option values of the store commands, checked: a bad value is a UsageError naming the option. */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { WorldOptions } from '../pipeline/world.ts';
import { DEFAULT_ARTICLE_TIMEOUT_MS } from '../pool/coding.ts';
import { parseStoreSpec, type StoreSpec } from '../store/open.ts';
import { DEFAULT_QUERY_TIMEOUT_MS } from '../store/readers.ts';
import { UsageError } from './errors.ts';

type Values = Record<string, string | boolean | undefined>;

export function wholeNumber(values: Values, name: string, fallback: number, min: number, max: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${String(raw)}"`);
  return n;
}

/** `--article-timeout SECONDS` (fractions allowed), in milliseconds. */
export function articleTimeout(values: Values): number {
  return seconds(values, 'article-timeout', DEFAULT_ARTICLE_TIMEOUT_MS);
}

/** `--query-timeout`: longest an API read query may run (serve). */
export function queryTimeout(values: Values): number {
  return seconds(values, 'query-timeout', DEFAULT_QUERY_TIMEOUT_MS);
}

function seconds(values: Values, name: string, fallbackMs: number): number {
  const raw = values[name];
  if (raw === undefined) return fallbackMs;
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+(\.\d+)?$/.test(raw) || value < 0.01 || value > 3600) throw new UsageError(`--${name} must be a number of seconds from 0.01 to 3600, not "${String(raw)}"`);
  return Math.round(value * 1000);
}

export function workerCount(values: Values): number {
  return wholeNumber(values, 'workers', Math.max(1, availableParallelism()), 1, 64);
}

export function dbFile(values: Values): string {
  const file = values.db;
  if (file === undefined) return 'dateline.db';
  if (typeof file !== 'string' || file === '') throw new UsageError('--db needs a file name');
  return file;
}

/** The store: --store, else DATELINE_STORE, else --db (SQLite), else ./dateline.db. */
export function storeSpec(values: Values): StoreSpec {
  const given = values.store ?? process.env.DATELINE_STORE;
  if (given === undefined || given === '') return { engine: 'sqlite', file: dbFile(values) };
  const from = values.store !== undefined ? '--store' : 'DATELINE_STORE';
  if (typeof given !== 'string') throw new UsageError(`${from} needs a value: sqlite:PATH or postgres://HOST/DATABASE`);
  if (values.store !== undefined && values.db !== undefined) throw new UsageError('give --store or --db, not both');
  const spec = parseStoreSpec(given);
  if (!spec) throw new UsageError(`${from} must be sqlite:PATH or postgres://[USER@]HOST[:PORT]/DATABASE, not "${given}"`);
  return spec;
}

/** The store of a reading command: a SQLite file must exist already. */
export function existingStoreSpec(values: Values): StoreSpec {
  const spec = storeSpec(values);
  if (spec.engine === 'sqlite' && !existsSync(spec.file)) throw new UsageError(`${spec.file} does not exist; create it with \`dateline ingest <files> --db ${spec.file}\``);
  return spec;
}

export function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError(`\`dateline ${command}\` takes no file arguments (got ${positionals.join(' ')}); see \`dateline ${command} --help\``);
}

/** --add-dictionaries / --dictionaries as world options (directories made absolute); checked by `checkDictionaries`. */
export function dictionaryOptions(values: Values): Pick<WorldOptions, 'addDictionaries' | 'dictionaries'> {
  const add = values['add-dictionaries'];
  const only = values.dictionaries;
  for (const [name, value] of [['add-dictionaries', add], ['dictionaries', only]] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new UsageError(`--${name} needs a directory`);
  }
  if (add !== undefined && only !== undefined) throw new UsageError('give --dictionaries DIR (yours instead of the shipped ones) or --add-dictionaries DIR (yours on top), not both');
  return { ...(typeof add === 'string' ? { addDictionaries: resolve(add) } : {}), ...(typeof only === 'string' ? { dictionaries: resolve(only) } : {}) };
}
