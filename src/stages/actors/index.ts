/**
 * Actors stage: CAMEO actor codes (country + role, e.g. USAGOV, IRQMIL, IRQUAF) for entities, and the list of
 * every span in the text that names an actor, including nominal actors that are not entities
 * ("the U.S. military", "Iranian officials", "Shi’ite militias in Iraq", "U.S. and Iranian officials").
 */
import type { Doc } from '../../doc/doc.ts';
import type { ActorMention, Token } from '../../model/analysis.ts';
import type { Entity } from '../../model/record.ts';
import { matchRole, type RoleEntry } from '../../lexicon/roles.ts';
import type { Stage } from '../../pipeline/stage.ts';
import type { World } from '../../pipeline/world.ts';
import { findDictionaryActors } from './dictionaryActors.ts';
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
  const coded = doc.entities.map((e) => codeEntity(e, knowledge, doc.published));
  const actors: ActorMention[] = [];
  const covered = new Set<number>();
  for (const entity of coded) {
    if (!entity.actor) continue;
    for (const m of entity.mentions) {
      if (doc.tokenAt(m.start) < 0 || doc.tokenAt(m.end - 1) < 0) continue;
      const { firstToken, endToken } = doc.tokenRange(m.start, m.end);
      actors.push({ start: m.start, end: m.end, firstToken, endToken, sentence: m.sentence, code: entity.actor, entity: entity.id, name: doc.text.slice(m.start, m.end), rule: entity.type === 'GPE' ? RULES.entityPlace : RULES.entity });
      for (let k = firstToken; k < endToken; k++) covered.add(k);
    }
  }
  actors.push(...findNominalActors(doc, covered, knowledge));
  actors.sort((a, b) => a.start - b.start || b.end - a.end);
  return { entities: coded, actors: dropNested(actors) };
}

function codeEntity(entity: Entity, knowledge: ActorKnowledge, published: string | null): Entity {
  const rules = [...entity.rules];
  let actor: string | undefined;
  switch (entity.type) {
    case 'PERSON': {
      const agent = entity.role ? roleAgent(entity.role) : null;
      if (entity.country && agent && agent !== '=') {
        actor = entity.country + agent;
        rules.push(RULES.countryPlusRole);
      } else {
        const known = knowledge.dictionaryActor?.(entity.name, published);
        if (known) {
          actor = known.code;
          rules.push(known.entryId);
        } else if (entity.country) actor = entity.country;
      }
      break;
    }
    case 'GPE': {
      // Capitals stand for their governments when they act ("Washington said", "Tehran denies").
      const capital = knowledge.capitalOf(entity.name);
      if (capital) {
        actor = `${capital}GOV`;
        rules.push(RULES.capitalAsGovernment);
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
        rules.push(known.entryId);
      } else {
        const head = entity.name.split(/\s+/).at(-1)!.toLowerCase();
        const agent = ORG_AGENTS.get(head);
        if (entity.country && agent) actor = entity.country + agent;
        else if (entity.country) actor = entity.country;
        if (agent) rules.push(RULES.orgHeadAgent);
      }
      break;
    }
    case 'LOC':
      break;
  }
  return actor ? { ...entity, actor, rules } : { ...entity, rules };
}

/** Organisation head words → agent codes: "Revolutionary Guards Qods Force" → MIL. */
const ORG_AGENTS = new Map<string, string>([
  ['army', 'MIL'], ['force', 'MIL'], ['forces', 'MIL'], ['guards', 'MIL'], ['guard', 'MIL'], ['corps', 'MIL'], ['navy', 'MIL'],
  ['brigade', 'MIL'], ['brigades', 'MIL'], ['command', 'MIL'], ['regiment', 'MIL'], ['battalion', 'MIL'], ['fleet', 'MIL'],
  ['ministry', 'GOV'], ['department', 'GOV'], ['cabinet', 'GOV'], ['government', 'GOV'], ['administration', 'GOV'], ['office', 'GOV'],
  ['police', 'COP'], ['court', 'JUD'], ['tribunal', 'JUD'], ['parliament', 'LEG'], ['assembly', 'LEG'], ['senate', 'LEG'], ['congress', 'LEG'],
  ['party', 'PTY'], ['bank', 'BUS'], ['company', 'BUS'], ['corporation', 'BUS'], ['university', 'EDU'], ['militia', 'UAF'],
]);

function roleAgent(role: string): string | null {
  return matchRole(role.split(' '), 0)?.entry.agent ?? null;
}

const NP_MODIFIER_POS = new Set(['ADJ', 'DET', 'NUM', 'PROPN', 'NOUN']);
const POSTMODIFIER_PREPOSITIONS = new Set(['in', 'from', 'of']);

/**
 * Noun phrases headed by a role noun: [det] [country | demonym | country ’s]* [adj]* ROLE [in|from|of COUNTRY].
 * "the “occupying” U.S. military" → USAMIL; "Shi’ite militias in Iraq" → IRQUAF; "U.S. and Iranian officials" → USAGOV + IRNGOV.
 */
function findNominalActors(doc: Doc, covered: Set<number>, knowledge: ActorKnowledge): ActorMention[] {
  const { tokens, text } = doc;
  const out: ActorMention[] = [];
  const normals = tokens.map((t) => t.normal);
  for (const sentence of doc.sentences) {
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const token = tokens[i]!;
      // wink tags "military" in "the U.S. military’s training" as ADJ: a role word heading its phrase is a noun
      const headAdjective = token.pos === 'ADJ' && !['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '');
      if (covered.has(i) || (token.pos !== 'NOUN' && token.pos !== 'PROPN' && !headAdjective)) continue;
      const match = matchRole(normals, i);
      if (!match || !match.entry.asNoun || i + match.length > sentence.endToken) continue;
      // The head is the last word of the role phrase; skip when the phrase continues as a compound ("army base").
      const end = i + match.length;
      const after = tokens[end];
      if (after && after.sentence === sentence.index && after.pos === 'NOUN' && !after.text.startsWith('’') && !matchRole(normals, end)) continue;
      const countries: { code: string; entity?: string }[] = [];
      let start = i;
      // Left: modifiers, countries, demonyms, "Iraq ’s"
      for (let k = i - 1; k >= sentence.firstToken; k--) {
        const t = tokens[k]!;
        if (t.normal === '’s' || t.normal === "'s") continue;
        if (t.text === '“' || t.text === '”' || t.text === '"') continue;
        const iso3 = knowledge.countryOfName(t.text) ?? knowledge.countryOfDemonym(t.text) ?? countryOfEntityAt(doc, k);
        if (iso3) {
          countries.unshift({ code: iso3 });
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
          const iso3 = knowledge.countryOfName(t.text) ?? countryOfEntityAt(doc, k);
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
      const codes = countries.length > 0 ? countries.map((c) => ({ code: c.code + agent })) : [{ code: UNKNOWN + agent }];
      const first = codes[0]!;
      out.push({
        start: tokens[start]!.start,
        end: tokens[endToken - 1]!.end,
        firstToken: start,
        endToken,
        sentence: sentence.index,
        code: first.code,
        name: text.slice(tokens[start]!.start, tokens[endToken - 1]!.end),
        rule: `${RULES.nominal}:${match.entry.id}`,
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

function countryOfEntityAt(doc: Doc, k: number): string | null {
  const at = doc.entityAt(k);
  return at && (at.entity.type === 'GPE' || at.entity.type === 'NORP') ? (at.entity.country ?? null) : null;
}

/** A nominal phrase inside a longer one ("officials" inside "U.S. and Iranian officials") is dropped. */
function dropNested(actors: ActorMention[]): ActorMention[] {
  return actors.filter((a) => !actors.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start && !a.entity));
}
