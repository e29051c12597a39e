/**
 * npm run eval:actors — actor codes against hand labels, and how many event actors carry a country.
 * Labels: test/fixtures/actors-wikinews.json (Wikinews mentions, CC BY 2.5, coded as a CAMEO analyst would, to the
 * first 6 characters: country or international root + primary sector). Texts: ../shared/data/wikinews.
 * A label is matched by the actor mention (else the coded entity mention) covering its last token.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { buildDoc, toRecord } from '../src/pipeline/codeArticle.ts';
import { defaultWorld } from '../src/pipeline/world.ts';
import type { ArticleInput } from '../src/model/analysis.ts';

const corpus = new URL('../../shared/data/wikinews/wikinews.jsonl.gz', import.meta.url);
if (!existsSync(corpus)) {
  console.log('eval:actors needs ../shared/data/wikinews (not in this clone); skipped.');
  process.exit(0);
}

interface Label {
  article: string;
  start: number;
  end: number;
  text: string;
  code: string;
}
interface Article {
  id: string;
  title: string;
  published: string;
  url: string;
  text: string;
}

const labels = (JSON.parse(readFileSync(new URL('../test/fixtures/actors-wikinews.json', import.meta.url), 'utf8')) as { mentions: Label[] }).mentions;
const articles = gunzipSync(readFileSync(corpus)).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Article);
const verbose = process.argv.includes('--verbose');
const world = defaultWorld();

const input = (a: Article): ArticleInput => ({ id: a.id, text: a.text, title: a.title, titleSpan: null, published: a.published, publishedFrom: 'metadata', url: a.url, source: 'Wikinews', byline: null, messages: [] });

let exact = 0;
let country = 0;
let found = 0;
let sides = 0;
let sidesWithCountry = 0;
const labelled = new Map<string, Label[]>();
for (const l of labels) labelled.set(l.article, [...(labelled.get(l.article) ?? []), l]);
const t0 = performance.now();
for (const article of articles) {
  const doc = buildDoc(input(article), world);
  const record = toRecord(doc, world);
  for (const e of record.events) {
    for (const side of [e.source, e.target]) {
      if (!side) continue;
      sides++;
      if (!side.actor.startsWith('---')) sidesWithCountry++;
    }
  }
  for (const label of labelled.get(article.id) ?? []) {
    if (article.text.slice(label.start, label.end) !== label.text) throw new Error(`label ${label.article} ${label.text}: offsets do not match the text`);
    const head = doc.tokenAt(label.end - 1);
    const code = (head >= 0 ? (doc.actorAt(head)?.code ?? doc.entityAt(head)?.entity.actor) : undefined) ?? '';
    const got = code.slice(0, 6);
    if (code) found++;
    if (got === label.code) exact++;
    if (got.slice(0, 3) === label.code.slice(0, 3)) country++;
    if (verbose && got !== label.code) console.log(`${label.code.padEnd(6)} ${(code || '(none)').padEnd(9)} ${label.text}  [${label.article}]`);
  }
}
const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
console.log(`Wikinews actor labels: ${labels.length} mentions in ${labelled.size} articles (${((performance.now() - t0) / 1000).toFixed(1)} s for ${articles.length} articles)`);
console.log(`  coded at all        ${pct(found, labels.length)}`);
console.log(`  exact code (6 ch.)  ${pct(exact, labels.length)}`);
console.log(`  country (3 ch.)     ${pct(country, labels.length)}`);
console.log(`Event actors with a country (not ---), all ${articles.length} articles: ${sidesWithCountry}/${sides} = ${pct(sidesWithCountry, sides)}`);
