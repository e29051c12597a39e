/** The app shell: header navigation and a router that mounts one view per URL hash. */
import './style.css';
import { fill, h } from './dom.ts';
import { href, parseHash, type Route, type ViewName } from './route.ts';
import type { View, ViewFactory } from './view.ts';
import { articleView } from './views/article.ts';
import { codeView } from './views/code.ts';
import { eventsView } from './views/events.ts';
import { homeView } from './views/home.ts';
import { mapView } from './views/map.ts';
import { networkView } from './views/network.ts';
import { quotesView } from './views/quotes.ts';
import { searchView } from './views/search.ts';
import { timelineView } from './views/timeline.ts';

const FACTORIES: Record<ViewName, ViewFactory> = {
  home: homeView,
  search: searchView,
  article: articleView,
  events: eventsView,
  timeline: timelineView,
  map: mapView,
  network: networkView,
  quotes: quotesView,
  code: codeView,
};

const NAV: { view: ViewName; label: string }[] = [
  { view: 'home', label: 'Overview' },
  { view: 'search', label: 'Search' },
  { view: 'events', label: 'Events' },
  { view: 'timeline', label: 'Timeline' },
  { view: 'map', label: 'Map' },
  { view: 'network', label: 'Network' },
  { view: 'quotes', label: 'Quotes' },
  { view: 'code', label: 'Code your own' },
];

const navLinks = NAV.map((n) => h('a', { href: href(n.view), 'data-view': n.view }, n.label));
const main = h('main', { id: 'main', tabindex: '-1' });
const shell = h(
  'div',
  { class: 'shell' },
  h('a', { class: 'skip', href: '#main', onclick: (e: Event) => { e.preventDefault(); main.focus(); } }, 'Skip to content'),
  h('header', { class: 'top' }, h('a', { class: 'brand', href: href('home') }, 'Dateline'), h('nav', { 'aria-label': 'Views' }, navLinks)),
  main,
);
fill(document.body, shell);

let current: { name: ViewName; view: View } | null = null;

function route(): void {
  const r: Route = parseHash(window.location.hash);
  for (const link of navLinks) {
    const active = link.dataset.view === r.view || (r.view === 'article' && link.dataset.view === 'search');
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (current?.name !== r.view) {
    current?.view.destroy?.();
    const root = h('div', { class: `view view-${r.view}` });
    fill(main, root);
    current = { name: r.view, view: FACTORIES[r.view](root, r) };
    if (document.activeElement !== document.body) main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  current.view.update(r);
  document.title = `${current.view.title(r)} · Dateline`;
}

window.addEventListener('hashchange', route);
route();
