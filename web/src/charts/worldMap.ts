/**
 * The offline world map (world-atlas TopoJSON, d3-geo) with events and casualty incidents per place, drawn from
 * the server's per-place counts (/api/stats/map). Places closer than a tap apart are clustered at the current
 * zoom; records placed only in a country (drawn at its centroid) are hollow rings, so they never pass for a
 * located event. Every point is a button at least 24px across. With `zoom`, the wheel, a drag, a pinch or the
 * +/− buttons zoom and pan; clusters split as you zoom in.
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldData from 'world-atlas/countries-110m.json';
import type { MapSpot } from '../apiTypes.ts';
import { buttonAttrs, fill, h, svg } from '../dom.ts';
import { plural } from '../format.ts';

const world = worldData as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(world, world.objects.countries);

/** Points whose centres are closer than this (px) are one cluster. */
const CLUSTER_PX = 22;
/** Smallest tap target (WCAG 2.2 target size): a point's button is never smaller across. */
const MIN_TARGET_PX = 24;
const MAX_ZOOM = 40;

export interface Cluster {
  members: MapSpot[];
  /** Screen position. */
  x: number;
  y: number;
  events: number;
  incidents: number;
  killed: number;
  wounded: number;
  /** Every member is placed only in a country. */
  countryLevel: boolean;
  /** What to call it: the biggest member's name, "and N more places" when several. */
  name: string;
}

export interface WorldMapOptions {
  width: number;
  spots: MapSpot[];
  showEvents: boolean;
  showCasualties: boolean;
  /** Wheel, drag, pinch and buttons; off for the dashboard's small map. */
  zoom: boolean;
  onSelect: (cluster: Cluster) => void;
  /** Where to start: zoom factor and the centre as a share of width and height (a redraw at another width keeps the view). */
  view?: MapView;
  onView?: (view: MapView) => void;
}

export interface MapView {
  k: number;
  cx: number;
  cy: number;
}

export interface WorldMap {
  element: HTMLElement;
  /** Zooms in on a cluster (clicking one does this too, when its places are apart). */
  zoomTo(cluster: Cluster): void;
  readonly scale: number;
}

export function worldMap(o: WorldMapOptions): WorldMap {
  const width = o.width;
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const spots = o.spots.filter((s) => (o.showEvents && s.events > 0) || (o.showCasualties && s.incidents > 0));
  const projected = spots.map((s) => ({ spot: s, at: projection([s.lon, s.lat]) ?? [0, 0] }));
  let k = 1;
  let tx = 0;
  let ty = 0;

  const land = svg(
    'g',
    { class: 'land' },
    svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' }),
    svg('path', { class: 'graticule', d: path(geoGraticule10()) ?? '' }),
    svg('g', { class: 'countries' }, countries.features.map((f) => svg('path', { d: path(f) ?? '' }, svg('title', {}, String((f.properties as { name?: string } | null)?.name ?? ''))))),
  );
  const marks = svg('g', { class: 'marks' });
  const map = svg('svg', { class: `world${o.zoom ? ' zoomable' : ''}`, viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': 'World map of events and casualty incidents' }, land, marks);

  const maxEvents = Math.max(1, ...spots.map((s) => s.events));
  // One toll of 200,000 (a war's, or a pandemic's) must not shrink every other incident to a dot: sizes stop growing above a few times the usual toll.
  const tolls = spots.map((s) => Math.max(s.killed, s.incidents)).sort((a, b) => a - b);
  const maxKilled = Math.max(10, Math.min(tolls.at(-1) ?? 1, (tolls[Math.floor(tolls.length * 0.9)] ?? 1) * 3));
  const eventRadius = scaleSqrt().domain([0, maxEvents]).range([0, Math.max(9, width / 60)]);
  const casualtyRadius = scaleSqrt().domain([0, maxKilled]).range([0, Math.max(9, width / 60)]).clamp(true);

  const clusters = (): Cluster[] => {
    const out: Cluster[] = [];
    // Biggest first, so a cluster is centred on its main place.
    const ordered = [...projected].sort((a, b) => b.spot.events + b.spot.incidents - (a.spot.events + a.spot.incidents));
    for (const { spot, at } of ordered) {
      const x = at[0] * k + tx;
      const y = at[1] * k + ty;
      const near = out.find((c) => Math.hypot(c.x - x, c.y - y) < CLUSTER_PX);
      const target = near ?? { members: [], x, y, events: 0, incidents: 0, killed: 0, wounded: 0, countryLevel: true, name: spot.name };
      if (!near) out.push(target);
      target.members.push(spot);
      target.events += o.showEvents ? spot.events : 0;
      target.incidents += o.showCasualties ? spot.incidents : 0;
      target.killed += o.showCasualties ? spot.killed : 0;
      target.wounded += o.showCasualties ? spot.wounded : 0;
      target.countryLevel &&= spot.kind === 'country';
    }
    for (const c of out) if (c.members.length > 1) c.name = `${c.members[0]!.name} and ${plural(c.members.length - 1, 'more place')}`;
    return out;
  };

  const describe = (c: Cluster) =>
    [
      `${c.name}${c.countryLevel ? ' (country only: not where in it)' : ''}:`,
      c.events > 0 ? plural(c.events, 'event') : null,
      c.incidents > 0 ? `${plural(c.incidents, 'casualty incident')}, ${c.killed} killed, ${c.wounded} wounded` : null,
    ]
      .filter(Boolean)
      .join(' ');

  const draw = () => {
    land.setAttribute('transform', `translate(${tx},${ty}) scale(${k})`);
    const visible = clusters().filter((c) => c.x > -MIN_TARGET_PX && c.x < width + MIN_TARGET_PX && c.y > -MIN_TARGET_PX && c.y < height + MIN_TARGET_PX);
    // Big circles first so small ones stay on top and tappable.
    visible.sort((a, b) => b.events + b.killed - (a.events + a.killed));
    fill(
      marks,
      visible.map((c) => {
        const re = c.events > 0 ? Math.max(4, eventRadius(c.events)) : 0;
        const rc = c.incidents > 0 ? Math.max(4, casualtyRadius(Math.max(c.killed, c.incidents))) : 0;
        // half a pixel of slack: a fractional position or scale can render a 24px circle at 23.99998px
        const hit = Math.max(MIN_TARGET_PX / 2 + 0.5, re, rc);
        const label = describe(c);
        return svg(
          'g',
          {
            class: `spot${c.countryLevel ? ' spot-country' : ''}${c.members.length > 1 ? ' spot-cluster' : ''}`,
            transform: `translate(${c.x},${c.y})`,
            ...buttonAttrs(label, () => select(c)),
          },
          svg('title', {}, label),
          svg('circle', { class: 'spot-target', r: hit }),
          re > 0 ? svg('circle', { class: 'spot-event', r: re }) : null,
          rc > 0 ? svg('circle', { class: 'spot-casualty', r: rc }) : null,
          c.members.length > 1 ? svg('text', { class: 'spot-count', dy: '0.35em', 'text-anchor': 'middle' }, String(c.members.length)) : null,
        );
      }),
    );
  };

  const setView = (nk: number, ntx: number, nty: number) => {
    k = Math.max(1, Math.min(MAX_ZOOM, nk));
    // The world never leaves the frame: at zoom 1 it sits where it was drawn.
    tx = Math.min(0, Math.max(width - width * k, ntx));
    ty = Math.min(0, Math.max(height - height * k, nty));
    draw();
    o.onView?.({ k, cx: (width / 2 - tx) / k / width, cy: (height / 2 - ty) / k / height });
  };
  /** Zoom by `factor` keeping the screen point (px, py) where it is. */
  const zoomAt = (factor: number, px: number, py: number) => {
    const nk = Math.max(1, Math.min(MAX_ZOOM, k * factor));
    setView(nk, px - ((px - tx) / k) * nk, py - ((py - ty) / k) * nk);
  };
  const zoomTo = (c: Cluster) => {
    const xs = c.members.map((m) => projected.find((p) => p.spot === m)!.at);
    const [minX, maxX] = [Math.min(...xs.map((p) => p[0])), Math.max(...xs.map((p) => p[0]))];
    const [minY, maxY] = [Math.min(...xs.map((p) => p[1])), Math.max(...xs.map((p) => p[1]))];
    const nk = Math.min(MAX_ZOOM, Math.max(k * 2, Math.min(width / Math.max(1, (maxX - minX) * 3), height / Math.max(1, (maxY - minY) * 3))));
    setView(nk, width / 2 - ((minX + maxX) / 2) * nk, height / 2 - ((minY + maxY) / 2) * nk);
  };
  let dragged = false;
  const select = (c: Cluster) => {
    if (dragged) return;
    o.onSelect(c);
    if (o.zoom && c.members.length > 1) zoomTo(c);
  };

  const element = h('div', { class: 'world-map' }, map);
  if (o.zoom) {
    installGestures(map, width, height, { zoomAt, pan: (dx, dy) => setView(k, tx + dx, ty + dy), setDragged: (v) => (dragged = v) });
    element.append(
      h(
        'div',
        { class: 'map-zoom', role: 'group', 'aria-label': 'Zoom' },
        h('button', { type: 'button', 'aria-label': 'Zoom in', onclick: () => zoomAt(2, width / 2, height / 2) }, '+'),
        h('button', { type: 'button', 'aria-label': 'Zoom out', onclick: () => zoomAt(0.5, width / 2, height / 2) }, '−'),
        h('button', { type: 'button', 'aria-label': 'Whole world', onclick: () => setView(1, 0, 0) }, '⟲'),
      ),
    );
  }
  if (o.view && o.view.k > 1) setView(o.view.k, width / 2 - o.view.cx * width * o.view.k, height / 2 - o.view.cy * height * o.view.k);
  else draw();
  return {
    element,
    zoomTo,
    get scale() {
      return k;
    },
  };
}

/** Wheel zooms at the pointer; one pointer drags; two pointers pinch. A drag of more than a few pixels is not a click. */
function installGestures(el: SVGSVGElement, width: number, height: number, on: { zoomAt: (f: number, x: number, y: number) => void; pan: (dx: number, dy: number) => void; setDragged: (v: boolean) => void }): void {
  const toView = (e: { clientX: number; clientY: number }): [number, number] => {
    const r = el.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * width, ((e.clientY - r.top) / r.height) * height];
  };
  const ratio = () => width / el.getBoundingClientRect().width;
  el.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      const [x, y] = toView(e);
      on.zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.002)), x, y);
    },
    { passive: false },
  );
  const pointers = new Map<number, { x: number; y: number }>();
  let moved = 0;
  let pinch = 0;
  el.addEventListener('pointerdown', (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    moved = 0;
    on.setDragged(false);
    if (pointers.size === 2) {
      const [p, q] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      pinch = Math.hypot(p.x - q.x, p.y - q.y);
    }
  });
  el.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    const dx = e.clientX - last.x;
    const dy = e.clientY - last.y;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 2) {
      const [p, q] = [...pointers.values()] as [{ x: number; y: number }, { x: number; y: number }];
      const distance = Math.hypot(p.x - q.x, p.y - q.y);
      if (pinch > 0) {
        const [x, y] = toView({ clientX: (p.x + q.x) / 2, clientY: (p.y + q.y) / 2 });
        on.zoomAt(distance / pinch, x, y);
      }
      pinch = distance;
      on.setDragged(true);
      return;
    }
    moved += Math.abs(dx) + Math.abs(dy);
    if (moved > 4) {
      on.setDragged(true);
      // Capture only once it is a drag, so a tap still reaches the point under it.
      if (!el.hasPointerCapture(e.pointerId)) el.setPointerCapture(e.pointerId);
      on.pan(dx * ratio(), dy * ratio());
    }
  });
  const end = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = 0;
    // The click that ends a drag comes right after this; later clicks and keys are clicks again.
    setTimeout(() => on.setDragged(false), 0);
  };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
}

export function mapLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    h('li', {}, h('span', { class: 'legend-swatch spot-event' }), 'events (area ∝ number of events)'),
    h('li', {}, h('span', { class: 'legend-swatch spot-casualty' }), 'casualty incidents (area ∝ people killed)'),
    h('li', {}, h('span', { class: 'legend-swatch spot-country' }), 'hollow: placed only in a country, drawn at its centre'),
    h('li', {}, h('span', { class: 'legend-swatch spot-cluster-swatch' }, '3'), 'nearby places together; zoom in to split them'),
  );
}
