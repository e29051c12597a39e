/**
 * The events explorer: filters, a sortable table, cursor pagination and export links.
 * `#/events?source=USA&target=IRN&quad=4&sort=-day`
 */
import { apiUrl, getJson } from '../api.ts';
import type { ActorItem, EventCount, EventItem, Page } from '../apiTypes.ts';
import { fill, h } from '../dom.ts';
import { actorCode, dayLabel, plural, quadName, signed } from '../format.ts';
import { href, navigate, withParams, type ParamValues, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';

/** Filters the API takes, in the order the form shows them. */
const FILTERS = ['actor', 'source', 'target', 'code', 'quad', 'from', 'to', 'place', 'claimed', 'historical'] as const;
type Filter = (typeof FILTERS)[number];

const PAGE_SIZES = ['50', '100', '500'];

export const eventsView: ViewFactory = (root) => {
  const next = latest();
  const actorList = h('datalist', { id: 'actor-codes' });
  const actorInput = (name: string, placeholder: string) =>
    h('input', { type: 'text', name, placeholder, list: 'actor-codes', autocomplete: 'off', autocapitalize: 'characters', spellcheck: false });
  const yesNo = (name: string) => h('select', { name }, h('option', { value: '' }, 'either'), h('option', { value: 'true' }, 'only'), h('option', { value: 'false' }, 'exclude'));
  const inputs: Record<Filter, HTMLInputElement | HTMLSelectElement> = {
    actor: actorInput('actor', 'either side'),
    source: actorInput('source', 'e.g. USA'),
    target: actorInput('target', 'e.g. IRN'),
    code: h('input', { type: 'text', name: 'code', placeholder: '19 or 190', inputmode: 'numeric', pattern: '(0[1-9]|1[0-9]|20)[0-9]{0,2}', title: 'A CAMEO root (01–20) or a code that starts with one (190, 1823)' }),
    quad: h('select', { name: 'quad' }, h('option', { value: '' }, 'all'), [1, 2, 3, 4].map((q) => h('option', { value: String(q) }, `${q} ${quadName(q)}`))),
    from: h('input', { type: 'date', name: 'from' }),
    to: h('input', { type: 'date', name: 'to' }),
    place: h('input', { type: 'text', name: 'place', placeholder: 'e.g. Baghdad' }),
    claimed: yesNo('claimed'),
    historical: yesNo('historical'),
  };
  const pageSize = h('select', { name: 'limit', 'aria-label': 'Events per page' }, PAGE_SIZES.map((n) => h('option', { value: n }, `${n} per page`)));
  pageSize.addEventListener('change', () => navigate(href('events', withParams(route ?? { view: 'events', id: null, params: new URLSearchParams() }, { limit: pageSize.value === '50' ? null : pageSize.value, cursor: null }))));
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
        navigate(href('events', { ...formValues(), sort: route?.params.get('sort'), limit: route?.params.get('limit') }));
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
  const sortSelect = h(
    'select',
    { name: 'sort', 'aria-label': 'Order' },
    SORT_CHOICES.map(([value, label]) => h('option', { value }, label)),
  );
  sortSelect.addEventListener('change', () => navigate(href('events', withParams(route ?? { view: 'events', id: null, params: new URLSearchParams() }, { sort: sortSelect.value === '-day' ? null : sortSelect.value, cursor: null }))));
  // On a phone the filters fold away under their summary, so the events are on the first screen.
  const filterBox = h('details', { class: 'filter-box', open: window.innerWidth >= 700 }, h('summary', {}, 'Filters'), form);
  fill(root, h('h1', {}, 'Events'), filterBox, h('div', { class: 'table-head' }, status, h('div', { class: 'table-tools' }, sortSelect, pageSize, exports)), table, pager);
  actorSuggestions(actorList);

  const apiQuery = (r: Route) => {
    const q: Record<string, string | null> = {};
    for (const f of FILTERS) q[f] = r.params.get(f);
    // A map box (from the map or the dashboard) filters too; it has no field, only the note above the table.
    return { ...q, bbox: r.params.get('bbox'), sort: r.params.get('sort'), limit: r.params.get('limit'), cursor: r.params.get('cursor') };
  };

  const load = (r: Route) => {
    const signal = next();
    const query = apiQuery(r);
    fill(exports, 'Export all matching:', ['tsv', 'csv', 'jsonl'].map((fmt) => h('a', { class: 'button', href: apiUrl(`export/events.${fmt}`, { ...query, cursor: null, limit: null, sort: null }), download: `events.${fmt}` }, fmt === 'tsv' ? 'GDELT TSV' : fmt.toUpperCase())));
    showLoading(table, 'events');
    fill(pager);
    const filtersOnly = { ...query, cursor: null, limit: null, sort: null };
    Promise.all([getJson<Page<EventItem>>('events', query, signal), getJson<EventCount>('events/count', filtersOnly, signal)]).then(
      ([page, count]) => {
        const pageNumber = previous.length + 1;
        const size = Number(r.params.get('limit') ?? 50);
        const first = (pageNumber - 1) * size + 1;
        const box = r.params.get('bbox') ? [' in a map box · ', h('a', { href: href('events', withParams(r, { bbox: null, cursor: null })) }, 'any place')] : null;
        fill(status, page.items.length === 0 ? '' : [h('strong', {}, plural(count.total, 'event')), count.total > page.items.length ? ` · ${first.toLocaleString('en')}–${(first + page.items.length - 1).toLocaleString('en')} shown` : '', box]);
        if (page.items.length === 0) {
          showEmpty(table, 'No events match these filters.', 'Remove a filter or widen the dates. Actor codes match by prefix: USA also finds USAGOV.');
          return;
        }
        fill(table, renderTable(page.items, r));
        const prev = previous.length > 0 ? h('button', { type: 'button', onclick: () => navigate(href('events', withParams(r, { cursor: previous.pop() ?? null }))) }, '← Previous') : null;
        const nextCursor = page.nextCursor;
        const more = nextCursor ? h('button', { type: 'button', onclick: () => { previous.push(r.params.get('cursor')); navigate(href('events', withParams(r, { cursor: nextCursor }))); } }, 'Next →') : null;
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
      pageSize.value = r.params.get('limit') ?? '50';
      sortSelect.value = r.params.get('sort') ?? '-day';
      const active = FILTERS.filter((f) => r.params.get(f)).length;
      (filterBox.querySelector('summary') as HTMLElement).textContent = active > 0 ? `Filters (${active} set)` : 'Filters';
      load(r);
    },
  };
};

/** Fills a datalist with the store's actor codes, most active first; the form works without it. */
export function actorSuggestions(list: HTMLDataListElement): void {
  getJson<Page<ActorItem>>('actors', { limit: 500 }).then(
    (page) => fill(list, page.items.map((a) => h('option', { value: a.actor }, `${a.names[0] ?? a.actor} · ${plural(a.events, 'event')}`))),
    () => undefined,
  );
}

/** The sentence the event rests on, folded under its name; the trigger words marked. */
function evidence(e: EventItem): HTMLElement | null {
  if (!e.evidence) return null;
  const [start = 0, end = 0] = e.evidence.trigger;
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const { text } = e.evidence;
  return h(
    'details',
    { class: 'evidence' },
    h('summary', {}, 'sentence'),
    h('p', {}, '“', flat(text.slice(0, start)), h('mark', {}, text.slice(start, end)), flat(text.slice(end)), '” ', h('a', { href: href('article', { event: e.id }, String(e.evidence.article)), title: 'Read it in its article' }, 'read')),
  );
}

type SortKey = 'day' | 'goldstein' | 'articles';
const SORT_CHOICES: [string, string][] = [
  ['-day', 'newest first'],
  ['day', 'oldest first'],
  ['-goldstein', 'most cooperative first'],
  ['goldstein', 'most conflictual first'],
  ['-articles', 'most reported first'],
];
function renderTable(rows: EventItem[], route: Route): HTMLElement {
  const sort = route.params.get('sort') ?? '-day';
  const sortHeader = (key: SortKey, label: string) => {
    const active = sort.replace(/^-/, '') === key;
    const descending = sort.startsWith('-');
    const nextSort = active && descending ? key : `-${key}`;
    return h(
      'th',
      { scope: 'col', 'aria-sort': active ? (descending ? 'descending' : 'ascending') : 'none', class: key === 'day' ? '' : 'num' },
      h('a', { href: href('events', withParams(route, { sort: nextSort === '-day' ? null : nextSort, cursor: null })), class: 'sort', title: `Sort by ${label.toLowerCase()}` }, label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (descending ? ' ▼' : ' ▲') : ' ↕')),
    );
  };
  const actorCell = (a: { actor: string; name: string | null } | null, cls: string) =>
    a
      ? h('td', { class: cls }, h('a', { href: href('events', { actor: a.actor }), title: `All events of ${a.actor}` }, actorCode(a.actor)), a.name ? h('span', { class: 'muted small block' }, a.name) : null)
      : h('td', { class: `${cls} muted` }, '—');
  return h(
    'table',
    { class: 'events-table' },
    h('caption', { class: 'visually-hidden' }, 'Events matching the filters'),
    h(
      'thead',
      {},
      h('tr', {}, sortHeader('day', 'Date'), h('th', { scope: 'col' }, 'Source'), h('th', { scope: 'col' }, 'Event'), h('th', { scope: 'col' }, 'Target'), sortHeader('goldstein', 'Goldstein'), h('th', { scope: 'col' }, 'Place'), sortHeader('articles', 'Articles'), h('th', { scope: 'col' }, 'Flags')),
    ),
    h(
      'tbody',
      {},
      rows.map((e) =>
        h(
          'tr',
          {},
          h('td', { class: 'nowrap cell-date' }, e.day ? dayLabel(e.day, e.granularity) : h('span', { class: 'muted' }, 'undated')),
          actorCell(e.source, 'cell-source'),
          h('td', { class: 'cell-event' }, h('span', { class: `swatch q${e.quadClass}`, title: quadName(e.quadClass) }), ' ', h('code', {}, e.code), ' ', e.name, evidence(e)),
          actorCell(e.target, 'cell-target'),
          h('td', { class: 'num', 'data-label': 'Goldstein' }, signed(e.goldstein)),
          h('td', { 'data-label': 'Place' }, e.place?.name ?? h('span', { class: 'muted' }, '—')),
          h('td', { class: 'num', 'data-label': 'Articles' }, h('a', { href: href('article', { event: e.id }, String(e.firstArticle.id)), title: 'Read it in the first article that reports it' }, String(e.numArticles))),
          h('td', { class: 'cell-flags' }, [e.negated && 'negated', e.claimed && 'claimed', e.historical && 'historical'].filter(Boolean).map((f) => h('span', { class: 'flag' }, String(f)))),
        ),
      ),
    ),
  );
}
