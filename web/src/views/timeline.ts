/**
 * The relationship timeline of two actors on a proportional time axis: per interval, stacked event counts per
 * QuadClass, A → B above the axis and B → A below; under it, on its own axis, the Goldstein sum of each
 * direction. A date known only to the month or year is a span, not its first day. Clicking a bar lists its events.
 * `#/timeline?a=USA&b=IRN&interval=month&from=&to=`
 */
import { getJson } from '../api.ts';
import type { EventsOverTime, TimeBucket } from '../apiTypes.ts';
import { countChart, goldsteinChart, spanLabel, timeDomain, timeScale, type TimeSeries } from '../charts/timeChart.ts';
import { fill, h } from '../dom.ts';
import { plural, quadName } from '../format.ts';
import { href, navigate, withParams, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { eventList } from './eventList.ts';
import { actorSuggestions } from './events.ts';

const INTERVALS = ['day', 'week', 'month', 'year'] as const;
type Interval = (typeof INTERVALS)[number];

export const timelineView: ViewFactory = (root) => {
  const next = latest();
  const nextList = latest();
  const actorList = h('datalist', { id: 'timeline-actors' });
  const a = h('input', { type: 'text', name: 'a', required: true, list: 'timeline-actors', placeholder: 'USA', autocomplete: 'off', spellcheck: false });
  const b = h('input', { type: 'text', name: 'b', required: true, list: 'timeline-actors', placeholder: 'IRN', autocomplete: 'off', spellcheck: false });
  const interval = h('select', { name: 'interval' }, INTERVALS.map((i) => h('option', { value: i }, `per ${i}`)));
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const chart = h('div', { class: 'chart timeline-chart' });
  const details = h('section', { class: 'bar-events', 'aria-live': 'polite' });
  let series: TimeSeries[] = [];
  let route: Route | null = null;

  fill(
    root,
    h('h1', {}, 'Relationship timeline'),
    h('p', { class: 'lede' }, 'What two actors did to each other over time, in words and in deeds: bars count events per QuadClass, the first actor’s above the line and the second’s below; the chart under it sums their Goldstein scores. Time is to scale.'),
    h(
      'form',
      {
        class: 'filters',
        onsubmit: (e: Event) => {
          e.preventDefault();
          navigate(href('timeline', { a: a.value.trim().toUpperCase(), b: b.value.trim().toUpperCase(), interval: interval.value, from: from.value, to: to.value }));
        },
      },
      field('Actor A', a),
      field('Actor B', b),
      field('Interval', interval),
      field('From', from),
      field('To', to),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show'), h('button', { type: 'button', onclick: () => navigate(href('timeline', withParams(route ?? parseless(), { a: b.value, b: a.value }))) }, 'Swap')),
      actorList,
    ),
    chart,
    details,
  );
  actorSuggestions(actorList);

  const showBar = (bucket: TimeBucket, quad: number, s: TimeSeries) => {
    if (!route) return;
    const [src, tgt] = s.below ? [route.params.get('b'), route.params.get('a')] : [route.params.get('a'), route.params.get('b')];
    eventList(details, `${src} → ${tgt}, ${spanLabel(bucket)}, ${quadName(quad).toLowerCase()}`, { source: src, target: tgt, from: bucket.start, to: bucket.end, quad }, nextList());
  };

  let drawnWidth = 0;
  const draw = () => {
    if (!route || series.length === 0) return;
    drawnWidth = chart.clientWidth;
    const width = Math.max(300, drawnWidth - 20);
    const chosen = intervalOf(route);
    const domain = timeDomain(series, chosen);
    if (!domain) return;
    const x = timeScale(domain, width);
    const actorA = route.params.get('a') ?? '';
    const actorB = route.params.get('b') ?? '';
    fill(
      chart,
      countChart({ width, height: 280, interval: chosen, series, x, label: `Events between ${actorA} and ${actorB} over time`, onSegment: showBar }),
      goldsteinChart({ width, height: 150, interval: chosen, series, x, label: `Goldstein sums of ${actorA} → ${actorB} and ${actorB} → ${actorA} over time` }),
      timelineLegend(actorA, actorB),
      h('p', { class: 'muted small' }, 'Select a bar (or Tab to it and press Enter) to list its events. Pale dashed bands are events dated only to a month or a year, drawn over the whole of it.'),
    );
  };
  const resize = new ResizeObserver(() => {
    if (series.length > 0 && chart.clientWidth !== drawnWidth) draw();
  });
  resize.observe(chart);

  const load = (r: Route) => {
    const actorA = r.params.get('a');
    const actorB = r.params.get('b');
    fill(details);
    series = [];
    if (!actorA || !actorB) {
      showEmpty(chart, 'Pick two actors, for example USA and IRN.', 'Actor codes are CAMEO codes; the boxes suggest the ones in the store.');
      return;
    }
    const signal = next();
    showLoading(chart, `the ${actorA}–${actorB} timeline`);
    const query = (source: string, target: string) => ({ source, target, interval: intervalOf(r), from: r.params.get('from'), to: r.params.get('to') });
    Promise.all([getJson<EventsOverTime>('stats/events-over-time', query(actorA, actorB), signal), getJson<EventsOverTime>('stats/events-over-time', query(actorB, actorA), signal)]).then(
      ([ab, ba]) => {
        series = [
          { buckets: ab.buckets, label: `${actorA} → ${actorB}` },
          { buckets: ba.buckets, label: `${actorB} → ${actorA}`, below: true },
        ];
        const undated = ab.undated + ba.undated;
        if (ab.buckets.length + ba.buckets.length === 0) {
          series = [];
          showEmpty(chart, `No dated events between ${actorA} and ${actorB}${undated ? ` (${plural(undated, 'undated event')})` : ''}.`, 'Check the actor codes, widen the dates, or try a broader code (USA rather than USAGOV).');
          return;
        }
        draw();
        if (undated > 0) chart.append(h('p', { class: 'muted small' }, `${plural(undated, 'event')} without a date ${undated === 1 ? 'is' : 'are'} not drawn; `, h('a', { href: href('events', { source: actorA, target: actorB }) }, `the events table lists every ${actorA} → ${actorB} event`), '.'));
      },
      (error: unknown) => showError(chart, error, () => load(r)),
    );
  };

  return {
    title: (r) => (r.params.get('a') && r.params.get('b') ? `${r.params.get('a')}–${r.params.get('b')} timeline` : 'Timeline'),
    update(r) {
      route = r;
      a.value = r.params.get('a') ?? '';
      b.value = r.params.get('b') ?? '';
      interval.value = intervalOf(r);
      from.value = r.params.get('from') ?? '';
      to.value = r.params.get('to') ?? '';
      load(r);
    },
    destroy: () => resize.disconnect(),
  };
};

function intervalOf(r: Route): Interval {
  const chosen = r.params.get('interval');
  return (INTERVALS as readonly string[]).includes(chosen ?? '') ? (chosen as Interval) : 'month';
}

function parseless(): Route {
  return { view: 'timeline', id: null, params: new URLSearchParams() };
}

function timelineLegend(actorA: string, actorB: string): HTMLElement {
  return h(
    'ul',
    { class: 'legend chart-legend' },
    [1, 2, 3, 4].map((q) => h('li', {}, h('span', { class: `legend-swatch q${q}` }), quadName(q).toLowerCase())),
    h('li', {}, h('span', { class: 'legend-swatch q2' }), `above the line: ${actorA} → ${actorB}`),
    h('li', {}, h('span', { class: 'legend-swatch q2 reverse' }), `below (paler): ${actorB} → ${actorA}`),
    h('li', {}, h('span', { class: 'legend-swatch span-swatch' }), 'dated only to the month or year'),
    h('li', {}, h('span', { class: 'legend-dot' }), `Goldstein sum ${actorA} → ${actorB}`),
    h('li', {}, h('span', { class: 'legend-dot ba' }), `Goldstein sum ${actorB} → ${actorA}`),
  );
}
