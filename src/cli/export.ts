/** `dateline export`: every stored event to stdout as GDELT 2.0 TSV, CSV or JSON lines. */
import { once } from 'node:events';
import { exportEvents, type ExportFormat } from '../store/exports.ts';
import { openStoreAt } from '../store/open.ts';
import { existingStoreSpec, noPositionals } from './args.ts';
import { UsageError } from './errors.ts';

type Values = Record<string, string | boolean | undefined>;

const FORMATS: readonly ExportFormat[] = ['gdelt', 'csv', 'jsonl'];

export async function runExport(positionals: string[], values: Values): Promise<number> {
  noPositionals('export', positionals);
  const format = (values.format ?? 'gdelt') as ExportFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be gdelt, csv or jsonl, not "${String(values.format)}"`);
  const store = await openStoreAt(existingStoreSpec(values), { readonly: true });
  // `dateline export | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(0);
  });
  try {
    for await (const chunk of exportEvents(store.sql, format, {})) {
      if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
    }
  } finally {
    await store.close();
  }
  return 0;
}
