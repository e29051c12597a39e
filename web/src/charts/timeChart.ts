/**
 * Event counts over time on a proportional time axis (d3's time scale, in UTC so a stored day stays that day):
 * each bucket is a bar from its first to its last day, stacked by QuadClass. A bucket dated more coarsely than
 * the chart's interval ("in 1980" on a monthly chart) is drawn as a pale dashed band over its whole span, never as a
 * bar on its first day. Two series can face each other (A → B above the axis, B → A below), on one count axis.
 */
import { scaleLinear, scaleUtc, type ScaleTime } from 'd3-scale';
import type { TimeBucket } from '../apiTypes.ts';
import { buttonAttrs, svg } from '../dom.ts';
import { plural, quadName, signed } from '../format.ts';

export interface TimeSeries {
  buckets: TimeBucket[];
  /** Read in labels: "USA → IRN"; empty for a single series. */
  label: string;
  /** Drawn below the axis (the second direction of a dyad). */
  below?: boolean;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const MARGIN: Margin = { top: 14, right: 16, bottom: 26, left: 44 };

const DAY_MS = 86_400_000;
const utc = (day: string) => new Date(`${day}T00:00:00Z`);
/** The instant after a bucket's last day, so a bar covers the whole of its days. */
const after = (day: string) => new Date(utc(day).getTime() + DAY_MS);

/** Units finer than or equal to the interval are drawn as bars; coarser ones as spans. */
const UNIT_ORDER = ['day', 'week', 'month', 'year', 'decade'];
export const isCoarse = (bucket: TimeBucket, interval: string) => UNIT_ORDER.indexOf(bucket.unit) > UNIT_ORDER.indexOf(interval);

/** At least this many days are shown, so one bar of a month is not stretched over the whole chart. */
const MIN_DAYS: Record<string, number> = { day: 14, week: 60, month: 365, year: 365 * 6 };

/** From the first day of the first bucket to the end of the last, with a little air either side (more when there is little to show). */
export function timeDomain(series: readonly TimeSeries[], interval = 'day'): [Date, Date] | null {
  const all = series.flatMap((s) => s.buckets);
  if (all.length === 0) return null;
  const start = Math.min(...all.map((b) => utc(b.start).getTime()));
  const end = Math.max(...all.map((b) => after(b.end).getTime()));
  const short = Math.max(0, (MIN_DAYS[interval] ?? 14) * DAY_MS - (end - start)) / 2;
  const pad = Math.max(DAY_MS, (end - start) * 0.01, short);
  return [new Date(start - pad), new Date(end + pad)];
}

export function timeScale(domain: [Date, Date], width: number, margin: Margin = MARGIN): ScaleTime<number, number> {
  return scaleUtc().domain(domain).range([margin.left, width - margin.right]);
}

const total = (b: TimeBucket) => b.quadClass['1'] + b.quadClass['2'] + b.quadClass['3'] + b.quadClass['4'];

/** A period as people say it: "1980", "May 2007", "week of 2007-05-28", "2007-05-28". */
export function spanLabel(b: Pick<TimeBucket, 'start' | 'unit'>): string {
  const d = utc(b.start);
  if (b.unit === 'decade') return `the ${b.start.slice(0, 4)}s`;
  if (b.unit === 'year') return b.start.slice(0, 4);
  if (b.unit === 'month') return d.toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (b.unit === 'week') return `week of ${b.start}`;
  return b.start;
}

export interface CountChartOptions {
  width: number;
  height: number;
  /** The interval asked for: buckets with a coarser unit are spans. */
  interval: string;
  series: TimeSeries[];
  x: ScaleTime<number, number>;
  /** What the chart shows, for screen readers. */
  label: string;
  onSegment: (bucket: TimeBucket, quad: number, series: TimeSeries) => void;
}

/** Stacked QuadClass bars per bucket, one count axis; a second series (below) mirrors the first. */
export function countChart(o: CountChartOptions): SVGSVGElement {
  const m = MARGIN;
  const mirrored = o.series.some((s) => s.below);
  const maxCount = Math.max(1, ...o.series.flatMap((s) => s.buckets.map(total)));
  const yExtent = mirrored ? [-maxCount, maxCount] : [0, maxCount];
  const y = scaleLinear().domain(yExtent).nice().range([o.height - m.bottom, m.top]);
  const zero = y(0);
  const minWidth = 3;

  const segments = (series: TimeSeries, coarse: boolean) =>
    series.buckets
      .filter((b) => isCoarse(b, o.interval) === coarse)
      .flatMap((bucket) => {
        const x0 = o.x(utc(bucket.start));
        const x1 = o.x(after(bucket.end));
        // Neighbouring bars keep a hairline between them; a bar never gets thinner than 3px.
        const gap = coarse ? 0 : Math.min(1, (x1 - x0) * 0.15);
        const width = Math.max(minWidth, x1 - x0 - gap);
        const left = x1 - x0 - gap < minWidth ? (x0 + x1) / 2 - minWidth / 2 : x0 + gap / 2;
        let base = 0;
        return [1, 2, 3, 4].flatMap((quad) => {
          const n = bucket.quadClass[String(quad) as '1'];
          if (n === 0) return [];
          const from = base;
          base += n;
          const top = series.below ? y(-from) : y(base);
          const bottom = series.below ? y(-base) : y(from);
          const when = coarse ? `${spanLabel(bucket)} (dated only to the ${bucket.unit})` : spanLabel(bucket);
          const label = `${when}: ${series.label ? `${series.label}, ` : ''}${plural(n, 'event')} of ${quadName(quad).toLowerCase()}`;
          return [
            svg(
              'rect',
              {
                class: `bar q${quad}${coarse ? ' span' : ''}${series.below ? ' reverse' : ''}`,
                x: left,
                y: Math.min(top, bottom),
                width,
                height: Math.max(1, Math.abs(bottom - top)),
                'data-start': bucket.start,
                'data-end': bucket.end,
                'data-unit': bucket.unit,
                ...buttonAttrs(label, () => o.onSegment(bucket, quad, series)),
              },
              svg('title', {}, label),
            ),
          ];
        });
      });

  const yTicks = y.ticks(mirrored ? 6 : 5).filter((t) => Number.isInteger(t));
  return svg(
    'svg',
    { class: 'time-chart counts', viewBox: `0 0 ${o.width} ${o.height}`, width: o.width, height: o.height, role: 'group', 'aria-label': o.label },
    svg('g', { class: 'axis y' }, yTicks.map((t) => svg('g', {}, svg('line', { class: 'grid', x1: m.left, x2: o.width - m.right, y1: y(t), y2: y(t) }), svg('text', { x: m.left - 6, y: y(t), dy: '0.32em', 'text-anchor': 'end' }, String(Math.abs(t)))))),
    svg('text', { class: 'axis-title', x: mirrored ? m.left + 4 : 4, y: mirrored ? m.top + 10 : 10 }, mirrored ? `↑ events ${o.series[0]?.label ?? ''}` : 'events'),
    mirrored ? svg('text', { class: 'axis-title', x: m.left + 4, y: o.height - m.bottom - 6 }, `↓ events ${o.series.find((s) => s.below)?.label ?? ''}`) : null,
    // Spans first, so the bars of the interval stay on top and clickable.
    svg('g', { class: 'spans' }, o.series.map((s) => segments(s, true))),
    svg('g', { class: 'bars' }, o.series.map((s) => segments(s, false))),
    svg('line', { class: 'baseline', x1: m.left, x2: o.width - m.right, y1: zero, y2: zero }),
    timeAxis(o.x, o.height - m.bottom, o.width),
  );
}

/** Time ticks along the bottom: years, months or days, as many as fit. */
export function timeAxis(x: ScaleTime<number, number>, y: number, width: number): SVGGElement {
  const count = Math.max(2, Math.floor(width / 90));
  const format = x.tickFormat(count);
  return svg(
    'g',
    { class: 'axis x' },
    svg('line', { class: 'domain', x1: x.range()[0], x2: x.range()[1], y1: y, y2: y }),
    x.ticks(count).map((t) => svg('g', {}, svg('line', { x1: x(t), x2: x(t), y1: y, y2: y + 4 }), svg('text', { x: x(t), y: y + 16, 'text-anchor': 'middle' }, format(t)))),
  );
}

export interface GoldsteinChartOptions {
  width: number;
  height: number;
  interval: string;
  series: TimeSeries[];
  x: ScaleTime<number, number>;
  label: string;
}

/** The Goldstein sum per bucket and direction, on its own axis: a dot per bucket of the interval, a line over a coarser span. */
export function goldsteinChart(o: GoldsteinChartOptions): SVGSVGElement {
  const m = MARGIN;
  const gMax = Math.max(1, ...o.series.flatMap((s) => s.buckets.map((b) => Math.abs(b.goldstein))));
  const y = scaleLinear().domain([-gMax, gMax]).nice().range([o.height - m.bottom, m.top]);
  const marks = o.series.map((s, i) =>
    svg(
      'g',
      { class: `gseries ${i === 0 ? 'ab' : 'ba'}` },
      s.buckets.map((b) => {
        const label = `${spanLabel(b)}${s.label ? `, ${s.label}` : ''}: Goldstein sum ${signed(b.goldstein)} over ${plural(total(b), 'event')}`;
        const x0 = o.x(utc(b.start));
        const x1 = o.x(after(b.end));
        return isCoarse(b, o.interval)
          ? svg('line', { class: 'gspan', x1: x0, x2: x1, y1: y(b.goldstein), y2: y(b.goldstein) }, svg('title', {}, label))
          : svg('circle', { class: 'gdot', cx: (x0 + x1) / 2, cy: y(b.goldstein), r: 4 }, svg('title', {}, label));
      }),
    ),
  );
  return svg(
    'svg',
    { class: 'time-chart goldstein', viewBox: `0 0 ${o.width} ${o.height}`, width: o.width, height: o.height, role: 'img', 'aria-label': o.label },
    svg('g', { class: 'axis y' }, y.ticks(4).map((t) => svg('g', {}, svg('line', { class: 'grid', x1: m.left, x2: o.width - m.right, y1: y(t), y2: y(t) }), svg('text', { x: m.left - 6, y: y(t), dy: '0.32em', 'text-anchor': 'end' }, signed(t))))),
    svg('text', { class: 'axis-title', x: 4, y: 10 }, 'Goldstein sum'),
    svg('line', { class: 'zero', x1: m.left, x2: o.width - m.right, y1: y(0), y2: y(0) }),
    marks,
    timeAxis(o.x, o.height - m.bottom, o.width),
  );
}
