/** Refiners over the article's events: denials linked to accusations, duplicates merged. */
import type { Event } from '../../model/record.ts';
import { RULES } from './rules.ts';

/** Denials and rejections answer the accusation before them whose target is the denier ("a charge Iran denies"). */
export function linkDenials(events: Event[]): void {
  for (const [index, event] of events.entries()) {
    if (event.code !== '016' && event.root !== '12') continue;
    const denier = event.source.actor.slice(0, 3);
    for (let k = index - 1; k >= 0; k--) {
      const accusation = events[k]!;
      if (accusation.root !== '11' || !accusation.target || accusation.target.actor.slice(0, 3) !== denier || accusation.source.actor === event.source.actor) continue;
      if (event.evidence.sentence - accusation.evidence.sentence > 30) break;
      event.denies = accusation.id;
      event.rules.push(RULES.denialLink);
      if (!event.target) {
        event.target = { actor: accusation.source.actor, ...(accusation.source.entity ? { entity: accusation.source.entity } : {}), ...(accusation.source.name ? { name: accusation.source.name } : {}) };
        event.rules.push(RULES.denialTarget);
      }
      break;
    }
  }
}

/** One event per trigger word; the same code, source and target twice in a sentence is one event. */
export function dedupe(events: Event[]): Event[] {
  const kept = new Map<string, Event>();
  const idOf = new Map<string, Event>();
  for (const e of events) {
    const key = `${e.evidence.sentence}|${e.code}|${e.source.actor}|${e.target?.actor ?? ''}`;
    const first = kept.get(key);
    if (first) idOf.set(e.id, first);
    else {
      kept.set(key, e);
      idOf.set(e.id, e);
    }
  }
  const out = [...kept.values()];
  const denied = out.map((e) => (e.denies ? idOf.get(e.denies) ?? null : null));
  out.forEach((e, i) => (e.id = `ev${i + 1}`));
  out.forEach((e, i) => (e.denies = denied[i]?.id ?? null));
  return out;
}

/**
 * One event, many mentions: the same code, source, target, date and flags reported again later in the article
 * ("the talks" three times) is one event whose `mentions` list every report; `evidence` stays the first, fullest one.
 */
export function mergeMentions(events: Event[]): Event[] {
  const keyOf = (e: Event) => [e.code, e.source.actor, e.target?.actor ?? '', e.date.value ?? e.evidence.sentence, e.negated, e.claimed, e.modality ?? '', e.historical].join('|');
  // The date a bare later mention gets from the publication day says nothing against an earlier, dated report; a
  // place the later mention states must agree
  const sameEvent = (later: Event, x: Event) =>
    x.root === later.root && x.source.actor === later.source.actor && (x.target?.actor ?? '') === (later.target?.actor ?? '') && x.negated === later.negated && x.claimed === later.claimed && x.historical === later.historical &&
    (x.date.value === later.date.value || later.date.certainty === 'implied') && (!x.place || later.place?.certainty !== 'stated' || x.place.placeId === later.place.placeId);
  const byKey = new Map<string, Event>();
  const idOf = new Map<string, Event>();
  const out: Event[] = [];
  for (const e of events) {
    const key = keyOf(e);
    // "The talks lasted four hours": a later bare mention (the root's general code) of a more specific event already coded;
    // "The first bomb went off within the cathedral": a later mention, dated only by the publication day, of the same act
    const general = out.find((x) => sameEvent(e, x) && (x.code === e.code ? e.date.certainty === 'implied' && x.date.value !== null && x.date.value !== e.date.value : /^\d\d0$/.test(e.code)));
    const first = byKey.get(key) ?? general;
    if (first) {
      first.mentions = [...(first.mentions ?? [first.evidence]), e.evidence];
      if (!first.rules.includes(RULES.mentionsMerged)) first.rules.push(RULES.mentionsMerged);
      idOf.set(e.id, first);
    } else {
      byKey.set(key, e);
      idOf.set(e.id, e);
      out.push(e);
    }
  }
  for (const e of out) e.mentions ??= [e.evidence];
  const denied = out.map((e) => (e.denies ? idOf.get(e.denies) ?? null : null));
  out.forEach((e, i) => (e.id = `ev${i + 1}`));
  out.forEach((e, i) => (e.denies = denied[i]?.id ?? null));
  return out;
}
