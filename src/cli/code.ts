/** `dateline code`: read articles, code each, print summaries or records; bad inputs are reported and skipped. */
import { parsePublished } from '../stages/input/published.ts';
import { DEFAULT_MAX_BYTES, readInputs } from '../stages/input/index.ts';
import { codeArticle } from '../pipeline/codeArticle.ts';
import { defaultWorld } from '../pipeline/world.ts';
import type { ArticleRecord } from '../model/record.ts';
import { UsageError } from './errors.ts';
import { renderSummary } from './summary.ts';

type Values = Record<string, string | boolean | undefined>;

export function runCode(specs: string[], values: Values): number {
  if (specs.length === 0) throw new UsageError('give at least one file, directory or "-" for stdin; see `dateline code --help`');
  const format = (values.format as string | undefined) ?? (process.stdout.isTTY ? 'summary' : 'json');
  if (!['summary', 'json', 'jsonl'].includes(format)) throw new UsageError(`--format must be summary, json or jsonl, not "${format}"`);
  let published: string | undefined;
  if (typeof values.date === 'string') {
    published = parsePublished(values.date) ?? undefined;
    if (!published) throw new UsageError(`--date "${values.date}" is not a date; use YYYY-MM-DD`);
  }
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new UsageError('--max-bytes must be a positive whole number of bytes');

  const world = defaultWorld({ tagger: !values['rules-only'] });
  const explain = values.explain === true;
  const collected: ArticleRecord[] = [];
  let failures = 0;
  for (const item of readInputs(specs, { ...(published ? { published } : {}), maxBytes })) {
    const where = item.origin.line === undefined ? item.origin.file : `${item.origin.file}:${item.origin.line}`;
    if (!item.ok) {
      failures++;
      process.stderr.write(`dateline: ${where}: ${item.message}\n`);
      continue;
    }
    let record: ArticleRecord;
    try {
      record = codeArticle(item.input, { explain, world });
    } catch (error) {
      failures++;
      process.stderr.write(`dateline: ${where}: internal error while coding this article (${(error as Error).message}); the others go on. Set DATELINE_DEBUG=1 for details, and please report it.\n`);
      if (process.env.DATELINE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
      continue;
    }
    if (!record.article.published) process.stderr.write(`dateline: ${where}: no publication date found; relative dates ("on Monday") are left unresolved. Pass --date YYYY-MM-DD.\n`);
    if (format === 'jsonl') process.stdout.write(`${JSON.stringify(record)}\n`);
    else if (format === 'summary') process.stdout.write(`${renderSummary(record, { explain })}\n`);
    else collected.push(record);
  }
  if (format === 'json' && collected.length > 0) process.stdout.write(`${JSON.stringify(collected.length === 1 ? collected[0] : collected, null, 2)}\n`);
  return failures > 0 ? 1 : 0;
}
