/**
 * The relationship timeline of two actors: per interval, stacked event counts per QuadClass in each direction,
 * and the Goldstein sum as a line. Clicking a bar lists its events. `#/timeline?a=USA&b=IRN&interval=month`
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { getJson } from '../api.ts';
import type { Tally, Timeline, TimelinePoint } from '../apiTypes.ts';
import { buttonAttrs, fill, h, svg } from '../dom.ts';
import { plural, quadName, signed } from '../format.ts';
import { href, navigate, withParams, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { eventList } from './eventList.ts';
import { actorSuggestions } from './events.ts';

const INTERVALS = ['day', 'week', 'month'] as const;
type Interval = (typeof INTERVALS)[number];

/** A timeline point with the days it spans, its counts per QuadClass as an array, and its label. */
interface Bucket {
  period: string;
  label: string;
  from: string;
  to: string;
  ab: { quad: number[]; goldstein: number };
  ba: { quad: number[]; goldstein: number };
}

/** Empty intervals between the first and last are drawn (time stays to scale) up to this many. */
const MAX_FILLED = 160;

const iso = (d: Date) => d.toISOString().slice(0, 10);

function periodEnd(period: string, interval: Interval): string {
  const d = new Date(`${period}T00:00:00Z`);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 6);
  if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return iso(d);
}

function nextPeriod(period: string, interval: Interval): string {
  const d = new Date(`${period}T00:00:00Z`);
  if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
  if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 1);
  return iso(d);
}

const tallyToCounts = (t: Tally) => ({ quad: [t.quadClass['1'], t.quadClass['2'], t.quadClass['3'], t.quadClass['4']], goldstein: t.goldstein });

/** Points → buckets, with the empty intervals in between when there are not too many of them. */
export function toBuckets(points: TimelinePoint[], interval: Interval): { buckets: Bucket[]; sparse: boolean } {
  const bucket = (period: string, p: TimelinePoint | undefined): Bucket => ({
    period,
    label: interval === 'month' ? period.slice(0, 7) : period,
    from: period,
    to: periodEnd(period, interval),
    ab: p ? tallyToCounts(p.aToB) : { quad: [0, 0, 0, 0], goldstein: 0 },
    ba: p ? tallyToCounts(p.bToA) : { quad: [0, 0, 0, 0], goldstein: 0 },
  });
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return { buckets: [], sparse: false };
  const byPeriod = new Map(points.map((p) => [p.period, p]));
  const filled: Bucket[] = [];
  for (let period = first.period; period <= last.period && filled.length <= MAX_FILLED; period = nextPeriod(period, interval)) filled.push(bucket(period, byPeriod.get(period)));
  if (filled.length <= MAX_FILLED) return { buckets: filled, sparse: false };
  return { buckets: points.map((p) => bucket(p.period, p)), sparse: true };
}

export const timelineView: ViewFactory = (root) => {
  const next = latest();
  const nextList = latest();
  const actorList = h('datalist', { id: 'timeline-actors' });
  const a = h('input', { type: 'text', name: 'a', required: true, list: 'timeline-actors', placeholder: 'USA', autocomplete: 'off', spellcheck: false });
  const b = h('input', { type: 'text', name: 'b', required: true, list: 'timeline-actors', placeholder: 'IRN', autocomplete: 'off', spellcheck: false });
  const interval = h('select', { name: 'interval' }, INTERVALS.map((i) => h('option', { value: i }, `per ${i}`)));
  const chart = h('div', { class: 'chart timeline-chart' });
  const details = h('section', { class: 'bar-events', 'aria-live': 'polite' });
  let buckets: Bucket[] = [];
  let sparse = false;
  let route: Route | null = null;

  fill(
    root,
    h('h1', {}, 'Relationship timeline'),
    h('p', { class: 'lede' }, 'What two actors did to each other over time, in words and in deeds: bars count events per QuadClass in each direction; the black marks sum their Goldstein scores (right axis).'),
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
  actorSuggestions(actorList);

  const showBar = (bucket: Bucket, forward: boolean, quad: number | null) => {
    if (!route) return;
    const [src, tgt] = forward ? [route.params.get('a'), route.params.get('b')] : [route.params.get('b'), route.params.get('a')];
    const heading = `${src} → ${tgt}, ${bucket.label}${quad ? `, ${quadName(quad).toLowerCase()}` : ''}`;
    eventList(details, heading, { source: src, target: tgt, from: bucket.from, to: bucket.to, quad }, nextList());
  };

  const draw = () => {
    if (!route) return;
    drawnWidth = chart.clientWidth;
    const width = Math.max(320, drawnWidth);
    const actorA = route.params.get('a') ?? '';
    const actorB = route.params.get('b') ?? '';
    fill(
      chart,
      timelineSvg(buckets, actorA, actorB, width, sparse, showBar),
      timelineLegend(actorA, actorB, sparse),
      h('p', { class: 'muted small' }, `Click a bar (or Tab to it and press Enter) to list its events.${sparse ? ' The events are years apart, so only intervals with events are drawn.' : ''}`),
    );
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
    const chosen = r.params.get('interval');
    const interval: Interval = chosen === 'day' || chosen === 'week' ? chosen : 'month';
    getJson<Timeline>(`dyads/${encodeURIComponent(actorA)}/${encodeURIComponent(actorB)}/timeline`, { interval }, signal).then(
      (data) => {
        ({ buckets, sparse } = toBuckets(data.points, interval));
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

const total = (q: readonly number[]) => q.reduce((sum, n) => sum + n, 0);

function timelineSvg(buckets: Bucket[], actorA: string, actorB: string, width: number, sparse: boolean, onBar: (b: Bucket, forward: boolean, quad: number | null) => void): SVGSVGElement {
  const height = 300;
  const margin = { top: 28, right: 48, bottom: 28, left: 40 };
  const x = scaleBand<string>().domain(buckets.map((b) => b.period)).range([margin.left, width - margin.right]).paddingInner(0.25).paddingOuter(0.1);
  // Two bars per interval, side by side, never wider than 40px each however few intervals there are.
  const barWidth = Math.min(40, (x.bandwidth() * 0.9) / 2);
  const barX = (period: string, dir: 'ab' | 'ba') => (x(period) ?? 0) + x.bandwidth() / 2 + (dir === 'ab' ? -barWidth - 1 : 1);
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
        const label = `${bucket.label}: ${src} → ${tgt}, ${plural(n, 'event')} of ${quadName(quad).toLowerCase()}`;
        const activate = () => onBar(bucket, dir === 'ab', quad);
        return [
          svg(
            'rect',
            {
              class: `bar q${quad}${dir === 'ba' ? ' reverse' : ''}`,
              x: barX(bucket.period, dir),
              y: y(base),
              width: barWidth,
              height: Math.max(1, y(y0) - y(base)),
              ...buttonAttrs(label, activate),
            },
            svg('title', {}, label),
          ),
        ];
      });
    }),
  );

  const centre = (p: string) => (x(p) ?? 0) + x.bandwidth() / 2;
  const barCentre = (p: string, dir: 'ab' | 'ba') => barX(p, dir) + barWidth / 2;
  const gLine = (dir: 'ab' | 'ba') => line<Bucket>().x((b) => barCentre(b.period, dir)).y((b) => yG(b[dir].goldstein))(buckets) ?? '';
  // Far-apart intervals get a dot per interval that has events, not a line implying what happened in between.
  const gDots = (dir: 'ab' | 'ba') =>
    buckets.filter((b) => total(b[dir].quad) > 0).map((b) => svg('circle', { class: `gdot ${dir}`, cx: barCentre(b.period, dir), cy: yG(b[dir].goldstein), r: 4 }, svg('title', {}, `Goldstein sum ${signed(b[dir].goldstein)}`)));
  const step = Math.ceil(buckets.length / Math.max(1, Math.floor((width - margin.left - margin.right) / 70)));
  const yTicks = y.ticks(5).filter((t) => Number.isInteger(t));

  return svg(
    'svg',
    { class: 'timeline', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': `Events between ${actorA} and ${actorB} over time` },
    svg('g', { class: 'axis y' }, yTicks.map((t) => svg('g', {}, svg('line', { x1: margin.left, x2: width - margin.right, y1: y(t), y2: y(t), class: 'grid' }), svg('text', { x: margin.left - 6, y: y(t), dy: '0.32em', 'text-anchor': 'end' }, String(t))))),
    svg('text', { class: 'axis-title', x: 4, y: 12 }, 'events'),
    svg('g', { class: 'axis g' }, yG.ticks(4).map((t) => svg('text', { x: width - margin.right + 6, y: yG(t), dy: '0.32em' }, signed(t)))),
    svg('text', { class: 'axis-title', x: width - 4, y: 12, 'text-anchor': 'end' }, 'Goldstein sum'),
    svg('line', { class: 'zero', x1: margin.left, x2: width - margin.right, y1: yG(0), y2: yG(0) }),
    svg('g', { class: 'bars' }, bars),
    sparse ? [gDots('ab'), gDots('ba')] : [svg('path', { class: 'gline ab', d: gLine('ab') }), svg('path', { class: 'gline ba', d: gLine('ba') })],
    svg(
      'g',
      { class: 'axis x' },
      buckets.map((b, i) => (i % step === 0 ? svg('text', { x: centre(b.period), y: height - margin.bottom + 16, 'text-anchor': 'middle' }, b.label) : null)),
    ),
  );
}

function timelineLegend(actorA: string, actorB: string, sparse: boolean): HTMLElement {
  const mark = (dir: 'ab' | 'ba') => h('span', { class: sparse ? `legend-dot ${dir}` : `legend-line ${dir}` });
  return h(
    'ul',
    { class: 'legend chart-legend' },
    [1, 2, 3, 4].map((q) => h('li', {}, h('span', { class: `legend-swatch q${q}` }), quadName(q).toLowerCase())),
    h('li', {}, h('span', { class: 'legend-swatch q2' }), h('span', { class: 'legend-swatch q2 reverse' }), `left bar ${actorA} → ${actorB}, right bar (paler) ${actorB} → ${actorA}`),
    h('li', {}, mark('ab'), `Goldstein sum ${actorA} → ${actorB}`),
    h('li', {}, mark('ba'), `Goldstein sum ${actorB} → ${actorA}`),
  );
}
