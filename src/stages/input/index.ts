/**
 * Input stage: files, directories, JSON/JSONL records, RSS/Atom feeds and stdin → ArticleInput.
 * Never throws for bad input: each problem becomes an InputError naming the file (and line) and what to do.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ArticleInput } from '../../model/analysis.ts';
import type { Message } from '../../model/record.ts';
import { decodeBytes } from './decode.ts';
import { looksLikeFeed, parseFeed, type FeedItem } from './feed.ts';
import { htmlFragmentParagraphs, looksLikeHtml, readHtml } from './html.ts';
import { htmlRefusal } from './htmlDepth.ts';
import { parsePublished } from './published.ts';

export interface InputOrigin {
  file: string;
  line?: number;
  /** Item number (from 1) in a feed. */
  item?: number;
}

export type InputItem =
  | { ok: true; input: ArticleInput; origin: InputOrigin }
  | { ok: false; origin: InputOrigin; message: string };

export interface ReadOptions {
  /** Publication date given on the command line; wins over metadata. */
  published?: string;
  /** Largest article text accepted, in bytes. */
  maxBytes?: number;
  /** Reads stdin when a spec is "-". */
  readStdin?: () => Buffer;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Largest file of records (JSON, JSONL, feeds) once decompressed: it is read whole. */
export const MAX_RECORD_FILE_BYTES = 128 * 1024 * 1024;
const ARTICLE_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.json', '.jsonl', '.ndjson', '.xml', '.rss', '.atom'];
const FEED_NAME = /\.(xml|rss|atom)$/;

/** Reads every article named by `specs` (files, directories, "-" for stdin), in order. */
export function* readInputs(specs: readonly string[], options: ReadOptions = {}): Generator<InputItem> {
  for (const spec of specs) {
    if (spec === '-') {
      const bytes = (options.readStdin ?? (() => readFileSync(0)))();
      yield* readBytes('stdin', 'stdin', bytes, options);
      continue;
    }
    let stats;
    try {
      stats = statSync(spec);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      yield fail(spec, undefined, code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or directory; check the path (use "-" to read from stdin)' : `cannot be read (${unreadable(error as NodeJS.ErrnoException)})`);
      continue;
    }
    if (stats.isDirectory()) {
      const files = listArticleFiles(spec);
      if (files.length === 0) {
        yield fail(spec, undefined, `the directory holds no article files (${ARTICLE_EXTENSIONS.join(' ')}, optionally .gz)`);
        continue;
      }
      for (const file of files) yield* readFile(file, options);
    } else {
      yield* readFile(spec, options);
    }
  }
}

/** Article files under a directory, recursively, sorted so runs are reproducible. */
export function listArticleFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (ARTICLE_EXTENSIONS.includes(extname(entry.name.replace(/\.gz$/i, '')).toLowerCase())) out.push(path);
    }
  };
  walk(dir);
  return out;
}

function* readFile(file: string, options: ReadOptions): Generator<InputItem> {
  const gzipped = /\.gz$/i.test(file);
  // An article file may hold one article; a file of records many, read whole up to a limit of its own.
  const records = isRecordFile(file);
  const limit = records ? MAX_RECORD_FILE_BYTES : (options.maxBytes ?? DEFAULT_MAX_BYTES);
  const what = records ? `the ${mb(limit)} limit for a file of records; split it` : `the ${mb(limit)} limit for one article; split it, or raise --max-bytes`;
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (!gzipped && size > limit) {
      yield fail(file, undefined, `is ${mb(size)}, larger than ${what}`);
      return;
    }
    bytes = readFileSync(file);
  } catch (error) {
    yield fail(file, undefined, `cannot be read (${unreadable(error as NodeJS.ErrnoException)})`);
    return;
  }
  if (gzipped) {
    try {
      // Decompression stops one byte past the limit: a small file that inflates to gigabytes costs no more than that.
      bytes = gunzipSync(bytes, { maxOutputLength: limit + 1 });
    } catch (error) {
      const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      yield fail(file, undefined, tooLarge ? `decompresses to more than ${what}` : 'is named .gz but is not valid gzip data; re-compress it or drop the .gz suffix');
      return;
    }
    if (bytes.length > limit) {
      yield fail(file, undefined, `decompresses to more than ${what}`);
      return;
    }
  }
  yield* readBytes(file, idFromFileName(file), bytes, options);
}

function isRecordFile(file: string): boolean {
  return /\.(jsonl|ndjson|json|xml|rss|atom)$/.test(file.replace(/\.gz$/i, '').toLowerCase());
}

/** Why a file could not be read, and what to do. */
function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ELOOP':
      return 'ELOOP: it is a symbolic link loop; point the link at a real file';
    case 'EACCES':
    case 'EPERM':
      return `${error.code}; check its permissions`;
    case 'EISDIR':
      return 'EISDIR: it is a directory';
    default:
      return `${error.code ?? error.message}; check that it is a readable file`;
  }
}

/** Articles in bytes fetched from elsewhere (a URL): sniffed as a feed, records, HTML or text. */
export function readBuffer(name: string, bytes: Buffer, options: ReadOptions = {}): Generator<InputItem> {
  return readBytes(name, idFromFileName(name.replace(/[?#].*$/, '').replace(/\/+$/, '')) || 'article', bytes, options);
}

function* readBytes(file: string, defaultId: string, bytes: Buffer, options: ReadOptions): Generator<InputItem> {
  const name = file.replace(/\.gz$/i, '').toLowerCase();
  // Record files and feeds hold many articles: the size limit applies to each one.
  const isRecords = /\.(jsonl|ndjson|json)$/.test(name) || FEED_NAME.test(name);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!isRecords && bytes.length > maxBytes) {
    yield fail(file, undefined, `is ${mb(bytes.length)}, larger than the ${mb(maxBytes)} limit for one article; split it, or raise --max-bytes`);
    return;
  }
  if (bytes.length === 0) {
    yield fail(file, undefined, 'is empty; give a file with article text, HTML or JSON records');
    return;
  }
  const decoded = decodeBytes(bytes, { records: isRecords });
  if (!decoded.ok) {
    yield fail(file, undefined, `${decoded.reason}; give article text (UTF-8 or Windows-1252), HTML, JSON or JSONL`);
    return;
  }
  const messages: Message[] = decoded.encoding === 'utf-8' ? [] : [{ level: 'info', stage: 'input', text: `decoded as ${decoded.encoding}` }];
  if (decoded.warning) messages.push({ level: 'warning', stage: 'input', text: decoded.warning });
  const text = decoded.text;
  if (text.trim() === '') {
    yield fail(file, undefined, 'holds only whitespace; give a file with article text');
    return;
  }
  const trimmed = text.trimStart();
  if (FEED_NAME.test(name) || looksLikeFeed(text)) {
    yield* readFeed(file, defaultId, text, options, maxBytes);
    return;
  }
  if (isRecords || ((file === 'stdin') && (trimmed.startsWith('{') || trimmed.startsWith('[')))) {
    yield* readRecords(file, defaultId, text, options, maxBytes);
    return;
  }
  const html = /\.html?$/.test(name) || looksLikeHtml(text);
  if (!html) {
    yield { ok: true, origin: { file }, input: fromPlain(defaultId, text, options, messages) };
    return;
  }
  const page = guardHtml(text, () => fromHtml(defaultId, text, null, options, messages));
  yield 'refused' in page ? fail(file, undefined, page.refused) : { ok: true, origin: { file }, input: page };
}

function* readRecords(file: string, defaultId: string, text: string, options: ReadOptions, maxBytes: number): Generator<InputItem> {
  const name = file.replace(/\.gz$/i, '').toLowerCase();
  const trimmed = text.trim();
  // A .json file is one JSON value (a record, or an array of records), however it is laid out; stdin is one
  // when it parses as one. Everything else is JSONL: one record per line.
  if (name.endsWith('.json') || (!/\.(jsonl|ndjson)$/.test(name) && (trimmed.startsWith('[') || trimmed.startsWith('{')))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      if (name.endsWith('.json')) {
        yield fail(file, undefined, `is not valid JSON (${jsonErrorWhere(error as Error, trimmed)}); a .json file holds one record or an array of records; give one record per line as .jsonl`);
        return;
      }
    }
    if (parsed !== undefined) {
      if (Array.isArray(parsed)) {
        if (parsed.length === 0) yield fail(file, undefined, 'is an empty JSON array; give records {id, text | html, title?, published?, url?, source?}');
        for (const [index, record] of parsed.entries()) yield fromRecord({ file, item: index + 1 }, `${defaultId}-${index + 1}`, record, options, maxBytes);
      } else {
        yield fromRecord({ file }, defaultId, parsed, options, maxBytes);
      }
      return;
    }
  }
  let records = 0;
  for (const [index, line] of lines(text)) {
    if (line.trim() === '') continue;
    records++;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      yield fail(file, index + 1, `is not valid JSON (${(error as Error).message}); each line must be one record {id, text | html, title?, published?, url?, source?}`);
      continue;
    }
    yield fromRecord({ file, line: index + 1 }, `${defaultId}-${index + 1}`, record, options, maxBytes);
  }
  if (records === 0) yield fail(file, undefined, 'holds no JSON records');
}

/** The lines of a text with their index, one at a time (a split would hold a slot for each of millions of empty lines). */
function* lines(text: string): Generator<[number, string]> {
  let index = 0;
  for (let start = 0; start < text.length; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    yield [index, text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end)];
    start = end + 1;
  }
}

/** "Unexpected token } in JSON at position 120" → the same with the line and column of position 120. */
function jsonErrorWhere(error: Error, text: string): string {
  const position = /at position (\d+)/.exec(error.message);
  if (!position) return error.message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${error.message.replace(/\s*\(line \d+ column \d+\)$/, '')}, line ${line} column ${column}`;
}

function fromRecord(origin: InputOrigin, fallbackId: string, record: unknown, options: ReadOptions, maxBytes: number): InputItem {
  const failed = (message: string): InputItem => ({ ok: false, origin, message: origin.item === undefined ? message : `record ${origin.item} ${message.replace(/^record \S+ /, '')}` });
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return failed('is not a JSON object; expected {id, text | html, title?, published?, url?, source?}');
  }
  const r = record as Record<string, unknown>;
  const str = (key: string): string | null => (typeof r[key] === 'string' && (r[key] as string).trim() !== '' ? (r[key] as string) : null);
  const id = str('id') ?? (typeof r.id === 'number' ? String(r.id) : fallbackId);
  const body = str('text') ?? str('body') ?? str('content');
  const html = str('html');
  if (body === null && html === null) return failed(`record ${JSON.stringify(id)} has no "text" or "html" field`);
  if ((body ?? html ?? '').length > maxBytes) return failed(`record ${JSON.stringify(id)} is larger than the ${mb(maxBytes)} limit for one article; split it, or raise --max-bytes`);
  const messages: Message[] = [];
  const recordPublished = str('published') ?? str('date') ?? str('publishedAt');
  const published = resolvePublished(options.published, recordPublished, 'record', messages);
  const meta = { title: str('title'), url: str('url'), source: str('source'), byline: str('byline') ?? str('author') };
  const input = html !== null && body === null ? guardHtml(html, () => fromHtml(id, html, published, options, messages)) : fromPlain(id, body!, options, messages, published);
  if ('refused' in input) return failed(`record ${JSON.stringify(id)} is not read: ${input.refused}`);
  return {
    ok: true,
    origin,
    input: {
      ...input,
      title: meta.title ?? input.title,
      // A title given by the record is metadata: it is not part of the text, so it has no span.
      titleSpan: meta.title !== null && body !== null ? null : input.titleSpan,
      url: meta.url ?? input.url,
      source: meta.source ?? input.source,
      byline: meta.byline ?? input.byline,
    },
  };
}

function* readFeed(file: string, defaultId: string, xml: string, options: ReadOptions, maxBytes: number): Generator<InputItem> {
  const feed = parseFeed(xml);
  if ('error' in feed) {
    yield fail(file, undefined, `${feed.error}; give a feed, or save the page as .html`);
    return;
  }
  if (feed.items.length === 0) yield fail(file, undefined, 'is a feed with no items');
  for (const [index, item] of feed.items.entries()) yield fromFeedItem(file, index + 1, `${defaultId}-${index + 1}`, item, feed.title, options, maxBytes);
}

function fromFeedItem(file: string, n: number, fallbackId: string, item: FeedItem, feedTitle: string | null, options: ReadOptions, maxBytes: number): InputItem {
  const origin = { file, item: n };
  const id = item.id ?? fallbackId;
  if (!item.body) return { ok: false, origin, message: `item ${JSON.stringify(id)} has no content or description` };
  if (item.body.length > maxBytes) return { ok: false, origin, message: `item ${JSON.stringify(id)} is larger than the ${mb(maxBytes)} limit for one article; raise --max-bytes` };
  const messages: Message[] = [];
  const published = resolvePublished(options.published, item.published, 'metadata', messages);
  const body = item.body;
  const paragraphs = guardHtml(body, () => htmlFragmentParagraphs(body));
  if ('refused' in paragraphs) return { ok: false, origin, message: `item ${JSON.stringify(id)} is not read: ${paragraphs.refused}` };
  if (paragraphs.length === 0) return { ok: false, origin, message: `item ${JSON.stringify(id)} has no readable text` };
  const title = item.title?.replace(/\s+/g, ' ') ?? null;
  // As for HTML pages: the title, then one paragraph per block, separated by blank lines.
  const text = [title, ...paragraphs].filter((p): p is string => !!p).join('\n\n');
  return {
    ok: true,
    origin,
    input: {
      id,
      text,
      title,
      titleSpan: title ? { start: 0, end: title.length } : null,
      published: published.value,
      publishedFrom: published.from,
      url: item.link,
      source: feedTitle,
      byline: item.author,
      messages,
    },
  };
}

function fromPlain(
  id: string,
  text: string,
  options: ReadOptions,
  messages: Message[],
  published: Published = resolvePublished(options.published, null, 'none', messages),
): ArticleInput {
  return { id, text, title: null, titleSpan: null, published: published.value, publishedFrom: published.from, url: null, source: null, byline: null, messages };
}

/** HTML read so that a page too deep to parse, or one the parser fails on, is a failure of this article only. */
function guardHtml<T extends object>(html: string, read: () => T): T | { refused: string } {
  const refusal = htmlRefusal(html);
  if (refusal) return { refused: refusal };
  try {
    return read();
  } catch (error) {
    return { refused: `the HTML could not be read (${(error as Error).message}); save the article's text as .txt` };
  }
}

function fromHtml(id: string, html: string, recordPublished: Published | null, options: ReadOptions, messages: Message[]): ArticleInput {
  const page = readHtml(html);
  messages.push(...page.messages);
  const published = recordPublished?.value ? recordPublished : resolvePublished(options.published, page.published, 'metadata', messages);
  // The article text is the title, then one paragraph per block element, separated by blank lines.
  const text = [page.title, ...page.paragraphs].filter((p): p is string => !!p).join('\n\n');
  if (page.paragraphs.length === 0) messages.push({ level: 'warning', stage: 'input', text: 'the HTML page has no readable paragraphs' });
  return {
    id,
    text,
    title: page.title,
    titleSpan: page.title ? { start: 0, end: page.title.length } : null,
    published: published.value,
    publishedFrom: published.from,
    url: page.url,
    source: page.siteName,
    byline: page.byline,
    messages,
  };
}

interface Published {
  value: string | null;
  from: ArticleInput['publishedFrom'];
}

function resolvePublished(option: string | undefined, found: string | null, from: 'metadata' | 'record' | 'none', messages: Message[]): Published {
  if (option) return { value: option, from: 'option' };
  if (found) {
    const value = parsePublished(found);
    if (value) return { value, from };
    messages.push({ level: 'warning', stage: 'input', text: `publication date ${JSON.stringify(found)} is not a date Dateline can read; pass --date YYYY-MM-DD` });
  }
  return { value: null, from: 'none' };
}

function idFromFileName(file: string): string {
  return basename(file).replace(/\.gz$/i, '').replace(/\.[^.]+$/, '');
}

function fail(file: string, line: number | undefined, message: string): InputItem {
  return { ok: false, origin: line === undefined ? { file } : { file, line }, message };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
