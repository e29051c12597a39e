/**
 * Actors as nodes, named beside their codes and shaped by kind (state, IGO, NGO, group); dyads as edges whose width
 * and label give their number of events, coloured by mean Goldstein score. Counted by the server (/api/stats/dyads).
 * `#/network?from=&to=&level=country|actor&min=1`
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { scaleLinear, scaleSqrt } from 'd3-scale';
import { getJson } from '../api.ts';
import type { ActorSummary, DyadTotals } from '../apiTypes.ts';
import { buttonAttrs, fill, h, svg } from '../dom.ts';
import { KIND_NAMES, actorName, plural, signed } from '../format.ts';
import { href, navigate, type Route } from '../route.ts';
import { field, showEmpty, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';

interface ActorNode extends SimulationNodeDatum, ActorSummary {
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

/** Pairs drawn at most: the most active ones. */
const MAX_PAIRS = 150;

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
  let graph: { nodes: ActorNode[]; dyads: Dyad[]; domestic: number } | null = null;
  let drawnWidth = 0;

  fill(
    root,
    h('h1', {}, 'Network'),
    h('p', { class: 'lede' }, 'Who acts on whom. Each line is labelled with its number of events and drawn thicker for more; blue leans cooperative, red conflictual (mean Goldstein score). Shapes tell states from international organisations, NGOs and other groups.'),
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
    if (!graph) return;
    const name = (id: string) => actorName(graph!.nodes.find((n) => n.id === id) ?? { actor: id, name: null });
    const mean = dyad.goldsteinSum / (dyad.ab + dyad.ba);
    fill(
      details,
      h('h2', {}, `${name(dyad.a)} ↔ ${name(dyad.b)}`),
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
    fill(chart, networkSvg(graph, Math.max(300, drawnWidth - 20), select), networkLegend());
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
      const answer = await getJson<DyadTotals>('stats/dyads', { from: r.params.get('from'), to: r.params.get('to'), level: r.params.get('level') === 'actor' ? 'actor' : null, limit: 200 }, signal);
      graph = toGraph(answer, Math.max(1, Number(r.params.get('min') ?? 1)), r.params.get('level') !== 'actor');
      if (graph.dyads.length === 0) {
        graph = null;
        showEmpty(chart, 'No pair of known actors has events in these dates.', 'Widen the dates or lower the minimum.');
        return;
      }
      const left = [answer.unknown > 0 ? `${plural(answer.unknown, 'event')} with an unnamed actor` : null, graph.domestic > 0 ? `${plural(graph.domestic, 'event')} within one country` : null].filter(Boolean).join(' and ');
      fill(status, `${plural(graph.nodes.length, 'actor')}, ${plural(graph.dyads.length, 'pair')}${graph.dyads.length >= MAX_PAIRS ? ' (the most active)' : ''}${left ? ` (${left} left out)` : ''}. Select a line for the pair's events and timeline, a name for its events.`);
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

/** Directed pairs → one edge per pair of actors, with both directions' counts. */
function toGraph(answer: DyadTotals, minEvents: number, countries: boolean): { nodes: ActorNode[]; dyads: Dyad[]; domestic: number } {
  const dyads = new Map<string, Dyad>();
  const actors = new Map<string, ActorSummary>();
  let domestic = 0;
  for (const d of answer.dyads) {
    const s = d.source.actor;
    const t = d.target.actor;
    // Between countries, a government acting on its own opposition is not a line: counted, not drawn.
    if (s === t || (countries && s.slice(0, 3) === t.slice(0, 3))) {
      domestic += d.events;
      continue;
    }
    actors.set(s, d.source);
    actors.set(t, d.target);
    const [a, b] = s < t ? [s, t] : [t, s];
    const id = `${a}|${b}`;
    let dyad = dyads.get(id);
    if (!dyad) dyads.set(id, (dyad = { a, b, source: a, target: b, ab: 0, ba: 0, goldsteinSum: 0 }));
    if (s === a) dyad.ab += d.events;
    else dyad.ba += d.events;
    dyad.goldsteinSum += d.goldstein;
  }
  const kept = [...dyads.values()]
    .filter((d) => d.ab + d.ba >= minEvents)
    .sort((x, y) => y.ab + y.ba - (x.ab + x.ba))
    .slice(0, MAX_PAIRS);
  const nodes = new Map<string, ActorNode>();
  for (const d of kept) {
    for (const id of [d.a, d.b]) {
      const node = nodes.get(id) ?? { ...actors.get(id)!, id, events: 0 };
      node.events += d.ab + d.ba;
      nodes.set(id, node);
    }
  }
  return { nodes: [...nodes.values()], dyads: kept, domestic };
}

/** A node's mark: circle for a state, square for an IGO, diamond for an NGO, triangle for any other group. */
function kindShape(kind: string, r: number): SVGElement {
  if (kind === 'igo') return svg('rect', { class: 'shape', x: -r * 0.9, y: -r * 0.9, width: r * 1.8, height: r * 1.8, rx: 2 });
  if (kind === 'ngo') return svg('path', { class: 'shape', d: `M0,${-r * 1.2}L${r * 1.2},0L0,${r * 1.2}L${-r * 1.2},0Z` });
  if (kind === 'group') return svg('path', { class: 'shape', d: `M0,${-r * 1.2}L${r * 1.1},${r * 0.8}L${-r * 1.1},${r * 0.8}Z` });
  return svg('circle', { class: 'shape', r });
}

function networkSvg(graph: { nodes: ActorNode[]; dyads: Dyad[] }, width: number, onSelect: (d: Dyad) => void): SVGSVGElement {
  // A phone gets a tall picture: the same actors need room, and the page scrolls down, not sideways.
  const height = width < 500 ? Math.round(width * 1.4) : Math.max(380, Math.min(640, Math.round(width * 0.62)));
  const maxEdge = Math.max(1, ...graph.dyads.map((d) => d.ab + d.ba));
  const edgeWidth = scaleSqrt().domain([1, maxEdge]).range([1.5, 10]);
  const nodeRadius = scaleSqrt().domain([1, Math.max(1, ...graph.nodes.map((n) => n.events))]).range([6, 18]);
  // The layout is computed once, synchronously: no animation, so the picture is stable and screenshot-friendly.
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const links = graph.dyads.map((d) => ({ ...d, source: d.a, target: d.b }));
  forceSimulation<ActorNode>(nodes)
    .force('link', forceLink<ActorNode, Dyad>(links).id((n) => n.id).distance(Math.min(150, width / 4.5)))
    .force('charge', forceManyBody().strength(-Math.min(700, width)))
    .force('center', forceCenter(width / 2, height / 2))
    .force('collide', forceCollide<ActorNode>((n) => nodeRadius(n.events) + 30))
    // Weak gravity keeps pairs that touch no one else from drifting to the corners.
    .force('x', forceX(width / 2).strength(height > width ? 0.09 : 0.04))
    .force('y', forceY(height / 2).strength(height > width ? 0.02 : 0.07))
    .stop()
    .tick(300);
  const pad = 46;
  const clampX = (x: number | undefined) => Math.max(pad, Math.min(width - pad, x ?? 0));
  const clampY = (y: number | undefined) => Math.max(pad / 2, Math.min(height - pad / 2, y ?? 0));
  const nameOf = (n: ActorNode) => actorName(n);
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
        const count = l.ab + l.ba;
        const mean = l.goldsteinSum / count;
        const label = `${nameOf(s)} ↔ ${nameOf(t)}: ${plural(count, 'event')} (${l.ab} ${l.a} → ${l.b}, ${l.ba} ${l.b} → ${l.a}), mean Goldstein ${signed(Math.round(mean * 10) / 10)}`;
        const [x1, y1, x2, y2] = [clampX(s.x), clampY(s.y), clampX(t.x), clampY(t.y)];
        return svg(
          'g',
          { class: 'edge', 'data-events': count, ...buttonAttrs(label, () => onSelect(dyad)) },
          svg('title', {}, label),
          // A wide invisible line under the visible one: thin edges stay easy to hit.
          svg('line', { class: 'edge-hit', x1, y1, x2, y2 }),
          svg('line', { class: 'edge-line', x1, y1, x2, y2, stroke: goldsteinColour(mean), 'stroke-width': edgeWidth(count) }),
          svg('text', { class: 'edge-count', x: (x1 + x2) / 2, y: (y1 + y2) / 2, dy: '0.35em', 'text-anchor': 'middle' }, String(count)),
        );
      }),
    ),
    svg(
      'g',
      { class: 'nodes' },
      nodes.map((n) => {
        const r = nodeRadius(n.events);
        const name = n.name && n.name !== n.id ? n.name : null;
        return svg(
          'a',
          { href: href('events', { actor: n.id }), class: `node kind-${n.kind}`, 'aria-label': `${name ? `${name} (${n.id})` : n.id}, ${KIND_NAMES[n.kind] ?? n.kind}: ${plural(n.events, 'event')}` },
          svg('g', { transform: `translate(${clampX(n.x)},${clampY(n.y)})` }, kindShape(n.kind, r), svg('text', { class: 'node-code', y: -r - 5, 'text-anchor': 'middle' }, n.id), name ? svg('text', { class: 'node-name', y: r + 13, 'text-anchor': 'middle' }, shorten(name, 28)) : null),
          svg('title', {}, `${name ? `${name} (${n.id})` : n.id} · ${KIND_NAMES[n.kind] ?? n.kind} · ${plural(n.events, 'event')} — list them`),
        );
      }),
    ),
  );
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function networkLegend(): HTMLElement {
  const shape = (kind: string) => svg('svg', { class: `legend-shape node kind-${kind}`, viewBox: '-10 -10 20 20', width: 16, height: 16, 'aria-hidden': 'true' }, kindShape(kind, 7));
  return h(
    'ul',
    { class: 'legend' },
    (['state', 'igo', 'ngo', 'group'] as const).map((k) => h('li', {}, shape(k), KIND_NAMES[k])),
    h('li', {}, h('span', { class: 'legend-line', style: `border-color: ${goldsteinColour(-6)}` }), 'conflictual (mean Goldstein −6 or less)'),
    h('li', {}, h('span', { class: 'legend-line', style: `border-color: ${goldsteinColour(0)}` }), 'neutral (0)'),
    h('li', {}, h('span', { class: 'legend-line', style: `border-color: ${goldsteinColour(6)}` }), 'cooperative (+6 or more)'),
    h('li', {}, 'line width and number: events between the two'),
  );
}
