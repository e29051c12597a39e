/** `dateline export`: every stored event to stdout as GDELT 2.0 TSV, CSV or JSON lines. */
import { once } from 'node:events';
import { openStore } from '../store/db.ts';
import { exportEvents, type ExportFormat } from '../store/exports.ts';
import { existingDbFile, noPositionals } from './args.ts';
import { UsageError } from './errors.ts';

type Values = Record<string, string | boolean | undefined>;

const FORMATS: readonly ExportFormat[] = ['gdelt', 'csv', 'jsonl'];

export async function runExport(positionals: string[], values: Values): Promise<number> {
  noPositionals('export', positionals);
  const format = (values.format ?? 'gdelt') as ExportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be gdelt, csv or jsonl, not "${String(values.format)}"`);
  const db = openStore(existingDbFile(values), { readonly: true });
  // `dateline export | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    for (const chunk of exportEvents(db, format, {})) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
  } finally {
    db.close();
  }
  return 0;
}
