/** An actor code's parts, PLOVER pair and provenance (`actorInfo` on entities, actor mentions and event sides). */
import type { Doc } from '../../doc/doc.ts';
import type { ActorInfo, ActorRef, Event } from '../../model/record.ts';

/** CAMEO roots that are not countries: international organisations, NGOs, armed groups, multinationals. */
const INTERNATIONAL_ROOTS = new Set(['IGO', 'NGO', 'NGM', 'IMG', 'MNC', 'INT']);

/** A CAMEO root that is a country (not "---", IGO, NGO…). */
export function isCountryRoot(root: string): boolean {
  return root.length === 3 && root !== '---' && !INTERNATIONAL_ROOTS.has(root);
}

export function actorInfo(code: string, certainty: ActorInfo['certainty'], rules: readonly string[]): ActorInfo {
  const root = code.slice(0, 3);
  const country = root === '---' || root.length < 3 ? null : root;
  const sector = code.slice(3, 6) || null;
  const international = country !== null && INTERNATIONAL_ROOTS.has(country);
  // PLOVER records the country (ISO 3166) and the sector apart; an international root is its sector, with no country
  const plover = { country: international ? null : country, sector: international ? country : sector };
  return { country, sector, certainty, plover, rules: [...new Set(rules)] };
}

/** An event side's `actorInfo`: that of the actor mention (or entity) it was built from, else read from its code. */
export function sideInfo(doc: Doc, side: ActorRef): ActorInfo {
  const mention = side.start === undefined ? undefined : doc.actors.find((m) => m.start === side.start && m.end === side.end && m.code === side.actor);
  if (mention?.info) return mention.info;
  const entity = side.entity ? doc.entities.find((e) => e.id === side.entity && e.actor === side.actor) : undefined;
  if (entity?.actorInfo) return entity.actorInfo;
  return actorInfo(side.actor, 'inferred', []);
}

/** The event with `actorInfo` on its source, target and mediator. */
export function withSideInfo(doc: Doc, event: Event): Event {
  const out: Event = { ...event, source: { ...event.source, actorInfo: sideInfo(doc, event.source) } };
  if (event.target) out.target = { ...event.target, actorInfo: sideInfo(doc, event.target) };
  if (event.mediator) out.mediator = { ...event.mediator, actorInfo: sideInfo(doc, event.mediator) };
  return out;
}
