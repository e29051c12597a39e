/**
 * DOM building without HTML strings. Every string child becomes a text node, so article text, titles and
 * quotes (all untrusted) can never be parsed as markup. Nothing in the app assigns innerHTML.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];
type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

function applyAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      el.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (name === 'href') {
      el.setAttribute('href', safeHref(String(value)));
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** `h('a', { href: '#/events', onclick: go }, 'Events')`: attributes are set one by one, children appended as nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  applyAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces an element's content with the given children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/**
 * Links the app writes itself are in-app hashes; links taken from data (an article's URL) must be http(s).
 * Anything else (`javascript:`, `data:`) becomes an inert "#".
 */
export function safeHref(href: string): string {
  if (href.startsWith('#')) return href;
  try {
    const url = new URL(href, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch {
    return '#';
  }
}

/** The nearest ancestor (or self) matching a selector, typed. */
export function closest<T extends Element = HTMLElement>(target: EventTarget | null, selector: string): T | null {
  return target instanceof Element ? (target.closest(selector) as T | null) : null;
}

/** Attributes that make a chart mark a button: focusable, named, and run by click, Enter or Space. */
export function buttonAttrs(label: string, activate: () => void): Attrs {
  return {
    tabindex: 0,
    role: 'button',
    'aria-label': label,
    onclick: activate,
    onkeydown: (e: Event) => {
      if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
        e.preventDefault();
        activate();
      }
    },
  };
}
