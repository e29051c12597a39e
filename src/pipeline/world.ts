/**
 * The world the stages are given: gazetteer answers, actor and verb dictionaries and the name tagger, wired
 * once per process. Stages see only the small interfaces they declare (EntityKnowledge, ActorKnowledge, …).
 * `mode` 'dictionaries-only' (`--dictionaries DIR`): PETRARCH mechanics over the user's dictionaries alone.
 */
import { basename, delimiter } from 'node:path';
import { COMMON_WORD_MIN_POPULATION, countryByCapital, countryByCode, countryByDemonym, countryByName, isCommonWordPlaceName, lookupPlace, WORLD_ADMIN2_SOURCE } from '../lexicon/gazetteer.ts';
import { cameoCodeOrPrefix } from '../lexicon/cameo.ts';
import { namedActor, namedActorBySurname, namedActorPhrase } from '../lexicon/namedActors.ts';
import { chosenSources, loadDictionaries, type Dictionaries } from '../lexicon/petrarch/dictionaries.ts';
import type { ActorKnowledge } from '../stages/actors/index.ts';
import type { EntityKnowledge } from '../stages/entities/index.ts';
import type { VerbDictionary } from '../stages/events/index.ts';
import { tagSentence } from '../stages/entities/tagger/index.ts';
import { loadParserModel, type ParserModel } from '../stages/parse/index.ts';
import { fileVersion, shippedProvenance, type WorldProvenance } from './provenance.ts';
import { shippedModel } from '../stages/entities/tagger/model.ts';

export type WorldMode = 'default' | 'dictionaries-only';

export interface WorldOptions {
  /** false: rules and gazetteers only, no statistical name tagger. */
  tagger?: boolean;
  /** `--add-dictionaries DIR`: the user's PETRARCH dictionaries on top of the shipped ones (theirs win on a conflict). */
  addDictionaries?: string;
  /** `--dictionaries DIR`: the user's PETRARCH dictionaries instead of the shipped ones; mode 'dictionaries-only'. */
  dictionaries?: string;
}

export interface World {
  /** 'dictionaries-only': actors from the dictionaries alone, and no own pattern table, context-country inference or topic discard in the coder. */
  mode: WorldMode;
  /** The PETRARCH verb, actor, agent and discard dictionaries, and the files they come from. */
  dictionaries: Dictionaries;
  entities: EntityKnowledge;
  actors: ActorKnowledge;
  verbDictionary: VerbDictionary;
  /** The dependency parser's model, read on first use. */
  parser(): ParserModel;
  /** The models and lexicons this world reads, with their versions (computed once, when first asked). */
  provenance(): WorldProvenance;
}

const worlds = new Map<string, World>();

let commonWords: Set<string> | null = null;

/** Words news writes in lower case (the tagger model's list, mined from its training text). */
function lowerCaseWords(): Set<string> {
  commonWords ??= new Set(shippedModel().lists.lowerWord);
  return commonWords;
}

/**
 * The world of a run: bundled gazetteer, the PETRARCH dictionaries chosen (shipped, shipped plus the user's, or the
 * user's alone; DATELINE_DICTIONARIES lists extra files on top) and the shipped tagger model. One per choice.
 * Throws a DictionaryError (file:line and what to do) for a missing directory, one without dictionaries, or a
 * dictionary line it cannot read.
 */
export function defaultWorld(options: WorldOptions = {}): World {
  const tagger = options.tagger !== false;
  const addFiles = (process.env['DATELINE_DICTIONARIES'] ?? '').split(delimiter).filter((p) => p !== '');
  const key = JSON.stringify([tagger, options.addDictionaries ?? null, options.dictionaries ?? null, addFiles]);
  const cached = worlds.get(key);
  if (cached) return cached;
  const mode: WorldMode = options.dictionaries === undefined ? 'default' : 'dictionaries-only';
  const sources = chosenSources(options.dictionaries === undefined ? { ...(options.addDictionaries === undefined ? {} : { add: options.addDictionaries }), addFiles } : { replace: options.dictionaries });
  // --dictionaries: PETRARCH's own word matching too (no stemming of pattern words)
  const dictionaries = loadDictionaries(sources, { exact: mode === 'dictionaries-only' });
  const capitalOf = (name: string): string | null => countryByCapital(name)?.iso3 ?? null;
  const entities: EntityKnowledge = {
    countryOfName: (name) => countryByName(name)?.iso3 ?? null,
    countryOfDemonym: (word) => countryByDemonym(word)?.iso3 ?? null,
    placeKindOf: (name) => {
      // other countries' districts are the places stage's to weigh, not evidence that a name is a place
      const best = lookupPlace(name).find((r) => r.source !== WORLD_ADMIN2_SOURCE);
      // "More", "It": common words that are also small towns are not places when they stand alone
      if (!best || (best.kind === 'city' && (best.population ?? 0) < COMMON_WORD_MIN_POPULATION && isCommonWordPlaceName(name))) return null;
      // "CRICKET", "RESULTS": a common word in capitals (a heading, a scorecard) is a place only when it is a large one
      if (best.kind === 'city' && (best.population ?? 0) < COMMON_WORD_MIN_POPULATION && !/\p{Ll}/u.test(name) && lowerCaseWords().has(name.toLowerCase())) return null;
      return best.kind;
    },
    capitalOf,
    countryName: (iso3) => countryByCode(iso3)?.name ?? iso3,
    isLowerCaseWord: (word) => lowerCaseWords().has(word),
  };
  // our named-actor table (historical states, media, terms since 2014) first, on the article's date; not over a user's sole dictionaries
  const ownTable = mode === 'default';
  const dictionaryActor = (name: string, date: string | null) => {
    const own = ownTable ? namedActor(name, date) : null;
    if (own) return own;
    const words = name.toLowerCase().split(/\s+/);
    const match = dictionaries.actors.lookup(words, 0, date ?? undefined);
    return match && match.length === words.length ? { code: match.code, entryId: match.entryId } : null;
  };
  const surnameActor = (surname: string, date: string | null) => {
    const own = ownTable ? namedActorBySurname(surname, date) : null;
    if (own) return own;
    const match = dictionaries.actors.surname(surname, date ?? undefined);
    return match ? { code: match.code, entryId: match.entryId } : null;
  };
  entities.dictionaryCode = (name) => dictionaryActor(name, null)?.code ?? null;
  if (tagger) entities.tagSentence = tagSentence;
  let provenance: WorldProvenance | null = null;
  const built: World = {
    mode,
    dictionaries,
    provenance: () => (provenance ??= worldProvenance(mode, tagger, dictionaries)),
    entities,
    actors: {
      countryOfName: entities.countryOfName,
      countryOfDemonym: entities.countryOfDemonym,
      capitalOf,
      dictionaryActor,
      surnameActor,
      ...(ownTable ? { namedActorAt: namedActorPhrase } : {}),
    },
    parser: () => loadParserModel(),
    verbDictionary: (lemma, before, after) => {
      const m = dictionaries.verbs.match(lemma, before, after);
      return m ? { code: m.code, ruleId: m.ruleId, matched: m.matched, specificity: m.specificity, compound: m.compound !== null, pairedCode: m.pairedCode, reversed: m.reversed, ownCodeName: m.origin === 'user' && !cameoCodeOrPrefix(m.code) ? m.block : null, fromUser: m.origin === 'user', targetSlot: m.target && { side: m.target.side, start: m.target.start, end: m.target.end } } : null;
    },
  };
  worlds.set(key, built);
  return built;
}

/** The shipped models and lexicons; a user's dictionaries with origin 'user'; in 'dictionaries-only' mode without the shipped PETRARCH files. */
function worldProvenance(mode: WorldMode, tagger: boolean, dictionaries: Dictionaries): WorldProvenance {
  const shipped = shippedProvenance();
  const lexicons = mode === 'default' ? shipped.lexicons : shipped.lexicons.filter((l) => !l.name.startsWith('petrarch/'));
  const user = dictionaries.files.filter((f) => f.origin === 'user').map((f) => ({ name: basename(f.path), version: fileVersion(f.path), origin: 'user' as const }));
  return { mode, models: tagger ? shipped.models : [], lexicons: [...lexicons, ...user] };
}
