/**
 * PETRARCH dictionary files: which kind a file is (by its name), where a directory's dictionaries are, the lines
 * of a file with PETRARCH's comments removed, and the one error a bad dictionary gives.
 *
 * Names, as PETRARCH's own config names its files: `*.verbs.txt` or `CAMEO*.txt` (verbs), `*.actors.txt` (actors,
 * also `*.actors.<version>.txt`), `*.agents.txt`, `*.discards.txt`. Comments (PETRARCH's read_FIN_line): lines
 * starting with `#` or `<!`, `<!-- ... -->` on one line or over several, and everything after a `#` that is not
 * inside a code (`[###]` is a code).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type DictionaryKind = 'verbs' | 'actors' | 'agents' | 'discards';

/** Shipped with Dateline (data/petrarch) or given by the user (--dictionaries, --add-dictionaries). */
export type DictionaryOrigin = 'shipped' | 'user';

export interface DictionarySource {
  path: string;
  kind: DictionaryKind;
  origin: DictionaryOrigin;
  /**
   * The prefix of the ids of this file's entries: "cameo2", "phoenix.countries", "phoenix.agents"; a user's file
   * gets "user:" before its lower-cased name without ".txt" and ".actors" ("user:petr.validate.verbs").
   */
  id: string;
}

/** A dictionary line Dateline cannot read; `message` says what is wrong and what to write instead. */
export class DictionaryError extends Error {
  override name = 'DictionaryError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${line === null ? file : `${file}:${line}`}: ${problem}`);
  }
}

export const KIND_PATTERNS: readonly [DictionaryKind, RegExp][] = [
  ['verbs', /(\.verbs\.txt|^cameo.*\.txt)$/i],
  ['actors', /\.actors(\.[\w-]+)?\.txt$/i],
  ['agents', /\.agents\.txt$/i],
  ['discards', /\.discards\.txt$/i],
];

/** The kind a file name says: "PETR.Validate.verbs.txt" → verbs, "CAMEO.2.0.txt" → verbs, "notes.txt" → null. */
export function dictionaryKind(fileName: string): DictionaryKind | null {
  const name = basename(fileName);
  return KIND_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0] ?? null;
}

/** "PETR.Validate.verbs.txt" → "petr.validate.verbs"; "Phoenix.Countries.actors.txt" → "phoenix.countries". */
export function fileStem(path: string): string {
  return basename(path).toLowerCase().replace(/\.txt$/, '').replace(/\.actors(\.[\w-]+)?$/, '');
}

export function dictionarySource(path: string, origin: DictionaryOrigin, kind = dictionaryKind(path)): DictionarySource {
  if (!kind) throw new DictionaryError(path, null, 'is not a dictionary name Dateline recognises; name it *.verbs.txt, CAMEO*.txt, *.actors.txt, *.agents.txt or *.discards.txt');
  return { path, kind, origin, id: origin === 'user' ? `user:${fileStem(path)}` : fileStem(path) };
}

/**
 * The dictionaries of a directory, by name, in name order; other files are left alone.
 * Throws a DictionaryError when the directory is missing or holds no dictionary.
 */
export function dictionaryDirectory(dir: string, origin: DictionaryOrigin): DictionarySource[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new DictionaryError(dir, null, 'is a file, not a directory; give the directory that holds your dictionaries');
    names = readdirSync(dir).sort();
  } catch (error) {
    if (error instanceof DictionaryError) throw error;
    throw new DictionaryError(dir, null, 'no such directory; give the directory that holds your PETRARCH dictionaries');
  }
  const sources = names.filter((name) => dictionaryKind(name) !== null).map((name) => dictionarySource(join(dir, name), origin));
  if (sources.length === 0) {
    throw new DictionaryError(dir, null, 'holds no dictionary Dateline recognises; name the files *.verbs.txt (or CAMEO*.txt), *.actors.txt, *.agents.txt, *.discards.txt');
  }
  return sources;
}

export interface DictionaryLine {
  /** 1-based line number in the file. */
  line: number;
  /** The line without comments, trimmed at the end (leading blanks kept: they mark an actor's date lines). */
  text: string;
  /** What followed `#` on the line, trimmed ("REJECT" in `- * &PROPOSAL [120] # REJECT`); '' when none. */
  comment: string;
}

/** The non-blank lines of a dictionary file with PETRARCH's comments taken out. */
export function dictionaryLines(path: string): DictionaryLine[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    throw new DictionaryError(path, null, 'cannot be read; check that the file exists and is readable');
  }
  const out: DictionaryLine[] = [];
  let inComment = false;
  const raw = content.split(/\r?\n/);
  for (let n = 0; n < raw.length; n++) {
    let text = raw[n]!;
    if (inComment) {
      const close = text.indexOf('-->');
      if (close < 0) continue;
      text = text.slice(close + 3);
      inComment = false;
    }
    // <!-- ... --> inside a line, possibly several; an unclosed one runs on to a later line
    for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--')) {
      const close = text.indexOf('-->', open + 4);
      if (close < 0) {
        text = text.slice(0, open);
        inComment = true;
        break;
      }
      text = text.slice(0, open) + text.slice(close + 3);
    }
    if (text.startsWith('<!')) continue;
    const hash = commentStart(text);
    const comment = hash >= 0 ? text.slice(hash + 1).trim() : '';
    if (hash >= 0) text = text.slice(0, hash);
    text = text.trimEnd();
    if (text.trim() === '') continue;
    out.push({ line: n + 1, text, comment });
  }
  return out;
}

/** Index of the `#` that starts the line's comment, outside `[...]`; -1 when none. */
function commentStart(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '#' && depth === 0) return i;
  }
  return -1;
}

export const SHIPPED_DIR = fileURLToPath(new URL('../../../data/petrarch/', import.meta.url));

/** The dictionaries shipped in data/petrarch (see its README), in the order they are read. */
export function shippedSources(): DictionarySource[] {
  const source = (name: string, id?: string): DictionarySource => ({ ...dictionarySource(join(SHIPPED_DIR, name), 'shipped'), ...(id ? { id } : {}) });
  return [
    source('CAMEO.2.0.txt', 'cameo2'),
    source('Phoenix.Countries.actors.txt'),
    source('Phoenix.International.actors.txt'),
    source('Phoenix.MilNonState.actors.txt'),
    source('Phoenix.agents.txt'),
  ];
}
