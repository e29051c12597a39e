/**
 * Turns an article record into highlight marks over its text, then nests them into a tree of properly
 * nested spans (a mark that crosses another is cut in two), so each mark can be one element, displaCy-style.
 */
import type { ArticleRecord } from '../types.ts';

export type RefKind = 'event' | 'quote' | 'casualty' | 'entity' | 'place' | 'date';

/** One record a mark stands for, and the part the marked words play in it. */
export interface Ref {
  kind: RefKind;
  id: string;
  role: string;
}

export type Layer = 'title' | 'furniture' | 'quote' | 'speaker' | 'ev-source' | 'ev-target' | 'entity' | 'date' | 'count' | 'trigger' | 'cue';

/** Outer layers first when two marks cover the same words. */
const LAYER_ORDER: Layer[] = ['title', 'furniture', 'quote', 'speaker', 'ev-source', 'ev-target', 'entity', 'date', 'count', 'trigger', 'cue'];

export interface Mark {
  key: string;
  start: number;
  end: number;
  layer: Layer;
  /** Extra CSS classes: entity type, QuadClass. */
  variant: string;
  /** Small caps label after the words ("PERSON", "161", "killed"); null for none. */
  label: string | null;
  /** CSS colour for tints (quote speakers). */
  colour: string | null;
  refs: Ref[];
}

export interface MarkNode {
  mark: Mark;
  start: number;
  end: number;
  /** The last piece of a mark that was cut; it carries the label. */
  last: boolean;
  children: MarkNode[];
}

export function buildMarks(record: ArticleRecord, speakerColour: (key: string) => string): Mark[] {
  const byKey = new Map<string, Mark>();
  const add = (start: number | undefined, end: number | undefined, layer: Layer, ref: Ref | null, extra: Partial<Pick<Mark, 'variant' | 'label' | 'colour'>> = {}) => {
    if (start === undefined || end === undefined || end <= start) return;
    // Entities, places and dates over the same words are one name mark with several records.
    const group = layer === 'entity' || layer === 'date' ? 'name' : layer;
    const key = `${start}:${end}:${group}`;
    const existing = byKey.get(key);
    if (existing) {
      if (ref && !existing.refs.some((r) => r.id === ref.id && r.role === ref.role)) existing.refs.push(ref);
      if (layer === 'trigger' && extra.label && existing.label && !existing.label.split(' ').includes(extra.label)) existing.label += ` ${extra.label}`;
      return;
    }
    byKey.set(key, { key, start, end, layer, variant: extra.variant ?? '', label: extra.label ?? null, colour: extra.colour ?? null, refs: ref ? [ref] : [] });
  };

  const { article } = record;
  if (article.titleSpan) add(article.titleSpan.start, article.titleSpan.end, 'title', null);
  for (const f of article.furniture) add(f.start, f.end, 'furniture', null);

  for (const q of record.quotes) {
    const colour = speakerColour(q.speaker.entity ?? q.speaker.name);
    add(q.start, q.end, 'quote', { kind: 'quote', id: q.id, role: q.direct ? 'the quoted words' : 'the reported speech' }, { colour, variant: q.direct ? 'direct' : 'indirect' });
    add(q.speaker.start, q.speaker.end, 'speaker', { kind: 'quote', id: q.id, role: 'the speaker' }, { colour });
    if (q.cue) add(q.cue.start, q.cue.end, 'cue', { kind: 'quote', id: q.id, role: 'the speech verb' }, { colour });
  }

  for (const e of record.entities) {
    for (const m of e.mentions) add(m.start, m.end, 'entity', { kind: 'entity', id: e.id, role: `a ${m.kind} mention` }, { variant: e.type, label: e.type });
  }
  for (const p of record.places) {
    for (const m of p.mentions) add(m.start, m.end, 'entity', { kind: 'place', id: p.id, role: 'a place name' }, { variant: 'GPE', label: 'GPE' });
  }
  for (const d of record.dates) add(d.start, d.end, 'date', { kind: 'date', id: d.id, role: 'the date words' }, { variant: 'DATE', label: 'DATE' });

  for (const ev of record.events) {
    const quad = `q${ev.quadClass}`;
    add(ev.source.start, ev.source.end, 'ev-source', { kind: 'event', id: ev.id, role: 'the source actor' }, { variant: quad });
    if (ev.target) add(ev.target.start, ev.target.end, 'ev-target', { kind: 'event', id: ev.id, role: 'the target actor' }, { variant: quad });
    add(ev.trigger.start, ev.trigger.end, 'trigger', { kind: 'event', id: ev.id, role: 'the trigger word' }, { variant: quad, label: ev.code });
  }

  for (const c of record.casualties) {
    for (const kind of ['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced'] as const) {
      const count = c[kind];
      if (count) add(count.start, count.end, 'count', { kind: 'casualty', id: c.id, role: `the number ${kind}` }, { label: kind });
    }
  }
  return [...byKey.values()];
}

function compareMarks(a: Mark, b: Mark): number {
  return a.start - b.start || b.end - a.end || LAYER_ORDER.indexOf(a.layer) - LAYER_ORDER.indexOf(b.layer);
}

/** Nests marks into a tree; a mark that crosses the end of an enclosing one continues as a second piece after it. */
export function nestMarks(marks: Mark[]): MarkNode[] {
  type Piece = { mark: Mark; start: number; end: number };
  const queue: Piece[] = marks.map((mark) => ({ mark, start: mark.start, end: mark.end }));
  const comparePieces = (a: Piece, b: Piece) => a.start - b.start || b.end - a.end || compareMarks(a.mark, b.mark);
  queue.sort(comparePieces);
  const roots: MarkNode[] = [];
  const stack: MarkNode[] = [];
  while (queue.length > 0) {
    let piece = queue.shift() as Piece;
    while (stack.length > 0 && (stack.at(-1) as MarkNode).end <= piece.start) stack.pop();
    const parent = stack.at(-1);
    if (parent && piece.end > parent.end) {
      const rest: Piece = { mark: piece.mark, start: parent.end, end: piece.end };
      const at = queue.findIndex((p) => comparePieces(rest, p) < 0);
      queue.splice(at < 0 ? queue.length : at, 0, rest);
      piece = { ...piece, end: parent.end };
    }
    const node: MarkNode = { mark: piece.mark, start: piece.start, end: piece.end, last: piece.end === piece.mark.end, children: [] };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}
