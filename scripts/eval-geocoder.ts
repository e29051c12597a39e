/**
 * Geocoder measured on GeoVirus (../shared/data/geovirus: 229 WikiNews articles, 2,170 gold toponyms with
 * coordinates; measuring only).
 *
 *   npx tsx scripts/eval-geocoder.ts [--errors]
 *
 * Per article: clean → segment → findPlaceMentions → resolvePlaces (dateline and nationality-word hints in context).
 * - recall: gold toponyms overlapped by a predicted place mention;
 * - precision: predicted mentions that overlap a gold toponym (gold is incomplete: not every place is
 *   annotated, so this is a lower bound);
 * - acc@161: matched gold toponyms whose predicted place lies within 161 km (100 miles) of the gold point;
 *   also given without countries and continents, whose "point" differs between sources (Wikipedia puts the
 *   United States at 40 N 100 W, world-countries at 38 N 97 W).
 * `--errors` prints every miss, wrong place and unmatched prediction.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Place } from '../src/model/record.ts';
import { distanceKm } from '../src/lexicon/distanceKm.ts';
import { buildStats, lookupPlace } from '../src/lexicon/gazetteer.ts';
import { cleanText } from '../src/stages/clean/index.ts';
import { demonymCountryHints, findPlaceMentions, resolvePlaces } from '../src/stages/places/index.ts';
import { segment } from '../src/stages/segment/index.ts';

export const GEOVIRUS = fileURLToPath(new URL('../../shared/data/geovirus/geovirus.jsonl', import.meta.url));

interface GoldToponym {
  start: number;
  end: number;
  name: string;
  lat: number;
  lon: number;
}

interface GoldArticle {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

export interface GeocoderReport {
  articles: number;
  gold: number;
  predicted: number;
  recall: number;
  precision: number;
  /** Matched gold toponyms geocoded within 161 km. */
  acc161: number;
  /** The same, leaving out gold toponyms resolved to a country, continent or ocean. */
  acc161Local: number;
  meanErrorKm: number;
  medianErrorKm: number;
  /** Gold toponyms found and placed within 161 km, over all gold toponyms. */
  endToEnd161: number;
  msPerArticle: number;
  gazetteerLoadMs: number;
  rssMb: number;
  errors: string[];
}

export async function evaluateGeocoder(path = GEOVIRUS): Promise<GeocoderReport> {
  const articles = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldArticle);
  lookupPlace('Baghdad');
  const gazetteerLoadMs = buildStats.ms;
  let gold = 0;
  let predicted = 0;
  let predictedMatched = 0;
  let goldFound = 0;
  let within = 0;
  let localMatched = 0;
  let localWithin = 0;
  const distances: number[] = [];
  const errors: string[] = [];
  let elapsed = 0;
  for (const article of articles) {
    const started = performance.now();
    const cleaned = cleanText(article.text);
    const seg = segment(article.text, cleaned.paragraphs);
    const { places } = resolvePlaces(findPlaceMentions(seg), { text: article.text, dateline: cleaned.dateline, countryHints: demonymCountryHints(seg) });
    elapsed += performance.now() - started;
    const mentions = places.flatMap((place) => place.mentions.map((m) => ({ ...m, place })));
    predicted += mentions.length;
    for (const m of mentions) {
      if (article.toponyms.some((g) => overlaps(g, m))) predictedMatched++;
      else errors.push(`${article.id}\textra\t${article.text.slice(m.start, m.end)}\t→ ${describe(m.place)}`);
    }
    for (const g of article.toponyms) {
      gold++;
      const hit = mentions.find((m) => overlaps(g, m));
      if (!hit) {
        errors.push(`${article.id}\tmissed\t${g.name}\t${context(article.text, g)}`);
        continue;
      }
      goldFound++;
      const km = distanceKm(g.lat, g.lon, hit.place.lat, hit.place.lon);
      distances.push(km);
      const local = hit.place.kind === 'city' || hit.place.kind === 'admin1' || hit.place.kind === 'admin2' || (hit.place.kind === 'region' && hit.place.country !== '' && !REGION_CODES.has(hit.place.country));
      if (local) localMatched++;
      if (km <= 161) {
        within++;
        if (local) localWithin++;
      } else {
        errors.push(`${article.id}\twrong\t${g.name}\t${Math.round(km)} km\tgold ${g.lat},${g.lon}\t→ ${describe(hit.place)}`);
      }
    }
  }
  distances.sort((a, b) => a - b);
  return {
    articles: articles.length,
    gold,
    predicted,
    recall: goldFound / gold,
    precision: predictedMatched / predicted,
    acc161: within / goldFound,
    acc161Local: localWithin / localMatched,
    meanErrorKm: distances.reduce((a, b) => a + b, 0) / distances.length,
    medianErrorKm: distances[Math.floor(distances.length / 2)] ?? 0,
    endToEnd161: within / gold,
    msPerArticle: elapsed / articles.length,
    gazetteerLoadMs,
    rssMb: process.memoryUsage().rss / 1e6,
    errors,
  };
}

/** CAMEO region codes used as `country` of multi-country places (Africa, Middle East...). */
const REGION_CODES = new Set(['AFR', 'ASA', 'BLK', 'CRB', 'CAU', 'CFR', 'CAS', 'CEU', 'EIN', 'EAF', 'EEU', 'EUR', 'LAM', 'MEA', 'MDT', 'NAF', 'NMR', 'PGS', 'SCN', 'SAM', 'SAS', 'SEA', 'SAF', 'WAF', 'WST']);

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function describe(place: Place): string {
  return `${place.name} (${place.kind}, ${place.country}, ${place.lat.toFixed(2)},${place.lon.toFixed(2)}) ${place.rules.join(' ')}`;
}

function context(text: string, span: { start: number; end: number }): string {
  return text.slice(Math.max(0, span.start - 40), span.end + 40).replace(/\s+/g, ' ');
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)} %`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(GEOVIRUS)) {
    console.error(`eval-geocoder: ${GEOVIRUS} not found (needs ../shared/data/geovirus beside the repo)`);
    process.exit(1);
  }
  const report = await evaluateGeocoder();
  if (process.argv.includes('--errors')) for (const line of report.errors) console.log(line);
  console.table({
    articles: report.articles,
    'gold toponyms': report.gold,
    'predicted mentions': report.predicted,
    recall: percent(report.recall),
    'precision (gold incomplete)': percent(report.precision),
    'acc@161 km (matched)': percent(report.acc161),
    'acc@161 km, cities and regions': percent(report.acc161Local),
    'found and within 161 km / gold': percent(report.endToEnd161),
    'mean error km': Math.round(report.meanErrorKm),
    'median error km': Math.round(report.medianErrorKm),
    'ms per article (clean+segment+places)': report.msPerArticle.toFixed(2),
    'gazetteer load ms': Math.round(report.gazetteerLoadMs),
    'RSS MB': Math.round(report.rssMb),
  });
}
