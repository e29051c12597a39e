/** HTML page → article text, with title, byline and publication time from the page's metadata. */
import type { parseHTML } from 'linkedom';
import type { Message } from '../../model/record.ts';
import { linkedom, readability } from './dom.ts';
import { HTML_FURNITURE_RULES, MAX_FURNITURE_CHARS } from './rules.ts';

export interface HtmlArticle {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  /** The page's canonical address: `<link rel="canonical">`, else `og:url`. */
  url: string | null;
  /** What was left out as page furniture (ads, share bars, bylines), by rule. */
  messages: Message[];
  /** Paragraphs, one per block element, in reading order. */
  paragraphs: string[];
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre';
const PUBLISHED_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(text.slice(0, 2000));
}

export function readHtml(html: string): HtmlArticle {
  const { document } = linkedom().parseHTML(html);
  const published = metaPublished(document);
  const metaTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? document.querySelector('title')?.textContent ?? null;
  const url = canonicalUrl(document);
  const { messages, byline } = dropFurniture(document);
  // Readability mutates the document, so metadata is read first; the serializer hands back the DOM node itself.
  const parsed = new (readability().Readability<Element>)(document as unknown as Document, { serializer: (node) => node as Element }).parse();
  const root = parsed?.content ?? (document.body as unknown as Element | null);
  const paragraphs = root ? blockParagraphs(root) : [];
  return {
    title: cleanOrNull(parsed?.title ?? metaTitle),
    byline: cleanOrNull(parsed?.byline) ?? byline,
    published: cleanOrNull(parsed?.publishedTime) ?? published,
    siteName: cleanOrNull(parsed?.siteName),
    url,
    messages,
    paragraphs,
  };
}

/** An HTML fragment (a feed item's content) → its paragraphs; plain text comes back as one paragraph. */
export function htmlFragmentParagraphs(html: string): string[] {
  const { document } = linkedom().parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return document.body ? blockParagraphs(document.body as unknown as Element) : [];
}

/** One paragraph per innermost block element, so paragraphs never glue together ("positive.The rare"). */
function blockParagraphs(root: Element): string[] {
  const paragraphs: string[] = [];
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  for (const el of blocks.length > 0 ? blocks : [root]) {
    const text = normaliseSpace(el.textContent ?? '');
    if (text) paragraphs.push(text);
  }
  return paragraphs;
}

type HtmlDocument = ReturnType<typeof parseHTML>['document'];

/** Removes the elements the furniture rules match (short ones only); the first byline element's words are kept as the byline. */
function dropFurniture(document: HtmlDocument): { messages: Message[]; byline: string | null } {
  const messages: Message[] = [];
  let byline: string | null = null;
  for (const rule of HTML_FURNITURE_RULES) {
    let dropped = 0;
    for (const el of [...document.querySelectorAll(rule.selector)]) {
      if (!el.isConnected || el.tagName === 'BODY' || el.tagName === 'HTML') continue;
      const text = normaliseSpace(el.textContent ?? '');
      if (text.length > MAX_FURNITURE_CHARS) continue;
      if (rule.id === 'input.html.byline' && byline === null && text) byline = text.replace(/^by\s+/i, '');
      el.remove();
      dropped++;
    }
    if (dropped > 0) messages.push({ level: 'info', stage: 'input', rule: rule.id, text: `left out ${dropped} ${rule.what[dropped === 1 ? 0 : 1]} of the page` });
  }
  return { messages, byline };
}

function canonicalUrl(document: HtmlDocument): string | null {
  const candidates = [document.querySelector('link[rel="canonical"]')?.getAttribute('href'), document.querySelector('meta[property="og:url"]')?.getAttribute('content')];
  for (const candidate of candidates) {
    const value = candidate?.trim();
    if (value && /^https?:\/\/\S+$/i.test(value)) return value;
  }
  return null;
}

function metaPublished(document: HtmlDocument): string | null {
  for (const selector of PUBLISHED_META) {
    const value = document.querySelector(selector)?.getAttribute('content');
    if (value?.trim()) return value.trim();
  }
  return document.querySelector('time[datetime]')?.getAttribute('datetime')?.trim() || null;
}

function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

function cleanOrNull(value: string | null | undefined): string | null {
  const text = value ? normaliseSpace(value) : '';
  return text ? text : null;
}
