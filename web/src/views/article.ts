/** The reader view of one stored article: `#/article/<id>?record=<record id>`. */
import { getJson } from '../api.ts';
import { fill, h } from '../dom.ts';
import { plural } from '../format.ts';
import { renderReader } from '../reader/reader.ts';
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
    getJson<ArticleRecord>(`articles/${encodeURIComponent(id)}`, {}, signal).then(
      (record) => {
        title = record.article.title ?? 'Untitled article';
        document.title = `${title} · Dateline`;
        fill(
          root,
          articleHeader(record),
          renderReader(record, {
            focus: route.params.get('record'),
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

export function articleHeader(record: ArticleRecord): HTMLElement {
  const a = record.article;
  const meta = [a.source, a.published, a.byline].filter((x): x is string => !!x);
  return h(
    'header',
    { class: 'article-head' },
    h('h1', {}, a.title ?? 'Untitled article'),
    h(
      'p',
      { class: 'meta' },
      meta.join(' · ') || 'no source or date',
      a.url ? [' · ', h('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null,
    ),
    h(
      'p',
      { class: 'counts' },
      [
        plural(record.events.length, 'event'),
        plural(record.quotes.length, 'quote'),
        plural(record.casualties.length, 'casualty report'),
        plural(record.entities.length, 'entity', 'entities'),
      ].join(' · '),
    ),
  );
}
