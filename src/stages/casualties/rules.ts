/**
 * The casualty rules as data. Every record cites the ids of the rules that produced it.
 *
 * Count rules are regular expressions over a sentence's chunk tags (one letter per chunk, built by
 * sentenceChunks.ts), so that a rule reads like the phrase it catches:
 *   Q quantity ("24", "at least 12", "scores of")     S one person ("a man", "the victim", "his wife")
 *   M named person ("Lelangel Holmes")                 R personal pronoun ("he", "him")
 *   N noun-phrase word (noun, adjective, age)          D determiner          O "of"
 *   B be / remain      H have      A adverb or report filler ("reportedly", "later", "found", "to")
 *   V casualty verb, past or participle ("killed", "shot dead")   G gerund ("killing")   Z present ("kills")
 *   J casualty state ("dead", "missing")    I intransitive ("died", "lost their lives")
 *   X casualty noun ("deaths", "arrests")   E injury noun ("injuries", "wounds")    T toll ("death toll")
 *   L a verb whose object gets a complement ("left 24 dead", "found a man shot", "took 40 people hostage")
 *   U suffer / sustain    W "with"    C "and", "as well as"
 *   Y "including", "among"    K "by"    w "who", "which"    P other preposition    0 "no one", "nobody", "none"
 *   , comma    | clause break (";", ":", dash)    s subordinate clause ("after", "when")    . sentence end
 *   _ anything else (other verbs, dates, times)
 * Named groups: `q` the counted people (several quantities joined by "and" are added up, except those
 * inside `appos`, an apposition such as ", including five children,"), `o` the casualty word.
 */
import type { CasualtyKind } from './lexicons.ts';

export interface QuantityModifier {
  id: string;
  words: readonly string[];
  /** min: "at least 12" → 12..; above: "more than 50" → 51..; max: "up to 30"; below: "fewer than 10" → ..9; about: "nearly 100". */
  bound: 'min' | 'above' | 'max' | 'below' | 'about';
  example: string;
}

export const QUANTITY_MODIFIERS: readonly QuantityModifier[] = [
  { id: 'casualties.qty.at-least', words: ['at least', 'no fewer than', 'no less than', 'a minimum of'], bound: 'min', example: 'at least 12 people were killed' },
  { id: 'casualties.qty.more-than', words: ['more than', 'over', 'upwards of', 'in excess of', 'well over', 'just over'], bound: 'above', example: 'more than 50 people died' },
  { id: 'casualties.qty.up-to', words: ['up to', 'as many as', 'at most'], bound: 'max', example: 'up to 30 people were hurt' },
  { id: 'casualties.qty.fewer-than', words: ['fewer than', 'less than', 'just under'], bound: 'below', example: 'fewer than 10 people were injured' },
  {
    id: 'casualties.qty.about',
    words: ['about', 'around', 'roughly', 'approximately', 'some', 'nearly', 'almost', 'close to', 'an estimated', 'estimated', 'perhaps', 'possibly'],
    bound: 'about',
    example: 'nearly 100 people were killed',
  },
];

export interface VagueQuantity {
  id: string;
  words: readonly string[];
  value: number;
  /** The value is a lower bound ("dozens" is at least 24). */
  atLeast: boolean;
  approximate: boolean;
  /** Only a quantity when "of" follows ("scores of", not "scores 24 points"). */
  needsOf: boolean;
  example: string;
}

/** Trigger entries (data/lexicon/casualty-triggers.tsv) that need more context than their word. */
export const BODY_TRIGGER_ID = 'casualties.trigger.body';
export const DEATH_TRIGGER_ID = 'casualties.trigger.death';

/** "both" counts people the story has already counted. */
export const BOTH_RULE_ID = 'casualties.qty.both';

export const VAGUE_QUANTITIES: readonly VagueQuantity[] = [
  { id: 'casualties.qty.dozens', words: ['dozens'], value: 24, atLeast: true, approximate: true, needsOf: false, example: 'dozens of people were wounded' },
  { id: 'casualties.qty.scores', words: ['scores'], value: 40, atLeast: true, approximate: true, needsOf: true, example: 'the bombs have killed scores of American soldiers' },
  { id: 'casualties.qty.hundreds', words: ['hundreds'], value: 200, atLeast: true, approximate: true, needsOf: false, example: 'hundreds of people were injured' },
  { id: 'casualties.qty.thousands', words: ['thousands'], value: 2000, atLeast: true, approximate: true, needsOf: false, example: 'thousands of people fled their homes' },
  { id: 'casualties.qty.tens-of-thousands', words: ['tens of thousands'], value: 20000, atLeast: true, approximate: true, needsOf: false, example: 'tens of thousands were displaced' },
  { id: 'casualties.qty.hundreds-of-thousands', words: ['hundreds of thousands'], value: 200000, atLeast: true, approximate: true, needsOf: false, example: 'hundreds of thousands were displaced' },
  { id: 'casualties.qty.millions', words: ['millions'], value: 2000000, atLeast: true, approximate: true, needsOf: false, example: 'millions were displaced' },
  { id: 'casualties.qty.several', words: ['several'], value: 3, atLeast: true, approximate: true, needsOf: false, example: 'several people were hurt' },
  { id: 'casualties.qty.a-few', words: ['a few', 'a handful'], value: 3, atLeast: false, approximate: true, needsOf: false, example: 'a few people were injured' },
  { id: 'casualties.qty.a-couple', words: ['a couple'], value: 2, atLeast: false, approximate: true, needsOf: false, example: 'a couple of bystanders were hurt' },
  { id: 'casualties.qty.half-dozen', words: ['half a dozen', 'a half dozen', 'half-a-dozen'], value: 6, atLeast: false, approximate: true, needsOf: false, example: 'half a dozen people were wounded' },
  { id: BOTH_RULE_ID, words: ['both'], value: 2, atLeast: false, approximate: false, needsOf: false, example: 'both men were killed' },
];

/** One person counted by a noun phrase, a name or a pronoun rather than a number. */
export const PERSON_QUANTITIES = {
  person: { id: 'casualties.qty.one-person', example: 'A man was shot and killed on Friday.' },
  named: { id: 'casualties.qty.named-person', example: 'Lelangel Holmes, 36, was found shot and killed.' },
  pronoun: { id: 'casualties.qty.pronoun', example: 'He died at a hospital.' },
  death: { id: 'casualties.qty.one-death', example: 'Police arrested a man for a shooting death on Tuesday.' },
} as const;

/** How a rule's counted people relate to the casualty word. */
export type Voice = 'active' | 'passive' | 'nominal';

export interface CountRule {
  id: string;
  pattern: RegExp;
  voice: Voice;
  example: string;
}

const NP = '[NDO]{0,6}';
const APPOS = '(?<appos>,[^,.|]{1,10},)?';
/** A prepositional phrase inside the subject: "a man [in his car] was shot". */
const PP = '(?:P[NDO]{1,4})?';
const SUBJECT = `(?<q>[QSMR]${NP}${PP}${APPOS}(?:CD?[QSM]${NP})*)w?`;
/** A determiner may stand before the number: "killing his five young children as well as his wife". */
const OBJECT = `D?(?<q>[QSMR]${NP}(?:CD?[QSM]${NP})*)`;
/** Tags that make the quantity after them the object of something else ("killing 24", "including 5", "at 26 & Zuni"). */
const NOT_SUBJECT = '(?<![VGZLUXEKOYQP])';

/** The toll rule's counts update an earlier count of the same incident rather than contradict it. */
export const TOLL_RULE_ID = 'casualties.count.toll';

export const COUNT_RULES: readonly CountRule[] = [
  { id: TOLL_RULE_ID, pattern: /(?<o>T)[^|.QTSM]{0,8}?(?<q>Q)/dg, voice: 'nominal', example: 'The death toll rose to 24.' },
  { id: 'casualties.count.passive', pattern: new RegExp(`${NOT_SUBJECT}${SUBJECT}[AH]*B[ABHPL]*(?<o>[VJ])`, 'dg'), voice: 'passive', example: 'More than 3,000 U.S. soldiers have been killed.' },
  { id: 'casualties.count.intransitive', pattern: new RegExp(`${NOT_SUBJECT}${SUBJECT}[ABH]*(?<o>I)`, 'dg'), voice: 'passive', example: 'Two people died in the fire.' },
  { id: 'casualties.count.left-state', pattern: new RegExp(`L(?<q>[QS]${NP})(?<o>[JV])`, 'dg'), voice: 'active', example: 'The blast left 24 dead.' },
  { id: 'casualties.count.left-with-injuries', pattern: new RegExp(`L(?<q>[QS]${NP})(?:W|UP?)[NAD]*(?<o>[XE])`, 'dg'), voice: 'active', example: 'Officers found a 27-year-old man suffering from gunshot wounds.' },
  { id: 'casualties.count.suffered', pattern: new RegExp(`${NOT_SUBJECT}${SUBJECT}[AB]*(?:H?U|H)P?[NAD]*(?<o>E)`, 'dg'), voice: 'passive', example: 'The 22-year-old victim had gunshot wounds.' },
  { id: 'casualties.count.verb-object', pattern: new RegExp(`(?<o>[VGZ])A?${OBJECT}`, 'dg'), voice: 'active', example: 'The truck bomb exploded, killing 24 people and wounding 68 others.' },
  { id: 'casualties.count.bare-participle', pattern: new RegExp(`${NOT_SUBJECT}(?<q>[QS]${NP}(?:C[QS]${NP})*)A?L?(?<o>[VJ])(?![QSMRDN])`, 'dg'), voice: 'passive', example: 'Bomb in Baghdad: 24 dead and 68 wounded.' },
  { id: 'casualties.count.noun', pattern: /(?<q>[QS])P?N{0,2}(?<o>X)/dg, voice: 'nominal', example: "Police reported two fatalities; a man's body was found." },
  { id: 'casualties.count.noun-of', pattern: new RegExp(`(?<o>[XG])O(?<q>[QSM]${NP})`, 'dg'), voice: 'nominal', example: 'the killing of two police officers' },
];

/** Adverbs that change what a casualty word reports: "fatally wounded" is killed. */
export const KIND_MODIFIERS: readonly { id: string; words: readonly string[]; kind: CasualtyKind; example: string }[] = [
  { id: 'casualties.modifier.fatally', words: ['fatally', 'mortally'], kind: 'killed', example: 'A man was fatally shot outside a bar.' },
];

export interface TextCue {
  id: string;
  pattern: RegExp;
  example: string;
}

/** A worst-of comparison is not a running total: "the deadliest attack since 2003". */
const NOT_AFTER_SUPERLATIVE = String.raw`(?<!\b(?:\w+est|most \w+|first|worst)\b[^.,;]{0,40})`;

/** Cues that a count is a running or historical total, read on the sentence's lower-cased text. */
export const CUMULATIVE_CUES: readonly TextCue[] = [
  { id: 'casualties.cumulative.since', pattern: new RegExp(`${NOT_AFTER_SUPERLATIVE}\\bsince\\b`), example: 'More than 3,000 U.S. soldiers have been killed since 2003.' },
  { id: 'casualties.cumulative.so-far', pattern: /\b(?:so far|to date|thus far)\b/, example: 'The virus has killed 40 people so far.' },
  {
    id: 'casualties.cumulative.period',
    pattern: new RegExp(`${NOT_AFTER_SUPERLATIVE}\\b(?:this|last|the past|the last|the previous) (?:\\w+ )?(?:years?|months?|decades?)\\b`),
    example: 'Attacks killed 300 civilians last month.',
  },
  { id: 'casualties.cumulative.per-period', pattern: /\b(?:each|every|a|per) (?:year|month|week|day)\b|\bannually\b/, example: 'Malaria kills a million people a year.' },
  { id: 'casualties.historical.ago', pattern: /\b(?:years?|decades?|months?) ago\b|\banniversary\b|\bcommemorat/, example: 'The bombing killed 270 people 20 years ago.' },
];

/** The "have killed" of a running total has a plural or mass subject: "the bombs have killed scores". */
export const PERFECT_TOTAL_RULE = { id: 'casualties.cumulative.perfect', example: 'The military says the bombs have killed scores of American soldiers.' } as const;
/** A year before the publication year in the sentence: "the 1988 bombing that killed 270 people". */
export const HISTORICAL_YEAR_RULE = { id: 'casualties.historical.year', example: 'The 1988 bombing of Pan Am Flight 103 killed 270 people.' } as const;
/** Mass nouns that run up totals when they "have killed": "the war has killed more than 100,000". */
export const MASS_SUBJECTS: ReadonlySet<string> = new Set(['war', 'violence', 'conflict', 'fighting', 'insurgency', 'disease', 'epidemic', 'virus', 'outbreak', 'famine', 'drought', 'campaign', 'crisis', 'uprising', 'unrest']);

/** Attribution: a count somebody reports ("The military says ...", "according to police"). */
export const CLAIM_CUE = { id: 'casualties.claimed.attributed', lemmas: new Set(['say', 'claim', 'report', 'tell', 'state', 'announce', 'estimate', 'allege', 'confirm']), example: 'The military says the bombs have killed scores of American soldiers.' } as const;

/** The same incident mentioned again: equal counts, only pronouns ("he died"), a toll update, or new kinds of counts in the next sentences. */
export const MERGE_RULES = {
  sameCounts: { id: 'casualties.merge.same-counts', example: 'A man was shot and killed on Friday. ... The victim, 25, was killed outside his home.' },
  anaphoric: { id: 'casualties.merge.anaphoric', example: 'A man was shot outside a bar on Friday. He died at a hospital.' },
  tollUpdate: { id: 'casualties.merge.toll-update', example: 'A car bomb killed 20 people. ... The death toll later rose to 24.' },
  complement: { id: 'casualties.merge.complement', example: 'A car bomb killed five people. The blast also wounded 12.' },
} as const;

/** A person reported shot and later killed is one death, not also a wounded person. */
export const WEAK_WOUNDED_RULE = { id: 'casualties.refine.shot-then-killed', example: 'A man died Friday after he was shot.' } as const;
