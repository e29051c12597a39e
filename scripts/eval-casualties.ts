/**
 * Casualty counts measured on the GVDB dev split (../shared/data/gvdb_dev; measuring only, never copied).
 *
 *   npm run eval:casualties [-- --verbose] [-- --stage-only]
 *
 * Per article: the full pipeline (src/pipeline/codeArticle.ts) with the title and publication date of the
 * record, or with --stage-only (or when the pipeline does not load) clean → segment → findCasualties with no
 * places, dates or entities. The article's killed (injured) figure is the SUM of `killed` (`wounded`) over its
 * non-cumulative casualty records: merging already folds repeated mentions of one incident into one record,
 * and a local news story may report several incidents. The max over records is printed for comparison.
 * Gold killed/injured count one annotator's victim entries (see the data README): exact-match rate and mean
 * absolute error against it, with the always-0 baseline for reference.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ArticleInput } from '../src/model/analysis.ts';
import type { Casualty } from '../src/model/record.ts';
import { findCasualties } from '../src/stages/casualties/index.ts';
import { buildDoc } from '../src/pipeline/codeArticle.ts';
import { defaultWorld } from '../src/pipeline/world.ts';
import { cleanStage } from '../src/stages/clean/index.ts';
import { segmentStage } from '../src/stages/segment/index.ts';

const DATA = new URL('../../shared/data/gvdb_dev/gvdb_dev.jsonl.gz', import.meta.url);
const PIPELINE = new URL('../src/pipeline/codeArticle.ts', import.meta.url);
const verbose = process.argv.includes('--verbose');
const stageOnly = process.argv.includes('--stage-only');

interface GoldArticle {
  id: string;
  title: string | null;
  text: string;
  date: string | null;
  killed: number;
  injured: number;
}

type Coder = (article: GoldArticle) => { casualties: Casualty[]; text: string };

/**
 * GVDB texts start with the page title glued to the body on one line ("…Los Angeles TimesJassely Lupoe, …");
 * a title span would make the clean stage drop that whole line, so the title is passed without a span.
 */
function articleInput(article: GoldArticle): ArticleInput {
  return {
    id: article.id,
    text: article.text,
    title: article.title,
    titleSpan: null,
    published: article.date,
    publishedFrom: article.date ? 'record' : 'none',
    url: null,
    source: null,
    byline: null,
    messages: [],
  };
}

function stageCoder(): Coder {
  const world = defaultWorld({ tagger: false });
  return (article) => {
    const input = articleInput(article);
    const doc = buildDoc(input, world, [cleanStage, segmentStage]);
    doc.entities = [];
    doc.places = { places: [], datelinePlaceId: null };
    doc.dates = [];
    return { casualties: findCasualties(doc), text: input.text };
  };
}

async function pipelineCoder(): Promise<{ name: string; code: Coder }> {
  if (stageOnly) return { name: 'clean + segment + casualties', code: stageCoder() };
  try {
    const { codeArticle } = (await import(PIPELINE.href)) as typeof import('../src/pipeline/codeArticle.ts');
    return {
      name: 'codeArticle (full pipeline)',
      code: (article) => {
        const record = codeArticle(articleInput(article));
        return { casualties: record.casualties, text: record.article.text };
      },
    };
  } catch (error) {
    console.error(`codeArticle does not load (${(error as Error).message.split('\n')[0]}); measuring clean + segment + casualties`);
    return { name: 'clean + segment + casualties', code: stageCoder() };
  }
}

interface Tally {
  exact: number;
  absError: number;
}

const emptyTally = (): Tally => ({ exact: 0, absError: 0 });
function add(tally: Tally, predicted: number, gold: number): void {
  if (predicted === gold) tally.exact++;
  tally.absError += Math.abs(predicted - gold);
}

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    console.error(`needs ${DATA.pathname} (../shared/data/gvdb_dev, not in this clone)`);
    process.exit(1);
  }
  const articles = gunzipSync(readFileSync(DATA))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldArticle);
  const { name, code } = await pipelineCoder();
  const kinds = ['killed', 'injured'] as const;
  const sum = { killed: emptyTally(), injured: emptyTally() };
  const max = { killed: emptyTally(), injured: emptyTally() };
  const zero = { killed: emptyTally(), injured: emptyTally() };
  const direction = { killed: { over: 0, under: 0 }, injured: { over: 0, under: 0 } };
  const started = performance.now();
  for (const article of articles) {
    const { casualties, text } = code(article);
    const current = casualties.filter((c) => !c.cumulative);
    for (const kind of kinds) {
      const values = current.map((c) => (kind === 'killed' ? c.killed : c.wounded)?.value ?? 0);
      const predicted = values.reduce((s, v) => s + v, 0);
      const gold = article[kind];
      add(sum[kind], predicted, gold);
      add(max[kind], Math.max(0, ...values), gold);
      add(zero[kind], 0, gold);
      if (predicted > gold) direction[kind].over++;
      if (predicted < gold) direction[kind].under++;
      if (verbose && predicted !== gold) {
        console.log(`\n${article.id} ${kind}: predicted ${predicted}, gold ${gold} — ${article.title ?? ''}`);
        for (const c of casualties) {
          const counts = (['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced'] as const).filter((k) => c[k]).map((k) => `${k} ${c[k]!.value} "${c[k]!.text}"`);
          console.log(`  ${counts.join(', ')}${c.cumulative ? ' [cumulative]' : ''} · ${c.rules.filter((r) => r.startsWith('casualties.count') || r.startsWith('casualties.merge')).join(' ')}`);
          for (const m of c.mentions) console.log(`      “${text.slice(m.start, m.end).replace(/\s+/g, ' ').slice(0, 220)}”`);
        }
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const n = articles.length;
  const pct = (t: Tally) => `${((100 * t.exact) / n).toFixed(1)}%`;
  const mae = (t: Tally) => (t.absError / n).toFixed(3);
  console.log(`GVDB dev: ${n} articles, ${name}, ${(n / seconds).toFixed(0)} articles/s`);
  console.log('            exact (sum)  MAE (sum)   exact (max)  MAE (max)   baseline 0: exact  MAE    over/under (sum)');
  for (const kind of kinds) {
    console.log(
      `${kind.padEnd(10)}  ${pct(sum[kind]).padStart(11)}  ${mae(sum[kind]).padStart(9)}   ${pct(max[kind]).padStart(11)}  ${mae(max[kind]).padStart(9)}   ${pct(zero[kind]).padStart(17)}  ${mae(zero[kind])}  ${direction[kind].over}/${direction[kind].under}`,
    );
  }
}

await main();
