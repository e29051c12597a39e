/**
 * Events stage: who did what to whom, where and when. A dictionary-driven coder over wink tokens: a trigger
 * (verb or noun) matched by Dateline's own patterns or the PETRARCH-2 verb dictionary gives the CAMEO code;
 * the actor mentions around it in its clause give source and target; flags and date come from the context.
 * No pattern, no event: there is no default code.
 */
import { groupBefore } from '../../doc/coref.ts';
import type { Doc } from '../../doc/doc.ts';
import type { ActorMention, SentenceInfo, Token } from '../../model/analysis.ts';
import type { ActorRef, Event, Modality, Place, PlaceRef } from '../../model/record.ts';
import type { Stage } from '../../pipeline/stage.ts';
import type { World } from '../../pipeline/world.ts';
import { cameoCodeOrPrefix } from '../../lexicon/cameo.ts';
import { clauseEnd, clauseStart, isClauseOpener } from './clauses.ts';
import { articleParties, sameActor } from './actorContext.ts';
import { actorOfPhrase, agentToken, argumentDepth, caseOf, coordinatedActor, isArgumentOf, isAttribution, isTopicModifier, underMediation, isPassive as isPassiveInTree, mediatorOf, subjectToken, targetToken } from './arguments.ts';
import { matchEventPattern, nounLemma } from './patterns.ts';
import { dedupe, linkDenials, mergeMentions } from './refiners.ts';
import { ARMED_SECTOR, BOTH_SIDES, CLAIM_OPENERS, CANCEL_VERBS, CONDITION_MARKS, INTENT_VERBS, MODALS, PERMISSION_VERBS, REPORTING_VERBS, RULES, VIOLENCE_VERBS, COOPERATION_DOMAINS, COOPERATION_NOUNS, type CooperationDomain } from './rules.ts';
import { refineEvent, withCodeInfo, type RefineContext } from './codeRefiners.ts';

export interface VerbDictionaryMatch {
  code: string;
  ruleId: string;
  /** Pattern words matched; 0 when only the verb's default code applies. */
  specificity: number;
  /** Indices into `after` of the pattern words that matched. */
  matched: number[];
  /** `%`: the subject's coordinated actors did it to each other ("X and Y agree"): no target of its own. */
  compound: boolean;
  /** The second event of a paired code, from the target back to the source (VISIT [042:043]: B hosts A). */
  pairedCode: string | null;
  /** The event runs from the target to the source. */
  reversed: boolean;
  /**
   * The verb block's name when the code comes from a user's dictionary and is outside CAMEO (a KEDS/WEIS "345",
   * PETRARCH's test codes): such a code is kept as the user wrote it, named after its block. Null otherwise.
   */
  ownCodeName: string | null;
  /** The entry is the user's (`--add-dictionaries`, `--dictionaries`), not the shipped CAMEO dictionary's. */
  fromUser: boolean;
  /** `+`: the words where the pattern puts the target, as indices into `after` (or `before`) [start, end). */
  targetSlot: { side: 'before' | 'after'; start: number; end: number } | null;
}

/** What a dictionary match says beyond its code, for building the event; `targetWords`: token range of its `+`. */
type DictionarySlots = Pick<VerbDictionaryMatch, 'compound' | 'pairedCode' | 'reversed' | 'ownCodeName'> & { targetWords: readonly [number, number] | null };

/** The PETRARCH-2 verb dictionary, tried after Dateline's own patterns. */
export type VerbDictionary = (lemma: string, before: readonly string[], after: readonly string[]) => VerbDictionaryMatch | null;

export const SPORT_STORY_RULE = 'events.sports-story-discarded';

export const eventsStage: Stage = {
  name: 'events',
  requires: ['topic', 'tokens', 'entities', 'places', 'actors', 'dates', 'casualties'],
  assigns: ['events'],
  run(doc: Doc, world: World) {
    // Match reports are not political events ("Liverpool beat Chelsea", "attacked", "killed off the game"):
    // like PETRARCH's story discard, a sports story yields none.
    if (doc.topic?.label === 'sport') {
      doc.events = [];
      doc.messages.push({ level: 'info', stage: 'events', rule: SPORT_STORY_RULE, text: 'a sports story (article.topic): no political events are coded' });
      return;
    }
    doc.events = codeEvents(doc, world.verbDictionary, world.mode === 'dictionaries-only');
  },
};

interface Draft {
  trigger: number;
  /** First token of the trigger words ("truck" of "truck bomb"). */
  triggerFirst: number;
  code: string;
  rules: string[];
  source: ActorRef | null;
  target: ActorRef | null;
  sourceMention: ActorMention | null;
  targetMention: ActorMention | null;
  sentence: SentenceInfo;
  /** Coded by the PETRARCH-2 dictionary rather than Dateline's own patterns. */
  fromDictionary: boolean;
  /** The go-between of the parties' event ("brokered by Egypt"): never its target. */
  mediator: ActorMention | null;
  /** The dictionary's paired code for the reverse event (target → source). */
  pairedCode: string | null;
  /** Coordinated subjects with no target did it to each other (meet, agree; a dictionary's `%`). */
  reciprocal: boolean;
  /** A user dictionary's code outside CAMEO: its verb block's name (see VerbDictionaryMatch.ownCodeName). */
  ownCodeName: string | null;
}

const VICTIM_VERBS = new Set(['kill', 'wound', 'injure', 'hurt', 'target', 'hit']);
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'throughout', 'into', 'across']);
/** Words between a subject and its verb: "would seriously", "had not", "has previously". */
const VERB_GROUP = new Set(['AUX', 'ADV', 'PART']);
/** Codes that stand without a target: deny (016, linked later), protest (14), force posture (15), destroying property (1712), violence (18–20). */
const TARGETLESS = /^(016|12|14|15|1712|172|18|19|20)/;
/**
 * Codes that parties do with each other: "Israel and Hamas agreed a ceasefire", "X and Y met", "signed a treaty",
 * "exchanged prisoners", "clashed" → one event per direction. Not pledges or aid ("China, Iran and Russia pledged
 * funds" is given to someone else).
 */
const RECIPROCAL = /^(030|04|05|06|084|087|193)/;
/** Prepositions of where, whose noun is a place, not a party: "in the UK", "in court". */
const LOCATIVE_CASES = new Set(['in', 'at', 'near', 'inside', 'across', 'throughout', 'within']);
/** Prepositions of what a meeting is about: "talks on Syria", "a conference about Ukraine". */
const TOPIC_CASES = new Set(['on', 'about', 'over', 'regarding', 'concerning']);
/**
 * Relations a verb has in a sound parse; a verb the parser attached as a noun or a list item ("The Palestinians
 * reject proposed…" → reject/nsubj) sits in a tree not to be trusted for its target.
 */
const CLAUSE_RELATIONS = new Set(['root', 'ccomp', 'xcomp', 'advcl', 'conj', 'acl', 'acl:relcl', 'parataxis', 'csubj', 'advcl:relcl']);
/** Verbs whose clause is a claim, not a fact the article states. */
const CLAIM_VERBS = new Set(['claim', 'allege', 'accuse', 'charge', 'suspect', 'contend', 'assert', 'insist', 'maintain', 'purport']);
const CLAIM_RELATIONS = new Set(['ccomp', 'advcl', 'xcomp', 'acl', 'conj']);
/** Verbs whose object must be someone: "killed the bill" is no killing. */
const KILLING_VERBS = new Set(['kill', 'murder', 'slay', 'execute', 'behead', 'torture', 'beat', 'stab', 'assassinate']);
/** Nouns for people that are no actor of their own ("killed two people", "beat the prisoners"). */
const PEOPLE_NOUNS = new Set(['people', 'person', 'man', 'woman', 'child', 'civilian', 'villager', 'resident', 'prisoner', 'inmate', 'detainee', 'hostage', 'suspect', 'passenger', 'worker', 'member', 'officer', 'soldier', 'guard', 'victim', 'family', 'dozen', 'hundred', 'thousand']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
/** "press conference", "news briefing": what is said there is the event, not the gathering. */
const PRESS_WORDS = new Set(['press', 'news', 'media']);
const PRESS_EVENTS = new Set(['conference', 'conferences', 'briefing', 'briefings']);
/** Verbs of liking or hating: what they take is a disposition ("likes dropping bombs"), not an act. */
const PREFERENCE_VERBS = new Set(['like', 'love', 'enjoy', 'prefer', 'hate', 'dislike', 'relish', 'fancy']);
/** Verbs of winning, violent only between armed sides. */
const DEFEAT_VERBS = new Set(['defeat', 'beat', 'crush', 'rout', 'trounce']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** Verbs whose infinitive complement is only asked for: "asks Zelensky to investigate" codes the request, not an investigation. */
const APPEAL_VERBS = new Set(['ask', 'urge', 'call', 'press', 'request', 'demand', 'tell', 'order', 'want', 'encourage', 'invite', 'appeal', 'push', 'pressure', 'advise', 'beg', 'implore']);
const HABITUAL_ADVERBS = new Set(['occasionally', 'repeatedly', 'often', 'frequently', 'regularly', 'sometimes', 'previously', 'formerly', 'traditionally', 'usually', 'periodically']);
const COMMEMORATION = new Set(['anniversary', 'commemorate', 'commemoration', 'memorial']);
const TIME_PREPOSITIONS = new Set(['on', 'last', 'this', 'early', 'late', 'earlier', 'later', 'in', 'at']);
/** "the two sides", "both countries": resolved to the article's two main parties. */
const BOTH = Symbol('both sides');

/** `dictionariesOnly` (`--dictionaries DIR`): the user's verb dictionary alone, without Dateline's own pattern table. */
export function codeEvents(doc: Doc, verbDictionary?: VerbDictionary, dictionariesOnly = false): Event[] {
  const { tokens } = doc;
  const actorAt = (k: number) => {
    const m = doc.actorAt(k);
    return m && !isAttribution(doc, m) ? m : null;
  };
  const parties = articleParties(doc.entities);
  const drafts: Draft[] = [];

  for (const sentence of doc.sentences) {
    // "Thursday marks the 20th anniversary of the bombing": a commemoration, not an event of today;
    // "what happens when a bomb has gone off?": a question reports nothing
    if (sentenceHas(sentence, COMMEMORATION) || tokens[sentence.endToken - 1]?.text === '?') continue;
    const consumed = new Set<number>();
    const found: Draft[] = [];
    /** Bombing nouns of the sentence ("in a suicide bombing"), which make a killing or wounding a bombing. */
    const bombings: { token: number; code: string; rule: string }[] = [];
    // Dateline's own patterns first (verbs and nouns), then the PETRARCH-2 verb dictionary on the verbs left.
    for (const pass of dictionariesOnly ? (['dictionary'] as const) : (['own', 'dictionary'] as const)) {
      for (let i = sentence.firstToken; i < sentence.endToken; i++) {
        if (consumed.has(i)) continue;
        const pos = triggerPos(i);
        if (!pos || (pass === 'dictionary' && pos !== 'verb')) continue;
        const end = clauseEnd(tokens, sentence, i);
        const coded = pass === 'own' ? ownPattern(i, pos, end) : dictionaryPattern(i, end, sentence);
        if (!coded) continue;
        const root = coded.code.slice(0, 2);
        if (pos === 'noun' && coded.code.startsWith('183')) bombings.push({ token: i, code: coded.code, rule: coded.rules[0]! });
        // A nominal attack ("a truck bomb") is an event only when the sentence reports violence.
        if (pos === 'noun' && (root === '18' || root === '19' || root === '20') && !violenceFollows(i, sentence)) continue;
        const slots = 'slots' in coded ? (coded.slots as DictionarySlots) : null;
        const draft = buildDraft(i, coded.code, coded.rules, sentence, pos === 'verb', pass === 'dictionary', coded.matched, slots);
        if (!draft) continue;
        // A verb's own code alone ("lead" → 060, "allow" → 080, "claim" → 110) is no event beside our patterns: audited
        // on Wikinews, nearly all such codes were wrong (leading a court, ruling a country, serving as governor).
        // (A user's own verbs stand as PETRARCH would code them: they chose them.)
        if (!dictionariesOnly && 'defaultOnly' in coded && coded.defaultOnly) continue;
        draft.triggerFirst = coded.first;
        consumed.add(i);
        for (const k of coded.matched) consumed.add(k);
        for (const k of complementVerbs(i, end)) consumed.add(k);
        found.push(draft);
      }
    }
    drafts.push(...refineSentence(found, bombings));
  }

  const events = expandParties(drafts).map((d, index) => finishEvent(d, index));
  linkDenials(events);
  // A denial that answers no accusation in the article has no one to aim at ("he denied it amounted to a crisis").
  return mergeMentions(dedupe(events.filter((e) => e.code !== '016' || e.target !== null)));

  /**
   * Parties coordinated as the subject of a reciprocal event with no target ("Israel and Hamas agreed a ceasefire")
   * did it with each other: one event per direction, the members list kept. A mediator adds its own 045 event.
   */
  function expandParties(all: Draft[]): Draft[] {
    const out: Draft[] = [];
    for (const d of all) {
      const members = d.source?.members;
      if (!d.target && members && members.length >= 2 && members.length <= 4 && d.reciprocal) {
        for (const a of members) {
          for (const b of members) {
            if (a === b || a.actor === b.actor) continue;
            out.push({ ...d, source: { ...d.source!, actor: a.actor, ...(a.entity ? { entity: a.entity } : {}) }, target: { actor: b.actor, ...(b.entity ? { entity: b.entity } : {}) }, rules: [...d.rules, RULES.dyad] });
          }
        }
      } else if (d.source && d.target && ((d.source.members?.length ?? 0) > 1 || (d.target.members?.length ?? 0) > 1)) {
        // "Bahrain and Kosovo recognized Israel": one event per dyad, each side keeping the list it came from
        const sources = (d.source.members ?? [d.source]).slice(0, 4);
        const targets = (d.target.members ?? [d.target]).slice(0, 4);
        for (const a of sources) {
          for (const b of targets) {
            if (a.actor === b.actor) continue;
            out.push({ ...d, source: { ...d.source, actor: a.actor, ...(a.entity ? { entity: a.entity } : {}) }, target: { ...d.target, actor: b.actor, ...(b.entity ? { entity: b.entity } : {}) }, rules: [...d.rules, RULES.dyad] });
          }
        }
      } else out.push(d);
      // VISIT [042:043]: the visited hosts the visitor
      if (d.pairedCode && d.target && (cameoCodeOrPrefix(d.pairedCode) || d.ownCodeName !== null)) out.push({ ...d, code: d.pairedCode, source: d.target, target: d.source, sourceMention: d.targetMention, targetMention: d.sourceMention, pairedCode: null, rules: [...d.rules, RULES.pairedCode] });
      if (d.mediator && d.source) {
        const parties = d.source.members ?? [{ actor: d.source.actor, ...(d.source.entity ? { entity: d.source.entity } : {}) }];
        const target: ActorRef = { ...d.source, actor: parties[0]!.actor };
        if (parties.length > 1) target.members = parties;
        out.push({ ...d, code: '045', source: refOf(d.mediator), target, sourceMention: d.mediator, targetMention: d.sourceMention, rules: [...d.rules, RULES.mediatorEvent], mediator: null });
      }
    }
    return out;
  }

  /** Verbs, gerunds used as verbs ("Iran is arming, funding and training militias") and nouns. */
  function triggerPos(i: number): 'verb' | 'noun' | null {
    const t = tokens[i]!;
    if (doc.tree && isDisposition(i)) return null;
    if (t.pos === 'VERB') {
      // "Trump asks Zelensky to investigate Biden", "allowed police to arrest": what is asked for or permitted has not happened
      if (doc.deprel(i) === 'xcomp' && (APPEAL_VERBS.has(tokens[doc.head(i)]!.lemma) || PERMISSION_VERBS.has(tokens[doc.head(i)]!.lemma))) return null;
      if (nonEvent(i)) return null;
      // "backing his party was not a wasted vote": a clause as subject names an act, it reports none
      if (doc.deprel(i).startsWith('csubj')) return null;
      // "people living in or visiting Hong Kong": a participle describing a noun reports no act of its own
      if (doc.deprel(i) === 'acl' && /ing$/.test(t.normal)) return null;
      // "Mr Clarke's proposed amendment": a participle between a determiner and its noun is an adjective
      const before = tokens[i - 1];
      if (/ed$/.test(t.normal) && tokens[i + 1]?.pos === 'NOUN' && before && (before.pos === 'DET' || before.normal === '’s' || before.normal === "'s" || before.pos === 'PRON')) return null;
      // "cited an IRS audit as prohibiting", "described the raids as targeting civilians": a description, not an act
      if (/ing$/.test(t.normal) && before?.normal === 'as') return null;
      // "Jamal's killing", "his arrest": a gerund after a possessive is a noun, done to the possessor
      if (/ing$/.test(t.normal) && before && (before.normal === '’s' || before.normal === "'s" || POSSESSIVE_PRONOUNS.has(before.normal))) return 'noun';
      // "the “occupying” military", "a charge": participles used as adjectives are not events
      const previous = tokens[i - 1];
      if (previous && (previous.text === '“' || previous.text === '"') && tokens[i + 1] && (tokens[i + 1]!.text === '”' || tokens[i + 1]!.text === '"')) return null;
      return 'verb';
    }
    // "Iran is ready to negotiate", "willing to talk": an adjective with an infinitive carries the intent
    if (t.pos === 'ADJ' && tokens[i + 1]?.normal === 'to' && tokens[i - 1]?.lemma === 'be') return 'verb';
    // "Norway has mediated": a participle after "have" is a verb, whatever the tagger said
    if (t.pos === 'ADJ' && /ed$/.test(t.normal) && tokens[i - 1]?.lemma === 'have') return 'verb';
    if (t.pos === 'NOUN' && /ing$/.test(t.normal) && gerundAfterBe(i)) return 'verb';
    // "Soldiers shot a protester": the tagger's noun is the tree's main verb when it has a subject before and an object after
    if (t.pos === 'NOUN' && doc.deprel(i) === 'root' && doc.children(i, 'nsubj').some((k) => k < i) && doc.children(i, 'obj').some((k) => k > i)) return 'verb';
    if (t.pos === 'NOUN' || (t.pos === 'PROPN' && /^\p{Ll}/u.test(t.text))) {
      // "if talks fail", "the summit was cancelled": an event noun under a condition or a cancelling verb did not happen
      const governor = doc.head(i);
      if (governor >= 0 && tokens[governor]!.pos === 'VERB' && (nonEvent(governor) || CANCEL_VERBS.has(tokens[governor]!.lemma))) return null;
      return actorAt(i) ? null : 'noun';
    }
    return null;
  }

  /**
   * The clause of verb i reports no act: a condition ("assumes the presidency if the President is killed") or a
   * counterfactual ("the bill would have allowed"). Reached up through the verbs it is coordinated or a complement with.
   */
  /** "likes dropping bombs on people, and killing them": what someone likes or hates doing is a disposition, not an act. */
  function isDisposition(i: number): boolean {
    for (let k = i, steps = 0; k >= 0 && steps < 2 && /^(obj|xcomp|conj|ccomp)/.test(doc.deprel(k)); steps++) {
      k = doc.head(k);
      // ("would like to meet" is a wish, an intent)
      if (k >= 0 && PREFERENCE_VERBS.has(tokens[k]!.lemma)) return !doc.children(k, 'aux').some((x) => tokens[x]!.normal === 'would' || tokens[x]!.normal === "'d");
    }
    return false;
  }

  function nonEvent(i: number): boolean {
    for (let k = i, steps = 0; k >= 0 && steps < 4; k = doc.head(k), steps++) {
      if (doc.children(k, 'mark').some((m) => CONDITION_MARKS.has(tokens[m]!.normal))) return true;
      const aux = doc.children(k, 'aux').map((m) => tokens[m]!.normal);
      if (aux.includes('have') && aux.some((a) => a === 'would' || a === 'could' || a === 'might' || a === 'should')) return true;
      if (!/^(xcomp|conj)/.test(doc.deprel(k))) break;
    }
    return false;
  }

  function gerundAfterBe(i: number): boolean {
    // "accused Iran of arming militias": the gerund of an accusation is the alleged act
    if (tokens[i - 1]?.normal === 'of' && actorAt(i - 2) && tokens.slice(Math.max(0, i - 6), i - 2).some((t) => t.lemma === 'accuse' || t.lemma === 'suspect')) return true;
    for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
      const t = tokens[k]!;
      if (t.lemma === 'be' && t.pos === 'AUX') return true;
      if (!(t.text === ',' || t.pos === 'CCONJ' || (t.pos === 'NOUN' && /ing$/.test(t.normal)))) return false;
    }
    return false;
  }

  function ownPattern(i: number, pos: 'verb' | 'noun', end: number): { code: string; rules: string[]; matched: number[]; first: number } | null {
    const own = matchEventPattern(tokens, i, end, pos);
    return own ? { code: own.pattern.code, rules: [own.pattern.id], matched: own.matched, first: own.first } : null;
  }

  function dictionaryPattern(i: number, end: number, sentence: SentenceInfo): { code: string; rules: string[]; matched: number[]; first: number; defaultOnly: boolean; slots: DictionarySlots } | null {
    const lemma = tokens[i]!.pos === 'VERB' ? tokens[i]!.lemma : tokens[i]!.normal.replace(/ing$/, '');
    if (!verbDictionary || REPORTING_VERBS.has(lemma)) return null;
    // PETRARCH matches its patterns on the words as written ("* DIPLOMATIC TIES"); the shipped dictionary on lemmas
    const form = (t: Token) => (dictionariesOnly ? t.normal : t.lemma);
    const from = clauseStart(tokens, sentence, i);
    const before = tokens.slice(from, i).map(form);
    const after = tokens.slice(i + 1, end).map(form);
    const found = verbDictionary(lemma, before, after);
    if (!found || (!cameoCodeOrPrefix(found.code) && found.ownCodeName === null)) return null;
    const matched = found.matched.map((k) => i + 1 + k);
    // "held a press conference": a statement to the press, not a meeting with whoever it is about
    if (matched.some((k) => PRESS_EVENTS.has(tokens[k]!.normal) && PRESS_WORDS.has(tokens[k - 1]?.normal ?? ''))) return null;
    // "directing units to", "headed for Moscow": a pattern of prepositions alone says no more than the verb's own code
    const weak = !found.fromUser && (found.specificity === 0 || matched.every((k) => tokens[k]!.pos === 'ADP' || tokens[k]!.pos === 'PART'));
    return { code: found.code, rules: [found.ruleId], matched, first: i, defaultOnly: weak, slots: { compound: found.compound, pairedCode: found.pairedCode, reversed: found.reversed, ownCodeName: found.ownCodeName, targetWords: slotWords(found.targetSlot, i, from) } };
  }

  /** A pattern slot's token range: `after` words count from the verb, `before` words from the clause start. */
  function slotWords(slot: VerbDictionaryMatch['targetSlot'], verb: number, clauseFrom: number): readonly [number, number] | null {
    if (!slot) return null;
    const base = slot.side === 'after' ? verb + 1 : clauseFrom;
    return [base + slot.start, base + slot.end];
  }

  /** "offered to help train and arm": the verbs of a trigger's infinitive complement belong to its event. */
  function complementVerbs(i: number, end: number): number[] {
    const out: number[] = [];
    let k = i + 1;
    if (tokens[k]?.normal !== 'to') return out;
    for (; k < end; k++) {
      const t = tokens[k]!;
      if (t.pos === 'VERB') out.push(k);
      else if (!(t.normal === 'to' || t.normal === 'and' || t.normal === 'or' || t.text === ',')) break;
    }
    return out;
  }

  /**
   * Within one sentence: what an appeal or demand asks for is not an event ("urged Iran to stop supporting
   * militias", "told the Iranians they must end their support"), and one act of violence reported by several
   * words ("a truck bomb exploded …, killing 24") is one event, the most specific.
   */
  function refineSentence(found: Draft[], bombings: readonly { token: number; code: string; rule: string }[]): Draft[] {
    found.sort((a, b) => a.trigger - b.trigger);
    const appeal = found.find((d) => !d.fromDictionary && (d.code.startsWith('02') || d.code.startsWith('10')));
    let kept = appeal ? found.filter((d) => d === appeal || d.trigger < appeal.trigger || d.code.startsWith('02') || d.code.startsWith('10')) : found;
    const violent = kept.filter((d) => /^(18|19|20)/.test(d.code));
    if (violent.length > 1) {
      const best = violent.reduce((a, b) => (b.code.length > a.code.length || (b.code.length === a.code.length && !b.fromDictionary && a.fromDictionary) ? b : a));
      if (!best.target) {
        const withTarget = violent.find((d) => d.target);
        if (withTarget) {
          best.target = withTarget.target;
          best.targetMention = withTarget.targetMention;
        }
      }
      kept = kept.filter((d) => !violent.includes(d) || d === best);
    }
    // "soldiers were killed in a suicide bombing", "wounded two soldiers in a bomb attack": the bombing is how
    for (const d of kept) {
      if (!/^(18|19)/.test(d.code) || d.code.startsWith('183') || d.code === '181') continue;
      const bombing = bombings.find((b) => governs(d.trigger, b.token, 3));
      if (!bombing) continue;
      d.code = bombing.code;
      d.rules.push(bombing.rule, RULES.violenceByBombing);
    }
    return kept;
  }

  /** Token `k` hangs from `head` in the tree, at most `steps` arcs below it. */
  function governs(head: number, k: number, steps: number): boolean {
    for (let j = k, n = 0; n < steps && j >= 0; n++) {
      j = doc.head(j);
      if (j === head) return true;
    }
    return false;
  }

  function buildDraft(i: number, code: string, rules: string[], sentence: SentenceInfo, isVerb: boolean, fromDictionary: boolean, patternWords: readonly number[], slots: DictionarySlots | null): Draft | null {
    const end = clauseEnd(tokens, sentence, i);
    const root = code.slice(0, 2);
    const violent = root === '18' || root === '19' || root === '20';
    let source: ActorMention | null = null;
    let target: ActorMention | null = null;
    let sourceRef: ActorRef | null = null;
    let targetRef: ActorRef | null = null;

    if (isVerb) {
      const passive = isPassiveInTree(doc, i) || isPassive(i);
      if (passive) {
        // "journalists were injured after being attacked by protesters": a passive clause without a subject of its own
        // has its patient in the main clause
        const patientToken = doc.children(i, 'nsubj:pass')[0] ?? (/^(advcl|acl|xcomp)/.test(doc.deprel(i)) && doc.head(i) >= 0 ? (doc.children(doc.head(i), 'nsubj:pass')[0] ?? doc.children(doc.head(i), 'nsubj')[0]) : undefined);
        const patient = patientToken === undefined ? null : coordinatedActor(doc, patientToken);
        if (patient) {
          target = patient;
          rules.push(RULES.passivePatient);
        } else {
          const subject = subjectOfVerb(i, sentence, 0);
          if (subject !== BOTH) target = subject;
        }
        const agentAt = agentToken(doc, i);
        const by = (agentAt === null ? null : coordinatedActor(doc, agentAt)) ?? actorAfterWord(i, end, 'by');
        if (by) {
          source = by;
          rules.push(RULES.passiveBy);
        } else if (violent) {
          // "Americans were seized": violence in the passive with no agent has an unknown perpetrator
          sourceRef = { actor: '---' };
          rules.push(RULES.unknownPerpetrator);
        }
      } else {
        const found = subjectFromTree(i);
        if (found === 'none') {
          const subject = subjectOfVerb(i, sentence, 0);
          if (subject === BOTH) {
            if (parties) {
              sourceRef = { actor: parties[0].actor!, members: parties.map((p) => ({ actor: p.actor!, entity: p.id })), name: 'both sides' };
              rules.push(RULES.articleParties);
            }
          } else if (subject) {
            source = subject;
            rules.push(RULES.subject);
          }
        } else if (found) {
          source = found.mention;
          rules.push(found.rule);
        }
        const object = targetToken(doc, i, patternWords, source);
        if (object) {
          target = object.mention;
          rules.push(object.rule);
        } else {
          target = objectAfter(i, end, source);
          if (target) rules.push(RULES.object);
        }
      }
    } else {
      const possessorAt = doc.children(i, 'nmod:poss')[0];
      const possessor = (possessorAt === undefined ? null : actorOfPhrase(doc, possessorAt)) ?? possessorBefore(i, sentence);
      const agentAt = agentToken(doc, i);
      const agent = (agentAt === null ? null : coordinatedActor(doc, agentAt)) ?? actorAfterWord(i, Math.min(sentence.endToken, i + 6), 'by');
      const between = betweenPair(i, sentence);
      if (between) {
        [source, target] = between;
        rules.push(RULES.between);
      } else if (possessor && !agent && /^(17|18|19|20)/.test(code) && isPerson(possessor.entity)) {
        // "Khashoggi's killing", "Navalny's arrest": a person's violence or repression noun is done to them, by someone unnamed
        target = possessor;
        sourceRef = { actor: '---' };
        rules.push(RULES.possessorVictim, RULES.unknownPerpetrator);
      } else if (possessor || agent) {
        source = possessor ?? agent;
        rules.push(possessor ? RULES.possessor : RULES.byAgent);
        // "Washington’s case that Iran is arming…": the accused is the subject of the that-clause.
        const that = tokens.slice(i + 1, Math.min(sentence.endToken, i + 4)).findIndex((t) => t.normal === 'that');
        if (that >= 0) {
          const clauseFrom = i + 2 + that;
          target = firstActor(clauseFrom, clauseEnd(tokens, sentence, clauseFrom), source);
          if (target) rules.push(RULES.thatClauseSubject);
        } else {
          const object = targetToken(doc, i, patternWords, source);
          target = object?.mention ?? firstActor(i + 1, sentence.endToken, source) ?? firstActor(sentence.firstToken, i, source);
          if (target) rules.push(object?.rule ?? RULES.object);
        }
      } else if (code.startsWith('04') && parties && mentionsBothSides(sentence)) {
        // "the most high-profile meeting between the two countries": the article's two main parties.
        sourceRef = { actor: parties[0].actor!, entity: parties[0].id, name: parties[0].name };
        targetRef = { actor: parties[1].actor!, entity: parties[1].id, name: parties[1].name };
        rules.push(RULES.articleParties);
      } else {
        // "Iran and the U.S. held talks", "Russia imposed sanctions on Georgia": the event noun is the object of a light verb
        const light = lightVerbOf(i);
        const found = light === null ? null : subjectFromTree(light);
        if (found && found !== 'none') {
          source = found.mention;
          rules.push(RULES.lightVerbSubject);
          const object = targetToken(doc, i, patternWords, source) ?? (light === null ? null : targetToken(doc, light, [], source));
          if (object) {
            target = object.mention;
            rules.push(object.rule);
          }
        }
      }
    }

    // the victims of "a bomb … killing 24" are its target; the parties of "clashes between X and Y" stay each other's
    if (violent && !isVerb && !rules.includes(RULES.between)) {
      const victims = victimsIn(sentence, i);
      if (victims) {
        target = victims;
        rules.push(RULES.victims);
      }
      if (!source) {
        sourceRef = { actor: '---' };
        rules.push(RULES.unknownPerpetrator);
      }
    }

    // PETRARCH's "% * [030]": the compound subject's members act on each other; "[:173]": the roles are swapped
    if (slots?.compound && source?.members) target = null;
    // "- * EID AT ^ WITH + [043]": the pattern's + says where the target is ("celebrated Eid at Osgiliath with Gondor")
    const slotted = slots?.targetWords ? firstActor(slots.targetWords[0], slots.targetWords[1], source) : null;
    if (slotted && slotted !== target) {
      target = slotted;
      rules.push(RULES.patternTarget);
    }
    if (slots?.reversed && source && target) [source, target] = [target, source];
    // "held a conference on Syria", "talks about Ukraine": what a meeting is about is its topic, not a party to it
    if (code.startsWith('04') && target && target.sentence === sentence.index && doc.tree && TOPIC_CASES.has(caseOf(doc, doc.spanHead(target.firstToken, target.endToken)))) {
      target = null;
      rules.push(RULES.meetingTopic);
    }
    const mediator = doc.tree ? mediatorOf(doc, i) : null;
    if (mediator) {
      rules.push(mediator.rule);
      if (target && (target.code === mediator.mention.code || (target.entity !== undefined && target.entity === mediator.mention.entity))) target = null;
    }
    sourceRef ??= source ? refOf(source) : null;
    targetRef ??= target ? refOf(target) : null;
    if (!sourceRef) return null;
    if (targetRef && sameActor(sourceRef, targetRef)) targetRef = null;
    // "Trump held his first indoor rally": a rally of those in power or running for it is a campaign, not a protest
    if (code.startsWith('14') && (tokens[i]!.lemma === 'rally' || patternWords.some((k) => tokens[k]!.lemma === 'rally')) && /(GOV|ELI|PTY|LEG)$/.test(sourceRef.actor)) return null;
    // "demonstrated a shocking ignorance", "demonstrated its resolve": with an object, demonstrate means show
    if (code.startsWith('14') && tokens[i]!.lemma === 'demonstrate' && doc.children(i, 'obj').length > 0) return null;
    // "Obama said the United States must lead": what a country's own people say it must do is no demand on another
    if (targetRef && code.startsWith('10') && targetRef.actor.length === 3 && sourceRef.actor.startsWith(targetRef.actor)) targetRef = null;
    // "she told the BBC", "told reporters": the journalists a speaker tells are the interviewers, not the event's target
    if (targetRef && REPORTING_VERBS.has(tokens[i]!.lemma) && targetRef.actor.endsWith('MED')) targetRef = null;
    // "was found dead": finding a body reports a death (the casualties stage), not who caused it
    if (/^(18|19|20)/.test(code) && tokens[i]!.lemma === 'find') return null;
    // "Yau Wai-ching defeated the pro-Beijing camp": a defeat with no armed side is an election or a vote, not a battle
    if (code.startsWith('19') && DEFEAT_VERBS.has(tokens[i]!.lemma) && !ARMED_SECTOR.test(sourceRef.actor) && !(targetRef && ARMED_SECTOR.test(targetRef.actor))) return null;
    // "CCTV captured their arrival": the media record, they do not seize or strike
    if (/^(17|18|19|20)/.test(code) && sourceRef.actor.endsWith('MED')) return null;
    // "Navalny was flying … headed for Moscow": travel to a city of one's own country visits no one
    if (code.startsWith('04') && target?.rule.startsWith('actors.place') && targetRef && sourceRef.actor.slice(0, 3) === targetRef.actor.slice(0, 3)) return null;
    // CAMEO events are dyadic: without a target, only force postures, protests, attacks and denials (whose target
    // is the accusation's source, found later) stand; and the verb dictionary always needs both actors.
    // "Congress killed the bill": violence done to a thing that is no one is a figure of speech
    if (KILLING_VERBS.has(tokens[i]!.lemma) && !targetRef && doc.children(i, 'obj').some((k) => !doc.actorAt(k) && tokens[k]!.pos === 'NOUN' && !PEOPLE_NOUNS.has(nounLemma(tokens[k]!)))) return null;
    // A verb whose doer and done-to are both unknown ("three people were killed") is a casualty report, not a CAMEO event
    if (isVerb && sourceRef.actor === '---' && !targetRef) return null;
    const reciprocal = RECIPROCAL.test(code) || slots?.compound === true;
    if (!targetRef && (fromDictionary || !TARGETLESS.test(code)) && !(reciprocal && sourceRef.members)) return null;
    // "vowed to keep fighting the good fight with court cases": a clash needs someone on the other side
    if (!targetRef && reciprocal && !sourceRef.members) return null;
    return { trigger: i, triggerFirst: i, code, rules, source: sourceRef, target: targetRef, sourceMention: source, targetMention: target, sentence, fromDictionary, mediator: mediator?.mention ?? null, pairedCode: slots?.pairedCode ?? null, reciprocal, ownCodeName: slots?.ownCodeName ?? null };
  }

  function refOf(m: ActorMention): ActorRef {
    const ref: ActorRef = { actor: m.code, name: m.name, start: m.start, end: m.end };
    if (m.entity) ref.entity = m.entity;
    if (m.members) ref.members = m.members.map((x) => (x.entity ? { actor: x.code, entity: x.entity } : { actor: x.code }));
    return ref;
  }

  /**
   * The subject of a verb: the actor right before its verb group ("Tehran would seriously consider",
   * "The Iranians had rejected"), "they" as the last group, "it" after a speech verb as that verb's subject,
   * "the two sides", or the subject of the verb it is coordinated with ("X urged … and warned").
   */
  function subjectOfVerb(i: number, sentence: SentenceInfo, depth: number): ActorMention | typeof BOTH | null {
    let k = i - 1;
    // "Germany on Wednesday lifted", "Denmark today accepted": time phrases sit between subject and verb
    while (k >= sentence.firstToken && ((VERB_GROUP.has(tokens[k]!.pos) && tokens[k]!.normal !== 'to') || doc.isTime(k) || (TIME_PREPOSITIONS.has(tokens[k]!.normal) && doc.isTime(k + 1)))) k--;
    if (k < sentence.firstToken) return null;
    const t = tokens[k]!;
    if (t.normal === 'of' && tokens[i]!.pos === 'NOUN' && actorAt(k - 1)) return actorAt(k - 1)!;
    // "Kazemi-Qomi, speaking at a separate media conference several hours later, said"
    if (t.text === ',' && depth < 2) {
      for (let j = k - 1; j >= Math.max(sentence.firstToken, k - 15); j--) {
        if (tokens[j]!.text !== ',') continue;
        const m = actorAt(j - 1);
        if (m && m.endToken === j) return m;
        break;
      }
    }
    const m = actorAt(k);
    if (m && m.endToken - 1 === k) return compoundWith(m);
    if (t.normal === 'they') {
      const group = groupBefore(doc, t.start);
      if (group) return { ...group, start: t.start, end: t.end, firstToken: k, endToken: k + 1, sentence: sentence.index, name: t.text, rule: RULES.pluralPronoun };
    }
    if (t.normal === 'it' && depth < 2) {
      // "Tehran said it had uncovered": "it" after a speech verb is that verb's subject
      const speech = tokens[k - 1];
      if (speech && REPORTING_VERBS.has(speech.lemma) && speech.pos === 'VERB') {
        const subject = subjectOfVerb(k - 1, sentence, depth + 1);
        if (subject && subject !== BOTH) return { ...subject, start: t.start, end: t.end, firstToken: k, endToken: k + 1, name: t.text };
      }
    }
    if (BOTH_SIDES.has(nounLemma(t)) && ['two', 'both'].includes(tokens[k - 1]?.normal ?? '')) return BOTH;
    if ((t.pos === 'CCONJ' || t.text === ',') && depth < 2) {
      for (let j = k - 1; j >= sentence.firstToken; j--) {
        if (tokens[j]!.pos === 'VERB') return subjectOfVerb(j, sentence, depth + 1);
        if (isClauseOpener(tokens, j)) break;
      }
    }
    return null;
  }

  /** "Russia and China held talks": actors joined by "and" are one compound actor. */
  function compoundWith(m: ActorMention): ActorMention {
    const members: ActorMention[] = [m];
    let first = m.firstToken;
    while (tokens[first - 1]?.normal === 'and' || tokens[first - 1]?.text === ',') {
      const other = actorAt(first - 2);
      if (!other || other.endToken !== first - 1 || other.sentence !== m.sentence) break;
      members.unshift(other);
      first = other.firstToken;
    }
    if (members.length === 1) return m;
    const head = members[0]!;
    return {
      ...m,
      start: head.start,
      firstToken: head.firstToken,
      code: head.code,
      name: doc.text.slice(head.start, m.end),
      members: members.map((x) => (x.entity ? { code: x.code, entity: x.entity } : { code: x.code })),
      ...(head.entity ? { entity: head.entity } : {}),
    };
  }

  function objectAfter(i: number, end: number, source: ActorMention | null): ActorMention | null {
    const m = firstActor(i + 1, Math.min(end, i + 16), source);
    // With a tree, the linear guess must still hang from the verb through nominal relations (not another clause's subject)
    // and, below the object's own modifiers, be no mere topic ("calls for advice on the legality of the Iraq war")
    if (m && doc.tree && CLAUSE_RELATIONS.has(doc.deprel(i)) && hasComplement(i) && ((!isArgumentOf(doc, m.endToken - 1, i) && !isArgumentOf(doc, m.firstToken, i)) || underMediation(doc, m.endToken - 1, i) || (isTopicModifier(doc, m.endToken - 1) && argumentDepth(doc, m.endToken - 1, i) > 1))) return null;
    return m;
  }

  /** The tree gives verb i an object or a clause below it; without one, the parse around it is too broken to bound a linear guess. */
  function hasComplement(i: number): boolean {
    return ['obj', 'iobj', 'obl', 'ccomp', 'xcomp'].some((rel) => doc.children(i, rel).length > 0);
  }

  /**
   * The subject the tree gives verb v as an actor; null when it names a subject that is no actor ("the bomb
   * killed"); 'none' when the tree has no subject or only a pronoun or "the two sides", left to the linear reading.
   */
  function subjectFromTree(v: number): { mention: ActorMention; rule: string } | null | 'none' {
    if (!doc.tree) return 'none';
    const found = subjectToken(doc, v);
    if (!found) return 'none';
    const m = coordinatedActor(doc, found.token);
    if (m) return { mention: m, rule: found.rule };
    const t = tokens[found.token]!;
    if (t.pos === 'PRON' || t.pos === 'DET' || BOTH_SIDES.has(nounLemma(t)) || t.pos === 'NUM') return 'none';
    return null;
  }

  /** The verb whose object (or oblique) event noun i is, when it is a light verb: "held talks", "imposed sanctions". */
  function lightVerbOf(i: number): number | null {
    const h = doc.head(i);
    if (h < 0 || tokens[h]!.pos !== 'VERB') return null;
    const rel = doc.deprel(i);
    return rel === 'obj' || rel === 'obl' || rel === 'nsubj:pass' ? h : null;
  }

  function firstActor(from: number, to: number, unlike: ActorMention | null): ActorMention | null {
    for (let k = from; k < to; k++) {
      const m = actorAt(k);
      if (!m || m.firstToken !== k) continue;
      if (unlike && (m.code === unlike.code || (m.entity && m.entity === unlike.entity))) {
        k = m.endToken - 1;
        continue;
      }
      // "in Baghdad", "near a mosque in central Baghdad", "casinos in the UK", "evidence in court": locative phrases are not targets.
      const previous = tokens[k - 1];
      if (m.rule.startsWith('actors.place') && previous && (previous.normal === 'in' || previous.normal === 'at' || previous.normal === 'near')) continue;
      // (PETRARCH's own coding takes them: with the user's dictionaries alone, "asylum in Gondor" is aimed at Gondor)
      if (!dictionariesOnly && doc.tree && LOCATIVE_CASES.has(caseOf(doc, doc.spanHead(m.firstToken, m.endToken)))) continue;
      // "his Iranian counterpart Hassan Kazemi-Qomi": a nationality word before the actor it describes
      const next = actorAt(m.endToken) ?? actorAt(m.endToken + 1);
      if (next && next !== m && next.firstToken <= m.endToken + 1 && isNationalityWord(m)) continue;
      return m;
    }
    return null;
  }

  /** "the governor of Kandahar", "Benazir Bhutto": one person, not "two officials" or "lawmakers". */
  function isOnePerson(m: ActorMention): boolean {
    if (isPerson(m.entity)) return true;
    const head = doc.spanHead(m.firstToken, m.endToken);
    const t = tokens[head]!;
    return t.pos === 'NOUN' && nounLemma(t) === t.normal && !doc.children(head).some((k) => tokens[k]!.pos === 'NUM');
  }

  function isPerson(entity: string | undefined): boolean {
    return entity !== undefined && doc.entity(entity)?.type === 'PERSON';
  }

  function isNationalityWord(m: ActorMention): boolean {
    return m.entity !== undefined && doc.entity(m.entity)?.type === 'NORP';
  }

  function actorAfterWord(i: number, end: number, word: string): ActorMention | null {
    for (let k = i + 1; k < end; k++) {
      if (tokens[k]!.normal !== word) continue;
      for (let j = k + 1; j < Math.min(end + 1, k + 5); j++) {
        const m = actorAt(j);
        if (m && m.firstToken === j) return m;
      }
      return null;
    }
    return null;
  }

  function possessorBefore(i: number, sentence: SentenceInfo): ActorMention | null {
    for (let k = i - 1; k >= Math.max(sentence.firstToken, i - 4); k--) {
      const t = tokens[k]!;
      if (t.normal === '’s' || t.normal === "'s") {
        const m = actorAt(k - 1);
        return m ?? null;
      }
      if (t.pos !== 'ADJ' && t.pos !== 'NOUN' && t.text !== '“' && t.text !== '”') return null;
    }
    return null;
  }

  function betweenPair(i: number, sentence: SentenceInfo): [ActorMention, ActorMention] | null {
    for (let k = i + 1; k < Math.min(sentence.endToken, i + 8); k++) {
      if (tokens[k]!.normal !== 'between') continue;
      const first = firstActor(k + 1, Math.min(sentence.endToken, k + 10), null);
      if (!first) return null;
      const second = firstActor(first.endToken, Math.min(sentence.endToken, first.endToken + 10), first);
      if (!second) return null;
      if (tokens.slice(first.endToken, second.firstToken).some((t) => t.normal === 'and' || t.normal === '&')) return [first, second];
      return null;
    }
    return null;
  }

  function mentionsBothSides(sentence: SentenceInfo): boolean {
    for (let k = sentence.firstToken; k < sentence.endToken - 1; k++) {
      const t = tokens[k]!;
      if ((t.normal === 'two' || t.normal === 'both') && BOTH_SIDES.has(nounLemma(tokens[k + 1]!))) return true;
      if ((t.normal === 'two' || t.normal === 'both') && BOTH_SIDES.has(nounLemma(tokens[k + 2] ?? tokens[k + 1]!))) return true;
    }
    return false;
  }

  function isPassive(i: number): boolean {
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const t = tokens[k]!;
      // "was attacked", "was beaten", "was shot", "was slain", "was hit", "was struck"
      if (t.lemma === 'be' && (t.pos === 'AUX' || t.pos === 'VERB')) return /(ed|en|wn|t|ain|ck|ung|un)$/.test(tokens[i]!.normal);
      if (t.pos !== 'ADV' && t.pos !== 'PART') return false;
    }
    return false;
  }





  function victimsIn(sentence: SentenceInfo, trigger: number): ActorMention | null {
    for (let k = trigger + 1; k < sentence.endToken; k++) {
      if (!VICTIM_VERBS.has(tokens[k]!.lemma)) continue;
      for (let j = k + 1; j < Math.min(sentence.endToken, k + 6); j++) {
        const m = actorAt(j);
        if (m && m.firstToken === j) return m;
      }
    }
    return null;
  }

  /** "a truck bomb exploded …, killing 24": a violence verb right after the weapon, in its sentence. */
  function violenceFollows(i: number, sentence: SentenceInfo): boolean {
    for (let k = i + 1; k < Math.min(sentence.endToken, i + 9); k++) if (VIOLENCE_VERBS.has(tokens[k]!.lemma) && tokens[k]!.pos === 'VERB') return true;
    return false;
  }

  function sentenceHas(sentence: SentenceInfo, lemmas: ReadonlySet<string>): boolean {
    for (let k = sentence.firstToken; k < sentence.endToken; k++) if (lemmas.has(tokens[k]!.lemma)) return true;
    return false;
  }

  /** The draft's attributes (date, place, modality, negation, claim), then the refiners of EVENT_REFINERS in order. */
  function finishEvent(d: Draft, index: number): Event {
    const trigger = { start: tokens[d.triggerFirst]!.start, end: tokens[d.trigger]!.end };
    const rules = [...d.rules];
    const sentence = d.sentence;
    const toll = /^(18|19|20)/.test(d.code) ? doc.casualties?.find((c) => c.cumulative && c.mentions.some((m) => m.sentence === sentence.index)) : undefined;
    const date = toll ? { value: { value: null, certainty: 'unknown' as const, granularity: 'unknown' as const }, historical: false } : eventDate(d, rules);
    if (toll) rules.push(RULES.cumulativeToll);
    const place = eventPlace(d, rules, date.historical || toll !== undefined);
    const modality = modalityOf(d.trigger, sentence);
    // With a parse, negation is a negative word on the trigger itself ("did not attend"), not wink's scope, which
    // runs on into the next clause ("did not want … and calls on Washington")
    // ("has not pursued criminal charges": an event noun takes the negation of the verb it is the object of)
    const light = tokens[d.trigger]!.pos === 'NOUN' && /^(obj|nsubj:pass)/.test(doc.deprel(d.trigger)) ? doc.head(d.trigger) : -1;
    const negated = doc.deprel(d.trigger) !== '' && doc.tree ? [d.trigger, light].some((v) => v >= 0 && doc.children(v).some((k) => NEGATIONS.has(tokens[k]!.normal))) : tokens[d.trigger]!.negated || precededBy(d.trigger, sentence, ['not', "n't", 'never', 'no']);
    if (negated) rules.push(RULES.negated);
    if (modality) rules.push(RULES.modal);
    const attributed = isAttributed(sentence);
    const claimed = isClaimed(d.trigger, sentence) || attributed || toll?.claimed === true;
    if (claimed) rules.push(attributed ? RULES.claimAttribution : RULES.claimComplement);
    const spanStart = Math.min(trigger.start, d.sourceMention?.sentence === sentence.index ? d.sourceMention.start : trigger.start, d.targetMention?.sentence === sentence.index ? d.targetMention.start : trigger.start);
    const spanEnd = Math.max(trigger.end, d.sourceMention?.sentence === sentence.index ? d.sourceMention.end : trigger.end, d.targetMention?.sentence === sentence.index ? d.targetMention.end : trigger.end);
    const historical = date.historical;
    if (historical) rules.push(RULES.historicalDate);
    const drafted: Event = {
      id: `ev${index + 1}`,
      code: d.code,
      name: '',
      root: null,
      plover: null,
      quadClass: null,
      goldstein: null,
      source: d.source!,
      target: d.target,
      date: date.value,
      place,
      negated,
      modality,
      claimed,
      historical,
      denies: null,
      ...(d.mediator ? { mediator: refOf(d.mediator) } : {}),
      trigger: { start: trigger.start, end: trigger.end },
      evidence: { start: spanStart, end: spanEnd, sentence: sentence.index },
      rules,
    };
    const context: RefineContext = {
      triggerLemma: tokens[d.trigger]!.lemma,
      fromDictionary: d.fromDictionary,
      targetMention: d.targetMention,
      sourceIsPerson: isPerson(d.source!.entity),
      isOnePerson,
      isPerson: (m) => isPerson(m.entity),
      cooperationDomain: () => cooperationDomain(d.trigger, sentence),
    };
    return withCodeInfo(refineEvent(drafted, context), d.ownCodeName);
  }

  /** "naval cooperation", "economic ties", "cooperation on trade": the domain word around a relation noun in the trigger's clause. */
  function cooperationDomain(trigger: number, sentence: SentenceInfo): CooperationDomain | null {
    const end = clauseEnd(tokens, sentence, trigger);
    for (let k = trigger; k < end; k++) {
      if (!COOPERATION_NOUNS.has(nounLemma(tokens[k]!))) continue;
      for (let j = k - 1; j >= Math.max(trigger, k - 3); j--) {
        const domain = COOPERATION_DOMAINS.get(tokens[j]!.normal);
        if (domain) return domain;
        if (tokens[j]!.pos !== 'ADJ' && tokens[j]!.pos !== 'NOUN' && tokens[j]!.pos !== 'CCONJ') break;
      }
      // "cooperation on trade", "cooperation with the navies of China": the domain after the noun
      for (let j = k + 1; j < Math.min(end, k + 9); j++) {
        const domain = COOPERATION_DOMAINS.get(tokens[j]!.normal) ?? COOPERATION_DOMAINS.get(nounLemma(tokens[j]!));
        if (domain && (tokens[j]!.pos === 'NOUN' || tokens[j]!.pos === 'ADJ')) return domain;
      }
    }
    return null;
  }

  function eventDate(d: Draft, rules: string[]): { value: Event['date']; historical: boolean } {
    const sentence = d.sentence;
    // "have met occasionally in the past": a habitual or past event has no date of its own, and is not today's
    if (doc.tree && isHabitual(d.trigger)) {
      rules.push(RULES.habitual);
      return { value: { value: null, certainty: 'unknown', granularity: 'unknown' }, historical: true };
    }
    const start = clauseStart(tokens, sentence, d.trigger);
    const end = clauseEnd(tokens, sentence, d.trigger);
    // "five months after [Americans were seized]": a date phrase that opens the clause dates it
    const opener = tokens[start - 1];
    const inClause = doc.dates.filter((x) => x.sentence === sentence.index && ((x.start >= tokens[start]!.start && x.end <= tokens[end - 1]!.end) || (opener !== undefined && x.end === opener.end)));
    const trigger = tokens[d.trigger]!;
    const nearest = inClause.sort((a, b) => Math.abs(a.start - trigger.start) - Math.abs(b.start - trigger.start))[0];
    if (nearest && nearest.value) {
      rules.push(RULES.sentenceDate);
      const historical = doc.published !== null && isLongBefore(nearest.value, doc.published);
      return { value: { value: nearest.value, certainty: nearest.certainty, granularity: nearest.granularity, dateId: nearest.id }, historical };
    }
    if (nearest && !nearest.value) return { value: { value: null, certainty: 'unknown', granularity: 'unknown', dateId: nearest.id }, historical: true };
    if (doc.published) {
      rules.push(RULES.publicationDate);
      return { value: { value: doc.published.slice(0, 10), certainty: 'implied', granularity: 'day' }, historical: false };
    }
    return { value: { value: null, certainty: 'unknown', granularity: 'unknown' }, historical: false };
  }

  /** Where it happened: a place in a locative phrase of the sentence ("in central Baghdad", "in the Gulf"), else the dateline. */
  function eventPlace(d: Draft, rules: string[], historical: boolean): PlaceRef | null {
    const sentence = d.sentence;
    const trigger = tokens[d.trigger]!;
    const clause = { start: tokens[clauseStart(tokens, sentence, d.trigger)]!.start, end: tokens[clauseEnd(tokens, sentence, d.trigger) - 1]!.end };
    let best: { place: Place; distance: number } | null = null;
    for (const place of doc.places.places) {
      for (const m of place.mentions) {
        if (m.sentence !== sentence.index || m.start < clause.start || m.end > clause.end || !isLocative(m.start, m.end)) continue;
        const distance = Math.abs(m.start - trigger.start) + (place.kind === 'country' ? 40 : 0);
        if (!best || distance < best.distance) best = { place, distance };
      }
    }
    if (best) {
      rules.push(RULES.sentencePlace);
      return placeRef(best.place, 'stated');
    }
    // The dateline says where today's story was filed, not where a 1980 event happened.
    const dateline = historical ? undefined : doc.places.places.find((p) => p.id === doc.places.datelinePlaceId);
    if (dateline) {
      rules.push(RULES.datelinePlace);
      return placeRef(dateline, 'implied');
    }
    // With no locative and no dateline, a state actor acts at home, as GDELT's action geography falls back to the
    // actor's country: the source's country, when the article names it as a place
    const home = historical || !d.source ? undefined : doc.places.places.find((p) => p.kind === 'country' && p.country === d.source!.actor.slice(0, 3));
    if (home) {
      rules.push(RULES.sourceCountryPlace);
      return placeRef(home, 'implied');
    }
    return null;
  }

  /** A place mention preceded by a locative preposition (a determiner or adjective may come between), and not modifying a noun ("in the U.S. policy"). */
  function isLocative(start: number, end: number): boolean {
    const first = doc.tokenAtOrAfter(start);
    const at = tokens[first]?.start === start ? first : -1;
    const after = tokens[doc.tokenAtOrAfter(end)];
    if (after && after.sentence === tokens[at]?.sentence && after.pos === 'NOUN') return false;
    for (let k = at - 1; k >= Math.max(0, at - 3); k--) {
      const t = tokens[k]!;
      if (LOCATIVE.has(t.normal)) return true;
      if (t.pos !== 'DET' && t.pos !== 'ADJ' && t.pos !== 'PROPN') return false;
    }
    return false;
  }

  /** The verb carries a habitual adverb ("occasionally", "repeatedly") or "in the past" / "previously". */
  function isHabitual(i: number): boolean {
    for (const c of doc.children(i)) {
      const t = tokens[c]!;
      if (HABITUAL_ADVERBS.has(t.normal)) return true;
      if (t.normal === 'past' && doc.children(c, 'case').some((k) => tokens[k]!.normal === 'in')) return true;
    }
    return false;
  }

  function modalityOf(i: number, sentence: SentenceInfo): Modality | null {
    const start = clauseStart(tokens, sentence, i);
    for (let k = i - 1; k >= Math.max(start, i - 4); k--) {
      const m = MODALS.get(tokens[k]!.normal);
      if (m) return m;
    }
    // "offered to help", "agreed to support": the complement of an intent verb
    if (tokens[i - 1]?.normal === 'to' && INTENT_VERBS.has(tokens[i - 2]?.lemma ?? '')) return 'intent';
    return null;
  }

  /**
   * Inside an allegation: "Washington’s case that Iran is arming", "accused Iran of arming",
   * "allegedly", "reportedly".
   */
  function isClaimed(i: number, sentence: SentenceInfo): boolean {
    // "The Armenians claim they were retaliating", "accused Iran of arming": a clause below a claim verb
    for (let k = i, steps = 0; doc.head(k) >= 0 && steps < 3; k = doc.head(k), steps++) {
      if (!CLAIM_RELATIONS.has(doc.deprel(k))) break;
      if (CLAIM_VERBS.has(tokens[doc.head(k)]!.lemma)) return true;
    }
    const start = clauseStart(tokens, sentence, i);
    for (let k = i - 1; k >= start; k--) if (['allegedly', 'reportedly', 'purportedly'].includes(tokens[k]!.normal)) return true;
    const opener = tokens[start - 1];
    if (opener?.normal === 'that' && CLAIM_OPENERS.has(nounLemma(tokens[start - 2] ?? opener))) return true;
    for (let k = i - 1; k >= start; k--) {
      if (tokens[k]!.normal !== 'of') continue;
      for (let j = k - 1; j >= Math.max(start, k - 5); j--) if (tokens[j]!.lemma === 'accuse' || tokens[j]!.lemma === 'suspect') return true;
    }
    return false;
  }

  /** "According to the army, rebels attacked…", "…was stabbed, according to police": a report, not the article's own word. */
  function isAttributed(sentence: SentenceInfo): boolean {
    for (let k = sentence.firstToken; k + 1 < sentence.endToken; k++) {
      if (tokens[k]!.normal !== 'according' || tokens[k + 1]!.normal !== 'to') continue;
      // "according to the Associated Press": a news agency's reporting is the article's own sourcing, not a party's claim
      const source = doc.actorAt(k + 2) ?? doc.actorAt(k + 3);
      return !source?.code.endsWith('MED');
    }
    return false;
  }

  function precededBy(i: number, sentence: SentenceInfo, words: readonly string[]): boolean {
    for (let k = i - 1; k >= Math.max(sentence.firstToken, i - 3); k--) if (words.includes(tokens[k]!.normal)) return true;
    return false;
  }
}


function placeRef(place: Place, certainty: 'stated' | 'implied'): PlaceRef {
  return { name: place.name, placeId: place.id, lat: place.lat, lon: place.lon, country: place.country, certainty };
}

function isLongBefore(value: string, published: string): boolean {
  const year = Number(value.slice(0, 4));
  const pubYear = Number(published.slice(0, 4));
  if (value.length === 4) return year < pubYear;
  return Date.parse(published.slice(0, 10)) - Date.parse(value.length === 7 ? `${value}-01` : value) > 365 * 86400000;
}
