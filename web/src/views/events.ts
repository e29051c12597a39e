/**
 * The events explorer: filters, a sortable table, cursor pagination and export links.
 * `#/events?source=USA&target=IRN&quad=4&sort=-day`
 */
import { apiUrl, getJson } from '../api.ts';
import type { ActorCount, EventRow, Page } from '../apiTypes.ts';
import { fill, h } from '../dom.ts';
import { actorCode, plural, quadName, signed } from '../format.ts';
import { href, navigate, withParams, type ParamValues, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';

/** Filters the API takes, in the order the form shows them. */
const FILTERS = ['actor', 'source', 'target', 'code', 'quad', 'from', 'to', 'place', 'claimed', 'historical'] as const;
type Filter = (typeof FILTERS)[number];

const SORTS = [
  { key: 'day', label: 'Date' },
  { key: 'goldstein', label: 'Goldstein' },
  { key: 'mentions', label: 'Articles' },
] as const;

export const eventsView: ViewFactory = (root) => {
  const next = latest();
  const actorList = h('datalist', { id: 'actor-codes' });
  const actorInput = (name: string, placeholder: string) =>
    h('input', { type: 'text', name, placeholder, list: 'actor-codes', autocomplete: 'off', autocapitalize: 'characters', spellcheck: false });
  const yesNo = (name: string) => h('select', { name }, h('option', { value: '' }, 'either'), h('option', { value: 'true' }, 'only'), h('option', { value: 'false' }, 'exclude'));
  const inputs: Record<Filter, HTMLInputElement | HTMLSelectElement> = {
    actor: actorInput('actor', 'either side, e.g. IRN'),
    source: actorInput('source', 'e.g. USA'),
    target: actorInput('target', 'e.g. IRN'),
    code: h('input', { type: 'text', name: 'code', placeholder: '19 or 190', inputmode: 'numeric', pattern: '[0-9]{2,4}', title: 'A CAMEO root (2 digits) or code (3–4 digits)' }),
    quad: h('select', { name: 'quad' }, h('option', { value: '' }, 'all'), [1, 2, 3, 4].map((q) => h('option', { value: String(q) }, `${q} ${quadName(q)}`))),
    from: h('input', { type: 'date', name: 'from' }),
    to: h('input', { type: 'date', name: 'to' }),
    place: h('input', { type: 'text', name: 'place', placeholder: 'e.g. Baghdad' }),
    claimed: yesNo('claimed'),
    historical: yesNo('historical'),
  };
  const status = h('p', { class: 'result-count', role: 'status' });
  const exports = h('p', { class: 'exports' });
  const table = h('div', { class: 'table-wrap' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  let route: Route | null = null;
  /** Cursors of the pages before this one, so "Previous" can go back. */
  let previous: (string | null)[] = [];

  const formValues = (): ParamValues => Object.fromEntries(FILTERS.map((f) => [f, inputs[f].value.trim()]));
  const form = h(
    'form',
    {
      class: 'filters events-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        previous = [];
        navigate(href('events', { ...formValues(), sort: route?.params.get('sort') }));
      },
    },
    field('Actor', inputs.actor),
    field('Source', inputs.source),
    field('Target', inputs.target),
    field('Code or root', inputs.code),
    field('QuadClass', inputs.quad),
    field('From', inputs.from),
    field('To', inputs.to),
    field('Place', inputs.place),
    field('Claimed', inputs.claimed),
    field('Historical', inputs.historical),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Filter'),
      h('button', { type: 'button', onclick: () => { previous = []; navigate(href('events')); } }, 'Clear'),
    ),
    actorList,
  );
  fill(root, h('h1', {}, 'Events'), form, h('div', { class: 'table-head' }, status, exports), table, pager);

  getJson<Page<ActorCount>>('actors', { limit: 200 }).then(
    (page) => fill(actorList, page.items.map((a) => h('option', { value: a.actor }, `${a.name ?? a.actor} (${a.count})`))),
    () => undefined, // suggestions only; the form works without them
  );

  const apiQuery = (r: Route) => {
    const q: Record<string, string | null> = {};
    for (const f of FILTERS) q[f] = r.params.get(f);
    // One box for both: two digits are a root ("19"), more are a code ("190").
    const code = q.code;
    if (code && code.length === 2) {
      q.root = code;
      q.code = null;
    }
    return { ...q, sort: r.params.get('sort'), cursor: r.params.get('cursor') };
  };

  const load = (r: Route) => {
    const signal = next();
    const query = apiQuery(r);
    fill(exports, 'Export these events: ', ['tsv', 'csv', 'jsonl'].map((fmt) => h('a', { class: 'button', href: apiUrl(`export/events.${fmt}`, { ...query, cursor: null, sort: null }), download: `events.${fmt}` }, fmt === 'tsv' ? 'GDELT TSV' : fmt.toUpperCase())));
    showLoading(table, 'events');
    fill(pager);
    getJson<Page<EventRow>>('events', query, signal).then(
      (page) => {
        fill(status, page.total !== undefined ? `${plural(page.total, 'event')} match` : plural(page.items.length, 'event') + ' on this page');
        if (page.items.length === 0) {
          showEmpty(table, 'No events match these filters.', 'Remove a filter or widen the dates.');
          return;
        }
        fill(table, renderTable(page.items, r));
        const prev = previous.length > 0 ? h('button', { type: 'button', onclick: () => navigate(href('events', withParams(r, { cursor: previous.pop() ?? null }))) }, '← Previous') : null;
        const more = page.next ? h('button', { type: 'button', onclick: () => { previous.push(r.params.get('cursor')); navigate(href('events', withParams(r, { cursor: page.next }))); } }, 'Next →') : null;
        fill(pager, prev, more);
      },
      (error: unknown) => showError(table, error, () => load(r)),
    );
  };

  return {
    title: () => 'Events',
    update(r) {
      if (!r.params.get('cursor')) previous = [];
      route = r;
      for (const f of FILTERS) inputs[f].value = r.params.get(f) ?? '';
      load(r);
    },
  };
};

function renderTable(rows: EventRow[], route: Route): HTMLElement {
  const sort = route.params.get('sort') ?? '-day';
  const sortHeader = (key: string, label: string) => {
    const active = sort.replace(/^-/, '') === key;
    const descending = sort.startsWith('-');
    const nextSort = active && descending ? key : `-${key}`;
    return h(
      'th',
      { scope: 'col', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none' },
      h('a', { href: href('events', withParams(route, { sort: nextSort, cursor: null })), class: 'sort' }, label, active ? (descending ? ' ▼' : ' ▲') : ''),
    );
  };
  const actorCell = (a: { actor: string; name: string | null }) =>
    h('td', {}, h('a', { href: href('events', { actor: a.actor }), title: `All events of ${a.actor}` }, actorCode(a.actor)), a.name ? h('span', { class: 'muted small block' }, a.name) : null);
  return h(
    'table',
    { class: 'events-table' },
    h('caption', { class: 'visually-hidden' }, 'Events matching the filters'),
    h(
      'thead',
      {},
      h('tr', {}, sortHeader('day', 'Date'), h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Target'), sortHeader('goldstein', 'Goldstein'), h('th', { scope: 'col' }, 'Place'), sortHeader('mentions', 'Articles'), h('th', { scope: 'col' }, 'Flags')),
    ),
    h(
      'tbody',
      {},
      rows.map((e) =>
        h(
          'tr',
          {},
          h('td', { class: 'nowrap' }, e.day ?? h('span', { class: 'muted' }, 'undated')),
          actorCell(e.source),
          h('td', {}, h('span', { class: `swatch q${e.quadClass}`, title: quadName(e.quadClass) }), ' ', h('code', {}, e.code), ' ', e.name),
          actorCell(e.target),
          h('td', { class: 'num' }, signed(e.goldstein)),
          h('td', {}, e.place?.name ?? h('span', { class: 'muted' }, '—')),
          h('td', { class: 'num' }, h('a', { href: href('article', { }, String(e.firstArticleId)), title: 'Read the first article that reports it' }, String(e.numArticles))),
          h('td', {}, [e.negated && 'negated', e.claimed && 'claimed', e.historical && 'historical'].filter(Boolean).map((f) => h('span', { class: 'flag' }, String(f)))),
        ),
      ),
    ),
  );
}
