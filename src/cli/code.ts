/** `dateline code`: read articles, code each in the coding pool, print summaries or records in input order; bad inputs are reported and skipped. */
import { parsePublished } from '../stages/input/published.ts';
import { DEFAULT_MAX_BYTES, readInputs } from '../stages/input/index.ts';
import { CodingPool, type CodeOutcome } from '../pool/coding.ts';
import type { ArticleRecord } from '../model/record.ts';
import { articleTimeout, dictionaryOptions, wholeNumber } from './args.ts';
import { UsageError } from './errors.ts';
import { renderConllu } from './conllu.ts';
import { renderSummary } from './summary.ts';

type Values = Record<string, string | boolean | undefined>;

export async function runCode(specs: string[], values: Values): Promise<number> {
  if (specs.length === 0) throw new UsageError('give at least one file, directory or "-" for stdin; see `dateline code --help`');
  const format = (values.format as string | undefined) ?? (process.stdout.isTTY ? 'summary' : 'json');
  if (!['summary', 'json', 'jsonl', 'conllu'].includes(format)) throw new UsageError(`--format must be summary, json, jsonl or conllu, not "${format}"`);
  const tokens = values.tokens === true || format === 'conllu';
  let published: string | undefined;
  if (typeof values.date === 'string') {
    published = parsePublished(values.date) ?? undefined;
    if (!published) throw new UsageError(`--date "${values.date}" is not a date; use YYYY-MM-DD`);
  }
  const maxBytes = wholeNumber(values, 'max-bytes', DEFAULT_MAX_BYTES, 1, 2 ** 31);
  const workers = wholeNumber(values, 'workers', 1, 1, 64);
  const articleTimeoutMs = articleTimeout(values);
  const explain = values.explain === true;
  const dictionaries = dictionaryOptions(values);
  // articles are coded in workers: a dictionary that cannot be read is one line here, before any starts
  if (dictionaries.addDictionaries !== undefined || dictionaries.dictionaries !== undefined) (await import('./world.ts')).checkDictionaries(dictionaries);

  const collected: ArticleRecord[] = [];
  let failures = 0;
  // Articles are coded in parallel and reported in input order: each waits for the one before it.
  let reported: Promise<void> = Promise.resolve();
  const report = (where: string, outcome: Promise<CodeOutcome<ArticleRecord>>) => {
    reported = Promise.all([reported, outcome]).then(([, o]) => {
      if (!o.ok) {
        failures++;
        const advice = o.failure === 'input' ? '' : o.failure === 'timeout' ? '; the others go on (raise --article-timeout to give it longer)' : '; the others go on. Please report it.';
        process.stderr.write(`dateline: ${where}: ${o.message}${advice}\n`);
        return;
      }
      const record = o.value;
      if (!record.article.published) process.stderr.write(`dateline: ${where}: no publication date found; relative dates ("on Monday") are left unresolved. Pass --date YYYY-MM-DD.\n`);
      if (format === 'jsonl') process.stdout.write(`${JSON.stringify(record)}\n`);
      else if (format === 'conllu') process.stdout.write(renderConllu(record));
      else if (format === 'summary') process.stdout.write(`${renderSummary(record, { explain })}\n`);
      else collected.push(record);
    });
  };

  let pool: CodingPool | null = null;
  try {
    for (const item of readInputs(specs, { ...(published ? { published } : {}), maxBytes })) {
      const where = item.origin.line === undefined ? item.origin.file : `${item.origin.file}:${item.origin.line}`;
      if (!item.ok) {
        report(where, Promise.resolve({ ok: false, failure: 'input', message: item.message }));
        continue;
      }
      // Workers start at the first article to code: a run of bad inputs costs no start-up.
      pool ??= await CodingPool.start({ workers, articleTimeoutMs, tagger: !values['rules-only'], ...dictionaries });
      await pool.whenFree();
      report(where, pool.code(item.input, { explain, tokens }));
    }
    await reported;
  } finally {
    await pool?.close();
  }
  if (format === 'json' && collected.length > 0) process.stdout.write(`${JSON.stringify(collected.length === 1 ? collected[0] : collected, null, 2)}\n`);
  return failures > 0 ? 1 : 0;
}
