/**
 * Events and casualty incidents on an offline world map (world-atlas TopoJSON, d3-geo), sized by count and
 * by fatalities. Clicking a point lists its records. `#/map?from=&to=&layers=events,casualties`
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { scaleSqrt } from 'd3-scale';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldData from 'world-atlas/countries-110m.json';
import { getJson } from '../api.ts';
import type { CasualtyItem, EventItem, Page } from '../apiTypes.ts';
import { buttonAttrs, fill, h, svg } from '../dom.ts';
import { plural } from '../format.ts';
import { href, navigate, type Route } from '../route.ts';
import { field, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { MAX_EVENTS, eventList, fetchEvents } from './eventList.ts';

/** A box around the whole world keeps only records that have coordinates. */
const WHOLE_WORLD = '-180,-90,180,90';

const world = worldData as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(world, world.objects.countries);

/** Records at one place (coordinates rounded to 0.01°, about 1 km). */
interface Spot {
  key: string;
  name: string;
  lat: number;
  lon: number;
  events: number;
  killed: number;
  wounded: number;
  casualties: CasualtyItem[];
}

export const mapView: ViewFactory = (root) => {
  const next = latest();
  const nextList = latest();
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const showEvents = h('input', { type: 'checkbox', name: 'events', checked: true });
  const showCasualties = h('input', { type: 'checkbox', name: 'casualties', checked: true });
  const status = h('p', { class: 'result-count', role: 'status' });
  const mapBox = h('div', { class: 'chart map' });
  const details = h('section', { class: 'spot-records', 'aria-live': 'polite' });
  let spots: Spot[] = [];
  let route: Route | null = null;

  const submit = () =>
    navigate(href('map', { from: from.value, to: to.value, layers: [showEvents.checked && 'events', showCasualties.checked && 'casualties'].filter(Boolean).join(',') || 'none' }));
  fill(
    root,
    h('h1', {}, 'Map'),
    h(
      'form',
      { class: 'filters', onsubmit: (e: Event) => { e.preventDefault(); submit(); } },
      field('From', from),
      field('To', to),
      h('fieldset', { class: 'checks' }, h('legend', {}, 'Show'), h('label', {}, showEvents, ' events'), h('label', {}, showCasualties, ' casualty incidents')),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Update')),
    ),
    status,
    mapBox,
    details,
  );
  showEvents.addEventListener('change', submit);
  showCasualties.addEventListener('change', submit);

  const select = (spot: Spot) => {
    const signal = nextList();
    const list = h('div');
    fill(details, list);
    if (route?.params.get('layers')?.includes('events') !== false && spot.events > 0) {
      eventList(list, `Events in ${spot.name}`, { place: spot.name, from: route?.params.get('from'), to: route?.params.get('to') }, signal);
    }
    if (spot.casualties.length > 0) {
      details.append(
        h('h2', {}, `Casualty incidents in ${spot.name}`),
        h(
          'ul',
          { class: 'event-list' },
          spot.casualties.map((c) =>
            h(
              'li',
              {},
              h('span', { class: 'swatch casualty' }),
              ` ${c.day ?? 'undated'} · `,
              h('strong', {}, [c.killed !== null && `${c.killed} killed`, c.wounded !== null && `${c.wounded} wounded`].filter(Boolean).join(', ') || 'casualties'),
              c.incident ? ` · ${c.incident}` : '',
              ' · ',
              h('a', { href: href('article', { span: `${c.start}-${c.end}` }, String(c.article.id)) }, 'read'),
            ),
          ),
        ),
      );
    }
  };

  let drawnWidth = 0;
  const draw = () => {
    drawnWidth = mapBox.clientWidth;
    const layers = route?.params.get('layers') ?? 'events,casualties';
    fill(mapBox, worldSvg(Math.max(320, drawnWidth), spots, layers.includes('events'), layers.includes('casualties'), select), mapLegend());
  };
  const resize = new ResizeObserver(() => {
    if (mapBox.clientWidth !== drawnWidth && route) draw();
  });
  resize.observe(mapBox);

  const load = async (r: Route) => {
    const signal = next();
    const layers = r.params.get('layers') ?? 'events,casualties';
    const dates = { from: r.params.get('from'), to: r.params.get('to') };
    showLoading(status, 'places');
    try {
      const [events, casualties] = await Promise.all([
        layers.includes('events') ? fetchEvents({ ...dates, bbox: WHOLE_WORLD }, signal) : Promise.resolve({ items: [], more: false }),
        layers.includes('casualties') ? getJson<Page<CasualtyItem>>('casualties', { ...dates, bbox: WHOLE_WORLD, limit: 500 }, signal).then((p) => p.items) : Promise.resolve([]),
      ]);
      spots = toSpots(events.items, casualties);
      const placed = events.items.filter((e) => e.place?.lat != null).length;
      fill(
        status,
        spots.length === 0
          ? 'Nothing to show: no event or casualty incident in these dates has a place.'
          : `${plural(placed, 'event')}${events.more ? ` (the latest ${MAX_EVENTS})` : ''} and ${plural(casualties.filter((c) => c.place?.lat != null).length, 'casualty incident')} at ${plural(spots.length, 'place')}. Select a point to list its records.`,
      );
      draw();
    } catch (error) {
      showError(status, error, () => void load(r));
    }
  };

  return {
    title: () => 'Map',
    update(r) {
      route = r;
      from.value = r.params.get('from') ?? '';
      to.value = r.params.get('to') ?? '';
      const layers = r.params.get('layers') ?? 'events,casualties';
      showEvents.checked = layers.includes('events');
      showCasualties.checked = layers.includes('casualties');
      fill(details);
      void load(r);
    },
    destroy: () => resize.disconnect(),
  };
};

function toSpots(events: EventItem[], casualties: CasualtyItem[]): Spot[] {
  const spots = new Map<string, Spot>();
  const at = (place: { name: string; lat: number | null; lon: number | null }): Spot | null => {
    if (place.lat == null || place.lon == null) return null;
    const key = `${place.lat.toFixed(2)},${place.lon.toFixed(2)}`;
    let spot = spots.get(key);
    if (!spot) {
      spot = { key, name: place.name, lat: place.lat, lon: place.lon, events: 0, killed: 0, wounded: 0, casualties: [] };
      spots.set(key, spot);
    }
    return spot;
  };
  for (const e of events) {
    const spot = e.place ? at(e.place) : null;
    if (spot) spot.events += 1;
  }
  for (const c of casualties) {
    const spot = c.place ? at(c.place) : null;
    if (!spot) continue;
    spot.casualties.push(c);
    spot.killed += c.killed ?? 0;
    spot.wounded += c.wounded ?? 0;
  }
  return [...spots.values()];
}

function worldSvg(width: number, spots: Spot[], showEvents: boolean, showCasualties: boolean, onSelect: (s: Spot) => void): SVGSVGElement {
  const height = Math.round(width * 0.52);
  const projection = geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
  const path = geoPath(projection);
  const eventRadius = scaleSqrt().domain([0, Math.max(1, ...spots.map((s) => s.events))]).range([0, Math.max(10, width / 45)]);
  const deathRadius = scaleSqrt().domain([0, Math.max(1, ...spots.map((s) => s.killed))]).range([0, Math.max(10, width / 45)]);
  const point = (spot: Spot, r: number, cls: string, label: string) => {
    const [cx, cy] = projection([spot.lon, spot.lat]) ?? [0, 0];
    const activate = () => onSelect(spot);
    return svg(
      'circle',
      {
        class: `spot ${cls}`,
        cx,
        cy,
        r,
        ...buttonAttrs(label, activate),
      },
      svg('title', {}, label),
    );
  };
  // Big circles first so small ones stay clickable on top.
  const bySize = [...spots].sort((a, b) => b.events + b.killed - (a.events + a.killed));
  return svg(
    'svg',
    { class: 'world', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': 'World map of events and casualty incidents' },
    svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) ?? '' }),
    svg('path', { class: 'graticule', d: path(geoGraticule10()) ?? '' }),
    svg('g', { class: 'countries' }, countries.features.map((f) => svg('path', { d: path(f) ?? '' }, svg('title', {}, String((f.properties as { name?: string } | null)?.name ?? ''))))),
    showEvents ? svg('g', { class: 'events' }, bySize.filter((s) => s.events > 0).map((s) => point(s, Math.max(3, eventRadius(s.events)), 'spot-event', `${s.name}: ${plural(s.events, 'event')}`))) : null,
    showCasualties
      ? svg('g', { class: 'casualties' }, bySize.filter((s) => s.casualties.length > 0).map((s) => point(s, Math.max(3, deathRadius(s.killed)), 'spot-casualty', `${s.name}: ${plural(s.casualties.length, 'casualty incident')}, ${s.killed} killed, ${s.wounded} wounded`)))
      : null,
  );
}

function mapLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    h('li', {}, h('span', { class: 'legend-swatch spot-event' }), 'events (area ∝ number of events)'),
    h('li', {}, h('span', { class: 'legend-swatch spot-casualty' }), 'casualty incidents (area ∝ people killed)'),
  );
}
