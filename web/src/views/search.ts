/** Full-text search over stored articles: `#/search?q=&from=&to=&source=`. */
import { getJson } from '../api.ts';
import type { ArticleHit, Page } from '../apiTypes.ts';
import { fill, h } from '../dom.ts';
import { plural } from '../format.ts';
import { href, navigate, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';

const FIELDS = ['q', 'from', 'to', 'source'] as const;

export const searchView: ViewFactory = (root) => {
  const next = latest();
  const inputs = {
    q: h('input', { type: 'search', name: 'q', placeholder: 'words, "a phrase", iran OR iraq', autocomplete: 'off' }),
    from: h('input', { type: 'date', name: 'from' }),
    to: h('input', { type: 'date', name: 'to' }),
    source: h('input', { type: 'text', name: 'source', placeholder: 'e.g. Reuters' }),
  };
  const status = h('p', { class: 'result-count', role: 'status' });
  const results = h('div', { class: 'results' });
  const form = h(
    'form',
    {
      class: 'filters search-form',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        navigate(href('search', Object.fromEntries(FIELDS.map((f) => [f, inputs[f].value.trim()]))));
      },
    },
    field('Search the articles', inputs.q),
    field('From', inputs.from),
    field('To', inputs.to),
    field('Source', inputs.source),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search')),
  );
  fill(root, h('h1', {}, 'Articles'), form, status, results);
  let shown = 0;

  const load = (route: Route, cursor: string | null, list: HTMLElement | null) => {
    const signal = next();
    const query = { ...Object.fromEntries(FIELDS.map((f) => [f, route.params.get(f)])), cursor };
    const target = list ? h('div') : results;
    if (list) list.after(target);
    showLoading(target, 'articles');
    getJson<Page<ArticleHit>>('articles', query, signal).then(
      (page) => {
        if (!list && page.items.length === 0) {
          fill(status);
          showEmpty(results, route.params.get('q') ? 'No article matches this search.' : 'No articles are stored yet.', 'Try fewer words or a wider date range, or ingest articles with `dateline ingest`.');
          return;
        }
        const ol = list ?? h('ol', { class: 'hits' });
        for (const hit of page.items) ol.append(renderHit(hit, route.params.get('q')));
        shown = (list ? shown : 0) + page.items.length;
        fill(status, `${plural(shown, 'article')}${page.nextCursor ? ' so far' : ''}${route.params.get('q') ? ', best matches first' : ', newest first'}`);
        const nextCursor = page.nextCursor;
        const more = nextCursor
          ? h('button', { type: 'button', class: 'more-button', onclick: () => { more?.remove(); load(route, nextCursor, ol); } }, 'More articles')
          : null;
        if (list) fill(target, more);
        else fill(results, ol, more);
      },
      (error: unknown) => showError(target, error, () => load(route, cursor, list)),
    );
  };

  return {
    title: (route) => (route.params.get('q') ? `“${route.params.get('q')}”` : 'Articles'),
    update(route) {
      for (const f of FIELDS) inputs[f].value = route.params.get(f) ?? '';
      load(route, null, null);
    },
  };
};

/** Quote and casualty counts are shown when the API gives them (asked for in the web app's report). */
type Hit = ArticleHit & { quotes?: number; casualties?: number };

function renderHit(hit: Hit, q: string | null): HTMLElement {
  const meta = [hit.source, hit.published?.slice(0, 10), hit.duplicateOf !== null ? 'near-duplicate of an earlier article' : null].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'hit' },
    h('h2', {}, h('a', { href: href('article', q ? { q } : {}, String(hit.id)) }, hit.title ?? 'Untitled article')),
    h('p', { class: 'meta' }, meta || 'no source or date'),
    hit.snippet ? h('p', { class: 'snippet' }, snippetNodes(hit.snippet)) : null,
    h(
      'p',
      { class: 'chips' },
      h('span', { class: 'chip' }, plural(hit.events, 'event')),
      hit.quotes !== undefined ? h('span', { class: 'chip' }, plural(hit.quotes, 'quote')) : null,
      hit.casualties !== undefined ? h('span', { class: `chip${hit.casualties > 0 ? ' chip-casualty' : ''}` }, plural(hit.casualties, 'casualty report')) : null,
      hit.status === 'failed' ? h('span', { class: 'chip chip-casualty' }, 'could not be coded') : null,
    ),
  );
}

/** A snippet with its matched words (given as [start, end) offsets) in <mark> elements; the rest stays text. */
export function snippetNodes(snippet: { text: string; highlights: number[][] }): (Node | string)[] {
  const out: (Node | string)[] = [];
  let at = 0;
  for (const [start = 0, end = 0] of [...snippet.highlights].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))) {
    if (start < at) continue;
    out.push(snippet.text.slice(at, start), h('mark', {}, snippet.text.slice(start, end)));
    at = end;
  }
  out.push(snippet.text.slice(at));
  return out;
}
