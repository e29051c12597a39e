/**
 * CAMEO event codes: name and Goldstein score from GDELT's lookups, QuadClass from the root, and the
 * PLOVER event/mode/context from CAMEO2PLOVER-2021 (data/cameo/, see its README for sources and licences).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type QuadClass = 1 | 2 | 3 | 4;

export interface PloverMapping {
  /** PLOVER event type ("ASSAULT"). */
  event: string;
  /** PLOVER mode ("explosives"), null when the table leaves it empty. */
  mode: string | null;
  /** PLOVER contexts; the table lists several as "crime; corruption". */
  context: string[];
}

export interface CameoCode {
  code: string;
  name: string;
  /** Two-digit root ("18"). */
  root: string;
  goldstein: number;
  quadClass: QuadClass;
  /** Null for roots 01 and 02, which PLOVER dropped. */
  plover: PloverMapping | null;
}

const CAMEO_DIR = fileURLToPath(new URL('../../data/cameo/', import.meta.url));

/** Known faults in GDELT's CAMEO.eventcodes.txt names: Mac Roman quotes read as Latin-1, and typos. */
const GDELT_NAME_FIXES: readonly (readonly [bad: string, good: string])[] = [
  ['ÒhirdÓ', '"third" '], // 044 "Meet at a ÒhirdÓlocation"
  ['matyerial', 'material'], // 033
  ['radiologicalweapons', 'radiological weapons'], // 2041
];

/** GDELT QuadClass by root: 01–05 verbal cooperation, 06–09 material cooperation, 10–14 verbal conflict, 15–20 material conflict. */
function quadClassOf(root: string): QuadClass {
  const n = Number(root);
  if (n <= 5) return 1;
  if (n <= 9) return 2;
  if (n <= 14) return 3;
  return 4;
}

function fixName(name: string): string {
  let fixed = name;
  for (const [bad, good] of GDELT_NAME_FIXES) fixed = fixed.replace(bad, good);
  return fixed.replace(/\s+/g, ' ').trim();
}

/** Rows `CODE<TAB>VALUE` after the header line. */
function readLookup(file: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(CAMEO_DIR + file, 'utf8').split(/\r?\n/).slice(1)) {
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    rows.set(line.slice(0, tab).trim(), line.slice(tab + 1));
  }
  return rows;
}

/** `0311: AGREE,  ,   economic # Express intent…`; when a code is listed twice (08, 175) the first line wins. */
function readPlover(): Map<string, PloverMapping> {
  const rows = new Map<string, PloverMapping>();
  for (const raw of readFileSync(CAMEO_DIR + 'CAMEO2PLOVER-2021.txt', 'utf8').split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const code = line.slice(0, colon).trim();
    if (rows.has(code)) continue;
    const [event = '', mode = '', context = ''] = line.slice(colon + 1).split(',').map((f) => f.trim());
    rows.set(code, { event, mode: mode === '' ? null : mode, context: context.split(';').map((c) => c.trim()).filter((c) => c !== '') });
  }
  return rows;
}

let codes: Map<string, CameoCode> | null = null;

function table(): Map<string, CameoCode> {
  if (codes) return codes;
  const names = readLookup('CAMEO.eventcodes.txt');
  const goldstein = readLookup('CAMEO.goldsteinscale.txt');
  const plover = readPlover();
  codes = new Map();
  for (const [code, name] of names) {
    const score = Number(goldstein.get(code));
    if (!Number.isFinite(score)) throw new Error(`dateline: CAMEO code ${code} has no Goldstein score in data/cameo/CAMEO.goldsteinscale.txt`);
    const root = code.slice(0, 2);
    codes.set(code, { code, name: fixName(name), root, goldstein: score, quadClass: quadClassOf(root), plover: plover.get(code) ?? null });
  }
  return codes;
}

/**
 * The CAMEO code's name, root, Goldstein score, QuadClass and PLOVER mapping; null for a code GDELT does not list.
 * @example cameoCode('1832') // { name: 'Carry out car bombing', root: '18', goldstein: -10, quadClass: 4, plover: { event: 'ASSAULT', mode: 'explosives', context: [] } }
 */
export function cameoCode(code: string): CameoCode | null {
  return table().get(code) ?? null;
}

/**
 * The CAMEO entry of a code, or of its longest CAMEO prefix for a dictionary's finer code ("1717" → 171, "174K" →
 * 174); null for a code outside CAMEO ("345", "901").
 */
export function cameoCodeOrPrefix(code: string): CameoCode | null {
  for (let n = code.length; n >= 2; n--) {
    const info = table().get(code.slice(0, n));
    if (info) return info;
  }
  return null;
}
