/**
 * PETRARCH's validation suite (../shared/data/petrarch_validation): `dateline code --dictionaries <its dictionaries>`
 * over its 284 sentences, each coded with its own date, scored on (source, target, code).
 *
 *   npm run eval:petrarch-suite                       # figures overall, per category, and the records scored apart
 *   npm run eval:petrarch-suite -- --details          # also every record that does not pass: expected vs coded
 *   npm run eval:petrarch-suite -- --write-passing    # rewrite test/scripts/petrarch-suite.passing.txt (ids only)
 *   npm run eval:petrarch-suite -- --ceiling          # what the dictionaries and the actors layer allow a coder: per
 *                                                     # expected event, is there a verb of the sentence whose match
 *                                                     # gives its code, and are its actors in the actors layer?
 *
 * A record passes when its coded events are exactly the expected ones (none, for the 27 no-event records).
 * Records that need a PETRARCH setting other than the defaults (require_dyad=false, new_actor_length, comma_*), that
 * PETRARCH coded from a parse with other words than the text, or that the suite disables, are scored apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArticleRecord } from '../src/model/record.ts';
import { articleInput } from '../test/helpers/doc.ts';
import { codedTriples, readSuite, scoreRecord, SUITE_DICTIONARIES, suiteAvailable, type Score, type SuiteRecord, type Triple } from './lib/petrarchSuite.ts';

const PASSING_FILE = new URL('../test/scripts/petrarch-suite.passing.txt', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));

if (!suiteAvailable()) {
  process.stderr.write('eval:petrarch-suite needs ../shared/data/petrarch_validation (not in this clone)\n');
  process.exit(2);
}

const records = readSuite();
const input = join(mkdtempSync(join(tmpdir(), 'dateline-petrarch-suite-')), 'suite.jsonl');
writeFileSync(input, records.map((r) => JSON.stringify({ id: r.key, text: r.text, published: r.date })).join('\n'));
const bin = new URL('../bin/dateline.js', import.meta.url).pathname;
const started = performance.now();
const run = spawnSync(process.execPath, [bin, 'code', input, '--dictionaries', SUITE_DICTIONARIES, '--format', 'jsonl'], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (run.status !== 0 && run.stdout.trim() === '') {
  process.stderr.write(run.stderr);
  process.exit(1);
}
const coded = new Map<string, Triple[]>();
for (const line of run.stdout.split('\n')) {
  if (line.trim() === '') continue;
  const record = JSON.parse(line) as ArticleRecord;
  coded.set(record.article.id, codedTriples(record));
}

interface Tally {
  records: number;
  expected: number;
  found: number;
  coded: number;
  correct: number;
  exact: number;
  noEvent: number;
  noEventClean: number;
  falseEvents: number;
}

const empty = (): Tally => ({ records: 0, expected: 0, found: 0, coded: 0, correct: 0, exact: 0, noEvent: 0, noEventClean: 0, falseEvents: 0 });

function add(t: Tally, s: Score): void {
  t.records++;
  t.expected += s.expected;
  t.found += s.found;
  t.coded += s.coded;
  t.correct += s.correct;
  if (s.exact) t.exact++;
  if (s.expected === 0) {
    t.noEvent++;
    if (s.coded === 0) t.noEventClean++;
    t.falseEvents += s.coded;
  }
}

const pct = (a: number, b: number) => (b === 0 ? '   –' : `${((100 * a) / b).toFixed(0).padStart(3)}%`);
const row = (name: string, t: Tally) =>
  `${(name.length > 44 ? `${name.slice(0, 43)}…` : name).padEnd(44)} ${String(t.records).padStart(4)} ${String(t.expected).padStart(5)} ${pct(t.found, t.expected)} ${String(t.coded).padStart(6)} ${pct(t.correct, t.coded)}  ${pct(t.exact, t.records)}  ${t.noEvent === 0 ? '        –' : `${t.noEventClean}/${t.noEvent} (${t.falseEvents})`.padStart(9)}`;
const header = `${''.padEnd(44)} ${'recs'.padStart(4)} ${'exp.'.padStart(5)} ${'rec.'.padStart(4)} ${'coded'.padStart(6)} ${'prec'.padStart(4)}  ${'exact'.padStart(4)} ${'no-event'.padStart(9)}`;

const main = empty();
const apart = empty();
const byCategory = new Map<string, Tally>();
const byReason = new Map<string, Tally>();
const passing: string[] = [];
const failing: { record: SuiteRecord; coded: Triple[] }[] = [];
for (const record of records) {
  const triples = coded.get(record.key) ?? [];
  const score = scoreRecord(record.expected, triples);
  if (score.exact) passing.push(record.key);
  else failing.push({ record, coded: triples });
  if (record.apart) {
    add(apart, score);
    for (const reason of record.apart.split('; ')) {
      const t = byReason.get(reason) ?? empty();
      add(t, score);
      byReason.set(reason, t);
    }
    continue;
  }
  add(main, score);
  const category = record.category.replace(/S$|x$/, '');
  const t = byCategory.get(category) ?? empty();
  add(t, score);
  byCategory.set(category, t);
}

const lines = [
  `PETRARCH validation suite: ${records.length} records, coded by \`dateline code --dictionaries\` in ${((performance.now() - started) / 1000).toFixed(0)}s`,
  'recall: expected events coded; precision: coded events expected; exact: records coded exactly; no-event: records that must give no event and give none (false events)',
  '',
  header,
  row('default settings (the main figures)', main),
  ...[...byCategory.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([name, t]) => row(`  ${name}`, t)),
  row('scored apart', apart),
  ...[...byReason.entries()].sort((a, b) => b[1].records - a[1].records).map(([name, t]) => row(`  ${name}`, t)),
  '',
  `passing (exact): ${passing.length} of ${records.length}`,
];
process.stdout.write(`${lines.join('\n')}\n`);

if (args.has('--details')) {
  for (const { record, coded: triples } of failing) {
    const missing = record.expected.filter((t) => !triples.includes(t));
    const extra = triples.filter((t) => !record.expected.includes(t));
    process.stdout.write(`${record.key} [${record.category}${record.apart ? `; apart: ${record.apart}` : ''}] missing: ${missing.join(', ') || '–'} | extra: ${extra.join(', ') || '–'}\n`);
  }
}

if (args.has('--write-passing')) {
  writeFileSync(PASSING_FILE, `# Records of PETRARCH's validation suite that Dateline codes exactly (ids only; the records stay in ../shared).\n# Written by \`npm run eval:petrarch-suite -- --write-passing\`; test/scripts/petrarchSuite.test.ts keeps them passing.\n${passing.join('\n')}\n`);
  process.stdout.write(`wrote ${passing.length} ids to ${PASSING_FILE}\n`);
}

if (args.has('--ceiling')) {
  const { buildDoc } = await import('../src/pipeline/codeArticle.ts');
  const { STAGES } = await import('../src/pipeline/stages.ts');
  const { defaultWorld } = await import('../src/pipeline/world.ts');
  const world = defaultWorld({ dictionaries: SUITE_DICTIONARIES });
  const upToActors = STAGES.slice(0, STAGES.findIndex((stage) => stage.name === 'actors') + 1);
  const tally = new Map<string, { expected: number; reachable: number; noCode: number; noActor: number }>();
  const unreachable: string[] = [];
  for (const record of records) {
    if (record.apart) continue;
    const doc = buildDoc(articleInput(record.text, record.date), world, upToActors);
    const codes = new Set<string>();
    const actorCodes = new Set<string>(['---']);
    for (const a of doc.actors) for (const m of a.members ?? [{ code: a.code }]) actorCodes.add(m.code);
    for (const sentence of doc.sentences) {
      const words = doc.tokens.slice(sentence.firstToken, sentence.endToken).map((t) => t.normal);
      const actors = doc.tokens.slice(sentence.firstToken, sentence.endToken).map((t) => doc.actorAt(t.i) !== undefined);
      for (let k = 0; k < words.length; k++) {
        const m = world.dictionaries.verbs.match([words[k]!, doc.tokens[sentence.firstToken + k]!.lemma], words.slice(0, k), words.slice(k + 1), { actors: { before: actors.slice(0, k), after: actors.slice(k + 1) } });
        if (!m) continue;
        codes.add(m.code);
        if (m.pairedCode) codes.add(m.pairedCode);
      }
    }
    const t = tally.get(record.category.replace(/S$|x$/, '')) ?? { expected: 0, reachable: 0, noCode: 0, noActor: 0 };
    for (const triple of record.expected) {
      const [source, target, code] = triple.split(' ') as [string, string, string];
      t.expected++;
      const hasCode = codes.has(code);
      const hasActors = actorCodes.has(source) && actorCodes.has(target);
      if (hasCode && hasActors) t.reachable++;
      if (!hasCode) t.noCode++;
      if (!hasActors) t.noActor++;
      if (!hasCode || !hasActors) unreachable.push(`${record.key}: ${triple} (${[!hasCode ? `no verb gives ${code}; verbs give ${[...codes].join(' ') || 'nothing'}` : '', !hasActors ? `actors are ${[...actorCodes].join(' ')}` : ''].filter((x) => x).join('; ')})`);
    }
    tally.set(record.category.replace(/S$|x$/, ''), t);
  }
  const total = [...tally.values()].reduce((a, b) => ({ expected: a.expected + b.expected, reachable: a.reachable + b.reachable, noCode: a.noCode + b.noCode, noActor: a.noActor + b.noActor }));
  const out = ['', 'ceiling (default-settings records): expected events whose code some verb of the sentence gives and whose actors the actors layer has', `${''.padEnd(12)} ${'exp.'.padStart(5)} ${'reach'.padStart(6)} ${'no code'.padStart(8)} ${'no actor'.padStart(9)}`];
  for (const [name, t] of [...[...tally.entries()].sort((a, b) => a[0].localeCompare(b[0])), ['all', total] as const]) out.push(`${name.padEnd(12)} ${String(t.expected).padStart(5)} ${pct(t.reachable, t.expected).padStart(6)} ${String(t.noCode).padStart(8)} ${String(t.noActor).padStart(9)}`);
  process.stdout.write(`${out.join('\n')}\n${unreachable.map((u) => `  ${u}`).join('\n')}\n`);
}
