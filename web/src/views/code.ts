/** "Code your own": paste text or HTML, code it on the spot through POST /api/code, read it reader-style. */
import { postJson } from '../api.ts';
import { fill, h } from '../dom.ts';
import { renderReader } from '../reader/reader.ts';
import type { ArticleRecord } from '../types.ts';
import { field, showError, showLoading } from '../ui.ts';
import { latest, type ViewFactory } from '../view.ts';
import { recordCounts } from './article.ts';

const EXAMPLE_DATE = '2024-03-05';
const EXAMPLE = `BAGHDAD (Reuters) - Iraqi police said a car bomb killed 12 people and wounded 30 in a market in Baghdad on Tuesday.
Prime Minister Nuri al-Maliki condemned the attack and said Iraq would work with Iran and the United States to restore security.
"We will not let them divide us," he told reporters.`;

export const codeView: ViewFactory = (root) => {
  const next = latest();
  const text = h('textarea', { id: 'code-text', rows: 10, placeholder: 'Paste a news article (plain text or HTML)…', spellcheck: false });
  const format = h('select', { id: 'code-format' }, h('option', { value: 'text' }, 'plain text'), h('option', { value: 'html' }, 'HTML'));
  const published = h('input', { id: 'code-date', type: 'date' });
  const result = h('div', { class: 'code-result', 'aria-live': 'polite' });

  const run = () => {
    const body = text.value.trim();
    if (!body) {
      fill(result, h('p', { class: 'state empty', role: 'status' }, 'Paste some text first.'));
      text.focus();
      return;
    }
    const signal = next();
    showLoading(result, 'the coded article');
    const payload = { [format.value === 'html' ? 'html' : 'text']: text.value, ...(published.value ? { published: published.value } : {}) };
    postJson<ArticleRecord>('code', payload, signal).then(
      (record) => fill(result, h('h2', {}, record.article.title ?? 'Coded text'), recordCounts(record), renderReader(record)),
      (error: unknown) => showError(result, error, run),
    );
  };

  fill(
    root,
    h('h1', {}, 'Code your own'),
    h('p', { class: 'lede' }, 'Paste an article and see what Dateline reads in it. Nothing is stored.'),
    h(
      'form',
      { class: 'code-form', onsubmit: (e: Event) => { e.preventDefault(); run(); } },
      field('Article', text),
      h(
        'div',
        { class: 'row' },
        field('Format', format),
        field('Published', published, 'resolves “on Monday”'),
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Code it'), h('button', { type: 'button', onclick: () => { text.value = EXAMPLE; published.value = EXAMPLE_DATE; text.focus(); } }, 'Use an example')),
      ),
    ),
    result,
  );

  return { title: () => 'Code your own', update: () => undefined };
};
