/**
 * The reader: an article's text with every record highlighted in place, a card on hover or focus, and a
 * side panel listing all records (clicking one scrolls to its words). Used by the article view and by
 * "code your own".
 */
import { closest, fill, h, svg } from '../dom.ts';
import { SPEAKER_TINTS, actorCode, dateValueLabel } from '../format.ts';
import type { ArticleRecord } from '../types.ts';
import { casualtyCounts, indexRecord, refCard, type RecordIndex } from './cards.ts';
import { buildMarks, nestMarks, type MarkNode, type Ref } from './marks.ts';

const LAYER_TOGGLES = [
  { key: 'entities', label: 'Entities & dates' },
  { key: 'events', label: 'Events' },
  { key: 'quotes', label: 'Quotes' },
  { key: 'casualties', label: 'Casualties' },
] as const;

export interface ReaderOptions {
  /** Record id to scroll to and show once rendered (from the URL). */
  focus?: string | null;
  /** Or the words of a record, when only its offsets are known (quotes and casualties from the API lists). */
  focusSpan?: { start: number; end: number } | null;
  /** Called when the reader selects a record, so the URL can keep it. */
  onSelect?: (id: string) => void;
  /** The page shows the title above the reader: the text starts after it, so the title is shown once. */
  hideTitle?: boolean;
  /** Stored event each event record was merged into (the store's one event for several reports of it). */
  eventIds?: Record<string, number>;
}

const KIND_ORDER: Ref['kind'][] = ['event', 'casualty', 'quote', 'entity', 'place', 'date'];

const refToken = (ref: Pick<Ref, 'kind' | 'id'>) => `${ref.kind}:${ref.id}`;

export function renderReader(record: ArticleRecord, options: ReaderOptions = {}): HTMLElement {
  const index = indexRecord(record);
  const speakers = new Map<string, string>();
  const speakerColour = (key: string) => {
    if (!speakers.has(key)) speakers.set(key, SPEAKER_TINTS[speakers.size % SPEAKER_TINTS.length] as string);
    return speakers.get(key) as string;
  };
  const body = record.article.text;
  const titleSpan = record.article.titleSpan;
  const from = options.hideTitle && titleSpan ? titleSpan.end + (body.slice(titleSpan.end).length - body.slice(titleSpan.end).trimStart().length) : 0;
  const marks = buildMarks(record, speakerColour).filter((m) => m.start >= from);
  const refsOf = new Map(marks.map((m) => [m.key, m.refs]));

  const text = h('div', { class: 'article-text', lang: 'en' }, renderNodes(body, from, body.length, nestMarks(marks)));
  const tooltip = h('div', { class: 'tooltip', role: 'tooltip', id: 'reader-tooltip', hidden: true });
  const root = h('div', { class: 'reader' });

  let hot: Element[] = [];
  const clearHot = () => {
    for (const el of hot) el.classList.remove('hot');
    hot = [];
  };

  /** Refs of a mark element and of every mark around it, each record once: facts first, then names, innermost first. */
  const refsAt = (el: HTMLElement): Ref[] => {
    const refs: Ref[] = [];
    for (let cur: HTMLElement | null = el; cur && cur !== text; cur = cur.parentElement) {
      for (const ref of refsOf.get(cur.dataset.mark ?? '') ?? []) {
        if (!refs.some((r) => r.kind === ref.kind && r.id === ref.id)) refs.push(ref);
      }
    }
    return refs.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  };

  /** Shows the records of a mark; `first` (the record chosen in the panel) leads. */
  const show = (el: HTMLElement, first: string | null = null) => {
    const refs = refsAt(el);
    if (first) refs.sort((a, b) => Number(refToken(b) === first) - Number(refToken(a) === first));
    clearHot();
    if (refs.length === 0) return hide();
    for (const ref of refs.slice(0, 1)) {
      hot = [...text.querySelectorAll(`[data-refs~="${CSS.escape(refToken(ref))}"]`)];
      for (const m of hot) m.classList.add('hot');
    }
    const cards = refs.map((r) => refCard(index, r)).filter((c): c is HTMLElement => c !== null);
    const shown = cards.slice(0, 4);
    fill(tooltip, shown, cards.length > shown.length ? h('p', { class: 'more' }, `and ${cards.length - shown.length} more records on these words (see the panel)`) : null);
    tooltip.hidden = false;
    placeTooltip(tooltip, el);
    el.setAttribute('aria-describedby', tooltip.id);
  };
  const hide = () => {
    tooltip.hidden = true;
    clearHot();
  };

  text.addEventListener('pointerover', (e) => {
    const el = closest(e.target, '.mk');
    if (el) show(el);
  });
  text.addEventListener('pointerleave', hide);
  text.addEventListener('focusin', (e) => {
    const el = closest(e.target, '.mk');
    if (el) show(el);
  });
  text.addEventListener('focusout', hide);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
  });

  const focusRecord = (token: string, smooth = true) => {
    const el = text.querySelector<HTMLElement>(`[data-refs~="${CSS.escape(token)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    el.focus({ preventScroll: true });
    show(el, token);
    el.classList.remove('flash');
    void el.offsetWidth; // restart the flash animation
    el.classList.add('flash');
  };

  const toggles = h(
    'fieldset',
    { class: 'layer-toggles' },
    h('legend', {}, 'Show'),
    LAYER_TOGGLES.map((t) =>
      h(
        'label',
        { class: `toggle toggle-${t.key}` },
        h('input', {
          type: 'checkbox',
          checked: true,
          onchange: (e: Event) => root.classList.toggle(`hide-${t.key}`, !(e.target as HTMLInputElement).checked),
        }),
        ` ${t.label}`,
      ),
    ),
  );

  const panel = renderPanel(record, index, options.eventIds ?? null, (token) => {
    focusRecord(token);
    options.onSelect?.(token.slice(token.indexOf(':') + 1));
  });

  fill(
    root,
    h('div', { class: 'reader-head' }, toggles, legend()),
    h('a', { class: 'skip', href: '#records-panel', onclick: (e: Event) => { e.preventDefault(); panel.querySelector('button')?.focus(); } }, 'Skip to the list of records'),
    h('div', { class: 'reader-body' }, text, panel),
    tooltip,
  );

  const initial = options.focus ? findRef(index, options.focus) : options.focusSpan ? findRefAt(record, options.focusSpan) : null;
  if (initial) requestAnimationFrame(() => focusRecord(refToken(initial), false));
  return root;
}

function findRef(index: RecordIndex, id: string): Pick<Ref, 'kind' | 'id'> | null {
  for (const kind of ['event', 'quote', 'casualty', 'entity', 'place', 'date'] as const) {
    if (index[kind].has(id)) return { kind, id };
  }
  return null;
}

/** The record whose words are exactly this span: a quote, a casualty report or an event. */
function findRefAt(record: ArticleRecord, span: { start: number; end: number }): Pick<Ref, 'kind' | 'id'> | null {
  const same = (s: { start: number; end: number }) => s.start === span.start && s.end === span.end;
  const quote = record.quotes.find(same);
  if (quote) return { kind: 'quote', id: quote.id };
  const casualty = record.casualties.find((c) => same(c.evidence) || c.mentions.some(same));
  if (casualty) return { kind: 'casualty', id: casualty.id };
  const event = record.events.find((e) => same(e.evidence));
  return event ? { kind: 'event', id: event.id } : null;
}

function renderNodes(text: string, from: number, to: number, nodes: MarkNode[]): (Node | string)[] {
  const out: (Node | string)[] = [];
  let at = from;
  for (const node of nodes) {
    if (node.start > at) out.push(text.slice(at, node.start));
    out.push(renderMark(text, node));
    at = node.end;
  }
  if (to > at) out.push(text.slice(at, to));
  return out;
}

function renderMark(text: string, node: MarkNode): HTMLElement {
  const { mark } = node;
  const interactive = mark.refs.length > 0;
  const el = h(
    'span',
    {
      class: `mk mk-${mark.layer}${mark.variant ? ` ${mark.layer}-${mark.variant}` : ''}`,
      'data-mark': mark.key,
      'data-refs': interactive ? mark.refs.map(refToken).join(' ') : null,
      tabindex: interactive && node.start === mark.start ? 0 : null,
      style: mark.colour ? `--tint: ${mark.colour}` : null,
    },
    renderNodes(text, node.start, node.end, node.children),
    node.last && mark.label ? h('span', { class: 'mk-label', 'aria-hidden': 'true' }, mark.label) : null,
  );
  return el;
}

function legend(): HTMLElement {
  const item = (cls: string, label: string) => h('li', {}, h('span', { class: `legend-swatch ${cls}` }), label);
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Legend' },
    item('q1', 'verbal coop.'),
    item('q2', 'material coop.'),
    item('q3', 'verbal conflict'),
    item('q4', 'material conflict'),
    item('legend-quote', 'quote (tint per speaker)'),
    item('legend-count', 'casualty count'),
  );
}

/** The article's events, one entry per stored event (reports of the same event in this text go together). */
export function eventGroups(record: ArticleRecord, eventIds: Record<string, number> | null): ArticleRecord['events'][] {
  const groups = new Map<string, ArticleRecord['events']>();
  for (const e of record.events) {
    const key = eventIds?.[e.id] !== undefined ? `s${eventIds[e.id]}` : `r${e.id}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()];
}

function renderPanel(record: ArticleRecord, index: RecordIndex, eventIds: Record<string, number> | null, select: (token: string) => void): HTMLElement {
  const text = record.article.text;
  const { article } = record;
  // Facts open, names (entities, places, dates) folded: they are many and already boxed in the text.
  const section = (title: string, items: { token: string; body: (Node | string)[] }[], open = true) =>
    h(
      'details',
      { class: 'panel-section', open: open && items.length > 0 },
      h('summary', {}, `${title} `, h('span', { class: 'count' }, String(items.length))),
      items.length === 0
        ? h('p', { class: 'empty' }, 'none found')
        : h(
            'ol',
            {},
            items.map((i) => h('li', {}, h('button', { type: 'button', class: 'record-button', 'data-token': i.token, onclick: () => select(i.token) }, i.body))),
          ),
    );
  const quadSwatch = (q: number | null) => svg('svg', { class: 'dot', viewBox: '0 0 10 10', 'aria-hidden': 'true' }, svg('circle', { cx: 5, cy: 5, r: 5, class: q === null ? 'q-none' : `q${q}` }));
  return h(
    'aside',
    { class: 'records-panel', id: 'records-panel', 'aria-label': 'All records in this article' },
    h(
      'p',
      { class: 'panel-when' },
      h('span', { class: 'muted' }, 'Published '),
      article.published ?? 'date unknown',
      article.dateline ? [h('span', { class: 'muted' }, ' · dateline '), article.dateline.place] : null,
    ),
    section(
      'Events',
      eventGroups(record, eventIds).map(([e, ...more]) => ({
        token: `event:${e!.id}`,
        body: [
          quadSwatch(e!.quadClass),
          h('span', { class: 'rec-date' }, e!.date.value ? dateValueLabel(e!.date.value, e!.date.granularity) : 'undated'),
          h('code', {}, e!.code),
          ` ${actorCode(e!.source.actor)} → ${actorCode(e!.target?.actor)} `,
          h('span', { class: 'muted' }, e!.name),
          more.length > 0 ? h('span', { class: 'flag', title: 'the text reports this event more than once; the store holds it once' }, `${more.length + 1} reports`) : '',
          e!.historical ? h('span', { class: 'flag' }, 'historical') : '',
          e!.claimed ? h('span', { class: 'flag' }, 'claimed') : '',
          e!.negated ? h('span', { class: 'flag' }, 'negated') : '',
        ],
      })),
    ),
    section(
      'Quotes',
      record.quotes.map((q) => ({ token: `quote:${q.id}`, body: [h('strong', {}, q.speaker.name), `: “${shorten(q.text, 90)}”`] })),
    ),
    section(
      'Casualties',
      record.casualties.map((c) => ({ token: `casualty:${c.id}`, body: [h('span', { class: 'rec-date' }, c.date?.value ? dateValueLabel(c.date.value, c.date.granularity) : 'undated'), h('strong', {}, casualtyCounts(c)), c.incident ? ` · ${c.incident}` : '', c.place ? ` · ${c.place.name}` : ''] })),
    ),
    section(
      'Entities',
      record.entities.map((e) => ({ token: `entity:${e.id}`, body: [h('span', { class: `ent-chip ent-${e.type}` }, e.type), ` ${e.name}`, e.actor ? h('span', { class: 'muted' }, ` ${e.actor}`) : ''] })),
      false,
    ),
    section(
      'Places',
      record.places.map((p) => ({ token: `place:${p.id}`, body: [`${p.name} `, h('span', { class: 'muted' }, `${p.kind}, ${p.country}`)] })),
      false,
    ),
    section(
      'Dates',
      record.dates.map((d) => ({ token: `date:${d.id}`, body: [`${shorten(text.slice(d.start, d.end), 40)} `, h('span', { class: 'muted' }, `${d.value ?? 'unresolved'} · ${d.granularity}, ${d.certainty}`)] })),
    ),
    index.event.size + index.quote.size === 0 ? h('p', { class: 'muted' }, 'No events or quotes were found in this text.') : null,
  );
}

function shorten(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Puts the card below the words (above when there is no room); on narrow screens CSS pins it to the bottom. */
function placeTooltip(tooltip: HTMLElement, anchor: HTMLElement): void {
  if (window.innerWidth < 700) {
    tooltip.style.left = '';
    tooltip.style.top = '';
    return;
  }
  const rect = anchor.getBoundingClientRect();
  const width = Math.min(380, window.innerWidth - 16);
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
  tooltip.style.left = `${left}px`;
  tooltip.style.top = `${rect.bottom + 6}px`;
  const height = tooltip.offsetHeight;
  if (rect.bottom + 6 + height > window.innerHeight && rect.top - 6 - height > 0) tooltip.style.top = `${rect.top - 6 - height}px`;
}
