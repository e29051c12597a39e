/** RSS 2.0 and Atom feeds → one item per article: its content (or description), link, title, date and author. */
import { linkedom } from './dom.ts';

export interface FeedItem {
  /** guid / id, else the link; null when the item has neither. */
  id: string | null;
  title: string | null;
  link: string | null;
  /** The date as written (pubDate, published, updated, dc:date). */
  published: string | null;
  author: string | null;
  /** HTML or text of the item: content:encoded / content, else description / summary. */
  body: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** `<rss …>` or `<feed …>` near the top of the text (after an XML declaration or comments). */
export function looksLikeFeed(text: string): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>])/i.test(text.slice(0, 4000));
}

export function parseFeed(xml: string): Feed | { error: string } {
  let root: Element | null;
  try {
    root = new (linkedom().DOMParser)().parseFromString(xml, 'text/xml').documentElement as unknown as Element | null;
  } catch (error) {
    return { error: `is not well-formed XML (${(error as Error).message})` };
  }
  const kind = root?.tagName.toLowerCase();
  if (!root || (kind !== 'rss' && kind !== 'feed' && kind !== 'rdf:rdf')) return { error: 'is XML but not an RSS 2.0 or Atom feed' };
  if (kind === 'feed') {
    return {
      title: text(child(root, 'title')),
      items: [...root.getElementsByTagName('entry')].map((entry) => ({
        id: text(child(entry, 'id')),
        title: text(child(entry, 'title')),
        link: atomLink(entry),
        published: text(child(entry, 'published')) ?? text(child(entry, 'updated')),
        author: text(child(child(entry, 'author'), 'name')) ?? text(child(entry, 'author')),
        body: text(child(entry, 'content')) ?? text(child(entry, 'summary')),
      })),
    };
  }
  const channel = child(root, 'channel');
  return {
    title: text(child(channel, 'title')),
    items: [...root.getElementsByTagName('item')].map((item) => {
      const link = text(child(item, 'link'));
      return {
        id: text(child(item, 'guid')) ?? link,
        title: text(child(item, 'title')),
        link,
        published: text(child(item, 'pubDate')) ?? text(child(item, 'dc:date')),
        author: text(child(item, 'dc:creator')) ?? text(child(item, 'author')),
        body: text(child(item, 'content:encoded')) ?? text(child(item, 'description')),
      };
    }),
  };
}

function child(parent: Element | null, tag: string): Element | null {
  if (!parent) return null;
  for (const el of parent.children) if (el.tagName.toLowerCase() === tag.toLowerCase()) return el;
  return null;
}

/** Atom: the rel="alternate" link, or the first link without a rel. */
function atomLink(entry: Element): string | null {
  const links = [...entry.children].filter((el) => el.tagName.toLowerCase() === 'link');
  const link = links.find((l) => l.getAttribute('rel') === 'alternate') ?? links.find((l) => !l.getAttribute('rel'));
  return link?.getAttribute('href')?.trim() || null;
}

/** Text of an element; entities the document declares itself ("&lol9;") are never expanded, and are left out. */
function text(el: Element | null): string | null {
  const value = el?.textContent?.replace(UNEXPANDED_ENTITY, '').trim();
  return value ? value : null;
}

const UNEXPANDED_ENTITY = /&[A-Za-z_][\w.-]*;/g;
