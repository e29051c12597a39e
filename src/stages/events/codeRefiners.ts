/**
 * Refiners of one event, applied in order once its sides and attributes are read (chrono's refiners are the model):
 * each is named by the rule it cites and returns the event changed, or null when it does not apply. The CAMEO name,
 * root, QuadClass, Goldstein and PLOVER follow the final code (`withCodeInfo`).
 */
import type { ActorMention } from '../../model/analysis.ts';
import type { Event } from '../../model/record.ts';
import { cameoCodeOrPrefix } from '../../lexicon/cameo.ts';
import { samePrefix } from './actorContext.ts';
import { ARMED_SECTOR, COOPERATION_CODES, POLITICAL_FIGURE, RULES, TARGETED_KILLING_VERBS, VERBAL_ATTACK_WORDS, type CooperationDomain } from './rules.ts';

/** What a refiner may ask about the event beyond its record: the words and mentions it was read from. */
export interface RefineContext {
  /** Lemma of the trigger word. */
  triggerLemma: string;
  /** Coded by the PETRARCH-2 dictionary rather than Dateline's own patterns. */
  fromDictionary: boolean;
  /** The mention the target was read from, when it is in the text. */
  targetMention: ActorMention | null;
  /** The source's entity is a person. */
  sourceIsPerson: boolean;
  /** The mention names one person: a person's name, or a singular role noun ("the governor"). */
  isOnePerson(m: ActorMention): boolean;
  /** The mention's entity is a person. */
  isPerson(m: ActorMention): boolean;
  /** The domain of a relation noun in the trigger's clause ("naval cooperation" → military), if any; read only when asked. */
  cooperationDomain(): CooperationDomain | null;
}

export interface EventRefiner {
  /** The rule id the refined event cites. */
  id: string;
  refine(event: Event, ctx: RefineContext): Event | null;
}

/** Armed actors, or an unknown one: their attacks are material; anyone else's "attack" is words. */
const isArmed = (actor: string) => actor === '---' || ARMED_SECTOR.test(actor);
/** Agents who bear no arms in a clash. */
const ARMLESS_IN_CLASH = /(MIL|REB|UAF|INS|SEP|COP|SPY|OPP|CVL|EDU|LAB|REF)/;
/** Agents whose violence is unconventional (18), not military (19). */
const UNARMED = /(OPP|CVL|EDU|LAB|MED|REF|BUS|CRM|AGR|HLH)$/;
/** Named people of these sectors are figures whose killing is an assassination: opposition, commanders, clerics. */
const NAMED_FIGURE = /(OPP|MIL|REB|UAF|INS|REL)$/;
/** The intent or threat code of an act still to come, by the act's root: aid → 033, meet → 036, attack → 138… */
const ACT_TO_COME: ReadonlyMap<string, string> = new Map([['04', '036'], ['05', '032'], ['06', '031'], ['07', '033'], ['08', '034'], ['16', '131'], ['17', '130'], ['18', '138'], ['19', '138'], ['20', '138']]);

const recoded = (event: Event, code: string, rule: string): Event => ({ ...event, code, rules: [...event.rules, rule] });

/** In order: each sees what the ones before it made of the event. */
export const EVENT_REFINERS: readonly EventRefiner[] = [
  {
    // "met in Geneva": a meeting of two parties in a third country is a meeting at a third location
    id: RULES.thirdLocation,
    refine: (e) => (e.code === '040' && e.place?.country && e.target && !samePrefix(e.place.country, e.source.actor) && !samePrefix(e.place.country, e.target.actor) ? recoded(e, '044', RULES.thirdLocation) : null),
  },
  {
    // "24 people" killed in Baghdad → IRQCVL: victims of unknown country take the country of the place
    id: RULES.victimsCountry,
    refine: (e) => {
      const target = e.target;
      if (!target || !target.actor.startsWith('---') || target.actor.length <= 3 || !e.place?.country || !e.code.startsWith('18')) return null;
      return { ...e, target: { ...target, actor: e.place.country + target.actor.slice(3) }, rules: [...e.rules, RULES.victimsCountry] };
    },
  },
  {
    // "Jack Straw has attacked the decision": a politician's attack is verbal; armed actors' attacks are material (and a
    // killing is never words)
    id: RULES.verbalAttack,
    refine: (e, ctx) => (e.code.startsWith('19') && VERBAL_ATTACK_WORDS.has(ctx.triggerLemma) && !isArmed(e.source.actor) && e.source.actor.length > 3 && ctx.sourceIsPerson ? recoded(e, '111', RULES.verbalAttack) : null),
  },
  {
    // "the president clashed with reporters": a clash in which no side bears arms is a war of words
    id: RULES.verbalAttack,
    refine: (e) => (e.code === '193' && e.target && [e.source.actor, e.target.actor].every((a) => a.length > 3 && !ARMLESS_IN_CLASH.test(a)) ? recoded(e, '111', RULES.verbalAttack) : null),
  },
  {
    // "attacked by protesters": violence by people who are no armed force is unconventional (18), not military (19)
    id: RULES.unarmedAttack,
    refine: (e) => (e.code.startsWith('19') && !isArmed(e.source.actor) && UNARMED.test(e.source.actor) ? recoded(e, '180', RULES.unarmedAttack) : null),
  },
  {
    // "Gunmen killed the governor of Kandahar", "killed opposition leader Benazir Bhutto", "killed Qasem Soleimani, head
    // of Iran's Quds Force": the killing of one political figure or named commander, read off the tree as the verb's
    // object, is an assassination (a protester or a soldier killed is not)
    id: RULES.killingOfLeader,
    refine: (e, ctx) => {
      const m = ctx.targetMention;
      if (e.code !== '190' || !TARGETED_KILLING_VERBS.has(ctx.triggerLemma) || !e.target || e.target.members || !m) return null;
      if (!e.rules.includes(RULES.object) && !e.rules.includes(RULES.passivePatient)) return null;
      const figure = POLITICAL_FIGURE.test(e.target.actor) ? ctx.isOnePerson(m) : NAMED_FIGURE.test(e.target.actor) && ctx.isPerson(m);
      return figure ? recoded(e, '186', RULES.killingOfLeader) : null;
    },
  },
  {
    // "Baloch was murdered", "a journalist was shot in his car": killing people who bear no arms, by unknown hands, is
    // unconventional violence (18), not military force (19); "three soldiers were killed" stays 19
    id: RULES.unarmedVictims,
    refine: (e) => (e.code === '190' && e.source.actor === '---' && e.target && e.target.actor.length > 3 && !isArmed(e.target.actor) ? recoded(e, '180', RULES.unarmedVictims) : null),
  },
  {
    // "increased cooperation with the navies of China" (062), "agreed to expand military cooperation" (0312), "agreed to
    // normalize economic ties" (0311): cooperation of a named domain is material, of that domain
    id: RULES.cooperationDomain,
    refine: (e, ctx) => {
      const domain = /^(030|050|060)$/.test(e.code) ? ctx.cooperationDomain() : null;
      if (!domain) return null;
      const codes = COOPERATION_CODES[domain];
      return recoded(e, e.code === '030' ? codes.intent : codes.act, RULES.cooperationDomain);
    },
  },
  {
    // "Finland will give Tanzania a grant", "Iran would attack": an act still to come is an intent (03x) or a threat (13x)
    id: RULES.actToCome,
    refine: (e, ctx) => {
      const promised = e.modality && e.modality !== 'demand' && !ctx.fromDictionary ? ACT_TO_COME.get(e.code.slice(0, 2)) : undefined;
      return promised ? recoded(e, promised, RULES.actToCome) : null;
    },
  },
];

/** The event through every refiner, in order. */
export function refineEvent(event: Event, ctx: RefineContext): Event {
  let e = event;
  for (const refiner of EVENT_REFINERS) e = refiner.refine(e, ctx) ?? e;
  return e;
}

/**
 * The CAMEO name, root, QuadClass, Goldstein and PLOVER of the event's code (of its longest CAMEO prefix for a
 * dictionary's finer code); a user dictionary's code outside CAMEO keeps its block's name and has none of them.
 */
export function withCodeInfo(event: Event, ownCodeName: string | null): Event {
  const info = cameoCodeOrPrefix(event.code);
  const plover = info?.plover;
  return {
    ...event,
    name: info?.name ?? ownCodeName ?? event.code,
    root: info?.root ?? null,
    plover: plover ? { event: plover.event, mode: plover.mode, context: plover.context.length > 0 ? plover.context.join('; ') : null } : null,
    quadClass: info?.quadClass ?? null,
    goldstein: info?.goldstein ?? null,
  };
}
