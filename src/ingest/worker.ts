/**
 * A coding worker: ArticleInput in, store rows out. Runs the whole pipeline and builds the rows here, so the
 * writer thread only binds values. A pipeline error becomes a failed-article row, never a dead worker.
 */
import { parentPort } from 'node:worker_threads';
import type { ArticleInput } from '../model/analysis.ts';
import { codeArticle } from '../pipeline/codeArticle.ts';
import { defaultWorld } from '../pipeline/world.ts';
import { articleRows, failedArticleRows, type ArticleMeta, type ArticleRows } from '../store/rows.ts';

export interface CodeTask {
  seq: number;
  input: ArticleInput;
  meta: ArticleMeta;
}

export type WorkerMessage = { ready: true } | { seq: number; rows: ArticleRows; error: string | null };

const port = parentPort;
if (!port) throw new Error('src/ingest/worker.ts runs as a worker thread; start it through CoderPool');

const world = defaultWorld();
// Load the model, gazetteer, dictionaries and lexicons now, so "ready" means ready to code at full speed.
const WARM_UP = 'BAGHDAD (Reuters) - The United States urged Iran on Monday to stop supporting militias in Iraq. A truck bomb killed 24 people and wounded 68 on Sunday, police said. "It was a positive step," said Hassan Kazemi-Qomi, Iran\'s ambassador to Iraq.';
codeArticle({ id: 'warm-up', text: WARM_UP, title: null, titleSpan: null, published: '2007-05-28', publishedFrom: 'option', url: null, source: null, byline: null, messages: [] }, { world });
port.postMessage({ ready: true } satisfies WorkerMessage);

port.on('message', (task: CodeTask) => {
  let message: WorkerMessage;
  try {
    message = { seq: task.seq, rows: articleRows(task.input, codeArticle(task.input, { world }), task.meta), error: null };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    message = { seq: task.seq, rows: failedArticleRows(task.input, task.meta, text), error: text };
  }
  port.postMessage(message);
});
