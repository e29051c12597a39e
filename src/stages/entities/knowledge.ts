/** What the entities stage needs to know about the world, injected by the pipeline (gazetteer, dictionaries, tagger). */
import type { Token } from '../../model/analysis.ts';
import type { PlaceKind } from '../../lexicon/placeAliases.ts';

export interface TaggedSpan {
  firstToken: number;
  endToken: number;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  score: number;
}

export interface EntityKnowledge {
  /** ISO alpha-3 of a country named by `name` ("U.S.", "United States", "Iran"), else null. */
  countryOfName(name: string): string | null;
  /** ISO alpha-3 of a nationality word ("Iranian", "Iraqis", "American"), else null. */
  countryOfDemonym(word: string): string | null;
  /** Kind of the best gazetteer match for a capitalised name, else null. */
  placeKindOf(name: string): PlaceKind | null;
  /** ISO alpha-3 of the country whose capital is named ("Washington" → USA), else null. */
  capitalOf(name: string): string | null;
  /** Short English name of a country ("IRN" → "Iran"). */
  countryName(iso3: string): string;
  /** The actor dictionaries' code for a name ("NATO" → IGOWSTNAT, "Hamas" → PSEREBHMS), else null. */
  dictionaryCode?(name: string): string | null;
  /** Whether news writes this word in lower case too ("coach", "defender"; not "Uhuru", "Qasem"), lower-cased. */
  isLowerCaseWord?(word: string): boolean;
  /** Proposes name spans for one sentence (statistical tagger); absent in rules-only mode. */
  tagSentence?: (tokens: readonly Token[], context: { headline: boolean }) => TaggedSpan[];
}
