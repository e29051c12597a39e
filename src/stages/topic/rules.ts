/**
 * Rules of the topic stage besides the cue table (data/lexicon/topic-cues.tsv): patterns no word list holds, and
 * how the scores decide. Ids are cited in `article.topic.rules`.
 */

export const TOPICS = ['politics', 'business', 'sport', 'entertainment', 'tech'] as const;
export type Topic = (typeof TOPICS)[number];
/** The five topics and "other", which has cues of its own (crime, courts, disasters, health, science). */
export const SCORED = [...TOPICS, 'other'] as const;
export type Scored = (typeof SCORED)[number];

export interface TopicPattern {
  id: string;
  topic: Scored;
  weight: number;
  pattern: RegExp;
  example: string;
}

/** Patterns over the raw text, counted like cues (at most CUE_CAP times each). */
export const TOPIC_PATTERNS: readonly TopicPattern[] = [
  // "beat Chelsea 2-1", "drew 3–3", "were 245-6 at stumps"; not "1990-95" nor "18-25-year-olds"
  { id: 'topic.sport.score-line', topic: 'sport', weight: 2, pattern: /(?<![\d.,:/-])\d{1,3} ?[-–] ?\d{1,2}(?![\d.,:/%-])/g, example: 'Liverpool beat Chelsea 2-1' },
  { id: 'topic.business.money-amount', topic: 'business', weight: 1, pattern: /[$£€¥] ?\d|\d(?:bn|m)?\s?(?:dollars|pounds|euros|yen)\b/g, example: 'profits of £1.2bn' },
  { id: 'topic.business.percent', topic: 'business', weight: 1, pattern: /\d ?(?:%|per ?cent\b)/g, example: 'shares rose 3%' },
] satisfies TopicPattern[];

/** A cue counts at most this many times: one word repeated all along says less than many different ones. */
export const CUE_CAP = 3;
/** Words of the title count this many times. */
export const TITLE_WEIGHT = 2;

export const DECISION = {
  /** The best topic needs at least this score... */
  minScore: 6,
  /** ...and this many times the next one's. */
  minLead: 1.3,
} as const;

export const DECISION_RULES = {
  decided: 'topic.decision.lead',
  otherCues: 'topic.other.cues-lead',
  tooFew: 'topic.other.too-few-cues',
  noLead: 'topic.other.no-clear-lead',
} as const;
