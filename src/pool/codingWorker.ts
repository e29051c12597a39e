/**
 * A coding worker (entry of the coding pool): loads the pipeline once, then codes one task at a time.
 * Tasks: an ArticleInput to a record, an ArticleInput to store rows, or a posted JSON record (read here too, so
 * the server's thread never parses HTML) to a record.
 */
import type { ArticleInput } from '../model/analysis.ts';
import type { ArticleRecord } from '../model/record.ts';
import { codeArticle } from '../pipeline/codeArticle.ts';
import { defaultWorld, type WorldOptions } from '../pipeline/world.ts';
import { readBuffer } from '../stages/input/index.ts';
import { articleRows, type ArticleMeta, type ArticleRows } from '../store/rows.ts';
import { serveTasks, workerOptions } from './serve.ts';

/** The world's options: the tagger, and the user's dictionaries if any. */
export type CodingWorkerOptions = WorldOptions & { tagger: boolean };

export type CodingTask =
  | { kind: 'record'; input: ArticleInput; explain: boolean; tokens: boolean }
  | { kind: 'rows'; input: ArticleInput; meta: ArticleMeta }
  | { kind: 'posted'; record: Record<string, unknown>; explain: boolean; maxBytes: number };

/** A record for 'record' and 'posted' tasks, rows for 'rows' tasks; a posted record that cannot be read says why. */
export type CodingResult = ArticleRecord | ArticleRows | { inputError: string };

const world = defaultWorld(workerOptions<CodingWorkerOptions>());
// Load the model, gazetteer, dictionaries and lexicons now, so "ready" means ready to code at full speed.
const WARM_UP = 'BAGHDAD (Reuters) - The United States urged Iran on Monday to stop supporting militias in Iraq. A truck bomb killed 24 people and wounded 68 on Sunday, police said. "It was a positive step," said Hassan Kazemi-Qomi, Iran\'s ambassador to Iraq.';
codeArticle({ id: 'warm-up', text: WARM_UP, title: null, titleSpan: null, published: '2007-05-28', publishedFrom: 'option', url: null, source: null, byline: null, messages: [] }, { world });

serveTasks<CodingTask, CodingResult>((task) => {
  switch (task.kind) {
    case 'record':
      return codeArticle(task.input, { world, explain: task.explain, tokens: task.tokens });
    case 'rows':
      return articleRows(task.input, codeArticle(task.input, { world }), task.meta);
    case 'posted': {
      const [item] = readBuffer('request.json', Buffer.from(JSON.stringify(task.record)), { maxBytes: task.maxBytes });
      if (!item) return { inputError: 'no article in the body' };
      if (!item.ok) return { inputError: item.message };
      return codeArticle(item.input, { world, explain: task.explain });
    }
  }
});
