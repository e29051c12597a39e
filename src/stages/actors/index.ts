/**
 * Actors stage: CAMEO actor codes (country + role, e.g. USAGOV, IRQMIL, IRQUAF) for entities, and the list of
 * every span in the text that names an actor, including nominal actors that are not entities
 * ("the U.S. military", "Iranian officials", "Shi’ite militias in Iraq", "U.S. and Iranian officials").
 */
import type { Doc } from '../../doc/doc.ts';
import type { ActorMention, Token } from '../../model/analysis.ts';
import type { ActorInfo, Entity } from '../../model/record.ts';
import { personWithRoleBefore } from '../../doc/coref.ts';
import { matchRole, roleByName, roleEntries, type RoleEntry } from '../../lexicon/roles.ts';
import type { Stage } from '../../pipeline/stage.ts';
import type { World } from '../../pipeline/world.ts';
import { isForeignPhrase, locativeCountry, storyCountry, type ContextCountry } from './context.ts';
import { findDictionaryActors } from './dictionaryActors.ts';
import { actorInfo, isCountryRoot } from './info.ts';
import { RULES } from './rules.ts';

export interface ActorKnowledge {
  countryOfName(name: string): string | null;
  countryOfDemonym(word: string): string | null;
  capitalOf(name: string): string | null;
  /** A code from the actor dictionaries for a name, valid on `date` ("Nuri al-Maliki" → IRQGOV). */
  dictionaryActor?(name: string, date: string | null): { code: string; entryId: string } | null;
}

export interface ActorsResult {
  entities: Entity[];
  actors: ActorMention[];
}

/** Unknown country: PETRARCH's "---" prefix ("---UAF" = militia of unknown country). */
export const UNKNOWN = '---';

export const actorsStage: Stage = {
  name: 'actors',
  requires: ['tokens', 'entities'],
  assigns: ['entities', 'actors'],
  run(doc: Doc, world: World) {
    // --dictionaries: the user's actor and agent dictionaries alone, by PETRARCH's mechanics
    if (world.mode === 'dictionaries-only') {
      doc.actors = findDictionaryActors(doc, world.dictionaries);
      return;
    }
    const { entities, actors } = assignActors(doc, world.actors);
    doc.entities = entities;
    doc.actors = actors;
  },
};

export function assignActors(doc: Doc, knowledge: ActorKnowledge): ActorsResult {
  const context = new ActorContext(doc, knowledge);
  const coded = doc.entities.map((e) => codeEntity(e, knowledge, doc.published, context));
  const byId = new Map(coded.map((e, k) => [e.id, k]));
  const entityActors: ActorMention[] = [];
  const covered = new Set<number>();
  for (const entity of coded) {
    if (!entity.actor) continue;
    for (const m of entity.mentions) {
      if (doc.tokenAt(m.start) < 0 || doc.tokenAt(m.end - 1) < 0) continue;
      const { firstToken, endToken } = doc.tokenRange(m.start, m.end);
      entityActors.push({ start: m.start, end: m.end, firstToken, endToken, sentence: m.sentence, code: entity.actor, entity: entity.id, name: doc.text.slice(m.start, m.end), rule: entity.type === 'GPE' ? RULES.entityPlace : RULES.entity });
      for (let k = firstToken; k < endToken; k++) covered.add(k);
    }
  }
  const nominal = findNominalActors(doc, covered, knowledge, context, (id) => coded[byId.get(id) ?? -1]);
  // "Nigeria's Vice President Ade Okon": the title phrase and the name are one actor; the title's country is the person's
  const kept: ActorMention[] = [];
  for (const title of nominal) {
    const person = entityActors.find((m) => m.firstToken === title.endToken && m.sentence === title.sentence && coded[byId.get(m.entity!)!]!.type === 'PERSON');
    const entry = ROLE_BY_ID().get(title.rule.slice(RULES.nominal.length + 1));
    if (!person || !entry?.asTitle) {
      kept.push(title);
      continue;
    }
    const k = byId.get(person.entity!)!;
    const entity = coded[k]!;
    const titleCountry = title.code.slice(0, 3);
    if (titleCountry !== UNKNOWN && (!entity.actorInfo?.country || entity.actorInfo.certainty === 'inferred')) {
      const agent = entity.actorInfo?.sector ?? (entry.agent === '=' ? '' : entry.agent);
      const actor = titleCountry + agent;
      coded[k] = { ...entity, actor, actorInfo: actorInfo(actor, 'stated', [title.rule, RULES.countryTitlePhrase]), rules: [...entity.rules, RULES.countryTitlePhrase] };
    }
    Object.assign(person, { start: title.start, firstToken: title.firstToken, name: doc.text.slice(title.start, person.end) });
  }
  for (const m of entityActors) {
    const entity = coded[byId.get(m.entity!)!]!;
    m.code = entity.actor!;
    if (entity.actorInfo) m.info = entity.actorInfo;
  }
  const actors = [...entityActors, ...kept];
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities: coded, actors: dropNested(actors) };
}

let roleById: Map<string, RoleEntry> | null = null;
function ROLE_BY_ID(): Map<string, RoleEntry> {
  roleById ??= new Map(roleEntries().map((e) => [e.id, e]));
  return roleById;
}

/** Context countries of one article, the story's country computed once. */
class ActorContext {
  private story: ContextCountry | null | undefined;
  constructor(
    readonly doc: Doc,
    private readonly knowledge: ActorKnowledge,
  ) {}

  /** The story's own country (dateline, else the country it is mostly about), for domestic roles. */
  storyCountry(): ContextCountry | null {
    if (this.story === undefined) this.story = storyCountry(this.doc, (w) => this.knowledge.countryOfName(w) ?? this.knowledge.countryOfDemonym(w));
    return this.story;
  }

  /** A domestic role's country from its sentence's locatives, else the story's country; never for foreign phrases. */
  countryFor(sentence: number, firstToken: number, endToken: number): ContextCountry | null {
    if (isForeignPhrase(this.doc, firstToken, endToken)) return null;
    return locativeCountry(this.doc, sentence, firstToken, endToken) ?? this.storyCountry();
  }
}

function codeEntity(entity: Entity, knowledge: ActorKnowledge, published: string | null, context: ActorContext): Entity {
  const rules = [...entity.rules];
  let actor: string | undefined;
  let certainty: ActorInfo['certainty'] = 'stated';
  const infoRules: string[] = [];
  const fromContext = (agent: string): boolean => {
    const first = entity.mentions[0];
    if (!first) return false;
    const { firstToken, endToken } = context.doc.tokenRange(first.start, first.end);
    const found = context.countryFor(first.sentence, firstToken, endToken);
    if (!found) return false;
    actor = found.iso3 + agent;
    certainty = 'inferred';
    infoRules.push(found.rule);
    return true;
  };
  switch (entity.type) {
    case 'PERSON': {
      const entry = entity.role ? roleEntry(entity.role) : null;
      const agent = entry && entry.agent !== '=' ? entry.agent : null;
      const known = knowledge.dictionaryActor?.(entity.name, published) ?? null;
      if (entity.country && agent) {
        actor = entity.country + agent;
        infoRules.push(RULES.countryPlusRole);
      } else if (known) {
        actor = known.code;
        infoRules.push(known.entryId);
        if (agent) {
          // "President Museveni": the dictionary knows the person; the title is read with it
          certainty = 'inferred';
          infoRules.push(RULES.countryKnownPerson);
        }
      } else if (agent && entity.post && entry!.domestic) {
        // "X, speaker of Russia's upper house"
        actor = entity.post + agent;
        infoRules.push(RULES.countryPost);
      } else if (agent && entry!.domestic && fromContext(agent)) {
        // country from the sentence's places or the story's country
      } else if (agent) {
        actor = UNKNOWN + agent;
        infoRules.push(RULES.roleOnly);
      } else if (entity.country) actor = entity.country;
      break;
    }
    case 'GPE': {
      // Capitals stand for their governments when they act ("Washington said", "Tehran denies").
      const capital = knowledge.capitalOf(entity.name);
      if (capital) {
        actor = `${capital}GOV`;
        infoRules.push(RULES.capitalAsGovernment);
      } else if (entity.country) actor = entity.country;
      break;
    }
    case 'NORP':
      if (entity.country) actor = entity.country;
      break;
    case 'ORG': {
      const known = knowledge.dictionaryActor?.(entity.name, published);
      if (known) {
        actor = known.code;
        infoRules.push(known.entryId);
      } else {
        const head = entity.name.split(/\s+/).at(-1)!.toLowerCase();
        const agent = ORG_AGENTS.get(head);
        if (entity.country && agent) actor = entity.country + agent;
        else if (entity.country) actor = entity.country;
        // "the Interior Ministry", "the National Police": a state body of the story's country
        else if (agent && agent !== 'BUS') fromContext(agent);
        if (agent) infoRules.push(RULES.orgHeadAgent);
      }
      break;
    }
    case 'LOC':
      break;
  }
  if (!actor) return { ...entity, rules };
  for (const r of infoRules) if (!rules.includes(r)) rules.push(r);
  return { ...entity, actor, actorInfo: actorInfo(actor, certainty, infoRules.length > 0 ? infoRules : [RULES.entity]), rules };
}

/** Organisation head words → agent codes: "Revolutionary Guards Qods Force" → MIL. */
const ORG_AGENTS = new Map<string, string>([
  ['army', 'MIL'], ['force', 'MIL'], ['forces', 'MIL'], ['guards', 'MIL'], ['guard', 'MIL'], ['corps', 'MIL'], ['navy', 'MIL'],
  ['brigade', 'MIL'], ['brigades', 'MIL'], ['command', 'MIL'], ['regiment', 'MIL'], ['battalion', 'MIL'], ['fleet', 'MIL'],
  ['ministry', 'GOV'], ['department', 'GOV'], ['cabinet', 'GOV'], ['government', 'GOV'], ['administration', 'GOV'], ['office', 'GOV'],
  ['police', 'COP'], ['court', 'JUD'], ['tribunal', 'JUD'], ['parliament', 'LEG'], ['assembly', 'LEG'], ['senate', 'LEG'], ['congress', 'LEG'],
  ['party', 'PTY'], ['bank', 'BUS'], ['company', 'BUS'], ['corporation', 'BUS'], ['university', 'EDU'], ['militia', 'UAF'],
]);

function roleEntry(role: string): RoleEntry | null {
  return roleByName(role) ?? matchRole(role.split(' '), 0)?.entry ?? null;
}

const VERB_GROUP_POS = new Set(['VERB', 'AUX', 'ADV']);
const NP_MODIFIER_POS = new Set(['ADJ', 'DET', 'NUM', 'PROPN', 'NOUN']);
const POSTMODIFIER_PREPOSITIONS = new Set(['in', 'from', 'of']);

/**
 * Noun phrases headed by a role noun: [det] [country | demonym | country ’s]* [adj]* ROLE [in|from|of COUNTRY].
 * "the “occupying” U.S. military" → USAMIL; "Shi’ite militias in Iraq" → IRQUAF; "U.S. and Iranian officials" → USAGOV + IRNGOV.
 */
function findNominalActors(doc: Doc, covered: Set<number>, knowledge: ActorKnowledge, context: ActorContext, codedEntity: (id: string) => Entity | undefined): ActorMention[] {
  const { tokens, text } = doc;
  const out: ActorMention[] = [];
  const normals = tokens.map((t) => t.normal);
  for (const sentence of doc.sentences) {
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const token = tokens[i]!;
      // wink tags "military" in "the U.S. military’s training" as ADJ: a role word heading its phrase is a noun
      const headAdjective = token.pos === 'ADJ' && !['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '');
      // "Iraqi forces retook": wink tags a plural role noun after a nationality as a verb
      const verbAfterNationality = token.pos === 'VERB' && i > sentence.firstToken && countryOfEntityAt(doc, i - 1, codedEntity) !== null && VERB_GROUP_POS.has(tokens[i + 1]?.pos ?? '');
      if (covered.has(i)) continue;
      const match = matchRole(normals, i);
      // "armed men", "suicide bomber": a role of several words may start with an adjective
      const adjectiveOpens = token.pos === 'ADJ' && (match?.length ?? 0) > 1;
      if (token.pos !== 'NOUN' && token.pos !== 'PROPN' && !headAdjective && !verbAfterNationality && !adjectiveOpens) continue;
      if (!match || !match.entry.asNoun || i + match.length > sentence.endToken) continue;
      // The head is the last word of the role phrase; skip when the phrase continues as a compound ("army base").
      const end = i + match.length;
      const after = tokens[end];
      // (with the parse, a compound is what the tree says: wink tags "retook" in "Iraqi forces retook" as a noun)
      if (after && after.sentence === sentence.index && after.pos === 'NOUN' && !after.text.startsWith('’') && !matchRole(normals, end) && (!doc.tree || doc.deprel(end - 1) === 'compound')) continue;
      const countries: { code: string; entity?: string }[] = [];
      let start = i;
      // Left: modifiers, countries, demonyms, "Iraq ’s"
      for (let k = i - 1; k >= sentence.firstToken; k--) {
        const t = tokens[k]!;
        if (t.normal === '’s' || t.normal === "'s") continue;
        if (t.text === '“' || t.text === '”' || t.text === '"') continue;
        // "on Wednesday Greek Foreign Minister": a time word is no modifier
        if (doc.isTime(k)) break;
        const iso3 = knowledge.countryOfName(t.text) ?? knowledge.countryOfDemonym(t.text) ?? countryOfEntityAt(doc, k, codedEntity);
        if (iso3) {
          // "North Korean": one country for the words of one name
          if (countries[0]?.entity !== undefined && countries[0].entity === doc.entityAt(k)?.entity.id) continue;
          const entity = doc.entityAt(k)?.entity.id;
          countries.unshift(entity ? { code: iso3, entity } : { code: iso3 });
          start = k;
          continue;
        }
        if (t.pos === 'CCONJ' && countries.length > 0) continue;
        // "arming Shi’ite militias": a gerund is the verb of the phrase, not a modifier
        if (NP_MODIFIER_POS.has(t.pos) && !covered.has(k) && !isVerbLike(t) && !(t.pos === 'NOUN' && /ing$/.test(t.normal))) {
          if (t.pos !== 'DET') start = k;
          if (t.pos === 'DET') break;
          continue;
        }
        break;
      }
      // Right: "militias in Iraq", "officials from Iran and the United States"
      let endToken = end;
      if (countries.length === 0 && POSTMODIFIER_PREPOSITIONS.has(tokens[end]?.normal ?? '') && tokens[end]!.sentence === sentence.index) {
        for (let k = end + 1; k < sentence.endToken && k < end + 8; k++) {
          const t = tokens[k]!;
          const iso3 = knowledge.countryOfName(t.text) ?? countryOfEntityAt(doc, k, codedEntity);
          if (iso3 && !countries.some((c) => c.code === iso3)) {
            countries.push({ code: iso3 });
            // "the United States": the phrase ends where the country's mention ends
            const mentionEnd = doc.entityAt(k)?.mention.end ?? null;
            while (endToken <= k || (mentionEnd !== null && tokens[endToken] && tokens[endToken]!.end <= mentionEnd)) endToken++;
            k = endToken - 1;
            continue;
          }
          if (t.pos === 'CCONJ' || t.pos === 'DET' || (iso3 && countries.length > 0)) continue;
          break;
        }
      }
      const agent = agentCode(match.entry);
      if (agent === null) continue;
      const rule = `${RULES.nominal}:${match.entry.id}`;
      let codes = countries.map((c) => ({ code: c.code + agent }));
      let info: ActorInfo | null = codes.length > 0 ? actorInfo(codes[0]!.code, 'stated', [rule, RULES.countryPhrase]) : null;
      let entity: string | undefined;
      if (codes.length === 0) {
        const the = tokens[start - 1]?.normal === 'the' || tokens[start]?.normal === 'the';
        const singular = match.length === 1 ? normals[end - 1] === match.entry.words.at(-1) : true;
        // "The chancellor met …" after "German Chancellor Angela Merkel": the person who holds the title
        const holder = the && singular && match.entry.asTitle ? personWithRoleBefore(doc, token.start, match.entry.role) : null;
        const person = holder ? codedEntity(holder.entity.id) : undefined;
        if (person?.actor) {
          codes = [{ code: person.actor }];
          entity = person.id;
          info = actorInfo(person.actor, 'inferred', [rule, RULES.corefRole, ...(person.actorInfo?.rules ?? [])]);
        } else if (match.entry.domestic) {
          const found = context.countryFor(sentence.index, start, endToken);
          if (found) {
            codes = [{ code: found.iso3 + agent }];
            info = actorInfo(codes[0]!.code, 'inferred', [rule, found.rule]);
          }
        }
      }
      if (codes.length === 0) codes = [{ code: UNKNOWN + agent }];
      const first = codes[0]!;
      out.push({
        start: tokens[start]!.start,
        end: tokens[endToken - 1]!.end,
        firstToken: start,
        endToken,
        sentence: sentence.index,
        code: first.code,
        name: text.slice(tokens[start]!.start, tokens[endToken - 1]!.end),
        rule,
        info: info ?? actorInfo(first.code, 'stated', [rule]),
        ...(entity ? { entity } : {}),
        ...(codes.length > 1 ? { members: codes } : {}),
      });
      i = end - 1;
    }
  }
  return out;
}

function agentCode(entry: RoleEntry): string | null {
  if (entry.agent === '=') return null;
  return entry.agent;
}

function isVerbLike(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** The country a place, nationality or country-named organisation at token k stands for ("Philippine" → PHL). */
function countryOfEntityAt(doc: Doc, k: number, codedEntity: (id: string) => Entity | undefined): string | null {
  const at = doc.entityAt(k);
  if (!at) return null;
  if (at.entity.type === 'GPE' || at.entity.type === 'NORP') return at.entity.country ?? null;
  const actor = codedEntity(at.entity.id)?.actor;
  return at.entity.type === 'ORG' && actor?.length === 3 && isCountryRoot(actor) ? actor : null;
}

/** A nominal phrase inside a longer one ("officials" inside "U.S. and Iranian officials") is dropped. */
function dropNested(actors: ActorMention[]): ActorMention[] {
  return actors.filter((a) => !actors.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start && !a.entity));
}
