/**
 * Name tagging measured on the held-out GMB test split (every 10th block of 500 sentences, never trained on;
 * see src/stages/entities/tagger/training/gmb.ts): entity-level precision, recall and F1 per type, exact
 * character span and type. Gold spans follow Dateline's convention: no leading "the", no titles in person
 * names ("President Bush" → "Bush"). Then toponym recall on GeoVirus (../shared/data/geovirus).
 *
 *   npx tsx scripts/eval-ner.ts      (npm run eval:ner)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../src/stages/clean/index.ts';
import { segment } from '../src/stages/segment/index.ts';
import { tagSentence } from '../src/stages/entities/tagger/index.ts';
import { shippedModel } from '../src/stages/entities/tagger/model.ts';
import { countMatches, emptyCounts, formatCounts, tagText, type Counts } from '../src/stages/entities/tagger/training/evaluate.ts';
import { gmbText, readGmb, splitOf, type CharEntity, type GmbText } from '../src/stages/entities/tagger/training/gmb.ts';
import { evaluateGeocoder, GEOVIRUS } from './eval-geocoder.ts';

export const GMB = fileURLToPath(new URL('../../shared/data/gmb_ner/gmb_ner.jsonl.gz', import.meta.url));

/** A way to find names in a text, as character spans typed PER / ORG / LOC / MISC. */
export interface NerSystem {
  name: string;
  entities(text: string): CharEntity[];
}

export function gmbTestTexts(path = GMB): GmbText[] {
  return readGmb(path)
    .filter((s) => splitOf(s.index) === 'test')
    .map((s) => gmbText(s));
}

export function scoreOnTexts(system: NerSystem, texts: readonly GmbText[]): Counts {
  const counts = emptyCounts();
  for (const text of texts) countMatches(text.entities, system.entities(text.text), counts);
  return counts;
}

export const SYSTEMS: NerSystem[] = [
  { name: 'model alone', entities: (text) => tagText(text, tagSentence) },
  // ── Integrator: add the rules-only pipeline and the combination (rules + model) here, e.g.
  //   { name: 'rules only', entities: (text) => entitiesStageSpans(text, { tagger: false }) },
  //   { name: 'rules + model', entities: (text) => entitiesStageSpans(text, { tagger: true }) },
  // mapping the stage's entity kinds onto PER / ORG / LOC / MISC. ──
];

interface GeoVirusArticle {
  text: string;
  toponyms: { start: number; end: number }[];
}

/** GeoVirus toponyms overlapped by a LOC span of the model alone, and the share of its LOC spans that hit one. */
export function modelToponymRecall(path = GEOVIRUS): { gold: number; recall: number; precision: number } {
  let gold = 0;
  let found = 0;
  let predicted = 0;
  let hits = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const article = JSON.parse(line) as GeoVirusArticle;
    const seg = segment(article.text, cleanText(article.text).paragraphs);
    const places: { start: number; end: number }[] = [];
    for (const s of seg.sentences) {
      const tokens = seg.tokens.slice(s.firstToken, s.endToken);
      for (const span of tagSentence(tokens, { headline: false })) {
        if (span.type === 'LOC') places.push({ start: tokens[span.firstToken]!.start, end: tokens[span.endToken - 1]!.end });
      }
    }
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
    gold += article.toponyms.length;
    found += article.toponyms.filter((g) => places.some((p) => overlaps(g, p))).length;
    predicted += places.length;
    hits += places.filter((p) => article.toponyms.some((g) => overlaps(g, p))).length;
  }
  return { gold, recall: found / gold, precision: hits / predicted };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(GMB)) {
    console.error(`eval-ner: ${GMB} not found (needs ../shared/data/gmb_ner beside the repo)`);
    process.exit(1);
  }
  const loadStarted = performance.now();
  shippedModel();
  console.log(`model loaded in ${Math.round(performance.now() - loadStarted)} ms`);
  const texts = gmbTestTexts();
  console.log(`GMB test split: ${texts.length} sentences, ${texts.reduce((n, t) => n + t.entities.length, 0)} gold entities (exact span and type)\n`);
  for (const system of SYSTEMS) {
    const started = performance.now();
    const counts = scoreOnTexts(system, texts);
    console.log(`${system.name} (${Math.round(performance.now() - started)} ms)\n${formatCounts(counts)}\n`);
  }
  if (existsSync(GEOVIRUS)) {
    const model = modelToponymRecall();
    console.log(`GeoVirus, ${model.gold} gold toponyms`);
    console.log(`  model alone, LOC spans: recall ${model.recall.toFixed(3)}, precision ${model.precision.toFixed(3)} (gold incomplete: a lower bound)`);
    const pipeline = await evaluateGeocoder();
    console.log(`  places stage (eval-geocoder): recall ${pipeline.recall.toFixed(3)}, precision ${pipeline.precision.toFixed(3)}, acc@161 km ${pipeline.acc161.toFixed(3)}`);
  } else {
    console.log(`GeoVirus not found at ${GEOVIRUS}: toponym recall skipped`);
  }
}
