/** A record as a small card: what it says, the words it rests on, and the rule ids that produced it. */
import { h, type Child } from '../dom.ts';
import { actorLabel, dateLabel, placeLabel, quadName, signed } from '../format.ts';
import type { ArticleRecord, Casualty, DateRecord, Entity, EventRecord, Place, Quote } from '../types.ts';
import type { Ref, RefKind } from './marks.ts';

export interface RecordIndex {
  text: string;
  event: Map<string, EventRecord>;
  quote: Map<string, Quote>;
  casualty: Map<string, Casualty>;
  entity: Map<string, Entity>;
  place: Map<string, Place>;
  date: Map<string, DateRecord>;
}

export function indexRecord(record: ArticleRecord): RecordIndex {
  const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
  return {
    text: record.article.text,
    event: byId(record.events),
    quote: byId(record.quotes),
    casualty: byId(record.casualties),
    entity: byId(record.entities),
    place: byId(record.places),
    date: byId(record.dates),
  };
}

type Row = [label: string, value: Child];

function card(kind: RefKind, heading: Child, rows: Row[], flags: string[], rules: string[], role: string | null): HTMLElement {
  return h(
    'article',
    { class: `card card-${kind}` },
    h('header', { class: 'card-head' }, h('span', { class: `kind kind-${kind}` }, kind), ' ', h('strong', {}, heading), role ? h('span', { class: 'role' }, ` · hovered: ${role}`) : null),
    h('dl', { class: 'card-rows' }, rows.map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)])),
    flags.length > 0 ? h('p', { class: 'flags' }, flags.map((f) => h('span', { class: `flag flag-${f.split(' ')[0]}` }, f))) : null,
    h('p', { class: 'rules' }, h('span', { class: 'rules-label' }, 'rules '), rules.map((r, i) => [i > 0 ? ' ' : '', h('code', {}, r)])),
  );
}

function excerpt(text: string, start: number, end: number, max = 220): string {
  const words = text.slice(start, end).replace(/\s+/g, ' ');
  return words.length > max ? `${words.slice(0, max - 1)}…` : words;
}

export function eventCard(ev: EventRecord, text: string, role: string | null = null): HTMLElement {
  const flags = [
    ev.negated && 'negated',
    ev.claimed && 'claimed',
    ev.historical && 'historical',
    ev.modality && `modality: ${ev.modality}`,
    ev.denies && `denial of ${ev.denies}`,
  ].filter((f): f is string => typeof f === 'string');
  return card(
    'event',
    `${ev.code} ${ev.name}`,
    [
      ['actors', `${actorLabel(ev.source)} → ${actorLabel(ev.target)}`],
      // A user dictionary's code outside CAMEO has no QuadClass or Goldstein score
      ['class', ev.quadClass === null || ev.goldstein === null ? 'outside CAMEO (a user dictionary’s code)' : h('span', {}, h('span', { class: `swatch q${ev.quadClass}` }), ` ${quadName(ev.quadClass)} · Goldstein ${signed(ev.goldstein)}`)],
      ['date', dateLabel(ev.date)],
      ['place', placeLabel(ev.place)],
      ['words', `“${excerpt(text, ev.evidence.start, ev.evidence.end)}”`],
    ],
    flags,
    ev.rules,
    role,
  );
}

export function quoteCard(q: Quote, role: string | null = null): HTMLElement {
  const flags = [q.direct ? 'direct' : 'indirect', q.fragment && 'fragment'].filter((f): f is string => typeof f === 'string');
  return card(
    'quote',
    q.speaker.actor ? `${q.speaker.name} (${q.speaker.actor})` : q.speaker.name,
    [
      ['said', `“${excerpt(q.text, 0, q.text.length)}”`],
      ['cue', q.cue ? `${q.cue.text} (${q.cue.lemma})` : 'none'],
    ],
    flags,
    q.rules,
    role,
  );
}

const COUNT_KINDS = ['killed', 'wounded', 'missing', 'abducted', 'arrested', 'displaced'] as const;

export function casualtyCounts(c: Casualty): string {
  const parts = COUNT_KINDS.flatMap((k) => {
    const n = c[k];
    if (!n) return [];
    const range = n.min !== undefined && n.max !== undefined ? `${n.min}–${n.max}` : String(n.value);
    return [`${n.approximate ? 'about ' : ''}${range} ${k}`];
  });
  return parts.join(', ') || 'no counts';
}

export function casualtyCard(c: Casualty, text: string, role: string | null = null): HTMLElement {
  const flags = [c.cumulative && 'cumulative', c.claimed && 'claimed'].filter((f): f is string => typeof f === 'string');
  return card(
    'casualty',
    casualtyCounts(c),
    [
      ['incident', c.incident ?? 'not stated'],
      ['victims', c.victims ?? 'not stated'],
      ['by', c.perpetrator ? actorLabel(c.perpetrator) : 'not stated'],
      ['date', dateLabel(c.date)],
      ['place', placeLabel(c.place)],
      ['words', `“${excerpt(text, c.evidence.start, c.evidence.end)}”`],
    ],
    flags,
    c.rules,
    role,
  );
}

export function entityCard(e: Entity, role: string | null = null): HTMLElement {
  const rows: Row[] = [['type', e.type]];
  if (e.role) rows.push(['role', e.post ? `${e.role} (post: ${e.post})` : e.role]);
  if (e.country) rows.push(['country', e.country]);
  if (e.actor) rows.push(['actor', e.actor]);
  rows.push(['mentions', String(e.mentions.length)], ['found by', e.sources.join(', ')]);
  return card('entity', e.name, rows, [], e.rules, role);
}

export function placeCard(p: Place, role: string | null = null): HTMLElement {
  return card(
    'place',
    p.name,
    [
      ['kind', p.kind],
      ['country', p.country],
      ['where', `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}${p.geonameid ? ` (GeoNames ${p.geonameid})` : ''}`],
    ],
    [],
    p.rules,
    role,
  );
}

export function dateCard(d: DateRecord, role: string | null = null): HTMLElement {
  return card(
    'date',
    d.text,
    [
      ['value', d.value ?? 'unresolved'],
      ['granularity', d.granularity],
      ['certainty', d.certainty],
      ['relation', d.relation],
    ],
    [],
    d.rules,
    role,
  );
}

export function refCard(index: RecordIndex, ref: Ref): HTMLElement | null {
  switch (ref.kind) {
    case 'event': {
      const r = index.event.get(ref.id);
      return r ? eventCard(r, index.text, ref.role) : null;
    }
    case 'quote': {
      const r = index.quote.get(ref.id);
      return r ? quoteCard(r, ref.role) : null;
    }
    case 'casualty': {
      const r = index.casualty.get(ref.id);
      return r ? casualtyCard(r, index.text, ref.role) : null;
    }
    case 'entity': {
      const r = index.entity.get(ref.id);
      return r ? entityCard(r, ref.role) : null;
    }
    case 'place': {
      const r = index.place.get(ref.id);
      return r ? placeCard(r, ref.role) : null;
    }
    case 'date': {
      const r = index.date.get(ref.id);
      return r ? dateCard(r, ref.role) : null;
    }
  }
}
