/**
 * Events and casualty incidents on an offline world map, counted per place by the server. Zoom and pan with the
 * wheel, a drag, a pinch or the buttons; nearby places cluster until you zoom in; hollow rings are records placed
 * only in a country. Selecting a point lists its records. `#/map?from=&to=&layers=events,casualties`
 */
import { getJson } from '../api.ts';
import type { CasualtyItem, MapSpot, Page } from '../apiTypes.ts';
import { mapLegend, worldMap, type Cluster, type MapView } from '../charts/worldMap.ts';
import { fill, h } from '../dom.ts';
import { plural } from '../format.ts';
import { href, navigate, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { eventList } from './eventList.ts';

/** A box just around the members' points, for the records at them (coordinates are stored to about 1 m). */
export function clusterBox(members: readonly MapSpot[]): string {
  const pad = 0.01;
  const west = Math.max(-180, Math.min(...members.map((m) => m.lon)) - pad);
  const east = Math.min(180, Math.max(...members.map((m) => m.lon)) + pad);
  const south = Math.max(-90, Math.min(...members.map((m) => m.lat)) - pad);
  const north = Math.min(90, Math.max(...members.map((m) => m.lat)) + pad);
  return [west, south, east, north].map((n) => n.toFixed(4)).join(',');
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
  let spots: MapSpot[] = [];
  let route: Route | null = null;
  /** Kept across redraws (a resize), so zooming in is not undone. */
  let view: MapView | undefined;

  const layersOf = (r: Route | null) => r?.params.get('layers') ?? 'events,casualties';
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

  const select = (cluster: Cluster) => {
    const signal = nextList();
    const layers = layersOf(route);
    const dates = { from: route?.params.get('from'), to: route?.params.get('to') };
    const bbox = clusterBox(cluster.members);
    const where = cluster.members.length === 1 ? cluster.name : `${plural(cluster.members.length, 'place')} near ${cluster.members[0]!.name}`;
    const eventsBox = h('div');
    const casualtiesBox = h('div');
    fill(details, cluster.countryLevel ? h('p', { class: 'muted' }, `Placed only in ${cluster.members.length === 1 ? cluster.name : 'these countries'}: the articles do not say where in it.`) : null, eventsBox, casualtiesBox);
    if (layers.includes('events') && cluster.events > 0) eventList(eventsBox, `Events in ${where}`, { bbox, ...dates }, signal);
    if (!layers.includes('casualties') || cluster.incidents === 0) return;
    showLoading(casualtiesBox, 'casualty incidents');
    getJson<Page<CasualtyItem>>('casualties', { bbox, ...dates, limit: 100 }, signal).then(
      (page) =>
        fill(
          casualtiesBox,
          h('h2', {}, `Casualty incidents in ${where}`),
          h(
            'ul',
            { class: 'event-list' },
            page.items.map((c) =>
              h(
                'li',
                {},
                h('span', { class: 'swatch casualty' }),
                ` ${c.day ?? 'undated'} · `,
                h('strong', {}, [c.killed !== null && `${c.killed} killed`, c.wounded !== null && `${c.wounded} wounded`].filter(Boolean).join(', ') || 'casualties'),
                c.incident ? ` · ${c.incident}` : '',
                c.place ? ` · ${c.place.name}` : '',
                ' · ',
                h('a', { href: href('article', { span: `${c.start}-${c.end}` }, String(c.article.id)) }, 'read'),
              ),
            ),
          ),
        ),
      (error: unknown) => showError(casualtiesBox, error),
    );
  };

  let drawnWidth = 0;
  const draw = () => {
    drawnWidth = mapBox.clientWidth;
    const layers = layersOf(route);
    const map = worldMap({ width: Math.max(300, drawnWidth - 20), spots, showEvents: layers.includes('events'), showCasualties: layers.includes('casualties'), zoom: true, onSelect: select, ...(view ? { view } : {}), onView: (v) => (view = v) });
    fill(mapBox, map.element, mapLegend(), h('p', { class: 'muted small' }, 'Scroll, drag or pinch to zoom and pan, or use the buttons. Select a point to list its records.'));
  };
  const resize = new ResizeObserver(() => {
    if (mapBox.clientWidth !== drawnWidth && route && spots.length > 0) draw();
  });
  resize.observe(mapBox);

  const load = async (r: Route) => {
    const signal = next();
    const layers = layersOf(r);
    showLoading(status, 'places');
    try {
      const answer = await getJson<{ spots: MapSpot[] }>('stats/map', { from: r.params.get('from'), to: r.params.get('to'), layers: layers === 'none' ? null : layers }, signal);
      spots = layers === 'none' ? [] : answer.spots;
      const events = spots.reduce((n, s) => n + s.events, 0);
      const incidents = spots.reduce((n, s) => n + s.incidents, 0);
      const countryOnly = spots.filter((s) => s.kind === 'country').length;
      if (spots.length === 0) {
        fill(status);
        showEmpty(mapBox, 'Nothing to show: no event or casualty incident in these dates has a place.', 'Widen the dates, or turn a layer back on.');
        return;
      }
      fill(
        status,
        [
          layers.includes('events') ? plural(events, 'event') : null,
          layers.includes('casualties') ? plural(incidents, 'casualty incident') : null,
        ]
          .filter(Boolean)
          .join(' and ') + ` at ${plural(spots.length, 'place')}${countryOnly ? `, ${countryOnly} of them only a country` : ''}.`,
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
      const layers = layersOf(r);
      showEvents.checked = layers.includes('events');
      showCasualties.checked = layers.includes('casualties');
      fill(details);
      void load(r);
    },
    destroy: () => resize.disconnect(),
  };
};
