/**
 * Date rules as data. Every record cites the ids of the rules that made it (`DateRecord.rules`); each rule's
 * example is checked in test/stages/dates/rules.test.ts (drop rules: the example yields nothing).
 * Three tables: our own extractors (chrono finds no bare years or decades), filters over chrono's matches,
 * and the rules applied in code while resolving a value.
 */
import type { DateRecord } from '../../model/record.ts';

const YEAR = String.raw`(?<year>1\d{3}|20\d{2})`;
/** A year is not part of a bigger number, a percentage, a "1980-88" span, "1980s", or a clock time ("1500 GMT", "1000 London time"). */
const YEAR_END = String.raw`(?![\d%]|[.,:]\d|[-–/]\d|['’]?s\b|\s*(?:GMT|UTC|EST|EDT|CET|CEST|BST|IST|PST|PDT|local|hours?|hrs|h)\b|\s+(?:[A-Z]\w+\s+)?time\b)`;
const NOT_IN_NUMBER = String.raw`(?<![\d$£€#/]|\d[.,\-–])`;
const PREP = String.raw`(?<prep>in|since|by|until|till|before|after|during|from|around|circa|through|throughout)`;
const PART = String.raw`(?<part>early|mid|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of)`;
const MONTH = String.raw`(?<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)`;

/** Nouns a year may modify ("the 2005 elections"); any other lower-case noun after a number makes it a count ("in 2000 homes"). */
export const EVENT_NOUNS: ReadonlySet<string> = new Set(
  (
    'election elections vote poll polls war wars invasion revolution uprising coup attack attacks bombing bombings ' +
    'crisis accord accords agreement deal treaty ceasefire truce law constitution referendum census budget summit ' +
    'talks resolution ruling report massacre earthquake quake tsunami flood floods hurricane riots protests campaign ' +
    'season games olympics cup championship final tournament visit trip meeting conference deadline target estimate ' +
    'figures level levels peak fiscal record'
  ).split(' '),
);

export type Relation = DateRecord['relation'];

/** The word before a date (or the preposition inside our own matches) → how the date relates to what happened. */
export const RELATION_WORDS: Readonly<Record<string, Relation>> = {
  since: 'since',
  from: 'since',
  before: 'before',
  until: 'before',
  till: 'before',
  by: 'before',
  after: 'after',
  following: 'after',
  around: 'around',
  about: 'around',
  circa: 'around',
  approximately: 'around',
  roughly: 'around',
};

export interface PatternRule {
  id: string;
  /** Global with indices (`dg`), named groups: prep, part, year, yearEnd, month, season, decade, decadeShort. */
  pattern: RegExp;
  example: string;
}

/** Our own extractors, run over each sentence. */
export const PATTERN_RULES: readonly PatternRule[] = [
  {
    // Both ends of a range become records: the start "since", the end "before" (inclusive).
    id: 'dates.year-range',
    pattern: new RegExp(String.raw`\b(?<prep>from|between)\s+${NOT_IN_NUMBER}${YEAR}\s+(?:to|and|until|till|through)\s+(?<yearEnd>1\d{3}|20\d{2})${YEAR_END}`, 'dgi'),
    example: 'Iran and Iraq fought a war from 1980 to 1988.',
  },
  {
    id: 'dates.year-span',
    pattern: new RegExp(String.raw`\b${NOT_IN_NUMBER}${YEAR}[-–](?<yearEnd>1\d{3}|20\d{2}|\d{2})(?![\d%]|[-–/.]\d)`, 'dg'),
    example: 'the 1980-88 Iran-Iraq war',
  },
  {
    id: 'dates.year-prep',
    pattern: new RegExp(String.raw`\b${PREP}\s+(?:${PART}[-\s]+)?${NOT_IN_NUMBER}${YEAR}${YEAR_END}`, 'dgi'),
    example: 'Washington severed formal diplomatic ties with Tehran in 1980',
  },
  {
    // The later years of "in 1984 and 1985", "due in 1987, 1988 and 1989": the span is the year alone.
    id: 'dates.year-list',
    pattern: new RegExp(
      String.raw`(?=[12]\d{3})(?<=\b(?<prep>in|during|since|until|by|before|after|throughout)\s+(?:(?:1\d{3}|20\d{2}),?\s+(?:(?:and|or)\s+)?)+)${YEAR}${YEAR_END}`,
      'dgi',
    ),
    example: 'Brazil ran big trade surpluses in 1984 and 1985.',
  },
  {
    id: 'dates.year-part',
    pattern: new RegExp(String.raw`\b(?<part>early|mid|late)[-\s]+${YEAR}${YEAR_END}`, 'dgi'),
    example: 'Mid-2006 saw the worst of the violence.',
  },
  {
    // "the 1979 Islamic Revolution", "Iraq's 2005 constitution": the span is the year alone.
    id: 'dates.year-attributive',
    pattern: new RegExp(
      String.raw`(?=[12]\d{3})(?<=\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat|[Ww]hose)\s+|\w['’]s\s+)(?<year>19\d{2}|20\d{2})${YEAR_END}(?=\s+(?:[A-Z]|(?:${[...EVENT_NOUNS].join('|')})\b))`,
      'dg',
    ),
    example: 'the most high profile since the 1979 Islamic Revolution',
  },
  {
    id: 'dates.decade',
    pattern: new RegExp(
      String.raw`\b(?:${PREP}\s+)?the\s+(?:(?<part>early|mid|late)[-\s]?)?(?:(?<decade>1\d{2}|20\d)0s\b|['’](?<decadeShort>\d)0s\b)`,
      'dgi',
    ),
    example: 'Iraq was at war with Iran in the 1980s.',
  },
  {
    id: 'dates.month-part',
    pattern: new RegExp(String.raw`\b(?:${PREP}\s+)?(?<part>early|mid|late)[-\s]+${MONTH}(?:,?\s+${YEAR}${YEAR_END})?`, 'dgi'),
    example: 'The vote is expected in mid-June.',
  },
  {
    // Seasons get ISO 8601-2 codes: 21 spring, 22 summer, 23 autumn, 24 winter (northern hemisphere).
    id: 'dates.season',
    pattern: new RegExp(
      String.raw`\b(?:${PREP}\s+)?(?:the\s+)?(?:(?<part>early|late)[-\s]+)?(?<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?${NOT_IN_NUMBER}${YEAR}${YEAR_END}`,
      'dgi',
    ),
    example: 'The army withdrew in the summer of 2006.',
  },
];

export interface ChronoFilter {
  id: string;
  /** Tested against chrono's matched text. */
  pattern: RegExp;
  /** drop: not a date; anchor: an offset from another event, not from the publication date (value null). */
  action: 'drop' | 'anchor';
  example: string;
}

/** Applied to chrono's matches in order; the first that matches decides. */
export const CHRONO_FILTERS: readonly ChronoFilter[] = [
  { id: 'dates.drop-now', pattern: /^now$/i, action: 'drop', example: 'Right now their actions are running at cross purposes.' },
  {
    id: 'dates.drop-sub-day-offset',
    pattern: /\b(?:hours?|minutes?|seconds?)\s+(?:later|earlier|after|before)$/i,
    action: 'drop',
    example: 'Kazemi-Qomi, speaking at a separate media conference several hours later, said Iran saw positive steps.',
  },
  {
    id: 'dates.anchored-offset',
    pattern: /\b(?:later|earlier|after|before)$/i,
    action: 'anchor',
    example: 'ties were severed in 1980, 14 months after Iran’s Islamic Revolution',
  },
  { id: 'dates.anchored-next-day', pattern: /^(?:the\s+)?(?:next|following)\s+day$/i, action: 'anchor', example: 'Troops returned the next day.' },
  {
    // "the worst violence in 30 years", "for two weeks", "within 24 hours", "after several years of weakness": durations.
    id: 'dates.drop-duration',
    pattern: /^(?:in|for|within|after)\b/i,
    action: 'drop',
    example: 'It was the first such meeting in 30 years.',
  },
  {
    id: 'dates.drop-period',
    // "over the past 24 hours", "the last two years", "over the next few months": periods running from or to now.
    pattern: /^(?:past|last|next|coming)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|several|couple|many)\b|^past\s+(?:day|week|month|year|decade)|^last\s+day\b/i,
    action: 'drop',
    example: 'At least 40 people were killed over the past 24 hours.',
  },
  { id: 'dates.drop-weekday-abbrev', pattern: /^(?:on\s+)?(?:sun|sat|mon|tues?|wed|thu|thurs?|fri)\.?$/i, action: 'drop', example: 'The Sun reported the deal.' },
  { id: 'dates.drop-lowercase-month', pattern: /^(?:on\s+|in\s+)?(?:march|may)$/, action: 'drop', example: 'Protesters will march to the square.' },
  // "9/11", "24/7", "1-1/16 inch": numbers, fractions and names; a numeric date needs a four-digit year.
  { id: 'dates.drop-numeric-no-year', pattern: /^(?!.*\d{4})(?:[\d\s/.-]+$|\d{1,2}\/\d)/, action: 'drop', example: 'the 9/11 attacks' },
  // chrono reads "m" as minutes: "$133m a year ago", "the last 200m".
  { id: 'dates.drop-amount', pattern: /\d(?:m|bn|km)\b/i, action: 'drop', example: 'down from a profit of 133m a year ago' },
];

/** Rules applied in code; listed so that every id a record can cite has a home and an example. */
export const CODE_RULES = [
  { id: 'dates.chrono', example: 'The talks were held on May 3.' },
  { id: 'dates.weekday-past', example: 'a truck bomb exploded on Saturday' },
  { id: 'dates.weekday-future', example: 'The two sides will meet again on Friday.' },
  { id: 'dates.weekend', example: 'Gunmen attacked the convoy over the weekend.' },
  { id: 'dates.week', example: 'Officials met last week.' },
  { id: 'dates.month-modifier', example: 'The deal was signed last September.' },
  { id: 'dates.end-of-period', example: 'Troops will leave by the end of the month.' },
  { id: 'dates.drop-time-only', example: 'The curfew starts at 5 pm.' },
  { id: 'dates.drop-inside-number', example: 'The January 10-year bond yield rose to 7.5 pct.' },
  { id: 'dates.drop-weekday-name', example: 'Christians marked Good Friday.' },
  { id: 'dates.no-reference', example: 'The army said on Monday it had withdrawn.' },
] as const;

export type CodeRuleId = (typeof CODE_RULES)[number]['id'];

/** A sentence worth handing to chrono names a number, a month, a weekday or a relative day word. */
export const MAY_HAVE_DATE = new RegExp(
  String.raw`\d|\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b|` +
    String.raw`\b(?:[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|ago|[Ww]eek|[Ww]eekend|[Mm]onths?|[Yy]ears?|[Dd]ecades?|[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight|[Dd]ays?|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter|[Ll]ater|[Ee]arlier)\b`,
);
/** Every pattern rule needs a digit, except parts of months ("mid-June"). */
export const MAY_HAVE_PATTERN_DATE = /\d|\b(?:early|mid|late)\b/i;

/** Words before a weekday that point it forward: "will meet on Friday", "ahead of Friday's vote". */
export const FUTURE_CUE = /\b(?:ahead of|upcoming|coming|planned|scheduled|next)\b/i;
/** Verb-phrase cues; ignored for possessives ("said he would not comment on Friday's attack"). */
export const FUTURE_VERB_CUE = /(?:\b(?:will|would|shall|going to|due to|is due|are due|set to|plans? to|expected to|to be held|to hold|to meet)\b|['’]ll\b)/i;
/** Chrono handled the direction itself: "last Monday", "next Friday", "this Friday". */
export const WEEKDAY_MODIFIER = /\b(?:last|next|this|past|coming|previous)\b/i;
/** "Good Friday", "Bloody Sunday", "Super Tuesday": names, not days of this week. */
export const NAMED_DAY_PREFIX = /\b(?:Good|Black|Holy|Bloody|Palm|Easter|Ash|Super|Cyber|Maundy|Shrove|Whit)\s+$/;
