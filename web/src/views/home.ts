/**
 * The home dashboard: what the store holds at a glance, every figure a link to the view it sums up. Everything is
 * counted by the server (/api/stats/*). `#/?interval=month|year`
 */
import { getJson } from '../api.ts';
import type { ActorTotal, ArticleHit, DyadTotal, DyadTotals, EventsOverTime, MapSpot, Page, PlaceTotal, Totals, TimeBucket } from '../apiTypes.ts';
import { countChart, timeDomain, timeScale } from '../charts/timeChart.ts';
import { worldMap, type Cluster } from '../charts/worldMap.ts';
import { fill, h, type Child } from '../dom.ts';
import { KIND_NAMES, actorName, plural, quadName } from '../format.ts';
import { href, navigate, type Route } from '../route.ts';
import { showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { clusterBox } from './map.ts';

/** Months shown when the dated events crowd into recent years and a few old ones would flatten the chart. */
const RECENT_MONTHS = 36;

const WIKINEWS_LICENCE = 'https://creativecommons.org/licenses/by/2.5/';

export const homeView: ViewFactory = (root) => {
  const next = latest();
  const counts = h('div', { class: 'tiles' });
  const lede = h('p', { class: 'lede' });
  const overTime = h('div', { class: 'chart over-time' });
  const overTimeNote = h('p', { class: 'muted small' });
  const dyads = h('div', { class: 'panel-body' });
  const actors = h('div', { class: 'panel-body' });
  const places = h('div', { class: 'panel-body' });
  const articles = h('div', { class: 'panel-body' });
  const mapBox = h('div', { class: 'panel-body small-map' });
  const credits = h('footer', { class: 'credits muted small' });
  const panel = (title: string, link: string, linkText: string, body: HTMLElement, cls = '') =>
    h('section', { class: `panel ${cls}` }, h('div', { class: 'panel-title' }, h('h2', {}, title), h('a', { href: link }, linkText)), body);

  fill(
    root,
    h('h1', {}, 'Overview'),
    lede,
    counts,
    h('section', { class: 'panel wide' }, h('div', { class: 'panel-title' }, h('h2', {}, 'Events over time'), h('a', { href: href('events') }, 'All events →')), overTime, overTimeNote),
    h('div', { class: 'panels' }, panel('Top dyads', href('network'), 'Network →', dyads), panel('Top actors', href('network', { level: 'actor' }), 'Network →', actors), panel('Top places', href('map'), 'Map →', places)),
    h('div', { class: 'panels two' }, panel('Latest articles', href('search'), 'Search →', articles), panel('Where', href('map'), 'Open the map →', mapBox)),
    credits,
  );

  let buckets: TimeBucket[] = [];
  let chartState: { interval: 'month' | 'year'; domain: [Date, Date] | null } = { interval: 'month', domain: null };
  let spots: MapSpot[] = [];
  const drawn = { chart: 0, map: 0 };

  const drawChart = () => {
    if (buckets.length === 0) return;
    const width = Math.max(280, overTime.clientWidth - 20);
    drawn.chart = overTime.clientWidth;
    const domain = chartState.domain ?? timeDomain([{ buckets, label: '' }], chartState.interval);
    if (!domain) return;
    const shown = buckets.filter((b) => new Date(`${b.end}T00:00:00Z`) >= domain[0] && new Date(`${b.start}T00:00:00Z`) <= domain[1]);
    fill(
      overTime,
      countChart({
        width,
        height: 220,
        interval: chartState.interval,
        series: [{ buckets: shown, label: '' }],
        x: timeScale(domain, width),
        label: `Events per ${chartState.interval} and QuadClass`,
        onSegment: (b, quad) => navigate(href('events', { from: b.start, to: b.end, quad })),
      }),
      h('ul', { class: 'legend' }, [1, 2, 3, 4].map((q) => h('li', {}, h('span', { class: `legend-swatch q${q}` }), quadName(q).toLowerCase())), h('li', {}, h('span', { class: 'legend-swatch span-swatch' }), 'dated only to the year')),
    );
  };

  const drawMap = () => {
    if (spots.length === 0) return;
    drawn.map = mapBox.clientWidth;
    const map = worldMap({
      width: Math.max(260, mapBox.clientWidth),
      spots,
      showEvents: true,
      showCasualties: true,
      zoom: false,
      // A point's events in the events table; a point with only casualty incidents on the map, where they are listed.
      onSelect: (c: Cluster) => navigate(c.events > 0 ? href('events', { bbox: clusterBox(c.members) }) : href('map', { layers: 'casualties' })),
    });
    fill(mapBox, map.element, h('p', { class: 'muted small' }, 'Blue: events; red: casualty incidents; hollow: placed only in a country; a number: several places together. Select a point for its events.'));
  };
  const resize = new ResizeObserver(() => {
    if (overTime.clientWidth !== drawn.chart) drawChart();
    if (mapBox.clientWidth !== drawn.map) drawMap();
  });
  resize.observe(overTime);
  resize.observe(mapBox);

  const load = (r: Route) => {
    const signal = next();
    for (const el of [overTime, dyads, actors, places, articles, mapBox]) showLoading(el, 'figures');
    const part = <T>(promise: Promise<T>, el: HTMLElement, show: (value: T) => void) => promise.then(show, (error: unknown) => showError(el, error, () => load(r)));

    part(getJson<Totals>('stats/totals', {}, signal), counts, (t) => showTotals(t));
    part(getJson<EventsOverTime>('stats/events-over-time', { interval: 'month' }, signal), overTime, (data) => {
      const wanted = r.params.get('interval');
      chartState = chooseView(data.buckets, wanted === 'year' || wanted === 'month' ? wanted : null);
      buckets = chartState.interval === 'year' ? rollUpToYears(data.buckets) : data.buckets;
      if (buckets.length === 0) {
        showEmpty(overTime, 'No dated events yet.');
        fill(overTimeNote);
        return;
      }
      drawChart();
      const dated = data.buckets.reduce((n, b) => n + b.events, 0);
      const earlier = chartState.domain ? data.buckets.filter((b) => new Date(`${b.end}T00:00:00Z`) < chartState.domain![0]).reduce((n, b) => n + b.events, 0) : 0;
      fill(
        overTimeNote,
        `${plural(dated, 'dated event')}${data.undated ? `, ${plural(data.undated, 'undated one')} not drawn` : ''}. Select a bar for its events. `,
        chartState.domain && earlier > 0
          ? [`The last ${RECENT_MONTHS} months are shown; ${plural(earlier, 'earlier event')} from ${data.buckets[0]!.start.slice(0, 4)} on: `, h('a', { href: href('home', { interval: 'year' }) }, 'show every year')]
          : chartState.interval === 'year' && wanted === 'year'
            ? h('a', { href: href('home', { interval: 'month' }) }, 'Show recent months')
            : null,
      );
    });
    part(getJson<DyadTotals>('stats/dyads', { limit: 8 }, signal), dyads, (d) => fill(dyads, d.dyads.length === 0 ? h('p', { class: 'muted' }, 'No pair of known actors yet.') : rankList(d.dyads.map(dyadRow), Math.max(...d.dyads.map((x) => x.events)))));
    part(getJson<{ items: ActorTotal[] }>('stats/actors', { limit: 8 }, signal), actors, (a) => fill(actors, a.items.length === 0 ? h('p', { class: 'muted' }, 'No actors yet.') : rankList(a.items.map(actorRow), Math.max(...a.items.map((x) => x.events)))));
    part(getJson<{ items: PlaceTotal[] }>('stats/places', { limit: 8 }, signal), places, (p) => fill(places, p.items.length === 0 ? h('p', { class: 'muted' }, 'No places yet.') : rankList(p.items.map(placeRow), Math.max(...p.items.map((x) => x.articles)))));
    part(getJson<Page<ArticleHit>>('articles', { limit: 6 }, signal), articles, (page) => fill(articles, page.items.length === 0 ? h('p', { class: 'muted' }, 'No articles yet: ingest some with `dateline ingest`.') : h('ol', { class: 'latest' }, page.items.map(latestRow))));
    part(getJson<{ spots: MapSpot[] }>('stats/map', {}, signal), mapBox, (m) => {
      spots = m.spots;
      if (spots.length === 0) showEmpty(mapBox, 'No event or casualty incident has a place yet.');
      else drawMap();
    });
    part(getJson<Page<ArticleHit>>('articles', { source: 'Wikinews', limit: 1 }, signal), credits, (page) =>
      fill(
        credits,
        page.items.length === 0
          ? null
          : [
              'Articles from Wikinews are by ',
              h('a', { href: 'https://en.wikinews.org' }, 'Wikinews contributors'),
              ', under ',
              h('a', { href: WIKINEWS_LICENCE }, 'CC BY 2.5'),
              '; each links to its page in the reader. Dateline shows them as coded, not as Wikinews published them.',
            ],
      ),
    );
  };

  const showTotals = (t: Totals) => {
    const tile = (value: number, label: string, link: string, note?: string) => h('a', { class: 'tile', href: link }, h('span', { class: 'tile-value' }, value.toLocaleString('en')), h('span', { class: 'tile-label' }, label), note ? h('span', { class: 'tile-note' }, note) : null);
    fill(
      counts,
      tile(t.articles, t.articles === 1 ? 'article' : 'articles', href('search'), t.firstPublished ? `${t.firstPublished.slice(0, 4)}–${(t.lastPublished ?? '').slice(0, 4)}` : undefined),
      tile(t.events, t.events === 1 ? 'event' : 'events', href('events'), `${plural(t.eventReports, 'report')}`),
      tile(t.quotes, t.quotes === 1 ? 'quote' : 'quotes', href('quotes'), plural(t.speakers, 'speaker')),
      tile(t.casualtyIncidents, t.casualtyIncidents === 1 ? 'casualty incident' : 'casualty incidents', href('map', { layers: 'casualties' }), 'on the map'),
      tile(t.actors, t.actors === 1 ? 'actor' : 'actors', href('network'), `${plural(t.places, 'place')}`),
    );
    fill(lede, t.articles === 0 ? 'The store is empty: ingest articles with `dateline ingest`.' : `What the ${plural(t.articles, 'article')} in this store${t.firstPublished ? `, published ${t.firstPublished} to ${t.lastPublished},` : ''} say happened: who did what to whom, where and when, who said what and who was hurt. Every number links to the records behind it.`);
  };

  return {
    title: () => 'Overview',
    update: load,
    destroy: () => resize.disconnect(),
  };
};

/**
 * Months when the events span a few years; when most sit in the last three years with a few far older ones, those
 * months (and a note); otherwise years.
 */
function chooseView(buckets: TimeBucket[], wanted: 'month' | 'year' | null): { interval: 'month' | 'year'; domain: [Date, Date] | null } {
  const fine = buckets.filter((b) => b.unit === 'month');
  if (wanted === 'year' || fine.length === 0) return { interval: wanted === 'month' ? 'month' : 'year', domain: null };
  const first = new Date(`${buckets[0]!.start}T00:00:00Z`);
  const lastEnd = new Date(`${buckets.at(-1)!.end}T00:00:00Z`);
  const months = (lastEnd.getUTCFullYear() - first.getUTCFullYear()) * 12 + lastEnd.getUTCMonth() - first.getUTCMonth() + 1;
  if (months <= RECENT_MONTHS * 1.5 || wanted === 'month') return { interval: 'month', domain: months <= RECENT_MONTHS * 1.5 ? null : recentDomain(lastEnd) };
  const recentStart = recentDomain(lastEnd)[0];
  const total = buckets.reduce((n, b) => n + b.events, 0);
  const recent = buckets.filter((b) => new Date(`${b.start}T00:00:00Z`) >= recentStart).reduce((n, b) => n + b.events, 0);
  return recent >= total * 0.6 ? { interval: 'month', domain: recentDomain(lastEnd) } : { interval: 'year', domain: null };
}

function recentDomain(lastEnd: Date): [Date, Date] {
  const start = new Date(Date.UTC(lastEnd.getUTCFullYear(), lastEnd.getUTCMonth() - RECENT_MONTHS + 1, 1));
  const end = new Date(Date.UTC(lastEnd.getUTCFullYear(), lastEnd.getUTCMonth() + 1, 1));
  return [start, end];
}

/** Month buckets summed into years (coarser spans stay as they are). */
function rollUpToYears(buckets: TimeBucket[]): TimeBucket[] {
  const years = new Map<string, TimeBucket>();
  for (const b of buckets) {
    const unit = b.unit === 'decade' ? 'decade' : 'year';
    const start = unit === 'year' ? `${b.start.slice(0, 4)}-01-01` : b.start;
    const key = `${start}/${unit}`;
    let y = years.get(key);
    if (!y) years.set(key, (y = { start, end: unit === 'year' ? `${b.start.slice(0, 4)}-12-31` : b.end, unit, events: 0, quadClass: { '1': 0, '2': 0, '3': 0, '4': 0 }, goldstein: 0 }));
    y.events += b.events;
    for (const q of ['1', '2', '3', '4'] as const) y.quadClass[q] += b.quadClass[q];
    y.goldstein += b.goldstein;
  }
  return [...years.values()].sort((a, b) => a.start.localeCompare(b.start));
}

interface RankRow {
  main: Child;
  sub: Child[];
  value: number;
  valueLink: string;
  valueLabel: string;
  quad?: TimeBucket['quadClass'];
}

/** A ranked list: name, what it is, and a bar as long as its count (split by QuadClass when known). */
function rankList(rows: RankRow[], max: number): HTMLElement {
  return h(
    'ol',
    { class: 'rank' },
    rows.map((r) =>
      h(
        'li',
        {},
        h('div', { class: 'rank-name' }, r.main, r.sub.some(Boolean) ? h('span', { class: 'rank-sub' }, r.sub) : null),
        h('a', { class: 'rank-value', href: r.valueLink, title: r.valueLabel }, String(r.value)),
        h(
          'span',
          { class: 'rank-bar', 'aria-hidden': 'true' },
          r.quad
            ? [1, 2, 3, 4].map((q) => h('span', { class: `seg q${q}`, style: `width: ${((r.quad![String(q) as '1'] / max) * 100).toFixed(1)}%` }))
            : h('span', { class: 'seg neutral', style: `width: ${((r.value / max) * 100).toFixed(1)}%` }),
        ),
      ),
    ),
  );
}

function dyadRow(d: DyadTotal): RankRow {
  const link = href('events', { source: d.source.actor, target: d.target.actor });
  return {
    main: h('a', { href: link }, `${d.source.name ?? d.source.actor} → ${d.target.name ?? d.target.actor}`),
    sub: [`${d.source.actor} → ${d.target.actor} · `, h('a', { href: href('timeline', { a: d.source.actor, b: d.target.actor }) }, 'timeline')],
    value: d.events,
    valueLink: link,
    valueLabel: `${plural(d.events, 'event')} ${d.source.actor} → ${d.target.actor}`,
    quad: d.quadClass,
  };
}

function actorRow(a: ActorTotal): RankRow {
  const link = href('events', { actor: a.actor });
  return {
    main: h('a', { href: link }, actorName(a)),
    sub: [h('span', { class: `kind-chip kind-${a.kind}`, title: KIND_NAMES[a.kind] ?? a.kind }, a.kind === 'igo' ? 'IGO' : a.kind === 'ngo' ? 'NGO' : a.kind)],
    value: a.events,
    valueLink: link,
    valueLabel: `${plural(a.events, 'event')} of ${a.actor}`,
  };
}

function placeRow(p: PlaceTotal): RankRow {
  const search = href('search', { q: `"${p.name}"` });
  return {
    main: h('a', { href: search }, p.name),
    sub: [
      [p.kind, p.country && p.kind !== 'country' ? p.country : null].filter(Boolean).join(', '),
      p.events > 0 ? [' · ', h('a', { href: href('events', { place: p.filter }) }, plural(p.events, 'event'))] : null,
    ],
    value: p.articles,
    valueLink: search,
    valueLabel: `${plural(p.articles, 'article')} mention ${p.name}`,
  };
}

function latestRow(a: ArticleHit): HTMLElement {
  return h(
    'li',
    {},
    h('a', { href: href('article', {}, String(a.id)) }, a.title ?? 'Untitled article'),
    h('span', { class: 'muted small block' }, [a.source, a.published, plural(a.events, 'event')].filter(Boolean).join(' · ')),
  );
}

