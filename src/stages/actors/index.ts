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
import { isBasedIn } from '../entities/index.ts';
import { actorInfo, isCountryRoot } from './info.ts';
import { RULES } from './rules.ts';

export interface ActorKnowledge {
  countryOfName(name: string): string | null;
  countryOfDemonym(word: string): string | null;
  capitalOf(name: string): string | null;
  /** A code from the actor dictionaries for a name, valid on `date` ("Nuri al-Maliki" → IRQGOV). */
  dictionaryActor?(name: string, date: string | null): { code: string; entryId: string } | null;
  /** The one person of the actor dictionaries with this surname, valid on `date` ("Museveni" → UGAGOV). */
  surnameActor?(surname: string, date: string | null): { code: string; entryId: string } | null;
  /** The longest name of our named-actor table at words[at] ("Press Trust of India" → INDMED), valid on `date`. */
  namedActorAt?(words: readonly string[], at: number, date: string | null): { code: string; entryId: string; length: number } | null;
}

export interface ActorsResult {
  entities: Entity[];
  actors: ActorMention[];
}

/** Ids of data/lexicon/named-actors.tsv rows, and of those for states the gazetteer no longer has ("named.state.czechoslovakia"). */
const NAMED_ROWS = 'named.';
const FORMER_STATE_ROWS = 'named.state.';

/** CAMEO's sector for private people. */
const CIVILIAN = 'CVL';

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
    // people without a code yet may still get one from a title phrase or an apposition before their name, and
    // state bodies ("the Parliament") from the same body named earlier
    if (!entity.actor && entity.type !== 'PERSON' && !(entity.type === 'ORG' && genericBodyAgent(entity))) continue;
    for (const m of entity.mentions) {
      if (doc.tokenAt(m.start) < 0 || doc.tokenAt(m.end - 1) < 0) continue;
      const { firstToken, endToken } = doc.tokenRange(m.start, m.end);
      entityActors.push({ start: m.start, end: m.end, firstToken, endToken, sentence: m.sentence, code: entity.actor ?? '', entity: entity.id, name: doc.text.slice(m.start, m.end), rule: entity.type === 'GPE' ? RULES.entityPlace : RULES.entity });
      if (entity.actor) for (let k = firstToken; k < endToken; k++) covered.add(k);
    }
  }
  const codedEntity = (id: string): Entity | undefined => coded[byId.get(id) ?? -1];
  const named = findNamedActors(doc, knowledge, entityActors);
  for (const m of named) for (let k = m.firstToken; k < m.endToken; k++) covered.add(k);
  const anaphors = findOrganisationAnaphors(doc, covered, coded);
  for (const m of anaphors) for (let k = m.firstToken; k < m.endToken; k++) covered.add(k);
  const nominal = findNominalActors(doc, covered, knowledge, context, codedEntity, named);
  const setActor = (k: number, actor: string, info: ActorInfo, rule: string) => {
    const entity = coded[k]!;
    coded[k] = { ...entity, actor, actorInfo: info, rules: entity.rules.includes(rule) ? entity.rules : [...entity.rules, rule] };
  };
  const hasCode = (m: ActorMention) => {
    const actor = coded[byId.get(m.entity!)!]!.actor;
    return actor !== undefined && !actor.startsWith(UNKNOWN);
  };
  const kept: ActorMention[] = [];
  for (const title of nominal) {
    const entry = roleOfRule(title.rule);
    const titleCountry = title.code.slice(0, 3);
    // "Nigeria's Vice President Ade Okon": the title phrase and the name are one actor
    const person = entityActors.find((m) => m.firstToken === title.endToken && m.sentence === title.sentence && coded[byId.get(m.entity!)!]!.type === 'PERSON');
    // "The Italian foreign minister, Luigi Di Maio, joined": a singular title in apposition before the name
    const appositive = person ? undefined : entityActors.find((m) => m.firstToken === title.endToken + 1 && doc.tokens[title.endToken]?.text === ',' && m.sentence === title.sentence && coded[byId.get(m.entity!)!]!.type === 'PERSON');
    // "Adil Abdul-Mahdi, the caretaker Prime Minister, recommended": a singular title in apposition after the name
    const after = person || appositive ? undefined : entityActors.find((m) => doc.tokens[m.endToken]?.text === ',' && m.sentence === title.sentence && (m.endToken + 1 === title.firstToken || (m.endToken + 2 === title.firstToken && doc.tokens[m.endToken + 1]!.pos === 'DET')) && coded[byId.get(m.entity!)!]!.type === 'PERSON');
    const target = person ?? appositive ?? (after && isSingular(doc, title, entry!) ? after : undefined);
    // right before the name any role reads as a title ("student protester Joshua Wong", "journalist Jamal Khashoggi");
    // in apposition only a singular title does
    if (!target || !entry || (!person && (!entry.asTitle || !isSingular(doc, title, entry))) || (target === after && hasCode(target))) {
      kept.push(title);
      continue;
    }
    const k = byId.get(target.entity!)!;
    const entity = coded[k]!;
    const titleCertainty = title.info?.certainty ?? 'stated';
    if (titleCountry !== UNKNOWN && (!entity.actorInfo?.country || (entity.actorInfo.certainty === 'inferred' && titleCertainty === 'stated'))) {
      // a title with no sector of its own ("Taliban spokesperson") gives its whole code
      const code = entry.agent === '=' ? title.code : titleCountry + (entity.actorInfo?.sector ?? entry.agent);
      const rule = person ? RULES.countryTitlePhrase : RULES.countryApposition;
      setActor(k, code, actorInfo(code, titleCertainty, [...(title.info?.rules ?? [title.rule]), rule]), rule);
    } else if (!entity.actor && title.code) {
      setActor(k, title.code, title.info ?? actorInfo(title.code, 'stated', [title.rule]), person ? RULES.countryTitlePhrase : RULES.countryApposition);
    }
    if (person) Object.assign(person, { start: title.start, firstToken: title.firstToken, name: doc.text.slice(title.start, person.end) });
    else kept.push({ ...title, entity: entity.id });
  }
  // "Taliban spokesperson Zabiullah Mujahid", "Police director Vladimir Rebic": the title's organisation gives the code
  for (const [k, entity] of coded.entries()) {
    if (entity.type !== 'PERSON' || (entity.actor && !entity.actor.startsWith(UNKNOWN))) continue;
    const organisation = titleOrganisation(doc, entity, codedEntity, kept);
    const code = organisation?.actor;
    if (!organisation || !code) continue;
    // "Iranian general, Qasem Soleimani": the title in apposition gives the sector when the name has no role of its own
    const entry = entity.role ? roleEntry(entity.role) : organisation.title;
    const sector = entry && entry.agent !== '=' ? entry.agent : null;
    const actor = sector && isCountryRoot(code.slice(0, 3)) ? code.slice(0, 3) + sector : code;
    const rules = [RULES.titleOrganisation, ...(organisation.actorInfo?.rules ?? [])];
    setActor(k, actor, actorInfo(actor, organisation.actorInfo?.certainty ?? 'stated', rules), RULES.titleOrganisation);
  }
  // "Sharif Hotak, of the Maidan Wardak provincial council,": a person of a coded body named in apposition
  for (const [k, entity] of coded.entries()) {
    if (entity.type !== 'PERSON' || (entity.actor && !entity.actor.startsWith(UNKNOWN))) continue;
    const body = bodyOfPerson(doc, entity, kept, codedEntity);
    if (!body) continue;
    setActor(k, body.code, actorInfo(body.code, body.info?.certainty ?? 'stated', [RULES.memberOf, ...(body.info?.rules ?? [])]), RULES.memberOf);
  }
  // "the Parliament of Iraq … the Parliament’s decision": a state body named again without its country
  for (const [k, entity] of coded.entries()) {
    const agent = entity.type === 'ORG' && (!entity.actor || entity.actor.startsWith(UNKNOWN)) ? genericBodyAgent(entity) : undefined;
    const first = entity.mentions[0];
    if (!agent || !first) continue;
    const sentence = doc.tokens[doc.tokenAt(first.start)]?.sentence ?? -1;
    const earlier = [...kept, ...entityActors]
      .filter((m) => m.end <= first.start && m.sentence >= sentence - COREF_SENTENCES && m.code.slice(3, 6) === agent && isCountryRoot(m.code.slice(0, 3)) && !m.members)
      .sort((a, b) => b.start - a.start)[0];
    if (earlier) setActor(k, earlier.code, actorInfo(earlier.code, 'inferred', [RULES.corefRole, ...(earlier.info?.rules ?? [])]), RULES.corefRole);
  }
  // "Maria Kalesnikava spoke": a person no dictionary, title or apposition codes is a civilian of the story's country
  const story = context.storyCountry();
  if (story) {
    for (const [k, entity] of coded.entries()) {
      if (entity.type !== 'PERSON' || entity.actor) continue;
      const code = story.iso3 + CIVILIAN;
      setActor(k, code, actorInfo(code, 'inferred', [RULES.personStoryCountry, story.rule]), RULES.personStoryCountry);
    }
  }
  const located: ActorMention[] = [];
  for (const m of entityActors) {
    const entity = coded[byId.get(m.entity!)!]!;
    if (!entity.actor) continue;
    m.code = entity.actor;
    if (entity.actorInfo) m.info = entity.actorInfo;
    located.push(m);
  }
  // "Press Trust of India": a name of our table replaces the shorter mentions inside it ("India")
  const inNamed = (m: ActorMention) => named.some((n) => n.firstToken <= m.firstToken && m.endToken <= n.endToken);
  const actors = [...located.filter((m) => !inNamed(m)), ...kept, ...named, ...anaphors];
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities: coded, actors: dropNested(actors) };
}

/** "X, of the provincial council,", "X of the Iraqi parliament": the coded body right after a person's first mention. */
function bodyOfPerson(doc: Doc, entity: Entity, nominals: readonly ActorMention[], codedEntity: (id: string) => Entity | undefined): { code: string; info?: ActorInfo } | null {
  const first = entity.mentions[0];
  if (!first) return null;
  const nameEnd = doc.tokenRange(first.start, first.end).endToken;
  let p = nameEnd;
  if (doc.tokens[p]?.text === ',') p++;
  if (doc.tokens[p]?.normal !== 'of' || doc.tokens[p]!.sentence !== first.sentence) return null;
  p++;
  if (doc.tokens[p]?.pos === 'DET') p++;
  const nominal = nominals.find((m) => m.firstToken === p && !m.members && !m.code.startsWith(UNKNOWN) && m.code.length > 3);
  if (nominal) return { code: nominal.code, ...(nominal.info ? { info: nominal.info } : {}) };
  const at = doc.entityAt(p);
  const organisation = at && at.entity.type === 'ORG' && doc.tokenAt(at.mention.start) === p ? codedEntity(at.entity.id) : undefined;
  const code = organisation?.actor;
  return code && code.length > 3 && !code.startsWith(UNKNOWN) ? { code, ...(organisation.actorInfo ? { info: organisation.actorInfo } : {}) } : null;
}

/** "minister" rather than "ministers": the title's last word is written in the singular. */
function isSingular(doc: Doc, m: ActorMention, entry: RoleEntry): boolean {
  for (let k = m.firstToken; k < m.endToken; k++) if (doc.tokens[k]!.normal === entry.words.at(-1)) return true;
  return false;
}

/**
 * The organisation or country named right before a person's title: "Taliban spokesperson X", "Police director X"
 * (an organisation entity, or a role noun read as a coded actor: "police director Vladimir Rebic").
 */
function titleOrganisation(doc: Doc, entity: Entity, codedEntity: (id: string) => Entity | undefined, nominals: readonly ActorMention[]): (Pick<Entity, 'actor' | 'actorInfo'> & { title: RoleEntry }) | null {
  const first = entity.mentions[0];
  if (!first) return null;
  const nameStart = doc.tokenAt(first.start);
  // "a State Department spokesperson, Morgan Ortagus": the title may stand in apposition before the name
  const titleEnd = doc.tokens[nameStart - 1]?.text === ',' ? nameStart - 1 : nameStart;
  const normals = doc.tokens.slice(Math.max(0, titleEnd - 4), titleEnd).map((t) => t.normal);
  const offset = Math.max(0, titleEnd - 4);
  for (let j = titleEnd - 1; j >= offset; j--) {
    const match = matchRole(normals, j - offset);
    if (!match || j + match.length !== titleEnd || !match.entry.asTitle) continue;
    // "Houthi military spokesperson": one modifier may stand between the organisation and the title
    for (let o = j - 1; o >= Math.max(0, j - 2); o--) {
      const at = doc.entityAt(o);
      const nominal = at ? undefined : nominals.find((m) => m.firstToken <= o && o < m.endToken && !m.code.startsWith(UNKNOWN) && !m.members);
      if (nominal) return { actor: nominal.code, ...(nominal.info ? { actorInfo: nominal.info } : {}), title: match.entry };
      if (!at || at.entity.type === 'PERSON') continue;
      const organisation = codedEntity(at.entity.id);
      return organisation?.actor ? { actor: organisation.actor, ...(organisation.actorInfo ? { actorInfo: organisation.actorInfo } : {}), title: match.entry } : null;
    }
    return null;
  }
  return null;
}

let roleById: Map<string, RoleEntry> | null = null;

/** The role row a nominal actor's rule cites ("actors.nominal:role.police" → role.police). */
function roleOfRule(rule: string): RoleEntry | undefined {
  roleById ??= new Map(roleEntries().map((e) => [e.id, e]));
  return roleById.get(rule.slice(RULES.nominal.length + 1));
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
    // "Paris court jails two police": a capital in the title names the story's country too
    if (this.story === undefined) this.story = storyCountry(this.doc, (w) => this.knowledge.countryOfName(w) ?? this.knowledge.countryOfDemonym(w) ?? this.knowledge.capitalOf(w));
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
  // "Czechoslovakia", "Yugoslav", "West Germany": a state the gazetteer no longer has, by the actor dictionaries
  const formerState = (): void => {
    const known = knowledge.dictionaryActor?.(entity.name, published);
    if (!known?.entryId.startsWith(FORMER_STATE_ROWS)) return;
    actor = known.code;
    infoRules.push(known.entryId, RULES.formerState);
  };
  switch (entity.type) {
    case 'PERSON': {
      // "Yesterday, the Parliament of Iraq voted": a body ("parliament", "army") is no person's title
      const role = entity.role ? roleEntry(entity.role) : null;
      const entry = role && (role.asTitle || !BODY_ROLES.has(role.role)) ? role : null;
      const agent = entry && entry.agent !== '=' ? entry.agent : null;
      // "Museveni" in a story that never names him in full: the one person of the dictionaries with that surname
      // (not when the words before the name were taken for a title no lexicon knows: "Kino Gabriel said")
      const bySurname = !/\s/.test(entity.name) && (!entity.role || role !== null);
      const fullName = knowledge.dictionaryActor?.(entity.name, published) ?? null;
      const known = fullName ?? (bySurname ? (knowledge.surnameActor?.(entity.name, published) ?? null) : null);
      // our named-actor table knows the person's office on the day better than a title read from the text
      const dated = fullName?.entryId.startsWith(NAMED_ROWS) ? fullName : null;
      if (dated) {
        actor = dated.code;
        infoRules.push(dated.entryId);
      } else if (entity.country && agent) {
        actor = entity.country + agent;
        infoRules.push(RULES.countryPlusRole);
      } else if (known) {
        actor = known.code;
        infoRules.push(known.entryId);
        if (!fullName) infoRules.push(RULES.knownSurname);
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
      else formerState();
      break;
    }
    case 'NORP':
      if (entity.country) actor = entity.country;
      else formerState();
      break;
    case 'ORG': {
      const known = knowledge.dictionaryActor?.(entity.name, published);
      const body = known ? null : knownBodyPrefix(entity.name, knowledge, published);
      if (known) {
        actor = known.code;
        infoRules.push(known.entryId);
      } else if (body) {
        // "United Nations General Assembly", "NATO Parliamentary Assembly": a body of an organisation the dictionaries know
        actor = body.code;
        infoRules.push(body.entryId, RULES.knownBody);
      } else {
        const words = entity.name.toLowerCase().split(/\s+/);
        const noun = orgAgent(words) ? null : organisationNoun(context.doc, entity);
        const agent = orgAgent(words) ?? noun?.agent;
        if (noun) infoRules.push(RULES.organisationNoun);
        // "Wisconsin Supreme Court", "Christchurch District Court": a place in the name gives the country
        const inName = entity.country ? null : placeCountryInName(context.doc, entity);
        if (inName) infoRules.push(RULES.countryPhrase);
        // "the Yemen-based Houthi movement", "London-based Reporters Without Borders"
        const based = entity.country || inName || noun?.country ? null : basedCountry(context.doc, entity);
        if (based) infoRules.push(RULES.countryPhrase);
        const country = entity.country ?? inName ?? noun?.country ?? based;
        if (country && agent) actor = country + agent;
        else if (country) actor = country;
        // a party belongs to its country's politics: "the Democratic Party" in a story about the United States
        else if (agent === 'PTY' || noun) fromContext(agent!);
        // "the Interior Ministry", "the National Police": a state body of the story's country, when its name says
        // no more than that ("Popular Mobilization Forces", "Quds Force" are not the story's country's)
        else if (agent && (genericBodyAgent(entity) || isNationalBody(words, agent))) fromContext(agent);
        if (agent) infoRules.push(RULES.orgHeadAgent);
      }
      break;
    }
    case 'LOC':
      formerState();
      break;
  }
  if (!actor) return { ...entity, rules };
  for (const r of infoRules) if (!rules.includes(r)) rules.push(r);
  return { ...entity, actor, actorInfo: actorInfo(actor, certainty, infoRules.length > 0 ? infoRules : [RULES.entity]), rules };
}

/** The country of a place of the article named inside an organisation's name ("Wisconsin Supreme Court" → USA). */
function placeCountryInName(doc: Doc, entity: Entity): string | null {
  const name = ` ${entity.name} `;
  for (const place of doc.places.places) if (place.country && name.includes(` ${place.name} `)) return place.country;
  return null;
}

/** The agent of a state body whose name says no more than what it is ("National Police", "Interior Ministry"). */
function genericBodyAgent(entity: Entity): string | undefined {
  const words = entity.name.toLowerCase().split(/\s+/);
  const agent = orgAgent(words);
  return agent && agent !== 'BUS' && agent !== 'MED' && words.every((w) => GENERIC_ORG_WORDS.has(w) || ORG_AGENTS.has(w)) ? agent : undefined;
}

/**
 * "National Telecommunications Commission", "Federal Investigation Agency": a state body by its first word and its
 * head ("National Liberation Army", "Popular Mobilization Forces" are not).
 */
function isNationalBody(words: readonly string[], agent: string): boolean {
  return NATIONAL_WORDS.has(words[0] ?? '') && STATE_AGENTS.has(agent) && !words.some((w) => NON_STATE_WORDS.has(w));
}

const NATIONAL_WORDS = new Set(['national', 'federal', 'state', 'royal', 'supreme']);
const STATE_AGENTS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG']);
/** Words that make a "national" organisation a movement or an armed group, not the state's. */
const NON_STATE_WORDS = new Set(['liberation', 'revolutionary', 'resistance', 'front', 'movement', 'popular', 'patriotic', 'islamic', 'salvation', 'rebel', 'democratic', 'transitional']);

/** The agent an organisation's name gives: a media word anywhere ("Saudi Press Agency"), else its last agent word ("Department of Defense"). */
function orgAgent(words: readonly string[]): string | undefined {
  if (words.some((w) => MEDIA_WORDS.has(w))) return 'MED';
  for (let k = words.length - 1; k >= 0; k--) {
    const agent = ORG_AGENTS.get(words[k]!);
    if (agent) return agent;
  }
  return undefined;
}

/**
 * The organisation the dictionaries know that an organisation's name opens with ("United Nations General Assembly" →
 * United Nations, "Islamic Revolutionary Guard Corps-Quds Force" → the Guard Corps); a bare country is no such body.
 */
function knownBodyPrefix(name: string, knowledge: ActorKnowledge, published: string | null): { code: string; entryId: string } | null {
  const words = name.split(/[\s-]+/);
  for (let n = words.length - 1; n >= 1; n--) {
    const found = knowledge.dictionaryActor?.(words.slice(0, n).join(' '), published);
    if (found) return found.code.length === 3 && isCountryRoot(found.code) ? null : found;
  }
  return null;
}

/**
 * "Iranian news agency Fars", "the Xinhua news agency", "broadcast corporation ABS-CBN": the sector a noun right
 * before or after an organisation's name gives it, and the country of a nationality or place right before.
 */
function organisationNoun(doc: Doc, entity: Entity): { agent: string; country: string | null } | null {
  const first = entity.mentions[0];
  if (!first) return null;
  const { firstToken, endToken } = doc.tokenRange(first.start, first.end);
  const sentence = doc.tokens[firstToken]?.sentence;
  const words = (from: number, to: number) => (from < 0 || doc.tokens[from]?.sentence !== sentence || doc.tokens[to - 1]?.sentence !== sentence ? '' : doc.tokens.slice(from, to).map((t) => t.normal).join(' '));
  for (let n = 2; n >= 1; n--) {
    const before = ORG_NOUN_AGENTS.get(words(firstToken - n, firstToken));
    if (before) return { agent: before, country: countryRightBefore(doc, firstToken - n) };
    const after = ORG_NOUN_AGENTS.get(words(endToken, endToken + n));
    if (after) return { agent: after, country: countryRightBefore(doc, firstToken) };
  }
  return null;
}

/** "Yemen-based X": the country of the place before "-based" right before the organisation's first mention. */
function basedCountry(doc: Doc, entity: Entity): string | null {
  const first = entity.mentions[0];
  if (!first) return null;
  const k = doc.tokenAt(first.start);
  const s0 = doc.sentences[doc.tokens[k]?.sentence ?? -1]?.firstToken ?? k;
  if (k < 0 || !isBasedIn(doc.tokens, k, s0)) return null;
  const place = doc.entityAt(k - 3)?.entity;
  return place && (place.type === 'GPE' || place.type === 'LOC') ? (place.country ?? doc.placeAt(k - 3)?.country ?? null) : null;
}

/** The country of a nationality or place just before token k, over adjectives ("state-owned Iranian …"). */
function countryRightBefore(doc: Doc, k: number): string | null {
  const sentence = doc.tokens[k]?.sentence;
  for (let j = k - 1; j >= Math.max(0, k - 4) && doc.tokens[j]!.sentence === sentence; j--) {
    const at = doc.entityAt(j)?.entity;
    if (at && (at.type === 'NORP' || at.type === 'GPE')) return at.country ?? null;
    const t = doc.tokens[j]!;
    if (t.pos !== 'ADJ' && t.text !== '-' && !/^[’']s$/.test(t.normal) && t.pos !== 'VERB') return null;
  }
  return null;
}

/** Nouns for an organisation beside its name → agent codes ("news agency Fars" → MED). */
const ORG_NOUN_AGENTS = new Map<string, string>([
  ['news agency', 'MED'], ['newspaper', 'MED'], ['daily', 'MED'], ['broadcaster', 'MED'], ['network', 'MED'], ['news network', 'MED'],
  ['channel', 'MED'], ['television', 'MED'], ['news service', 'MED'], ['broadcast corporation', 'MED'],
  ['company', 'BUS'], ['firm', 'BUS'], ['airline', 'BUS'], ['carrier', 'BUS'], ['bank', 'BUS'], ['insurer', 'BUS'], ['lender', 'BUS'],
  ['retailer', 'BUS'], ['automaker', 'BUS'], ['carmaker', 'BUS'], ['conglomerate', 'BUS'], ['party', 'PTY'], ['militia', 'UAF'], ['union', 'LAB'],
]);

const MEDIA_WORDS = new Set(['news', 'press', 'television', 'tv', 'radio', 'broadcasting', 'broadcaster', 'newspaper', 'times', 'post', 'herald', 'telegraph', 'tribune']);
/** Words of a state body's name that do not make it a particular organisation ("National Police", "Interior Ministry"). */
const GENERIC_ORG_WORDS = new Set(['the', 'coast', 'metropolitan', 'of', 'for', 'and', 'national', 'central', 'federal', 'state', 'supreme', 'high', 'interior', 'internal', 'affairs', 'foreign', 'defence', 'defense', 'justice', 'home', 'public', 'security', 'armed', 'constitutional', 'appeals', 'appeal', 'district', 'provincial', 'regional', 'municipal', 'city', 'general', 'special', 'criminal', 'civil', 'military', 'people', "people's", 'directorate', 'finance', 'health', 'education', 'information']);

/** Organisation head words → agent codes: "Revolutionary Guards Qods Force" → MIL. */
const ORG_AGENTS = new Map<string, string>([
  ['army', 'MIL'], ['force', 'MIL'], ['forces', 'MIL'], ['guards', 'MIL'], ['guard', 'MIL'], ['corps', 'MIL'], ['navy', 'MIL'],
  ['brigade', 'MIL'], ['brigades', 'MIL'], ['command', 'MIL'], ['regiment', 'MIL'], ['battalion', 'MIL'], ['fleet', 'MIL'],
  ['ministry', 'GOV'], ['department', 'GOV'], ['cabinet', 'GOV'], ['government', 'GOV'], ['administration', 'GOV'], ['office', 'GOV'],
  ['police', 'COP'], ['court', 'JUD'], ['tribunal', 'JUD'], ['parliament', 'LEG'], ['assembly', 'LEG'], ['senate', 'LEG'], ['congress', 'LEG'],
  ['embassy', 'GOV'], ['directorate', 'GOV'], ['commission', 'GOV'], ['agency', 'GOV'],
  ['party', 'PTY'], ['bank', 'BUS'], ['company', 'BUS'], ['corporation', 'BUS'], ['university', 'EDU'], ['militia', 'UAF'],
]);

function roleEntry(role: string): RoleEntry | null {
  return roleByName(role) ?? matchRole(role.split(' '), 0)?.entry ?? null;
}

/** Roles that name a body, not a person: an apposition of one to a name is a misreading. */
const BODY_ROLES = new Set(['government', 'parliament', 'congress', 'cabinet', 'court', 'army', 'military', 'navy', 'air force', 'police', 'company', 'university', 'union', 'party', 'ministry', 'senate', 'legislature', 'judiciary', 'delegation', 'authorities', 'forces', 'security forces', 'troops', 'marines', 'coast guard', 'national guard', 'clergy', 'intelligence', 'student union', 'student group', 'protest group', 'human rights group', 'gang', 'militia']);
/** How far back "the police" looks for the police named with their country, in sentences. */
const COREF_SENTENCES = 10;
const VERB_GROUP_POS = new Set(['VERB', 'AUX', 'ADV']);
const NP_MODIFIER_POS = new Set(['ADJ', 'DET', 'NUM', 'PROPN', 'NOUN']);
const POSTMODIFIER_PREPOSITIONS = new Set(['in', 'from', 'of']);

/**
 * Noun phrases headed by a role noun: [det] [country | demonym | country ’s]* [adj]* ROLE [in|from|of COUNTRY].
 * "the “occupying” U.S. military" → USAMIL; "Shi’ite militias in Iraq" → IRQUAF; "U.S. and Iranian officials" → USAGOV + IRNGOV.
 */
function findNominalActors(doc: Doc, covered: Set<number>, knowledge: ActorKnowledge, context: ActorContext, codedEntity: (id: string) => Entity | undefined, namedMentions: readonly ActorMention[]): ActorMention[] {
  // "Yugoslav army units": a state of the named-actor table before the role gives its country
  const namedCountryAt = (k: number): string | null => {
    const m = namedMentions.find((n) => n.firstToken <= k && k < n.endToken);
    return m && m.code.length === 3 && isCountryRoot(m.code) ? m.code : null;
  };
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
      // "UN officials", "Taliban fighters": members of a coded organisation named right before the role take its code
      let organisation: Entity | undefined;
      let owner: Entity | undefined;
      // "Houthi rebels", "KPA soldiers": a group or body of the named-actor table right before the role
      const namedGroup = namedMentions.find((n) => n.endToken === i && n.code.length > 3);
      // Left: modifiers, countries, demonyms, "Iraq ’s"
      if (namedGroup) start = namedGroup.firstToken;
      for (let k = namedGroup ? -1 : i - 1; k >= sentence.firstToken; k--) {
        const t = tokens[k]!;
        const org = doc.entityAt(k);
        if (countries.length === 0 && org?.entity.type === 'ORG' && org.mention.end <= tokens[i]!.start && (k === i - 1 || (k === i - 2 && /^[’']s$/.test(tokens[i - 1]!.normal)))) {
          const coded = codedEntity(org.entity.id);
          if (coded?.actor && !isCountryRoot(coded.actor)) {
            organisation = coded;
            start = doc.tokenAt(org.mention.start);
            break;
          }
        }
        // "Erdogan's office", "Putin's spokesman": the body or aide of a coded person is of the person's country
        if (countries.length === 0 && org?.entity.type === 'PERSON' && k === i - 2 && /^[’']s$/.test(tokens[i - 1]!.normal)) {
          const coded = codedEntity(org.entity.id);
          if (coded?.actor && isCountryRoot(coded.actor.slice(0, 3))) {
            owner = coded;
            start = doc.tokenAt(org.mention.start);
            break;
          }
        }
        if (t.normal === '’s' || t.normal === "'s") continue;
        if (t.text === '“' || t.text === '”' || t.text === '"') continue;
        // "on Wednesday Greek Foreign Minister": a time word is no modifier
        if (doc.isTime(k)) break;
        // "East German police": the name's country before its last word's ("German")
        const iso3 = countryOfEntityAt(doc, k, codedEntity) ?? namedCountryAt(k) ?? knowledge.countryOfName(t.text) ?? knowledge.countryOfDemonym(t.text);
        if (iso3) {
          // "North Korean": one country for the words of one name
          if (countries[0]?.entity !== undefined && countries[0].entity === doc.entityAt(k)?.entity.id) {
            start = k;
            continue;
          }
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
      let postGroup: { code: string; rules: readonly string[] } | undefined;
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
      // "Commanders of the Korean People's Army", "fighters of the Islamic State": members of a group named after "of"
      if (countries.length === 0 && !organisation && !owner && !namedGroup && tokens[end]?.normal === 'of' && match.entry.agent !== '=') {
        let p = end + 1;
        if (tokens[p]?.pos === 'DET') p++;
        const group = namedMentions.find((n) => n.firstToken === p && n.code.length > 3 && n.sentence === sentence.index);
        const at = group ? undefined : doc.entityAt(p);
        const org = at && at.entity.type === 'ORG' && doc.tokenAt(at.mention.start) === p ? codedEntity(at.entity.id) : undefined;
        if (group) {
          postGroup = { code: group.code, rules: group.info?.rules ?? [] };
          endToken = group.endToken;
        } else if (org?.actor && org.actor.length > 3 && !org.actor.startsWith(UNKNOWN)) {
          postGroup = { code: org.actor, rules: org.actorInfo?.rules ?? [] };
          endToken = doc.tokenRange(at!.mention.start, at!.mention.end).endToken;
        }
      }
      // "his office", "took office": an office is an actor only as someone's
      if (match.entry.id === OWNED_ONLY && !organisation && !owner) continue;
      const agent = agentCode(match.entry) ?? (organisation || owner || namedGroup ? '' : null);
      // "spokesman", "chairman" take their code from an organisation or not at all
      if (agent === null) continue;
      const rule = `${RULES.nominal}:${match.entry.id}`;
      let codes = agent === '' ? [] : countries.map((c) => ({ code: c.code + agent }));
      let info: ActorInfo | null = codes.length > 0 ? actorInfo(codes[0]!.code, 'stated', [rule, RULES.countryPhrase]) : null;
      let entity: string | undefined;
      if (organisation?.actor) {
        codes = [{ code: organisation.actor }];
        entity = organisation.id;
        info = actorInfo(organisation.actor, 'stated', [rule, RULES.organisationMember, ...(organisation.actorInfo?.rules ?? [])]);
      }
      if (postGroup) {
        codes = [{ code: postGroup.code }];
        info = actorInfo(postGroup.code, 'stated', [rule, RULES.organisationMember, ...postGroup.rules]);
      }
      if (namedGroup) {
        codes = [{ code: namedGroup.code }];
        info = actorInfo(namedGroup.code, 'stated', [rule, RULES.organisationMember, ...(namedGroup.info?.rules ?? [])]);
      }
      if (owner?.actor) {
        const code = agent === '' ? owner.actor : owner.actor.slice(0, 3) + agent;
        codes = [{ code }];
        entity = owner.id;
        info = actorInfo(code, 'inferred', [rule, RULES.personPossessive, ...(owner.actorInfo?.rules ?? [])]);
      }
      // "the Popular Mobilization Forces": a role word inside an organisation's name gets no country from context
      const named = doc.entityAt(i)?.entity;
      const inName = named?.type === 'ORG' && !named.name.toLowerCase().split(/\s+/).every((w) => GENERIC_ORG_WORDS.has(w) || ORG_AGENTS.has(w) || matchRole([w], 0));
      // "African Union", "Popular Mobilization Forces": the role word of an organisation the dictionaries do not know
      // names no group of its own
      if (inName && codes.length === 0) continue;
      if (codes.length === 0 && agent !== '') {
        const the = tokens[start - 1]?.normal === 'the' || tokens[start]?.normal === 'the';
        const singular = match.length === 1 ? normals[end - 1] === match.entry.words.at(-1) : true;
        // "The chancellor met …" after "German Chancellor Angela Merkel": the person who holds the title
        const holder = the && singular && match.entry.asTitle ? personWithRoleBefore(doc, token.start, match.entry.role) : null;
        const person = holder ? codedEntity(holder.entity.id) : undefined;
        // "the police", "the Parliament's decision" after "Kenyan police", "the Parliament of Iraq": the same body
        const earlier = the && !person?.actor ? [...out].reverse().find((m) => m.rule === rule && m.sentence >= sentence.index - COREF_SENTENCES && !m.code.startsWith(UNKNOWN) && !m.members) : undefined;
        const theCountry = theCountrysAt(doc, start, i);
        // the same body named earlier with its country, unless the story is about another country ("the Chinese
        // government … the government" in a Hong Kong story is Hong Kong's)
        const story = context.storyCountry();
        const sameBody = earlier && (!story || earlier.code.startsWith(story.iso3)) ? earlier : undefined;
        if (person?.actor) {
          codes = [{ code: person.actor }];
          entity = person.id;
          info = actorInfo(person.actor, 'inferred', [rule, RULES.corefRole, ...(person.actorInfo?.rules ?? [])]);
        } else if (theCountry) {
          codes = [{ code: theCountry + agent }];
          info = actorInfo(codes[0]!.code, 'inferred', [rule, RULES.countryTheCountry]);
        } else if (sameBody) {
          codes = [{ code: sameBody.code }];
          info = actorInfo(sameBody.code, 'inferred', [rule, RULES.corefRole, ...(sameBody.info?.rules ?? [])]);
        } else if (match.entry.domestic) {
          const found = context.countryFor(sentence.index, start, endToken);
          if (found) {
            codes = [{ code: found.iso3 + agent }];
            info = actorInfo(codes[0]!.code, 'inferred', [rule, found.rule]);
          }
        }
      }
      if (codes.length === 0) {
        if (agent === '') continue;
        codes = [{ code: UNKNOWN + agent }];
      }
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

/**
 * Names of our named-actor table in the text that no coded entity mention covers as long: "Press Trust of India"
 * (tagged as the place "India"), "Voice of America", "Korean People's Army", "Yugoslav".
 */
function findNamedActors(doc: Doc, knowledge: ActorKnowledge, entityActors: readonly ActorMention[]): ActorMention[] {
  if (!knowledge.namedActorAt) return [];
  const out: ActorMention[] = [];
  const words = doc.tokens.map((t) => t.text);
  for (const sentence of doc.sentences) {
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const found = knowledge.namedActorAt(words, i, doc.published);
      if (!found || i + found.length > sentence.endToken) continue;
      const end = i + found.length;
      // "NBC Universal", "Guardian Council": a name that goes on is another name
      const next = doc.tokens[end];
      if (next && next.sentence === sentence.index && next.pos === 'PROPN' && /^\p{Lu}/u.test(next.text)) continue;
      const entityCovers = entityActors.some((m) => m.code && m.firstToken <= i && end <= m.endToken);
      if (!entityCovers) {
        const start = doc.tokens[i]!.start;
        const stop = doc.tokens[end - 1]!.end;
        out.push({ start, end: stop, firstToken: i, endToken: end, sentence: sentence.index, code: found.code, name: doc.text.slice(start, stop), rule: RULES.namedActor, info: actorInfo(found.code, 'stated', [found.entryId, RULES.namedActor]) });
      }
      i = end - 1;
    }
  }
  return out;
}

/**
 * "ABS-CBN … the network signed off", "Saudi Aramco … the company said": "the" + an organisation noun is the last
 * organisation of that sector named in the sentences before.
 */
function findOrganisationAnaphors(doc: Doc, covered: Set<number>, coded: readonly Entity[]): ActorMention[] {
  const out: ActorMention[] = [];
  let mentions: { entity: Entity; start: number; sentence: number }[] | null = null;
  for (let i = 1; i < doc.tokens.length; i++) {
    const token = doc.tokens[i]!;
    const agent = ORG_NOUN_AGENTS.get(token.normal);
    if (!agent || token.pos !== 'NOUN' || covered.has(i) || doc.tokens[i - 1]!.normal !== 'the' || doc.entityAt(i)) continue;
    // "the company chief", "the network of tunnels": a noun that modifies or is modified is another thing
    const next = doc.tokens[i + 1];
    if (next && next.sentence === token.sentence && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.normal === 'of')) continue;
    mentions ??= coded
      .filter((e) => e.type === 'ORG' && e.actor)
      .flatMap((entity) => entity.mentions.map((m) => ({ entity, start: m.start, sentence: m.sentence })))
      .sort((a, b) => a.start - b.start);
    let antecedent: Entity | undefined;
    for (const m of mentions) {
      if (m.start >= doc.tokens[i - 1]!.start) break;
      if (m.sentence < token.sentence - COREF_SENTENCES) continue;
      if (sectorOf(m.entity.actor!) === agent) antecedent = m.entity;
    }
    if (!antecedent?.actor) continue;
    const start = doc.tokens[i - 1]!.start;
    out.push({ start, end: token.end, firstToken: i - 1, endToken: i + 1, sentence: token.sentence, code: antecedent.actor, entity: antecedent.id, name: doc.text.slice(start, token.end), rule: RULES.corefOrganisation, info: actorInfo(antecedent.actor, 'inferred', [RULES.corefOrganisation, ...(antecedent.actorInfo?.rules ?? [])]) });
  }
  return out;
}

/** The sector of an organisation's code: "PHLMED" → MED; a multinational ("MNCUSA…") is a business. */
function sectorOf(code: string): string {
  return code.startsWith('MNC') ? 'BUS' : code.slice(3, 6);
}

/** The role row that names an actor only after an owner ("Erdogan's office", "the UN office"). */
const OWNED_ONLY = 'role.office';

function agentCode(entry: RoleEntry): string | null {
  if (entry.agent === '=') return null;
  return entry.agent;
}

function isVerbLike(t: Token): boolean {
  return t.pos === 'VERB' || t.pos === 'AUX';
}

/** The country a place, nationality or country-named organisation at token k stands for ("Philippine" → PHL). */
/** "the country's military": the country last named before `start` (within the token range before it). */
function theCountrysAt(doc: Doc, start: number, head: number): string | null {
  for (let k = start; k < head - 1; k++) {
    if (doc.tokens[k]!.normal !== 'country' || !/^[’']s$/.test(doc.tokens[k + 1]!.normal)) continue;
    const mentions = doc.entityMentions();
    for (let j = mentions.length - 1; j >= 0; j--) {
      const ref = mentions[j]!;
      if (ref.mention.end <= doc.tokens[k]!.start && ref.entity.type === 'GPE' && ref.entity.country && ref.entity.name === doc.text.slice(ref.mention.start, ref.mention.end)) return ref.entity.country;
    }
  }
  return null;
}

function countryOfEntityAt(doc: Doc, k: number, codedEntity: (id: string) => Entity | undefined): string | null {
  const at = doc.entityAt(k);
  if (!at) return null;
  const actor = codedEntity(at.entity.id)?.actor;
  // "Yugoslav army units": a former state's code stands for its country
  if (at.entity.type === 'GPE' || at.entity.type === 'NORP' || at.entity.type === 'LOC') return at.entity.country ?? (actor?.length === 3 && isCountryRoot(actor) ? actor : null);
  return at.entity.type === 'ORG' && actor?.length === 3 && isCountryRoot(actor) ? actor : null;
}

/** A nominal phrase inside a longer one ("officials" inside "U.S. and Iranian officials") is dropped. */
function dropNested(actors: ActorMention[]): ActorMention[] {
  return actors.filter((a) => !actors.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start && !a.entity));
}
