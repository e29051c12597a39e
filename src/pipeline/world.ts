/**
 * The world the stages are given: gazetteer answers, actor and verb dictionaries and the name tagger, wired
 * once per process. Stages see only the small interfaces they declare (EntityKnowledge, ActorKnowledge, …).
 */
import { COMMON_WORD_MIN_POPULATION, countryByCapital, countryByCode, countryByDemonym, countryByName, isCommonWordPlaceName, lookupPlace } from '../lexicon/gazetteer.ts';
import { lookupActor } from '../lexicon/petrarch/actors.ts';
import { matchVerb } from '../lexicon/petrarch/verbs.ts';
import type { ActorKnowledge } from '../stages/actors/index.ts';
import type { EntityKnowledge } from '../stages/entities/index.ts';
import type { VerbDictionary } from '../stages/events/index.ts';
import { tagSentence } from '../stages/entities/tagger/index.ts';
import { shippedProvenance, type WorldProvenance } from './provenance.ts';
import { shippedModel } from '../stages/entities/tagger/model.ts';

export interface World {
  entities: EntityKnowledge;
  actors: ActorKnowledge;
  verbDictionary: VerbDictionary;
  /** The models and lexicons this world reads, with their versions (computed once, when first asked). */
  provenance(): WorldProvenance;
}

const worlds = new Map<boolean, World>();

let commonWords: Set<string> | null = null;

/** Words news writes in lower case (the tagger model's list, mined from its training text). */
function lowerCaseWords(): Set<string> {
  commonWords ??= new Set(shippedModel().lists.lowerWord);
  return commonWords;
}

/** The default world: bundled gazetteer, PETRARCH-2 dictionaries and the shipped tagger model. */
export function defaultWorld(options: { tagger?: boolean } = {}): World {
  const tagger = options.tagger !== false;
  const cached = worlds.get(tagger);
  if (cached) return cached;
  const capitalOf = (name: string): string | null => countryByCapital(name)?.iso3 ?? null;
  const entities: EntityKnowledge = {
    countryOfName: (name) => countryByName(name)?.iso3 ?? null,
    countryOfDemonym: (word) => countryByDemonym(word)?.iso3 ?? null,
    placeKindOf: (name) => {
      const best = lookupPlace(name)[0];
      // "More", "It": common words that are also small towns are not places when they stand alone
      if (!best || (best.kind === 'city' && (best.population ?? 0) < COMMON_WORD_MIN_POPULATION && isCommonWordPlaceName(name))) return null;
      // "CRICKET", "RESULTS": a common word in capitals (a heading, a scorecard) is a place only when it is a large one
      if (best.kind === 'city' && (best.population ?? 0) < COMMON_WORD_MIN_POPULATION && !/\p{Ll}/u.test(name) && lowerCaseWords().has(name.toLowerCase())) return null;
      return best.kind;
    },
    capitalOf,
    countryName: (iso3) => countryByCode(iso3)?.name ?? iso3,
  };
  const dictionaryActor = (name: string, date: string | null) => {
    const words = name.toLowerCase().split(/\s+/);
    const match = lookupActor(words, 0, date ?? undefined);
    return match && match.length === words.length ? { code: match.code, entryId: match.entryId } : null;
  };
  entities.dictionaryCode = (name) => dictionaryActor(name, null)?.code ?? null;
  if (tagger) entities.tagSentence = tagSentence;
  let provenance: WorldProvenance | null = null;
  const built: World = {
    provenance: () => (provenance ??= tagger ? shippedProvenance() : { ...shippedProvenance(), models: [] }),
    entities,
    actors: {
      countryOfName: entities.countryOfName,
      countryOfDemonym: entities.countryOfDemonym,
      capitalOf,
      dictionaryActor,
    },
    verbDictionary: (lemma, before, after) => {
      const m = matchVerb(lemma, before, after);
      return m ? { code: m.code, ruleId: m.ruleId, matched: m.matched, specificity: m.specificity } : null;
    },
  };
  worlds.set(tagger, built);
  return built;
}
