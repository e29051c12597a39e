/**
 * "Code your own": paste text or HTML, code it on the spot through POST /api/code, read it reader-style.
 * Pasting an article clears the example's date (it belongs to the example), and a pasted HTML page is read as one.
 */
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

/** The same test the engine makes (src/stages/input/html.ts), plus any common tag near the start of a fragment. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2000);
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>])/i.test(head) || /<(p|div|article|h1|h2|span|br)(\s[^>]*)?\/?>/i.test(head);
}

export const codeView: ViewFactory = (root) => {
  const next = latest();
  const text = h('textarea', { id: 'code-text', rows: 10, placeholder: 'Paste a news article (plain text or HTML)…', spellcheck: false });
  const format = h('select', { id: 'code-format' }, h('option', { value: 'text' }, 'plain text'), h('option', { value: 'html' }, 'HTML'));
  const published = h('input', { id: 'code-date', type: 'date' });
  const note = h('p', { class: 'field-hint code-note', role: 'status' });
  const result = h('div', { class: 'code-result', 'aria-live': 'polite' });
  /** The date field holds the example's date, not one the user chose. */
  let exampleDate = false;
  published.addEventListener('input', () => (exampleDate = false));

  /** After a paste or an edit: the example's date goes with the example, and HTML is read as HTML. */
  const followText = (pasted: boolean) => {
    const messages: string[] = [];
    if (pasted && exampleDate) {
      published.value = '';
      exampleDate = false;
      messages.push('The example’s date was cleared: set your article’s date, or leave it empty to use the one in the page.');
    }
    const html = looksLikeHtml(text.value);
    if (html !== (format.value === 'html')) {
      format.value = html ? 'html' : 'text';
      messages.push(html ? 'This looks like an HTML page, so it will be read as one (format: HTML).' : 'This looks like plain text (format: plain text).');
    }
    if (messages.length > 0 || pasted) fill(note, messages.join(' '));
  };
  // The paste lands in the textarea after the event, so the text is read on the next input.
  let pasting = false;
  text.addEventListener('paste', () => (pasting = true));
  text.addEventListener('input', () => {
    followText(pasting);
    pasting = false;
  });

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
      (record) => fill(result, h('h2', {}, record.article.title ?? 'Coded text'), recordCounts(record), renderReader(record, { hideTitle: record.article.title !== null })),
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
      note,
      h(
        'div',
        { class: 'row' },
        field('Format', format),
        field('Published', published, 'resolves “on Monday”'),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', class: 'primary' }, 'Code it'),
          h('button', {
            type: 'button',
            onclick: () => {
              text.value = EXAMPLE;
              published.value = EXAMPLE_DATE;
              format.value = 'text';
              exampleDate = true;
              fill(note);
              text.focus();
            },
          }, 'Use an example'),
        ),
      ),
    ),
    result,
  );

  return { title: () => 'Code your own', update: () => undefined };
};
