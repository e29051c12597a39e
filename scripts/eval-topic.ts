/**
 * Article topics measured on the BBC News corpus (../shared/data/bbc_news: 2,225 articles in five sections;
 * research use, measured only: the cue table was written by hand, nothing in it comes from this corpus), and their
 * spread over the Wikinews demo corpus (../shared/data/wikinews, unlabelled: a spot check).
 *
 *   npx tsx scripts/eval-topic.ts [--errors]      (npm run eval:topic)
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { classifyTopic, TOPICS } from '../src/stages/topic/index.ts';

export const BBC = fileURLToPath(new URL('../../shared/data/bbc_news/bbc_news.jsonl.gz', import.meta.url));
export const WIKINEWS = fileURLToPath(new URL('../../shared/data/wikinews/wikinews.jsonl.gz', import.meta.url));

const LABELS = [...TOPICS, 'other'] as const;

function readJsonl<T>(path: string): T[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export interface TopicReport {
  articles: number;
  accuracy: number;
  /** gold → predicted → count */
  confusion: Map<string, Map<string, number>>;
  perTopic: { topic: string; precision: number; recall: number; f1: number; gold: number }[];
  errors: string[];
}

export function evaluateTopics(path = BBC): TopicReport {
  const rows = readJsonl<{ id: string; category: string; title: string; body: string }>(path);
  const confusion = new Map<string, Map<string, number>>();
  const errors: string[] = [];
  let right = 0;
  for (const row of rows) {
    const topic = classifyTopic({ title: row.title, text: row.body });
    const line = confusion.get(row.category) ?? new Map<string, number>();
    line.set(topic.label, (line.get(topic.label) ?? 0) + 1);
    confusion.set(row.category, line);
    if (topic.label === row.category) right++;
    else errors.push(`${row.id}\t${row.category} → ${topic.label}\t${JSON.stringify(topic.scores)}\t${row.title}`);
  }
  const perTopic = TOPICS.map((t) => {
    const tp = confusion.get(t)?.get(t) ?? 0;
    const gold = [...(confusion.get(t)?.values() ?? [])].reduce((a, b) => a + b, 0);
    const predicted = [...confusion.values()].reduce((n, line) => n + (line.get(t) ?? 0), 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = gold === 0 ? 0 : tp / gold;
    return { topic: t, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), gold };
  });
  return { articles: rows.length, accuracy: right / rows.length, confusion, perTopic, errors };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(BBC)) {
    console.error(`eval-topic: ${BBC} not found (needs ../shared/data/bbc_news beside the repo)`);
    process.exit(1);
  }
  const report = evaluateTopics();
  if (process.argv.includes('--errors')) for (const line of report.errors) console.log(line);
  console.log(`BBC News: ${report.articles} articles, accuracy ${(100 * report.accuracy).toFixed(1)} % ("other" counts as wrong)\n`);
  console.log('gold \\ predicted  ' + LABELS.map((l) => l.padStart(13)).join(''));
  for (const gold of TOPICS) console.log(gold.padEnd(17) + LABELS.map((l) => String(report.confusion.get(gold)?.get(l) ?? 0).padStart(13)).join(''));
  console.log('\ntopic           P      R      F1     gold');
  for (const t of report.perTopic) console.log(`${t.topic.padEnd(14)}  ${t.precision.toFixed(3)}  ${t.recall.toFixed(3)}  ${t.f1.toFixed(3)}  ${t.gold}`);
  if (existsSync(WIKINEWS)) {
    const wikinews = readJsonl<{ id: string; title: string; text: string }>(WIKINEWS);
    const spread = new Map<string, number>();
    for (const a of wikinews) {
      const label = classifyTopic({ title: a.title, text: a.text }).label;
      spread.set(label, (spread.get(label) ?? 0) + 1);
    }
    console.log(`\nWikinews politics/conflict/crime corpus (${wikinews.length} articles, unlabelled): ` + LABELS.map((l) => `${l} ${spread.get(l) ?? 0}`).join(', '));
  }
}
