/** Reading the project's TSV lexicons under data/: comment lines start with "#", columns are tab-separated. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

export function dataPath(...parts: string[]): string {
  return join(DATA_DIR, ...parts);
}

/** Rows of a TSV table; throws with the file and line when a row has fewer columns than `minColumns`. */
export function readTsv(path: string, minColumns: number): string[][] {
  const rows: string[][] = [];
  for (const [index, line] of readFileSync(path, 'utf8').split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const cells = line.split('\t').map((c) => c.trim());
    if (cells.length < minColumns) throw new Error(`dateline: ${path}:${index + 1} has ${cells.length} columns, expected at least ${minColumns}; columns are tab-separated`);
    rows.push(cells);
  }
  return rows;
}
