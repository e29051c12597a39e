/**
 * PETRARCH's validation suite (../shared/data/petrarch_validation, see its README): its records, the coder settings
 * each was written for (read from the original XML), and how a coded record scores against them. Shared by
 * `npm run eval:petrarch-suite` and the regression test; never copies the records anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleRecord } from '../../src/model/record.ts';

export const SUITE_DIR = new URL('../../../shared/data/petrarch_validation/', import.meta.url).pathname;
export const SUITE_DICTIONARIES = join(SUITE_DIR, 'dictionaries');

export function suiteAvailable(): boolean {
  return existsSync(join(SUITE_DIR, 'records.jsonl'));
}

/** "ARN GON 064": source, target ("---" when there is none) and CAMEO code. */
export type Triple = string;

export interface SuiteRecord {
  /** The record's id, made unique: a second record with the same id gets "#2" ("petr-unittest:AGENTS-18#2"). */
  key: string;
  id: string;
  text: string;
  /** YYYY-MM-DD, the article date. */
  date: string;
  category: string;
  notes: string;
  expected: Triple[];
  /**
   * Why the record is scored apart from the main figures, or null: it needs a PETRARCH setting other than the
   * defaults (require_dyad=false, new_actor_length, comma settings), PETRARCH coded it from a parse tree whose words
   * differ from its text, the suite disables it (sentence="false"), or it expects a code the dictionaries no
   * longer have (###).
   */
  apart: string | null;
}

interface Settings {
  requireDyad: boolean;
  newActorLength: number;
  /** comma_min, comma_max, comma_bmin…: the lengths of the comma-delimited clauses PETRARCH leaves out. */
  comma: Record<string, number>;
}

/** PETRARCH's defaults (PETR_config.ini). */
const COMMA_DEFAULTS: Record<string, number> = { comma_min: 2, comma_max: 8, comma_bmin: 0, comma_bmax: 0, comma_emin: 2, comma_emax: 8 };

/** Lower-cased letters-and-digits words: "Gondor's" → gondor, s; "didn't" → did, not. */
function textWords(text: string): string[] {
  return text.toLowerCase().replace(/n't\b/g, ' not').split(/[^a-z0-9]+/).filter((w) => w !== '');
}

/** The words of a PETRARCH parse tree's leaves: "(NP (NNP Arnor))" → ["arnor"]. */
function parseWords(parse: string): string[] {
  return textWords([...parse.matchAll(/\(([^\s()]+) ([^\s()]+)\)/g)].map((m) => m[2]!).filter((w) => !/^-[LR][RCS]B-$/.test(w)).join(' '));
}

/** Per XML record, in order: its settings (<Config> elements hold until changed), its parse's words, whether it is enabled. */
function xmlRecords(): { id: string; settings: Settings; parse: string[]; enabled: boolean }[] {
  const xml = gunzipSync(readFileSync(join(SUITE_DIR, 'PETR.UnitTest.records.xml.gz'))).toString('utf8').replace(/<!--[\s\S]*?-->/g, '');
  const settings: Settings = { requireDyad: true, newActorLength: 0, comma: { ...COMMA_DEFAULTS } };
  const out: { id: string; settings: Settings; parse: string[]; enabled: boolean }[] = [];
  for (const m of xml.matchAll(/<Config\s+option\s*=\s*"([^"]+)"\s+value\s*=\s*"([^"]*)"|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    if (m[1] !== undefined) {
      const value = m[2]!.toLowerCase();
      if (m[1] === 'require_dyad') settings.requireDyad = value === 'true';
      else if (m[1] === 'new_actor_length') settings.newActorLength = Number(value);
      else if (m[1] in COMMA_DEFAULTS) settings.comma = { ...settings.comma, [m[1]]: Number(value) };
      continue;
    }
    const attributes = m[3]!;
    const id = /\bid\s*=\s*"([^"]*)"/.exec(attributes)?.[1] ?? '';
    const parse = /<Parse>([\s\S]*?)<\/Parse>/.exec(m[4]!)?.[1] ?? '';
    out.push({ id, settings: { ...settings, comma: { ...settings.comma } }, parse: parseWords(parse), enabled: !/\bsentence\s*=\s*"false"/i.test(attributes) });
  }
  return out;
}

/** The comma settings that differ from PETRARCH's defaults in effect: a kind of clause switched off (max 0) or other lengths. */
function commaDifferences(comma: Record<string, number>): string[] {
  const out: string[] = [];
  for (const kind of ['', 'b', 'e']) {
    const min = comma[`comma_${kind}min`]!;
    const max = comma[`comma_${kind}max`]!;
    const defaultMax = COMMA_DEFAULTS[`comma_${kind}max`]!;
    if (max === 0 && defaultMax === 0) continue;
    if (max !== defaultMax || (max > 0 && min !== COMMA_DEFAULTS[`comma_${kind}min`])) out.push(`comma_${kind}min=${min}, comma_${kind}max=${max}`);
  }
  return out;
}

function tripleOf(source: string, target: string, code: string): Triple {
  return `${source} ${target} ${code}`;
}

/** The suite's records with their expected events and, for those scored apart, why. */
export function readSuite(): SuiteRecord[] {
  const lines = readFileSync(join(SUITE_DIR, 'records.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const xml = xmlRecords();
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const r = JSON.parse(line) as { id: string; text: string; date: string; category: string; notes?: string; expect?: string[]; events: { source: string; target: string; code: string }[] };
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    const short = r.id.replace(/^[^:]*:/, '');
    const original = xml.filter((x) => x.id === short)[n - 1];
    const expected = r.events.map((e) => tripleOf(e.source, e.target, e.code));
    const reasons: string[] = [];
    if (original) {
      if (!original.enabled) reasons.push('disabled in the suite (sentence="false")');
      const words = textWords(r.text);
      if (original.parse.length > 0 && original.parse.join(' ') !== words.join(' ')) reasons.push("PETRARCH's parse has other words than the text");
      if (!original.settings.requireDyad) reasons.push('require_dyad=false');
      if (original.settings.newActorLength > 0 || r.events.some((e) => e.source.startsWith('"') || e.target.startsWith('"'))) reasons.push('new_actor_length');
      const comma = commaDifferences(original.settings.comma);
      if (comma.length > 0 && r.text.includes(',')) reasons.push(comma.join(', '));
    }
    // "This has unbalanced input with a missing (VP": no event only because PETRARCH's own input tree is broken
    if (r.expect?.includes('error:bad_input_parse')) reasons.push("expects PETRARCH's error on its broken input parse");
    if (r.events.some((e) => e.source === '###' || e.target === '###')) reasons.push('expects ###, an actor commented out of the dictionary');
    return { key: n === 1 ? r.id : `${r.id}#${n}`, id: r.id, text: r.text, date: r.date, category: r.category, notes: r.notes ?? '', expected, apart: reasons.length > 0 ? reasons.join('; ') : null };
  });
}

/**
 * The coded events of a record as triples, one per dyad of compound actors ("X and Y" → X…, Y…), without a dyad of
 * an actor with itself; a missing target is "---".
 */
export function codedTriples(record: ArticleRecord): Triple[] {
  const out = new Set<Triple>();
  for (const event of record.events) {
    const sources = event.source.members?.map((m) => m.actor) ?? [event.source.actor];
    const targets = event.target ? (event.target.members?.map((m) => m.actor) ?? [event.target.actor]) : ['---'];
    for (const s of sources) for (const t of targets) if (s !== t) out.add(tripleOf(s, t, event.code));
  }
  return [...out];
}

export interface Score {
  expected: number;
  /** Expected events coded. */
  found: number;
  coded: number;
  /** Coded events that are expected. */
  correct: number;
  /** The coded events are exactly the expected ones. */
  exact: boolean;
}

export function scoreRecord(expected: readonly Triple[], coded: readonly Triple[]): Score {
  const codedSet = new Set(coded);
  const expectedSet = new Set(expected);
  const found = expected.filter((t) => codedSet.has(t)).length;
  const correct = coded.filter((t) => expectedSet.has(t)).length;
  return { expected: expected.length, found, coded: coded.length, correct, exact: codedSet.size === expectedSet.size && [...codedSet].every((t) => expectedSet.has(t)) };
}
