/**
 * Working data passed between pipeline stages (not part of the output contract).
 * Offsets are UTF-16 indices into the article text, like every offset in Dateline.
 */
import type { ActorInfo, Message } from './record.ts';

/** An article as read from a file, a record or stdin, before any analysis. */
export interface ArticleInput {
  id: string;
  /** The text every offset refers to. */
  text: string;
  title: string | null;
  /** Where the title sits in `text`, when the text starts with it. */
  titleSpan: { start: number; end: number } | null;
  published: string | null;
  publishedFrom: 'option' | 'metadata' | 'record' | 'none';
  url: string | null;
  source: string | null;
  byline: string | null;
  /** Problems met while reading (encoding guessed, fields ignored), kept with the record. */
  messages: Message[];
}

export interface Token {
  /** Index in the article-wide token array. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Lower-cased text. */
  normal: string;
  lemma: string;
  /** Universal POS tag from wink-nlp. */
  pos: string;
  /** Inside the scope of a negation ("did not produce any evidence"). */
  negated: boolean;
  sentence: number;
  /** Whitespace precedes the token (false inside "Kazemi-Qomi"). */
  spaceBefore: boolean;
}

export interface SentenceInfo {
  index: number;
  start: number;
  end: number;
  paragraph: number;
  /** Token index range [firstToken, endToken). */
  firstToken: number;
  endToken: number;
}

/** A number or date entity found by wink-nlp (CARDINAL, DATE, DURATION, ORDINAL...). */
export interface NumericEntity {
  type: string;
  start: number;
  end: number;
  firstToken: number;
  endToken: number;
}

export interface Segmented {
  text: string;
  tokens: Token[];
  sentences: SentenceInfo[];
  numeric: NumericEntity[];
}

/**
 * A span that names an actor, with its CAMEO actor code: every entity mention with a code, and nominal
 * actors that are not entities ("the U.S. military" → USAMIL, "Iranian officials" → IRNGOV, "militias" → UAF).
 */
export interface ActorMention {
  start: number;
  end: number;
  firstToken: number;
  endToken: number;
  sentence: number;
  code: string;
  entity?: string;
  /** The words as written. */
  name: string;
  rule: string;
  /** Compound actors ("U.S. and Iranian officials"): every member; `code` is the first. */
  members?: { code: string; entity?: string }[];
  /** How `code` was reached. */
  info?: ActorInfo;
}
