/**
 * npm run audit:events — codes the 160 Wikinews articles of ../shared/data/wikinews (CC BY 2.5, Wikinews
 * contributors) through the whole pipeline, prints events per article, the share of event sides with a country and
 * the counts by CAMEO root, and draws 100 events with a fixed seed into docs/audit/events.md for judging by hand.
 * Measuring only: the sentences quoted in the audit table are attributed CC BY 2.5 text, no data is copied into src.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { cameoCode } from '../src/lexicon/cameo.ts';
import { countryByCode } from '../src/lexicon/countries.ts';
import type { ActorRef, ArticleRecord, Event } from '../src/model/record.ts';
import { codeArticle } from '../src/pipeline/codeArticle.ts';
import { seededRandom } from '../src/stages/entities/tagger/training/corpus.ts';

const corpus = new URL('../../shared/data/wikinews/wikinews.jsonl.gz', import.meta.url);
const auditFile = new URL('../docs/audit/events.md', import.meta.url);
const SEED = 2026;
const SAMPLE = 100;

if (!existsSync(corpus)) {
  console.log('audit:events needs ../shared/data/wikinews/wikinews.jsonl.gz (not in this clone); skipped.');
  process.exit(0);
}

interface WikinewsArticle {
  id: string;
  title: string;
  published: string;
  url: string;
  source: string;
  text: string;
}

/** Actor codes whose first three letters are an ISO alpha-3 country ("USAGOV", "IRN"), not "---", "IGO", "NGO"… */
const hasCountry = (actor: ActorRef) => countryByCode(actor.actor.slice(0, 3)) !== null;

const articles = gunzipSync(readFileSync(corpus))
  .toString('utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as WikinewsArticle);

const t0 = performance.now();
const coded: { article: WikinewsArticle; record: ArticleRecord; event: Event }[] = [];
for (const article of articles) {
  const record = codeArticle({
    id: article.id,
    text: article.text,
    title: article.title,
    titleSpan: null,
    published: article.published,
    publishedFrom: 'record',
    url: article.url,
    source: article.source,
    byline: null,
    messages: [],
  });
  for (const event of record.events) coded.push({ article, record, event });
}
const seconds = (performance.now() - t0) / 1000;

const sides = coded.flatMap(({ event }) => (event.target ? [event.source, event.target] : [event.source]));
const countrySides = sides.filter(hasCountry).length;
const byRoot = new Map<string, number>();
for (const { event } of coded) byRoot.set(event.root ?? 'outside CAMEO', (byRoot.get(event.root ?? 'outside CAMEO') ?? 0) + 1);
const pct = (n: number, of: number) => (of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`);
const flagCount = (flag: 'negated' | 'claimed' | 'historical') => coded.filter(({ event }) => event[flag]).length;

const figures = [
  `articles: ${articles.length} (${seconds.toFixed(1)} s)`,
  `events: ${coded.length} (negated ${flagCount('negated')}, claimed ${flagCount('claimed')}, historical ${flagCount('historical')})`,
  `events per article: ${(coded.length / articles.length).toFixed(2)}`,
  `event sides with a country: ${countrySides} / ${sides.length} = ${pct(countrySides, sides.length)} (source, and target when present)`,
  `events with a target: ${coded.filter(({ event }) => event.target).length}`,
];
const rootLines = [...byRoot.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([root, n]) => `${root} ${cameoCode(root)?.name ?? '?'}: ${n}`);
console.log(`Wikinews audit corpus\n  ${figures.join('\n  ')}\n  by CAMEO root:\n    ${rootLines.join('\n    ')}`);

// Partial Fisher–Yates over all events in article order: the first SAMPLE slots are the draw.
const random = seededRandom(SEED); // mulberry32: the same seed draws the same sample on every machine
const pool = coded.map((_, i) => i);
const take = Math.min(SAMPLE, pool.length);
for (let i = 0; i < take; i++) {
  const j = i + Math.floor(random() * (pool.length - i));
  [pool[i], pool[j]] = [pool[j]!, pool[i]!];
}
// Shown in article order, so that a judge reads each article once.
const drawn = pool.slice(0, take).sort((a, b) => a - b).map((i) => coded[i]!);

/** The event's evidence sentence, cut to about 200 characters around its trigger. */
function sentenceOf(record: ArticleRecord, event: Event): string {
  const text = record.article.text;
  const sentence = record.sentences[event.evidence.sentence];
  const [start, end] = sentence ? [sentence.start, sentence.end] : [event.evidence.start, event.evidence.end];
  let from = start;
  let to = end;
  if (to - from > 220) {
    from = Math.max(start, Math.min(event.trigger.start - 100, end - 200));
    to = Math.min(end, from + 200);
  }
  const words = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > start ? '…' : ''}${words}${to < end ? '…' : ''}`;
}

const actorCell = (actor: ActorRef | null) => {
  if (!actor) return '–';
  const members = actor.members && actor.members.length > 1 ? ` [${actor.members.map((m) => m.actor).join('+')}]` : '';
  return `${actor.actor}${actor.name ? ` (${actor.name})` : ''}${members}`;
};
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: new URL('..', import.meta.url), encoding: 'utf8' }).trim();
const rows = drawn.map(({ article, record, event }, n) => {
  const flags = [event.negated && 'negated', event.claimed && 'claimed', event.historical && 'historical', event.modality]
    .filter((f): f is string => typeof f === 'string' && f !== '');
  const date = event.date.value ? `${event.date.value}${event.date.certainty === 'stated' ? '' : ` (${event.date.certainty})`}` : 'undated';
  const mediator = event.mediator ? `; mediator ${actorCell(event.mediator)}` : '';
  return `| ${n + 1} | ${article.id} | ${cell(sentenceOf(record, event))} | ${event.code} ${cell(event.name)} | ${cell(actorCell(event.source))} → ${cell(actorCell(event.target))}${cell(mediator)} | ${[...flags, date].join(', ')} |  |  |`;
});

const doc = `# Event precision audit: Wikinews politics

Drawn by \`npm run audit:events\` (scripts/audit-events.ts) at commit ${head}: every article of
\`../shared/data/wikinews/wikinews.jsonl.gz\` coded by \`codeArticle\` with its published date, then ${take} of its
events drawn at random with mulberry32(${SEED}) (partial Fisher–Yates over all events in article order), shown in
article order. Sentences are quoted from Wikinews (Wikinews contributors, CC BY 2.5,
https://creativecommons.org/licenses/by/2.5/; each article's page is https://en.wikinews.org/wiki/ + its title),
cut to about 200 characters around the trigger.

Judgement: **correct** = right event type (CAMEO root at least) and right source and target (country level);
**partly** = a real event, but a wrong actor, a wrong or missing target, or a wrong code; **wrong** = no such event
happened, not a political event, or a misreading.

## Figures

- ${figures.join('\n- ')}
- by CAMEO root: ${[...byRoot.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([r, n]) => `${r}: ${n}`).join(', ')}

## Sample

| # | article | sentence | code | source → target | flags, date | Judgement | Reason |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
mkdirSync(new URL('.', auditFile), { recursive: true });
writeFileSync(auditFile, doc);
console.log(`wrote docs/audit/events.md (${take} events drawn, seed ${SEED})`);
