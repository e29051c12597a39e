/**
 * Name tagging measured on two held-out sets, entity-level precision, recall and F1 per type (exact character
 * span and type), for the rules alone, the model alone and the entities stage as shipped:
 * - GMB test split (every 10th block of 500 sentences, never trained on; see
 *   src/stages/entities/tagger/training/gmb.ts; silver news labels). Gold spans follow Dateline's convention:
 *   no leading "the", no titles in person names ("President Bush" → "Bush").
 * - Universal NER English-EWT test split (gold PER / ORG / LOC over web text; the tagger trains on its dev split).
 *   MISC predictions are left out there: UNER has no such type.
 * Then toponym recall on GeoVirus (../shared/data/geovirus).
 *
 *   npx tsx scripts/eval-ner.ts      (npm run eval:ner)
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../src/stages/clean/index.ts';
import { segment } from '../src/stages/segment/index.ts';
import { tagSentence } from '../src/stages/entities/tagger/index.ts';
import { findEntities } from '../src/stages/entities/index.ts';
import { defaultWorld } from '../src/pipeline/world.ts';
import { shippedModel } from '../src/stages/entities/tagger/model.ts';
import { countMatches, emptyCounts, formatCounts, tagText, type Counts } from '../src/stages/entities/tagger/training/evaluate.ts';
import { gmbText, readGmb, splitOf, type CharEntity, type GmbText } from '../src/stages/entities/tagger/training/gmb.ts';
import { readUner } from '../src/stages/entities/tagger/training/uner.ts';
import { evaluateGeocoder, GEOVIRUS } from './eval-geocoder.ts';

export const GMB = fileURLToPath(new URL('../../shared/data/gmb_ner/gmb_ner.jsonl.gz', import.meta.url));

/**
 * How a corpus types what Dateline calls NORP: GMB makes a nationality noun ("Iraqis") a geo-political entity (LOC)
 * and an adjective ("Iraqi") MISC; UNER tags neither (nor anything MISC).
 */
export type Convention = 'gmb' | 'uner';

/** A way to find names in a text, as character spans typed PER / ORG / LOC / MISC in a corpus' convention. */
export interface NerSystem {
  name: string;
  entities(text: string, convention: Convention): CharEntity[];
}

export const UNER_TEST = fileURLToPath(new URL('../../shared/data/uner_english_ewt/en_ewt-ud-test.iob2.gz', import.meta.url));

export function gmbTestTexts(path = GMB): GmbText[] {
  return readGmb(path)
    .filter((s) => splitOf(s.index) === 'test')
    .map((s) => gmbText(s));
}

export function scoreOnTexts(system: NerSystem, texts: readonly { text: string; entities: CharEntity[] }[], convention: Convention = 'gmb'): Counts {
  const counts = emptyCounts();
  for (const text of texts) {
    const predicted = system.entities(text.text, convention);
    countMatches(text.entities, convention === 'uner' ? predicted.filter((e) => e.type !== 'MISC') : predicted, counts);
  }
  return counts;
}

/** The entities stage (rules and gazetteers, with or without the tagger): its name mentions as PER / ORG / LOC / MISC. */
function entitiesStageSpans(text: string, tagger: boolean, convention: Convention): CharEntity[] {
  const seg = segment(text, [{ start: 0, end: text.length }]);
  const out: CharEntity[] = [];
  for (const entity of findEntities(seg, defaultWorld({ tagger }).entities)) {
    for (const m of entity.mentions) {
      if (m.kind === 'pronoun' || m.kind === 'nominal') continue;
      // GMB's convention: a nationality noun ("Iraqis", "the Americans") is a geo-political entity (LOC), an adjective MISC.
      const plural = entity.type === 'NORP' && convention === 'gmb' && /\p{Ll}s$/u.test(text.slice(m.start, m.end));
      const type = plural ? 'LOC' : STAGE_TYPES[entity.type];
      out.push({ start: m.start, end: m.end, type });
    }
  }
  return out;
}

const STAGE_TYPES = { PERSON: 'PER', ORG: 'ORG', GPE: 'LOC', LOC: 'LOC', NORP: 'MISC' } as const;

export const SYSTEMS: NerSystem[] = [
  { name: 'rules only (entities stage without the tagger)', entities: (text, convention) => entitiesStageSpans(text, false, convention) },
  { name: 'model alone', entities: (text) => tagText(text, tagSentence) },
  { name: 'rules + model (the entities stage as shipped)', entities: (text, convention) => entitiesStageSpans(text, true, convention) },
];

/** Precision of the model's spans by score band: what a score threshold buys. */
export function precisionByScore(texts: readonly GmbText[]): { band: string; spans: number; precision: number }[] {
  const bands = [0, 0.5, 0.8, 0.95, 1.01];
  const right = new Array<number>(bands.length - 1).fill(0);
  const total = new Array<number>(bands.length - 1).fill(0);
  for (const text of texts) {
    const gold = new Set(text.entities.map((e) => `${e.start}:${e.end}:${e.type}`));
    const seg = segment(text.text, [{ start: 0, end: text.text.length }]);
    for (const s of seg.sentences) {
      const tokens = seg.tokens.slice(s.firstToken, s.endToken);
      for (const span of tagSentence(tokens, { headline: false })) {
        const band = bands.findIndex((low, k) => span.score >= low && span.score < bands[k + 1]!);
        total[band]!++;
        if (gold.has(`${tokens[span.firstToken]!.start}:${tokens[span.endToken - 1]!.end}:${span.type}`)) right[band]!++;
      }
    }
  }
  return total.map((n, k) => ({ band: `${bands[k]!.toFixed(2)}–${Math.min(1, bands[k + 1]!).toFixed(2)}`, spans: n, precision: n === 0 ? 0 : right[k]! / n }));
}

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
  if (existsSync(UNER_TEST)) {
    const uner = readUner(UNER_TEST);
    console.log(`UNER English-EWT test split: ${uner.length} sentences, ${uner.reduce((n, t) => n + t.entities.length, 0)} gold entities (PER / ORG / LOC)\n`);
    for (const system of SYSTEMS) console.log(`${system.name}\n${formatCounts(scoreOnTexts(system, uner, 'uner'), ['PER', 'ORG', 'LOC'])}\n`);
  } else {
    console.log(`UNER not found at ${UNER_TEST}: skipped\n`);
  }
  console.log('model alone, precision by span score');
  for (const band of precisionByScore(texts)) console.log(`  ${band.band}  ${String(band.spans).padStart(5)} spans  precision ${band.precision.toFixed(3)}`);
  console.log();
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
