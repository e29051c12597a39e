/**
 * Actors by PETRARCH's mechanics from the actor and agent dictionaries alone (mode 'dictionaries-only'): no
 * gazetteer, no name tagger, no inferred countries. Over each sentence's tokens:
 *
 * 1. Phrases: the longest actor or agent phrase at each token ("Minas Tirith", "border police"; the actor when both
 *    are as long), its code on the article's date; words written with a space in the dictionary may have up to
 *    GAP noun-phrase words in between ("Ithilen state-run television" ~ ITHILEN TELEVISION).
 * 2. Noun phrases: runs of determiners, adjectives, nouns, numbers, possessive 's and phrase words. A phrase's code
 *    is its first actor with every agent of the phrase in order: `~GOV` after the actor's code, `NGO~` before it, an
 *    agent already in the code not added twice ("An MSF Arnor diplomat" → NGOARNGOV, "Washington security
 *    officials" → USAGOV, "Dagolath's first Deputy Prime Minister Telemar" → DAGGOV); agents alone give "---"
 *    ("officials" → ---GOV); a null-coded actor (`[---]`) gives nothing.
 * 3. Compounds: phrases with codes joined by "and", "or", "nor" and commas ("Mordor, Rohan, Fornost and Bree", and
 *    a compound code [FRO/BIL/SAM]) make one mention with `members`; a comma list counts only up to its last
 *    conjunction ("Gondor, Arnor said" is two mentions). Agents alone in a compound take the first member's actor
 *    and modifiers ("Danish Islamist media and government" → DNKMUSMED, DNKMUSGOV).
 * 4. Prepositional phrases: phrases of agents alone take the actors of an "of / in / from" phrase after them
 *    ("Lawmakers and officials in Fornost and Gondor" → FORLEG, GONLEG, FORGOV, GONGOV; "the government of Gondor"
 *    → GONGOV); a phrase with no code takes those after "of" ("the information ministry of Gondor" → GON).
 *
 * 5. Discards: a story that names a story discard (`+TYPHOON`) has no actors, nor has a sentence that names a
 *    sentence discard (`BASEBALL`), so nothing is coded there; an info message cites the discard.
 *
 * Each mention cites its dictionary entries in `rule`: `actors.petrarch:<actor entry> + <agent entry>…`.
 */
import type { Doc } from '../../doc/doc.ts';
import type { ActorMatch } from '../../lexicon/petrarch/actors.ts';
import type { AgentMatch } from '../../lexicon/petrarch/agents.ts';
import type { Dictionaries } from '../../lexicon/petrarch/dictionaries.ts';
import type { ActorMention, SentenceInfo, Token } from '../../model/analysis.ts';

export const DICTIONARY_ACTOR_RULE = 'actors.petrarch';

/** Words that may stand between the words of a dictionary phrase written with a space. */
const GAP = 3;
const UNKNOWN = '---';
const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const CONJUNCTIONS = new Set(['and', 'or', 'nor']);
/** Before a compound's first member: "Neither Galadriel nor Gollum". */
const CORRELATIVES = new Set(['neither', 'either', 'both']);
const AGENT_PREPOSITIONS = new Set(['of', 'in', 'from']);

interface Found {
  first: number;
  end: number;
  actor: ActorMatch | null;
  agent: AgentMatch | null;
}

/** One actor of a mention: codes (several for a compound code), agents before and after, entries cited. */
interface Member {
  /** Null: agents alone. */
  actor: ActorMatch | null;
  agents: AgentMatch[];
  /** The actor's first token, for linking an entity; -1 without actor. */
  actorFirst: number;
  /** The phrase is its agent alone, with at most a determiner ("government", not "Iraqi rebels"). */
  bare?: boolean;
}

/** A noun phrase, or several joined: tokens [first, end) and their actors (none: a phrase without a code). */
interface Group {
  first: number;
  end: number;
  members: Member[];
}

/** Actor mentions of the Doc from `dictionaries` alone, sorted by start. */
export function findDictionaryActors(doc: Doc, dictionaries: Dictionaries): ActorMention[] {
  const date = doc.published ?? undefined;
  const out: ActorMention[] = [];
  const discarded = new Set<number>();
  for (const discard of dictionaries.discards.find(doc.text)) {
    const phrase = doc.text.slice(discard.start, discard.end);
    const where = { level: 'info' as const, stage: 'actors', rule: discard.entryId, start: discard.start, end: discard.end };
    if (discard.scope === 'story') {
      doc.messages.push({ ...where, text: `the story is not coded: it names "${phrase}", a story discard of the dictionaries` });
      return [];
    }
    const token = doc.tokens[doc.tokenCovering(discard.start)];
    if (token && !discarded.has(token.sentence)) {
      discarded.add(token.sentence);
      doc.messages.push({ ...where, text: `the sentence is not coded: it names "${phrase}", a sentence discard of the dictionaries` });
    }
  }
  for (const sentence of doc.sentences) {
    if (discarded.has(sentence.index)) continue;
    const found = phrasesOf(doc, sentence, dictionaries, date);
    const groups = attach(doc, coordinate(doc, nounPhrases(doc, sentence, found)));
    for (const group of groups) {
      group.members = forwardActor(group.members);
      const mention = mentionOf(doc, sentence, group);
      if (mention) out.push(mention);
    }
  }
  return out;
}

function isNounPhraseWord(t: Token): boolean {
  return NOUN_PHRASE_POS.has(t.pos) || POSSESSIVE.has(t.normal);
}

/** A gapped phrase only stands when the words inside it are noun-phrase words or parts of a hyphenated word. */
function gapsAreNounPhrase(tokens: readonly Token[], first: number, end: number): boolean {
  for (let k = first + 1; k < end; k++) {
    const t = tokens[k]!;
    if (!(isNounPhraseWord(t) || !t.spaceBefore || t.text === '-')) return false;
  }
  return true;
}

/** The longest actor or agent phrase at each token of the sentence, left to right, not overlapping. */
function phrasesOf(doc: Doc, sentence: SentenceInfo, dictionaries: Dictionaries, date: string | undefined): Found[] {
  const tokens = doc.tokens.slice(sentence.firstToken, sentence.endToken);
  const words = tokens.map((t) => t.normal);
  const out: Found[] = [];
  const at = <M extends { length: number }>(lookup: (gap: number) => M | null, k: number): M | null => {
    const gapped = lookup(GAP);
    if (gapped && gapsAreNounPhrase(tokens, k, k + gapped.length)) return gapped;
    return lookup(0);
  };
  for (let k = 0; k < words.length; ) {
    const actor = at((gap) => dictionaries.actors.lookup(words, k, date, { gap, nullCoded: true }), k);
    const agent = at((gap) => dictionaries.agents.lookupAt(words, k, { gap }), k);
    const length = Math.max(actor?.length ?? 0, agent?.length ?? 0);
    if (length === 0) {
      k++;
      continue;
    }
    const isActor = actor !== null && actor.length === length;
    out.push({ first: sentence.firstToken + k, end: sentence.firstToken + k + length, actor: isActor ? actor : null, agent: isActor ? null : agent });
    k += length;
  }
  return out;
}

/** Noun phrases around the phrases found, each a group of one member (or none, when it has no code). */
function nounPhrases(doc: Doc, sentence: SentenceInfo, found: readonly Found[]): Group[] {
  const { tokens } = doc;
  const covering = new Map<number, Found>();
  for (const f of found) covering.set(f.first, f);
  const out: Group[] = [];
  let k = sentence.firstToken;
  while (k < sentence.endToken) {
    if (!covering.has(k) && !isNounPhraseWord(tokens[k]!)) {
      k++;
      continue;
    }
    const first = k;
    const inside: Found[] = [];
    while (k < sentence.endToken) {
      const f = covering.get(k);
      if (f) {
        inside.push(f);
        k = f.end;
      } else if (isNounPhraseWord(tokens[k]!) && !CORRELATIVES.has(tokens[k]!.normal)) k++;
      // "awful and evil minister": adjectives joined by a conjunction stay in one noun phrase
      else if (CONJUNCTIONS.has(tokens[k]!.normal) && tokens[k - 1]?.pos === 'ADJ' && tokens[k + 1]?.pos === 'ADJ' && k > first) k++;
      else break;
    }
    if (k === first) {
      k++;
      continue;
    }
    let bare = true;
    for (let t = first; t < k && bare; t++) if (!inside.some((f) => f.agent && f.first <= t && t < f.end) && tokens[t]!.pos !== 'DET') bare = false;
    out.push({ first, end: k, members: memberOf(inside, bare) });
  }
  return out;
}

/** The code of a noun phrase: its first actor with all its agents; agents alone; nothing for a null-coded actor. */
function memberOf(inside: readonly Found[], bare: boolean): Member[] {
  const actorFound = inside.find((f) => f.actor);
  const agents = inside.filter((f) => f.agent).map((f) => f.agent!);
  if (actorFound && actorFound.actor!.code === UNKNOWN) return [];
  if (!actorFound && agents.length === 0) return [];
  return [{ actor: actorFound?.actor ?? null, agents, actorFirst: actorFound?.first ?? -1, bare: !actorFound && bare }];
}

function isSeparator(t: Token): 'comma' | 'conjunction' | null {
  if (t.text === ',') return 'comma';
  if (CONJUNCTIONS.has(t.normal)) return 'conjunction';
  return null;
}

/** Joins coded noun phrases separated only by commas and conjunctions, up to the list's last conjunction. */
function coordinate(doc: Doc, phrases: readonly Group[]): Group[] {
  const out: Group[] = [];
  let i = 0;
  while (i < phrases.length) {
    const start = phrases[i]!;
    if (start.members.length === 0) {
      out.push(start);
      i++;
      continue;
    }
    // items[j] joins the run through separators seps[j]
    let j = i;
    let lastConjunction = i;
    while (j + 1 < phrases.length && phrases[j + 1]!.members.length > 0) {
      const between = doc.tokens.slice(phrases[j]!.end, phrases[j + 1]!.first);
      const kinds = between.map(isSeparator);
      if (between.length === 0 || kinds.some((x) => x === null)) break;
      j++;
      if (kinds.includes('conjunction')) lastConjunction = j;
    }
    const members = phrases.slice(i, lastConjunction + 1);
    out.push({ first: start.first, end: members.at(-1)!.end, members: members.flatMap((m) => m.members) });
    i = lastConjunction + 1;
  }
  return out;
}

/** Bare agents after a first member with an actor take that actor and its agents but the last ("Danish Islamist media and government"). */
function forwardActor(members: Member[]): Member[] {
  const lead = members[0];
  if (!lead?.actor || members.length < 2) return members;
  const modifiers = lead.agents.slice(0, -1);
  return members.map((m) => (m.actor || !m.bare ? m : { actor: lead.actor, agents: [...modifiers, ...m.agents], actorFirst: lead.actorFirst }));
}

/**
 * "Lawmakers and officials in Fornost and Gondor", "Ithilen and the government of Gondor", "the information ministry
 * of Gondor": the members without actor at the end of a phrase take the actors of the prepositional phrase after it
 * (after "of", "in", "from"; a phrase without any code, only after "of").
 */
function attach(doc: Doc, groups: readonly Group[]): Group[] {
  const out: Group[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    const next = groups[i + 1];
    const preposition = doc.tokens[group.end]?.normal ?? '';
    const objectFollows = next !== undefined && next.first === group.end + 1 && next.members.length > 0 && next.members.every((m) => m.actor);
    let trailing = group.members.length;
    while (trailing > 0 && !group.members[trailing - 1]!.actor) trailing--;
    const agentsOnly = trailing < group.members.length && AGENT_PREPOSITIONS.has(preposition);
    const uncoded = group.members.length === 0 && preposition === 'of';
    if (!objectFollows || !(agentsOnly || uncoded)) {
      out.push(group);
      continue;
    }
    const heads = uncoded ? [{ actor: null, agents: [], actorFirst: -1 }] : group.members.slice(trailing);
    const taken = heads.flatMap((head) => next.members.map((object) => ({ actor: object.actor, agents: [...head.agents, ...object.agents], actorFirst: object.actorFirst })));
    out.push({ first: group.first, end: next.end, members: [...group.members.slice(0, trailing), ...taken] });
    i++;
  }
  return out;
}

/**
 * PETRARCH's code of an actor with agents: prefixed agents, the actor, suffixed agents; an agent already in the code
 * at a 3-letter boundary is not added again (USAGOV + GOV → USAGOV, but GMWGOV + WGO → GMWGOVWGO).
 */
export function combineCodes(actor: string, agents: readonly Pick<AgentMatch, 'code' | 'placement'>[]): string {
  let code = actor;
  const within = (part: string) => {
    for (let at = code.indexOf(part); at >= 0; at = code.indexOf(part, at + 1)) if (at % 3 === 0) return true;
    return false;
  };
  for (const agent of agents) {
    if (within(agent.code)) continue;
    code = agent.placement === 'before' ? agent.code + code : code + agent.code;
  }
  return code;
}

function mentionOf(doc: Doc, sentence: SentenceInfo, group: Group): ActorMention | null {
  if (group.members.length === 0) return null;
  const codes: { code: string; entity?: string }[] = [];
  const entries = new Set<string>();
  for (const member of group.members) {
    if (member.actor) entries.add(member.actor.entryId);
    for (const agent of member.agents) entries.add(agent.entryId);
    const entity = member.actorFirst >= 0 ? doc.entityAt(member.actorFirst)?.entity.id : undefined;
    for (const actorCode of member.actor ? member.actor.codes : [UNKNOWN]) {
      const code = combineCodes(actorCode, member.agents);
      if (!codes.some((c) => c.code === code)) codes.push(entity ? { code, entity } : { code });
    }
  }
  const firstToken = group.first;
  const start = doc.tokens[firstToken]!.start;
  const end = doc.tokens[group.end - 1]!.end;
  const head = codes[0]!;
  return {
    start,
    end,
    firstToken,
    endToken: group.end,
    sentence: sentence.index,
    code: head.code,
    ...(head.entity && codes.length === 1 ? { entity: head.entity } : {}),
    name: doc.text.slice(start, end),
    rule: `${DICTIONARY_ACTOR_RULE}:${[...entries].join(' + ')}`,
    ...(codes.length > 1 ? { members: codes } : {}),
  };
}
