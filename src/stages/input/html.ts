/** HTML page → article text, with title, byline and publication time from the page's metadata. */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface HtmlArticle {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
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
  const { document } = parseHTML(html);
  const published = metaPublished(document);
  const metaTitle = document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? document.querySelector('title')?.textContent ?? null;
  // Readability mutates the document, so metadata is read first; the serializer hands back the DOM node itself.
  const parsed = new Readability<Element>(document as unknown as Document, { serializer: (node) => node as Element }).parse();
  const root = parsed?.content ?? (document.body as unknown as Element | null);
  const paragraphs = root ? blockParagraphs(root) : [];
  return {
    title: cleanOrNull(parsed?.title ?? metaTitle),
    byline: cleanOrNull(parsed?.byline),
    published: cleanOrNull(parsed?.publishedTime) ?? published,
    siteName: cleanOrNull(parsed?.siteName),
    paragraphs,
  };
}

/** An HTML fragment (a feed item's content) → its paragraphs; plain text comes back as one paragraph. */
export function htmlFragmentParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
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

function metaPublished(document: ReturnType<typeof parseHTML>['document']): string | null {
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
