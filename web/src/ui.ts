/** Loading, empty and error states, the same in every view. */
import { ApiError } from './api.ts';
import { fill, h } from './dom.ts';

export function showLoading(el: Element, what: string): void {
  fill(el, h('p', { class: 'state loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ` Loading ${what}…`));
}

export function showEmpty(el: Element, message: string, hint?: string): void {
  fill(el, h('div', { class: 'state empty', role: 'status' }, h('p', {}, message), hint ? h('p', { class: 'muted' }, hint) : null));
}

/** Shows an error in words; aborted requests (the user moved on) show nothing. Returns false for those. */
export function showError(el: Element, error: unknown, retry?: () => void): boolean {
  if (error instanceof DOMException && error.name === 'AbortError') return false;
  const message = error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`;
  fill(
    el,
    h(
      'div',
      { class: 'state error', role: 'alert' },
      h('p', {}, message),
      retry ? h('button', { type: 'button', onclick: retry }, 'Try again') : null,
    ),
  );
  return true;
}

/** A labelled form control: `field('From', h('input', {...}))`. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control, hint ? h('span', { class: 'field-hint' }, hint) : null);
}
