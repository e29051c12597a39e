/**
 * The relationship timeline of two actors: per interval, stacked event counts per QuadClass in each direction,
 * and the Goldstein sum as a line. Clicking a bar lists its events. `#/timeline?a=USA&b=IRN&interval=month`
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { getJson } from '../api.ts';
import type { ActorCount, EventRow, Page, TimelineBucket } from '../apiTypes.ts';
import { fill, h, svg } from '../dom.ts';
import { plural, quadName, signed } from '../format.ts';
import { href, navigate, withParams, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { eventList } from './eventList.ts';

const INTERVALS = ['day', 'week', 'month'] as const;

export const timelineView: ViewFactory = (root) => {
  const next = latest();
  const nextList = latest();
  const actorList = h('datalist', { id: 'timeline-actors' });
  const a = h('input', { type: 'text', name: 'a', required: true, list: 'timeline-actors', placeholder: 'USA', autocomplete: 'off', spellcheck: false });
  const b = h('input', { type: 'text', name: 'b', required: true, list: 'timeline-actors', placeholder: 'IRN', autocomplete: 'off', spellcheck: false });
  const interval = h('select', { name: 'interval' }, INTERVALS.map((i) => h('option', { value: i }, `per ${i}`)));
  const chart = h('div', { class: 'chart timeline-chart' });
  const details = h('section', { class: 'bar-events', 'aria-live': 'polite' });
  let buckets: TimelineBucket[] = [];
  let route: Route | null = null;

  fill(
    root,
    h('h1', {}, 'Relationship timeline'),
    h('p', { class: 'lede' }, 'What two actors did to each other over time, in words and in deeds: bars count events per QuadClass in each direction; lines sum their Goldstein scores.'),
    h(
      'form',
      { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); navigate(href('timeline', { a: a.value.trim().toUpperCase(), b: b.value.trim().toUpperCase(), interval: interval.value })); } },
      field('Actor A', a),
      field('Actor B', b),
      field('Interval', interval),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show'), h('button', { type: 'button', onclick: () => navigate(href('timeline', withParams(route ?? parseless(), { a: b.value, b: a.value }))) }, 'Swap')),
      actorList,
    ),
    chart,
    details,
  );
  getJson<Page<ActorCount>>('actors', { limit: 200 }).then(
    (page) => fill(actorList, page.items.map((x) => h('option', { value: x.actor }, `${x.name ?? x.actor} (${x.count})`))),
    () => undefined,
  );

  const showBar = (bucket: TimelineBucket, forward: boolean, quad: number | null) => {
    if (!route) return;
    const [src, tgt] = forward ? [route.params.get('a'), route.params.get('b')] : [route.params.get('b'), route.params.get('a')];
    const heading = `${src} → ${tgt}, ${bucket.period}${quad ? `, ${quadName(quad).toLowerCase()}` : ''}`;
    eventList(details, heading, { source: src, target: tgt, from: bucket.from, to: bucket.to, quad }, nextList());
  };

  const draw = () => {
    if (!route) return;
    drawnWidth = chart.clientWidth;
    const width = Math.max(320, drawnWidth);
    const actorA = route.params.get('a') ?? '';
    const actorB = route.params.get('b') ?? '';
    fill(chart, timelineSvg(buckets, actorA, actorB, width, showBar), timelineLegend(actorA, actorB), h('p', { class: 'muted small' }, 'Click or press Enter on a bar to list its events.'));
  };
  let drawnWidth = 0;
  const resize = new ResizeObserver(() => {
    if (buckets.length > 0 && chart.clientWidth !== drawnWidth) draw();
  });
  resize.observe(chart);

  const load = (r: Route) => {
    const actorA = r.params.get('a');
    const actorB = r.params.get('b');
    fill(details);
    if (!actorA || !actorB) {
      buckets = [];
      showEmpty(chart, 'Pick two actors, for example USA and IRN.', 'Actor codes are CAMEO codes; the boxes suggest the ones in the store.');
      return;
    }
    const signal = next();
    showLoading(chart, `the ${actorA}–${actorB} timeline`);
    getJson<{ buckets: TimelineBucket[] }>(`dyads/${encodeURIComponent(actorA)}/${encodeURIComponent(actorB)}/timeline`, { interval: r.params.get('interval') ?? 'month' }, signal).then(
      (data) => {
        buckets = data.buckets;
        if (buckets.length === 0) {
          showEmpty(chart, `No events between ${actorA} and ${actorB}.`, 'Check the actor codes, or try a broader one (USA rather than USAGOV).');
          return;
        }
        draw();
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
      interval.value = r.params.get('interval') ?? 'month';
      load(r);
    },
    destroy: () => resize.disconnect(),
  };
};

function parseless(): Route {
  return { view: 'timeline', id: null, params: new URLSearchParams() };
}

const total = (q: readonly number[]) => q.reduce((s, n) => s + n, 0);

function timelineSvg(buckets: TimelineBucket[], actorA: string, actorB: string, width: number, onBar: (b: TimelineBucket, forward: boolean, quad: number | null) => void): SVGSVGElement {
  const height = 300;
  const margin = { top: 20, right: 48, bottom: 28, left: 40 };
  const x = scaleBand<string>().domain(buckets.map((b) => b.period)).range([margin.left, width - margin.right]).paddingInner(0.25).paddingOuter(0.1);
  const sub = scaleBand<string>().domain(['ab', 'ba']).range([0, x.bandwidth()]).paddingInner(0.12);
  const maxCount = Math.max(1, ...buckets.flatMap((b) => [total(b.ab.quad), total(b.ba.quad)]));
  const y = scaleLinear().domain([0, maxCount]).nice().range([height - margin.bottom, margin.top]);
  const gMax = Math.max(1, ...buckets.flatMap((b) => [Math.abs(b.ab.goldstein), Math.abs(b.ba.goldstein)]));
  const yG = scaleLinear().domain([-gMax, gMax]).nice().range([height - margin.bottom, margin.top]);

  const bars = buckets.flatMap((bucket) =>
    (['ab', 'ba'] as const).flatMap((dir) => {
      const counts = bucket[dir].quad;
      let base = 0;
      return counts.flatMap((n, i) => {
        if (n === 0) return [];
        const quad = i + 1;
        const y0 = base;
        base += n;
        const [src, tgt] = dir === 'ab' ? [actorA, actorB] : [actorB, actorA];
        const label = `${bucket.period}: ${src} → ${tgt}, ${plural(n, 'event')} of ${quadName(quad).toLowerCase()}`;
        const activate = () => onBar(bucket, dir === 'ab', quad);
        return [
          svg(
            'rect',
            {
              class: `bar q${quad}${dir === 'ba' ? ' reverse' : ''}`,
              x: (x(bucket.period) ?? 0) + (sub(dir) ?? 0),
              y: y(base),
              width: sub.bandwidth(),
              height: Math.max(1, y(y0) - y(base)),
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
            },
            svg('title', {}, label),
          ),
        ];
      });
    }),
  );

  const centre = (p: string) => (x(p) ?? 0) + x.bandwidth() / 2;
  const gLine = (dir: 'ab' | 'ba') => line<TimelineBucket>().x((b) => centre(b.period)).y((b) => yG(b[dir].goldstein))(buckets) ?? '';
  const step = Math.ceil(buckets.length / Math.max(1, Math.floor((width - margin.left - margin.right) / 70)));
  const yTicks = y.ticks(5).filter((t) => Number.isInteger(t));

  return svg(
    'svg',
    { class: 'timeline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': `Events between ${actorA} and ${actorB} over time` },
    svg('g', { class: 'axis y' }, yTicks.map((t) => svg('g', {}, svg('line', { x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t), class: 'grid' }), svg('text', { x: margin.left - 6, y: y(t), dy: '0.32em', 'text-anchor': 'end' }, String(t))))),
    svg('text', { class: 'axis-title', x: 4, y: margin.top - 4 }, 'events'),
    svg('g', { class: 'axis g' }, yG.ticks(4).map((t) => svg('text', { x: width - margin.right + 6, y: yG(t), dy: '0.32em' }, signed(t)))),
    svg('text', { class: 'axis-title', x: width - 4, y: margin.top - 4, 'text-anchor': 'end' }, 'Goldstein Σ'),
    svg('line', { class: 'zero', x1: margin.left, x2: width - margin.right, y1: yG(0), y2: yG(0) }),
    svg('g', { class: 'bars' }, bars),
    svg('path', { class: 'gline ab', d: gLine('ab') }),
    svg('path', { class: 'gline ba', d: gLine('ba') }),
    svg(
      'g',
      { class: 'axis x' },
      buckets.map((b, i) => (i % step === 0 ? svg('text', { x: centre(b.period), y: height - margin.bottom + 16, 'text-anchor': 'middle' }, b.period) : null)),
    ),
  );
}

function timelineLegend(actorA: string, actorB: string): HTMLElement {
  return h(
    'ul',
    { class: 'legend chart-legend' },
    [1, 2, 3, 4].map((q) => h('li', {}, h('span', { class: `legend-swatch q${q}` }), quadName(q).toLowerCase())),
    h('li', {}, h('span', { class: 'legend-swatch q2' }), h('span', { class: 'legend-swatch q2 reverse' }), `left bar ${actorA} → ${actorB}, right bar (paler) ${actorB} → ${actorA}`),
    h('li', {}, h('span', { class: 'legend-line ab' }), `Goldstein sum ${actorA} → ${actorB}`),
    h('li', {}, h('span', { class: 'legend-line ba' }), `Goldstein sum ${actorB} → ${actorA}`),
  );
}
