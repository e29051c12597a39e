/** The reader view of one stored article: `#/article/<id>`, with `?record=ev3`, `?event=<stored event id>` or `?span=<start>-<end>` to show one record. */
import { getJson } from '../api.ts';
import type { StoredArticle } from '../apiTypes.ts';
import { fill, h } from '../dom.ts';
import { plural } from '../format.ts';
import { eventGroups, renderReader } from '../reader/reader.ts';
import { href, navigate, type Route } from '../route.ts';
import type { ArticleRecord } from '../types.ts';
import { showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';

export const articleView: ViewFactory = (root) => {
  const next = latest();
  let shownId: string | null = null;
  let title = 'Article';

  const load = (route: Route) => {
    const id = route.id ?? '';
    shownId = id;
    const signal = next();
    showLoading(root, 'the article');
    getJson<StoredArticle>(`articles/${encodeURIComponent(id)}`, {}, signal).then(
      (stored) => {
        title = stored.title ?? 'Untitled article';
        document.title = `${title} · Dateline`;
        if (!stored.record) {
          fill(
            root,
            h('h1', {}, title),
            h('div', { class: 'state error', role: 'alert' }, h('p', {}, 'This article could not be coded.'), h('ul', {}, stored.messages.map((m) => h('li', {}, `${m.stage}: ${m.text}`)))),
            h('div', { class: 'article-text' }, stored.text),
          );
          return;
        }
        const span = /^(\d+)-(\d+)$/.exec(route.params.get('span') ?? '');
        // ?event= is a stored event id (from the events table); eventIds maps this article's records to those.
        const event = route.params.get('event');
        const eventRecord = event ? (Object.entries(stored.eventIds).find(([, storedId]) => String(storedId) === event)?.[0] ?? null) : null;
        fill(
          root,
          articleHeader(stored, stored.record),
          renderReader(stored.record, {
            hideTitle: true,
            eventIds: stored.eventIds,
            focus: route.params.get('record') ?? eventRecord,
            focusSpan: span ? { start: Number(span[1]), end: Number(span[2]) } : null,
            onSelect: (recordId) => navigate(href('article', { record: recordId }, id), { replace: true }),
          }),
        );
      },
      (error: unknown) => showError(root, error, () => load(route)),
    );
  };

  return {
    title: () => title,
    update(route) {
      // Selecting a record only rewrites the URL; the article stays as it is.
      if (route.id !== shownId) load(route);
    },
  };
};

export function articleHeader(stored: Pick<StoredArticle, 'title' | 'source' | 'published' | 'url' | 'duplicateOf' | 'nearDuplicates' | 'eventIds'>, record: ArticleRecord): HTMLElement {
  const meta = [stored.source, stored.published?.slice(0, 10), record.article.byline].filter((x): x is string => !!x);
  return h(
    'header',
    { class: 'article-head' },
    h('h1', {}, stored.title ?? 'Untitled article'),
    h(
      'p',
      { class: 'meta' },
      meta.join(' · ') || 'no source or date',
      stored.url ? [' · ', h('a', { href: stored.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null,
      stored.duplicateOf !== null ? [' · near-duplicate of ', h('a', { href: href('article', {}, String(stored.duplicateOf)) }, `article ${stored.duplicateOf}`)] : null,
      stored.nearDuplicates.length > 0 ? ` · republished ${plural(stored.nearDuplicates.length, 'time')}` : null,
    ),
    stored.source === 'Wikinews' && stored.url
      ? h('p', { class: 'meta attribution' }, 'Text by ', h('a', { href: stored.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Wikinews contributors'), ', ', h('a', { href: 'https://creativecommons.org/licenses/by/2.5/', rel: 'noopener noreferrer', target: '_blank' }, 'CC BY 2.5'), '.')
      : null,
    recordCounts(record, stored.eventIds),
  );
}

/** The article's records counted; events as the store counts them (an event reported twice in the text is one event). */
export function recordCounts(record: ArticleRecord, eventIds: Record<string, number> | null = null): HTMLElement {
  return h(
    'p',
    { class: 'counts' },
    [
      plural(eventGroups(record, eventIds).length, 'event'),
      plural(record.quotes.length, 'quote'),
      plural(record.casualties.length, 'casualty report'),
      plural(record.entities.length, 'entity', 'entities'),
      plural(record.places.length, 'place'),
      plural(record.dates.length, 'date'),
    ].join(' · '),
  );
}
