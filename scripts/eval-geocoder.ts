/**
 * Geocoder measured on GeoVirus (../shared/data/geovirus: 229 WikiNews articles, 2,170 gold toponyms with
 * coordinates; measuring only).
 *
 *   npx tsx scripts/eval-geocoder.ts [--errors]
 *
 * Two ways to geocode an article are scored:
 * - spotter: clean → segment → findPlaceMentions → resolvePlaces (the gazetteer spotter alone, as measured before
 *   the places stage read the entities);
 * - pipeline: the shipped stages up to places (clean, topic, segment, entities, places): the entities stage's place
 *   names, places inside organisation names and possessives, the story's context.
 * And the same figures on a hand-labelled check: 50 ambiguous or local toponyms in Wikinews stories
 * (test/fixtures/wikinews-toponyms.json, GeoNames ids checked by hand), scored on place (161 km) and on id.
 * - recall: gold toponyms overlapped by a predicted place mention;
 * - precision: predicted mentions that overlap a gold toponym (gold is incomplete: not every place is
 *   annotated, so this is a lower bound);
 * - acc@161: matched gold toponyms whose predicted place lies within 161 km (100 miles) of the gold point;
 *   also given without countries and continents, whose "point" differs between sources (Wikipedia puts the
 *   United States at 40 N 100 W, world-countries at 38 N 97 W).
 * Every gold toponym that is not placed within 161 km is put down to one cause (MISS_CAUSES), counted per column.
 * `--errors` prints every miss and wrong place with its cause, and every unmatched prediction.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Place } from '../src/model/record.ts';
import { distanceKm } from '../src/lexicon/distanceKm.ts';
import { buildStats, lookupPlace } from '../src/lexicon/gazetteer.ts';
import { cleanText } from '../src/stages/clean/index.ts';
import { demonymCountryHints, findPlaceMentions, resolvePlaces } from '../src/stages/places/index.ts';
import { segment } from '../src/stages/segment/index.ts';
import { buildDoc } from '../src/pipeline/codeArticle.ts';
import { STAGES } from '../src/pipeline/stages.ts';
import { defaultWorld } from '../src/pipeline/world.ts';

export const GEOVIRUS = fileURLToPath(new URL('../../shared/data/geovirus/geovirus.jsonl', import.meta.url));

interface GoldToponym {
  start: number;
  end: number;
  name: string;
  lat: number;
  lon: number;
  /** GeoNames id, where the gold has one (the Wikinews check). */
  geonameid?: number | null;
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
  /** Gold toponyms with a GeoNames id whose predicted place has that id, over those gold toponyms (null when none has one). */
  idAccuracy: number | null;
  /** Gold toponyms not placed within 161 km, by cause (MISS_CAUSES). */
  causes: Record<MissCause, number>;
  msPerArticle: number;
  gazetteerLoadMs: number;
  rssMb: number;
  errors: string[];
}

/** Why a gold toponym was not placed within 161 km. */
export const MISS_CAUSES = {
  'not-in-gazetteer': 'missed, the gazetteer has no reading of the name',
  'not-recognised': 'missed, although the gazetteer knows the name (entity type, spotter rules)',
  'wrong-reading': 'found, another reading of the name lies within 161 km of gold',
  'area-point': 'found, country, continent or sea placed at another centre point than gold',
  'no-reading-near': 'found, no reading of the name lies within 161 km of gold',
} as const;
export type MissCause = keyof typeof MISS_CAUSES;

/** Places of an article (its text and, when known, publication date). */
export type Geocode = (text: string, published: string | null) => Place[];

export const SPOTTER: Geocode = (text) => {
  const cleaned = cleanText(text);
  const seg = segment(text, cleaned.paragraphs);
  return resolvePlaces(findPlaceMentions(seg), { text, dateline: cleaned.dateline, countryHints: demonymCountryHints(seg) }).places;
};

const THROUGH_PLACES = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'places') + 1);

export const PIPELINE: Geocode = (text, published) => {
  const input = { id: 'eval', text, title: null, titleSpan: null, published, publishedFrom: 'option' as const, url: null, source: null, byline: null, messages: [] };
  return buildDoc(input, defaultWorld(), THROUGH_PLACES).places.places;
};

export function readGeoVirus(path = GEOVIRUS): GoldArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldArticle);
}

export const FIXTURE = fileURLToPath(new URL('../test/fixtures/wikinews-toponyms.json', import.meta.url));
export const WIKINEWS = fileURLToPath(new URL('../../shared/data/wikinews/wikinews.jsonl.gz', import.meta.url));

/** The hand-labelled Wikinews toponyms, joined to their articles' text (the fixture holds ids, spans and gold). */
export function readWikinewsCheck(): GoldArticle[] {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { toponyms: (GoldToponym & { article: string })[] };
  const texts = new Map(
    gunzipSync(readFileSync(WIKINEWS))
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { id: string; text: string })
      .map((a) => [a.id, a.text]),
  );
  const byArticle = new Map<string, GoldArticle>();
  for (const t of fixture.toponyms) {
    const text = texts.get(t.article);
    if (text === undefined) throw new Error(`eval-geocoder: ${t.article} is not in ${WIKINEWS}`);
    if (text.slice(t.start, t.end) !== t.name) throw new Error(`eval-geocoder: ${t.article} ${t.start}-${t.end} reads "${text.slice(t.start, t.end)}", not "${t.name}"`);
    const article = byArticle.get(t.article) ?? { id: t.article, text, toponyms: [] };
    article.toponyms.push(t);
    byArticle.set(t.article, article);
  }
  return [...byArticle.values()];
}

export async function evaluateGeocoder(path = GEOVIRUS, geocode: Geocode = SPOTTER, articles: GoldArticle[] = readGeoVirus(path)): Promise<GeocoderReport> {
  lookupPlace('Baghdad');
  const gazetteerLoadMs = buildStats.ms;
  let gold = 0;
  let predicted = 0;
  let predictedMatched = 0;
  let goldFound = 0;
  let idRight = 0;
  let within = 0;
  let localMatched = 0;
  let localWithin = 0;
  const distances: number[] = [];
  const errors: string[] = [];
  const causes = Object.fromEntries(Object.keys(MISS_CAUSES).map((c) => [c, 0])) as Record<MissCause, number>;
  let elapsed = 0;
  for (const article of articles) {
    const started = performance.now();
    const places = geocode(article.text, null);
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
        const cause: MissCause = lookupPlace(g.name).length === 0 ? 'not-in-gazetteer' : 'not-recognised';
        causes[cause]++;
        errors.push(`${article.id}\tmissed\t${cause}\t${g.name}\t${context(article.text, g)}`);
        continue;
      }
      goldFound++;
      if (g.geonameid !== undefined && g.geonameid !== null && hit.place.geonameid === g.geonameid) idRight++;
      const km = distanceKm(g.lat, g.lon, hit.place.lat, hit.place.lon);
      distances.push(km);
      const local = hit.place.kind === 'city' || hit.place.kind === 'admin1' || hit.place.kind === 'admin2' || (hit.place.kind === 'region' && hit.place.country !== '' && !REGION_CODES.has(hit.place.country));
      if (local) localMatched++;
      if (km <= 161) {
        within++;
        if (local) localWithin++;
      } else {
        const cause: MissCause = lookupPlace(article.text.slice(hit.start, hit.end)).some((r) => distanceKm(g.lat, g.lon, r.lat, r.lon) <= 161)
          ? 'wrong-reading'
          : AREA_KINDS.has(hit.place.kind)
            ? 'area-point'
            : 'no-reading-near';
        causes[cause]++;
        errors.push(`${article.id}\twrong\t${cause}\t${g.name}\t${Math.round(km)} km\tgold ${g.lat},${g.lon}\t→ ${describe(hit.place)}`);
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
    causes,
    idAccuracy: articles.some((a) => a.toponyms.some((g) => g.geonameid)) ? idRight / articles.reduce((n, a) => n + a.toponyms.filter((g) => g.geonameid).length, 0) : null,
    msPerArticle: elapsed / articles.length,
    gazetteerLoadMs,
    rssMb: process.memoryUsage().rss / 1e6,
    errors,
  };
}

/** Places whose point is a convention that differs between sources: countries, continents and regions, seas. */
const AREA_KINDS = new Set<Place['kind']>(['country', 'region', 'water']);

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
  const showErrors = process.argv.includes('--errors');
  const columns: Record<string, GeocoderReport> = {
    'GeoVirus, spotter': await evaluateGeocoder(GEOVIRUS, SPOTTER),
    'GeoVirus, pipeline': await evaluateGeocoder(GEOVIRUS, PIPELINE),
  };
  if (existsSync(WIKINEWS)) {
    const check = readWikinewsCheck();
    columns['Wikinews check, spotter'] = await evaluateGeocoder(GEOVIRUS, SPOTTER, check);
    columns['Wikinews check, pipeline'] = await evaluateGeocoder(GEOVIRUS, PIPELINE, check);
  }
  if (showErrors) for (const [name, report] of Object.entries(columns)) for (const line of report.errors) console.log(`${name}\t${line}`);
  for (const [cause, description] of Object.entries(MISS_CAUSES)) console.log(`lost: ${cause}: ${description}`);
  const row = (f: (r: GeocoderReport) => string | number) => Object.fromEntries(Object.entries(columns).map(([name, r]) => [name, f(r)]));
  console.table({
    articles: row((r) => r.articles),
    'gold toponyms': row((r) => r.gold),
    'predicted mentions': row((r) => r.predicted),
    recall: row((r) => percent(r.recall)),
    'precision (gold incomplete)': row((r) => percent(r.precision)),
    'acc@161 km over all gold': row((r) => percent(r.endToEnd161)),
    'acc@161 km over matched': row((r) => percent(r.acc161)),
    'acc@161 km, cities and admin areas': row((r) => percent(r.acc161Local)),
    'GeoNames id right': row((r) => (r.idAccuracy === null ? '-' : percent(r.idAccuracy))),
    ...Object.fromEntries(Object.keys(MISS_CAUSES).map((cause) => [`lost: ${cause}`, row((r) => r.causes[cause as MissCause])])),
    'median error km': row((r) => Math.round(r.medianErrorKm)),
    'mean error km': row((r) => Math.round(r.meanErrorKm)),
    'ms per article': row((r) => r.msPerArticle.toFixed(2)),
  });
}
