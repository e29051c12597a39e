/**
 * Actors as nodes, dyads as edges weighted by event count and coloured by mean Goldstein score.
 * `#/network?from=&to=&level=country|actor&min=1`
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import type { EventItem } from '../apiTypes.ts';
import { fill, h, svg } from '../dom.ts';
import { plural, signed } from '../format.ts';
import { href, navigate, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { MAX_EVENTS, fetchEvents } from './eventList.ts';

interface ActorNode extends SimulationNodeDatum {
  id: string;
  events: number;
}

interface Dyad extends SimulationLinkDatum<ActorNode> {
  a: string;
  b: string;
  /** Events a→b and b→a. */
  ab: number;
  ba: number;
  goldsteinSum: number;
}

/** Red for conflict, grey for neutral, blue for cooperation (Goldstein −10…+10). */
const goldsteinColour = scaleLinear<string>().domain([-6, 0, 6]).range(['#c0392b', '#b8b8b8', '#2166ac']).clamp(true);

export const networkView: ViewFactory = (root) => {
  const next = latest();
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const level = h('select', { name: 'level' }, h('option', { value: 'country' }, 'countries (USA)'), h('option', { value: 'actor' }, 'full actor codes (USAGOV)'));
  const min = h('input', { type: 'number', name: 'min', min: 1, value: 1, inputmode: 'numeric' });
  const status = h('p', { class: 'result-count', role: 'status' });
  const chart = h('div', { class: 'chart network' });
  const details = h('section', { class: 'edge-details', 'aria-live': 'polite' });
  let graph: { nodes: ActorNode[]; dyads: Dyad[]; unknown: number } | null = null;
  let drawnWidth = 0;

  fill(
    root,
    h('h1', {}, 'Network'),
    h('p', { class: 'lede' }, 'Who acts on whom. Thicker lines carry more events; blue leans cooperative, red conflictual (mean Goldstein score).'),
    h(
      'form',
      {
        class: 'filters',
        onsubmit: (e: Event) => {
          e.preventDefault();
          navigate(href('network', { from: from.value, to: to.value, level: level.value === 'country' ? null : level.value, min: Number(min.value) > 1 ? min.value : null }));
        },
      },
      field('From', from),
      field('To', to),
      field('Actors as', level),
      field('At least', min, 'events per pair'),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Draw')),
    ),
    status,
    chart,
    details,
  );

  const select = (dyad: Dyad) => {
    const mean = dyad.goldsteinSum / (dyad.ab + dyad.ba);
    fill(
      details,
      h('h2', {}, `${dyad.a} ↔ ${dyad.b}`),
      h('p', {}, `${plural(dyad.ab, 'event')} ${dyad.a} → ${dyad.b}, ${plural(dyad.ba, 'event')} ${dyad.b} → ${dyad.a}; mean Goldstein ${signed(Math.round(mean * 10) / 10)}.`),
      h(
        'p',
        { class: 'link-row' },
        h('a', { class: 'button', href: href('timeline', { a: dyad.a, b: dyad.b }) }, 'Timeline'),
        h('a', { class: 'button', href: href('events', { source: dyad.a, target: dyad.b }) }, `Events ${dyad.a} → ${dyad.b}`),
        h('a', { class: 'button', href: href('events', { source: dyad.b, target: dyad.a }) }, `Events ${dyad.b} → ${dyad.a}`),
      ),
    );
  };

  const draw = () => {
    if (!graph) return;
    drawnWidth = chart.clientWidth;
    fill(chart, networkSvg(graph, Math.max(320, drawnWidth), select), networkLegend());
  };
  const resize = new ResizeObserver(() => {
    if (graph && chart.clientWidth !== drawnWidth) draw();
  });
  resize.observe(chart);

  const load = async (r: Route) => {
    const signal = next();
    fill(details);
    showLoading(chart, 'the network');
    fill(status);
    try {
      const events = await fetchEvents({ from: r.params.get('from'), to: r.params.get('to') }, signal);
      graph = toGraph(events.items, r.params.get('level') === 'actor', Math.max(1, Number(r.params.get('min') ?? 1)));
      if (graph.dyads.length === 0) {
        graph = null;
        showEmpty(chart, 'No pair of known actors has events in these dates.', 'Widen the dates or lower the minimum.');
        return;
      }
      const left = graph.unknown > 0 ? ` (${plural(graph.unknown, 'event')} with an unnamed actor left out)` : '';
      fill(status, `${plural(graph.nodes.length, 'actor')}, ${plural(graph.dyads.length, 'pair')}${events.more ? `, from the latest ${MAX_EVENTS} events` : ''}${left}. Select a line for the pair's events and timeline, a name for its events.`);
      draw();
    } catch (error) {
      showError(chart, error, () => void load(r));
    }
  };

  return {
    title: () => 'Network',
    update(r) {
      from.value = r.params.get('from') ?? '';
      to.value = r.params.get('to') ?? '';
      level.value = r.params.get('level') === 'actor' ? 'actor' : 'country';
      min.value = r.params.get('min') ?? '1';
      void load(r);
    },
    destroy: () => resize.disconnect(),
  };
};

function toGraph(events: EventItem[], fullCodes: boolean, minEvents: number): { nodes: ActorNode[]; dyads: Dyad[]; unknown: number } {
  let unknown = 0;
  const key = (actor: string) => (fullCodes ? actor : actor.slice(0, 3));
  const dyads = new Map<string, Dyad>();
  for (const e of events) {
    if (!e.target) continue;
    const s = key(e.source.actor);
    const t = key(e.target.actor);
    // Unnamed actors ("a bomb killed…": ---, or ---MIL) would all meet in one meaningless node.
    if (s.startsWith('---') || t.startsWith('---')) {
      unknown += 1;
      continue;
    }
    if (s === t) continue;
    const [a, b] = s < t ? [s, t] : [t, s];
    const id = `${a}|${b}`;
    let d = dyads.get(id);
    if (!d) {
      d = { a, b, source: a, target: b, ab: 0, ba: 0, goldsteinSum: 0 };
      dyads.set(id, d);
    }
    if (s === a) d.ab += 1;
    else d.ba += 1;
    d.goldsteinSum += e.goldstein;
  }
  const kept = [...dyads.values()].filter((d) => d.ab + d.ba >= minEvents);
  const nodes = new Map<string, ActorNode>();
  for (const d of kept) {
    for (const id of [d.a, d.b]) {
      const node = nodes.get(id) ?? { id, events: 0 };
      node.events += d.ab + d.ba;
      nodes.set(id, node);
    }
  }
  return { nodes: [...nodes.values()], dyads: kept, unknown };
}

function networkSvg(graph: { nodes: ActorNode[]; dyads: Dyad[] }, width: number, onSelect: (d: Dyad) => void): SVGSVGElement {
  const height = Math.max(360, Math.min(620, Math.round(width * 0.6)));
  const maxEdge = Math.max(1, ...graph.dyads.map((d) => d.ab + d.ba));
  const edgeWidth = scaleSqrt().domain([1, maxEdge]).range([1.5, 10]);
  const nodeRadius = scaleSqrt().domain([1, Math.max(1, ...graph.nodes.map((n) => n.events))]).range([5, 18]);
  // The layout is computed once, synchronously: no animation, so the picture is stable and screenshot-friendly.
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const links = graph.dyads.map((d) => ({ ...d, source: d.a, target: d.b }));
  forceSimulation<ActorNode>(nodes)
    .force('link', forceLink<ActorNode, Dyad>(links).id((n) => n.id).distance(Math.min(140, width / 5)))
    .force('charge', forceManyBody().strength(-Math.min(600, width)))
    .force('center', forceCenter(width / 2, height / 2))
    .force('collide', forceCollide<ActorNode>((n) => nodeRadius(n.events) + 24))
    // Weak gravity keeps pairs that touch no one else from drifting to the corners.
    .force('x', forceX(width / 2).strength(0.03))
    .force('y', forceY(height / 2).strength(0.06))
    .stop()
    .tick(300);
  const pad = 40;
  const clampX = (x: number | undefined) => Math.max(pad, Math.min(width - pad, x ?? 0));
  const clampY = (y: number | undefined) => Math.max(pad / 2, Math.min(height - pad / 2, y ?? 0));
  const keyActivate = (fn: () => void) => (e: Event) => {
    if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') {
      e.preventDefault();
      fn();
    }
  };
  return svg(
    'svg',
    { class: 'graph', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group', 'aria-label': 'Network of actors' },
    svg(
      'g',
      { class: 'edges' },
      links.map((l) => {
        const s = l.source as unknown as ActorNode;
        const t = l.target as unknown as ActorNode;
        const dyad = graph.dyads.find((d) => d.a === l.a && d.b === l.b) as Dyad;
        const mean = l.goldsteinSum / (l.ab + l.ba);
        const label = `${l.a} ↔ ${l.b}: ${plural(l.ab + l.ba, 'event')}, mean Goldstein ${signed(Math.round(mean * 10) / 10)}`;
        return svg(
          'line',
          {
            class: 'edge',
            x1: clampX(s.x), y1: clampY(s.y), x2: clampX(t.x), y2: clampY(t.y),
            stroke: goldsteinColour(mean),
            'stroke-width': edgeWidth(l.ab + l.ba),
            tabindex: 0,
            role: 'button',
            'aria-label': label,
            onclick: () => onSelect(dyad),
            onkeydown: keyActivate(() => onSelect(dyad)),
          },
          svg('title', {}, label),
        );
      }),
    ),
    svg(
      'g',
      { class: 'nodes' },
      nodes.map((n) =>
        svg(
          'a',
          { href: href('events', { actor: n.id }), class: 'node', 'aria-label': `${n.id}: ${plural(n.events, 'event')}` },
          svg('circle', { cx: clampX(n.x), cy: clampY(n.y), r: nodeRadius(n.events) }),
          svg('text', { x: clampX(n.x), y: clampY(n.y) - nodeRadius(n.events) - 4, 'text-anchor': 'middle' }, n.id),
          svg('title', {}, `${n.id}: ${plural(n.events, 'event')} — list them`),
        ),
      ),
    ),
  );
}

function networkLegend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend' },
    h('li', {}, h('span', { class: 'legend-line', style: `border-color: ${goldsteinColour(-6)}` }), 'conflictual (mean Goldstein −6 or less)'),
    h('li', {}, h('span', { class: 'legend-line', style: `border-color: ${goldsteinColour(0)}` }), 'neutral (0)'),
    h('li', {}, h('span', { class: 'legend-line', style: `border-color: ${goldsteinColour(6)}` }), 'cooperative (+6 or more)'),
    h('li', {}, 'line width: number of events'),
  );
}
