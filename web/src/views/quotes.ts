/**
 * Quotes by speaker or words, with the speakers quoted most as a facet beside them; each quote links to its place
 * in the reader. `#/quotes?speaker=Crocker&q=talks`
 */
import { getJson } from '../api.ts';
import type { Page, QuoteItem, SpeakerTotal } from '../apiTypes.ts';
import { fill, h } from '../dom.ts';
import { plural } from '../format.ts';
import { href, navigate, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';

export const quotesView: ViewFactory = (root) => {
  const next = latest();
  const speaker = h('input', { type: 'text', name: 'speaker', placeholder: 'e.g. Crocker', autocomplete: 'off' });
  const q = h('input', { type: 'search', name: 'q', placeholder: 'words in the quote', autocomplete: 'off' });
  const status = h('p', { class: 'result-count', role: 'status' });
  const results = h('div', { class: 'results' });
  const facet = h('nav', { class: 'facet', 'aria-label': 'Speakers quoted most' });
  fill(
    root,
    h('h1', {}, 'Quotes'),
    h(
      'form',
      { class: 'filters', role: 'search', onsubmit: (e: Event) => { e.preventDefault(); navigate(href('quotes', { speaker: speaker.value.trim(), q: q.value.trim() })); } },
      field('Speaker', speaker),
      field('Words', q),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Find quotes')),
    ),
    h('div', { class: 'with-facet' }, facet, h('div', { class: 'facet-results' }, status, results)),
  );
  let shown = 0;

  /** The speakers quoted most (asked for once); the chosen one marked, and a way back to everyone. */
  let speakers: SpeakerTotal[] | null = null;
  const drawFacet = (r: Route) => {
    if (!speakers) return;
    const chosen = r.params.get('speaker');
    const words = r.params.get('q');
    fill(
      facet,
      h('h2', {}, 'Speakers'),
      h(
        'ul',
        {},
        h('li', {}, h('a', { href: href('quotes', { q: words }), 'aria-current': chosen ? null : 'true' }, 'everyone')),
        speakers.map((s) =>
          h('li', {}, h('a', { href: href('quotes', { speaker: s.name, q: words }), 'aria-current': chosen === s.name ? 'true' : null, title: s.actor ? `${s.name} (${s.actor})` : s.name }, h('span', { class: 'facet-name' }, s.name), h('span', { class: 'facet-count' }, String(s.quotes)))),
        ),
      ),
    );
  };
  const loadFacet = (r: Route) => {
    if (speakers) return drawFacet(r);
    getJson<{ items: SpeakerTotal[] }>('stats/speakers', { limit: 15 }).then(
      (answer) => {
        speakers = answer.items;
        drawFacet(r);
      },
      () => fill(facet),
    );
  };

  const load = (r: Route, cursor: string | null, list: HTMLElement | null) => {
    const signal = next();
    const target = list ? h('div') : results;
    if (list) list.after(target);
    showLoading(target, 'quotes');
    getJson<Page<QuoteItem>>('quotes', { speaker: r.params.get('speaker'), q: r.params.get('q'), cursor }, signal).then(
      (page) => {
        if (!list && page.items.length === 0) {
          fill(status);
          showEmpty(results, 'No quote matches.', 'Speakers are matched by name (“Crocker”); words by full-text search.');
          return;
        }
        const ol = list ?? h('ol', { class: 'quote-list' });
        for (const quote of page.items) ol.append(renderQuote(quote));
        shown = (list ? shown : 0) + page.items.length;
        fill(status, `${plural(shown, 'quote')}${page.nextCursor ? ' so far' : ''}, newest first`);
        const nextCursor = page.nextCursor;
        const more = nextCursor ? h('button', { type: 'button', class: 'more-button', onclick: () => { more?.remove(); load(r, nextCursor, ol); } }, 'More quotes') : null;
        if (list) fill(target, more);
        else fill(results, ol, more);
      },
      (error: unknown) => showError(target, error, () => load(r, cursor, list)),
    );
  };

  return {
    title: () => 'Quotes',
    update(r) {
      speaker.value = r.params.get('speaker') ?? '';
      q.value = r.params.get('q') ?? '';
      loadFacet(r);
      load(r, null, null);
    },
  };
};

function renderQuote(quote: QuoteItem): HTMLElement {
  const meta = [quote.article.source, quote.article.published?.slice(0, 10)].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'quote-item' },
    h('blockquote', { class: quote.direct ? 'direct' : 'indirect' }, quote.direct ? `“${quote.text}”` : quote.text),
    h(
      'p',
      { class: 'meta' },
      '— ',
      h('a', { href: href('quotes', { speaker: quote.speaker.name }) }, quote.speaker.name),
      quote.speaker.actor ? h('span', { class: 'muted' }, ` (${quote.speaker.actor})`) : '',
      quote.direct ? '' : h('span', { class: 'flag' }, 'paraphrase'),
      ' · ',
      h('a', { href: href('article', { span: `${quote.start}-${quote.end}` }, String(quote.article.id)), title: 'Read the quote in its article' }, quote.article.title ?? 'the article'),
      meta ? h('span', { class: 'muted' }, ` · ${meta}`) : '',
    ),
  );
}
