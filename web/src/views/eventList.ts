/** A short list of the events behind a bar, a map point or a network edge, with a link to the full table. */
import { getJson } from '../api.ts';
import type { EventItem, Page } from '../apiTypes.ts';
import { fill, h } from '../dom.ts';
import { actorCode, dayLabel, plural, quadName, signed } from '../format.ts';
import { href, type ParamValues } from '../route.ts';
import { showEmpty, showError, showLoading } from '../ui.ts';

const LIMIT = 50;

export function eventList(container: HTMLElement, heading: string, filters: ParamValues, signal: AbortSignal): void {
  const body = h('div');
  fill(container, h('h2', {}, heading), body);
  showLoading(body, 'events');
  getJson<Page<EventItem>>('events', { ...filters, limit: LIMIT }, signal).then(
    (page) => {
      if (page.items.length === 0) return showEmpty(body, 'No events here.');
      fill(
        body,
        h('ul', { class: 'event-list' }, page.items.map(eventItem)),
        h('p', {}, h('a', { href: href('events', filters) }, page.nextCursor ? `These are the first ${LIMIT}; see them all in the events explorer →` : 'Open in the events explorer →')),
      );
    },
    (error: unknown) => showError(body, error),
  );
}

export function eventItem(e: EventItem): HTMLElement {
  return h(
    'li',
    {},
    h('span', { class: `swatch q${e.quadClass}`, title: quadName(e.quadClass) }),
    ' ',
    h('span', { class: 'nowrap' }, e.day ? dayLabel(e.day, e.granularity) : 'undated'),
    ' · ',
    h('strong', {}, `${actorCode(e.source.actor)} → ${actorCode(e.target?.actor)}`),
    ' ',
    h('code', {}, e.code),
    ` ${e.name} (${signed(e.goldstein)})`,
    e.place ? ` · ${e.place.name}` : '',
    ' · ',
    h('a', { href: href('article', { event: e.id }, String(e.firstArticle.id)) }, e.numArticles > 1 ? `read (${plural(e.numArticles, 'article')})` : 'read'),
  );
}
