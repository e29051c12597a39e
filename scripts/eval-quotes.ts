/**
 * Quote extraction measured on the PolNeAR dev split (../shared/data/polnear_dev; measuring only, never copied).
 *
 *   npm run eval:quotes [-- --verbose] [-- --no-entities]
 *
 * Per article: the pipeline's stages up to the actors (or with no entities at all: --no-entities) → findQuotes. Overlap is counted in words (runs of letters/digits):
 * - a predicted quote is correct when at least half of its words lie inside gold content of the same kind;
 * - a gold quote is found when at least half of its words lie inside predicted quotes of that kind.
 * Direct = gold `direct: true` (content opens with a quote mark) against our `direct` quotes; indirect = the rest.
 * Speaker accuracy, on correct predictions, against the gold quote they overlap most: our speaker mention overlaps
 * the gold speaker span, or our resolved name shares a name word with the gold speaker's words.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ArticleInput } from '../src/model/analysis.ts';
import type { Entity, Quote } from '../src/model/record.ts';
import { buildDoc } from '../src/pipeline/codeArticle.ts';
import { STAGES } from '../src/pipeline/stages.ts';
import { defaultWorld } from '../src/pipeline/world.ts';
import { actorsStage } from '../src/stages/actors/index.ts';
import { findQuotes } from '../src/stages/quotes/index.ts';

const DATA = new URL('../../shared/data/polnear_dev/polnear_dev.jsonl.gz', import.meta.url);
const verbose = process.argv.includes('--verbose');

interface GoldQuote {
  direct: boolean;
  fragments: [number, number][];
  speaker: string | null;
  speaker_fragments?: [number, number][] | null;
  cue: string | null;
}
interface GoldArticle {
  id: string;
  text: string;
  quotes: GoldQuote[];
}

type Span = readonly [number, number];

/** Word spans of a text range. */
function words(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  re.lastIndex = span[0];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && m.index < span[1]) out.push([m.index, m.index + m[0].length]);
  return out;
}

function inside(word: Span, spans: readonly Span[]): boolean {
  return spans.some(([s, e]) => word[0] >= s && word[1] <= e);
}

/** Share of a set of spans' words that lie inside `cover`. */
function coverage(text: string, spans: readonly Span[], cover: readonly Span[]): number {
  const ws = spans.flatMap((s) => words(text, s));
  return ws.length === 0 ? 0 : ws.filter((w) => inside(w, cover)).length / ws.length;
}

const NOT_NAME_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'the', 'a', 'an', 'of', 'and', 'his', 'her', 'their']);
function nameWords(s: string): Set<string> {
  return new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !NOT_NAME_WORDS.has(w)));
}

function speakerCorrect(q: Quote, gold: GoldQuote, entities: readonly Entity[]): boolean {
  const spans = gold.speaker_fragments ?? [];
  const overlaps = (s: number, e: number) => spans.some(([gs, ge]) => s < ge && gs < e);
  if (q.speaker.start !== undefined && q.speaker.end !== undefined && overlaps(q.speaker.start, q.speaker.end)) return true;
  const entity = entities.find((e) => e.id === q.speaker.entity);
  if (entity?.mentions.some((m) => overlaps(m.start, m.end))) return true;
  const goldWords = nameWords(gold.speaker ?? '');
  return [...nameWords(q.speaker.name)].some((w) => goldWords.has(w));
}

interface Tally {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
  speakerChecked: number;
  speakerRight: number;
}
const tally = (): Tally => ({ predicted: 0, correct: 0, gold: 0, found: 0, speakerChecked: 0, speakerRight: 0 });

async function main(): Promise<void> {
  if (!existsSync(DATA)) {
    console.error(`needs ${DATA.pathname} (../shared/data/polnear_dev); not in this clone`);
    process.exit(1);
  }
  const articles = gunzipSync(readFileSync(DATA)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as GoldArticle);
  const world = defaultWorld();
  const untilActors = STAGES.slice(0, STAGES.indexOf(actorsStage) + 1);
  const input = (text: string): ArticleInput => ({ id: 'eval', text, title: null, titleSpan: null, published: null, publishedFrom: 'none', url: null, source: null, byline: null, messages: [] });
  const noEntities = process.argv.includes('--no-entities');
  const direct = tally();
  const full = tally();
  const indirect = tally();
  const speechIndirect = tally();
  const fragments = tally();
  let elapsed = 0;

  for (const article of articles) {
    const { text } = article;
    const doc = buildDoc(input(text), world, untilActors);
    if (noEntities) {
      doc.entities = [];
      doc.actors = [];
    }
    const t0 = performance.now();
    const quotes = findQuotes(doc);
    elapsed += performance.now() - t0;

    // Fragments against any gold content: PolNeAR counts a quoted phrase inside reported speech as indirect.
    const anyGold = article.quotes.flatMap((g) => g.fragments);
    for (const q of quotes.filter((x) => x.fragment)) {
      fragments.predicted++;
      if (coverage(text, [[q.start, q.end]], anyGold) >= 0.5) fragments.correct++;
    }

    for (const [kind, t, goldSet, predSet] of [
      ['direct', direct, article.quotes.filter((g) => g.direct), quotes.filter((q) => q.direct)],
      ['full', full, article.quotes.filter((g) => g.direct), quotes.filter((q) => q.direct && !q.fragment)],
      ['indirect', indirect, article.quotes.filter((g) => !g.direct), quotes.filter((q) => !q.direct)],
      ['speech', speechIndirect, article.quotes.filter((g) => !g.direct && /^(said|says|say|saying|told|tells|added|adding|according to)$/i.test(g.cue ?? '')), quotes.filter((q) => !q.direct)],
    ] as const) {
      const goldSpans = goldSet.flatMap((g) => g.fragments);
      const predSpans: Span[] = predSet.map((q) => [q.start, q.end]);
      if (kind !== 'speech') t.predicted += predSet.length;
      t.gold += goldSet.length;
      for (const g of goldSet) {
        const hit = coverage(text, g.fragments, predSpans) >= 0.5;
        if (hit) t.found++;
        else if (verbose && kind !== 'speech') console.log(`MISS ${kind} ${article.id}: ${JSON.stringify(text.slice(g.fragments[0]![0], g.fragments[0]![1]).slice(0, 140))} | ${g.speaker} | ${g.cue}`);
      }
      if (kind === 'speech') continue;
      for (const q of predSet) {
        if (coverage(text, [[q.start, q.end]], goldSpans) < 0.5) {
          if (verbose) console.log(`FALSE ${kind} ${article.id}: ${JSON.stringify(q.text.slice(0, 140))} | ${q.speaker.name} | ${q.rules.join(' ')}`);
          continue;
        }
        t.correct++;
        const best = goldSet
          .map((g) => ({ g, share: coverage(text, [[q.start, q.end]], g.fragments) }))
          .sort((a, b) => b.share - a.share)[0]!.g;
        t.speakerChecked++;
        if (speakerCorrect(q, best, doc.entities)) t.speakerRight++;
        else if (verbose) console.log(`SPEAKER ${kind} ${article.id}: ours "${q.speaker.name}" gold "${best.speaker}" | ${JSON.stringify(q.text.slice(0, 80))}`);
      }
    }
  }

  const pct = (n: number, d: number) => (d === 0 ? '  n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}`);
  const line = (label: string, t: Tally, withPrecision = true) => {
    const p = t.correct / t.predicted;
    const r = t.found / t.gold;
    const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(
      `${label.padEnd(34)} ${withPrecision ? `P ${pct(t.correct, t.predicted)} (${t.correct}/${t.predicted})  ` : ''}R ${pct(t.found, t.gold)} (${t.found}/${t.gold})` +
        (withPrecision ? `  F1 ${(100 * f).toFixed(1)}  speaker ${pct(t.speakerRight, t.speakerChecked)} (${t.speakerRight}/${t.speakerChecked})` : ''),
    );
  };
  console.log(`PolNeAR dev: ${articles.length} articles; entities from ${noEntities ? 'nowhere (--no-entities)' : 'the pipeline'}`);
  console.log('criterion: ≥ 50% of words overlap (see header)');
  line('direct quotes (incl. fragments)', direct);
  line('direct quotes, full only', full);
  line('indirect attributions', indirect);
  line('  recall on say/tell/add/according', speechIndirect, false);
  console.log(`quoted fragments inside any gold attribution: ${pct(fragments.correct, fragments.predicted)} (${fragments.correct}/${fragments.predicted})`);
  console.log(`time in findQuotes: ${(elapsed / articles.length).toFixed(2)} ms/article`);
}

await main();
