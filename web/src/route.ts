/**
 * View state lives in the URL hash (`#/events?actor=USA&quad=4`), so every view is a shareable link and
 * the back button works. Hash routing needs nothing from the server beyond serving index.html at `/`.
 */

export const VIEWS = ['home', 'search', 'article', 'events', 'timeline', 'map', 'network', 'quotes', 'code'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Route {
  view: ViewName;
  /** The path segment after the view: an article id for `#/article/<id>`. */
  id: string | null;
  params: URLSearchParams;
}

export type ParamValues = Record<string, string | number | boolean | null | undefined>;

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = q < 0 ? body : body.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : body.slice(q + 1));
  const [first = '', ...rest] = path.split('/');
  // The bare address opens the dashboard; an unknown view goes there too.
  const view = (VIEWS as readonly string[]).includes(first) ? (first as ViewName) : 'home';
  const id = rest.length > 0 ? decodeURIComponent(rest.join('/')) : null;
  return { view, id, params };
}

/** `href('events', { actor: 'USA' })` → `#/events?actor=USA`; empty values are left out. */
export function href(view: ViewName, values: ParamValues = {}, id: string | null = null): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '' || v === false) continue;
    params.set(k, String(v));
  }
  const query = params.toString();
  return `#/${view === 'home' ? '' : view}${id === null ? '' : `/${encodeURIComponent(id)}`}${query ? `?${query}` : ''}`;
}

export function navigate(target: string, options: { replace?: boolean } = {}): void {
  if (target === window.location.hash) return;
  if (options.replace) {
    window.history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

/** The route's params as a plain object, with `changes` applied (null removes a key). */
export function withParams(route: Route, changes: ParamValues): ParamValues {
  const values: ParamValues = Object.fromEntries(route.params.entries());
  return { ...values, ...changes };
}
