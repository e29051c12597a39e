/**
 * npm run eval:events — CAMEO coding accuracy on the codebook's example sentences
 * (../shared/data/cameo/icews.cameo-codes.csv: one example per code). Measuring only: nothing is copied.
 * Reports coverage (an event at all), root and full-code accuracy of the first event, and of any event.
 */
import { existsSync, readFileSync } from 'node:fs';
import { codeArticle } from '../src/pipeline/codeArticle.ts';

const path = new URL('../../shared/data/cameo/icews.cameo-codes.csv', import.meta.url);
if (!existsSync(path)) {
  console.log('eval:events needs ../shared/data/cameo/icews.cameo-codes.csv (not in this clone); skipped.');
  process.exit(0);
}

/** Minimal CSV reader (quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

// The file's curly quotes and dashes are UTF-8 once misread as Mac Roman and saved as Windows-1252 ("Europe‚Äôs"):
// put them back, or the coder reads "Äôs" as a word.
const MOJIBAKE: Record<string, string> = { '\u0082\u00c4\u00f4': '’', '\u0082\u00c4\u00f2': '‘', '\u0082\u00c4\u00fa': '“', '\u0082\u00c4\u00f9': '”', '\u0082\u00c4\u00ec': '–', '\u0082\u00c4\u00ee': '—' };
const text = readFileSync(path, 'latin1').replace(/\u0082\u00c4[\u00f4\u00f2\u00fa\u00f9\u00ec\u00ee]/g, (m) => MOJIBAKE[m]!);
const [header, ...rows] = parseCsv(text);
const col = (name: string) => header!.indexOf(name);
const examples = rows
  .map((r) => ({ code: r[col('code')]!, example: (r[col('example')] ?? '').replace(/\s*Note:.*$/s, '').replace(/[\u0091\u0092]/g, "'").replace(/[\u0093\u0094]/g, '"').trim() }))
  .filter((x) => x.example && x.example !== 'NA' && x.code.length >= 3);

let covered = 0;
let rootFirst = 0;
let codeFirst = 0;
let rootAny = 0;
let codeAny = 0;
const byRoot = new Map<string, { n: number; root: number }>();
const t0 = performance.now();
for (const [i, { code, example }] of examples.entries()) {
  const record = codeArticle({ id: `ex${i}`, text: example, title: null, titleSpan: null, published: '2000-01-01', publishedFrom: 'option', url: null, source: null, byline: null, messages: [] });
  const events = record.events.filter((e) => !e.negated);
  const root = code.slice(0, 2);
  const stat = byRoot.get(root) ?? { n: 0, root: 0 };
  stat.n++;
  if (events.length > 0) covered++;
  if (events[0]?.root === root) rootFirst++;
  if (events[0]?.code === code) codeFirst++;
  if (events.some((e) => e.root === root)) {
    rootAny++;
    stat.root++;
  }
  if (events.some((e) => e.code === code)) codeAny++;
  byRoot.set(root, stat);
}
const pct = (n: number) => `${((100 * n) / examples.length).toFixed(1)}%`;
console.log(`CAMEO codebook examples: ${examples.length} sentences (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`  coverage (≥1 event)        ${pct(covered)}`);
console.log(`  root accuracy, first event ${pct(rootFirst)}   any event ${pct(rootAny)}`);
console.log(`  full code, first event     ${pct(codeFirst)}   any event ${pct(codeAny)}`);
console.log('  root accuracy (any event) by root:');
console.log(`  ${[...byRoot.entries()].sort().map(([r, s]) => `${r}:${s.root}/${s.n}`).join('  ')}`);
