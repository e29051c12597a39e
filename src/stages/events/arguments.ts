/**
 * Event arguments read off the dependency tree: who acts (nsubj, the agent of a passive, the controller of an
 * infinitive, the first conjunct's subject), on whom (obj, iobj, an obl whose preposition the pattern names or
 * that marks a recipient), and who only brokered it (the agent of "brokered / mediated / hosted"). Each finding
 * names the rule that produced it; the linear fallbacks in the stage apply only where the tree gives nothing.
 */
import { hasRelation, type Doc } from '../../doc/doc.ts';
import type { ActorMention } from '../../model/analysis.ts';
import { scanSteps } from '../../pipeline/scanSteps.ts';
import { RULES } from './rules.ts';

export interface TreeArgument {
  mention: ActorMention;
  rule: string;
}

/** Relations inside a noun phrase through which a phrase's head reaches the actor it names. */
const PHRASE_RELATIONS = ['appos', 'flat', 'nmod:poss', 'det:poss', 'compound', 'amod', 'nmod'];
/** Prepositions that mark the other party of an event ("talks with", "sanctions against", "aid to"). */
const RECIPIENT_CASES = new Set(['with', 'between', 'to', 'against', 'on', 'at', 'for', 'from', 'toward', 'towards', 'into', 'upon', 'over', 'of']);
/**
 * Relations on the way from an event word down to its target: nominal ones, an infinitive complement ("agreed to
 * support the government") and a participle's agent ("spy networks run by Washington"); clauses below it (ccomp,
 * advcl, relative clauses, parataxis) are other events.
 */
const ARGUMENT_PATH = new Set(['obj', 'iobj', 'obl', 'nmod', 'compound', 'amod', 'appos', 'conj', 'flat', 'nmod:poss', 'obl:arg', 'nmod:npmod', 'xcomp', 'acl', 'obl:agent']);
/** Verbs whose agent is a go-between, not a party: "a ceasefire brokered by Egypt", "talks hosted by Qatar". */
const MEDIATION_VERB = /^(broker|mediat|host|facilitat|sponsor|arrang|organi[sz])/;
/** Token k is a mediation verb or participle ("brokered", "mediated": the tagger may call them adjectives). */
export function isMediation(doc: Doc, k: number): boolean {
  const t = doc.tokens[k]!;
  return (t.pos === 'VERB' || t.pos === 'ADJ') && MEDIATION_VERB.test(t.normal);
}
const RELATIVE_PRONOUNS = new Set(['which', 'who', 'that', 'whom']);

/**
 * "According to al-Eryani, the rebels…", "according to a statement by spokesman Harry Roque": the source of a report,
 * anywhere in the "according to" phrase, is neither party of what it reports.
 */
export function isAttribution(doc: Doc, m: ActorMention): boolean {
  for (let k = m.firstToken - 1; k >= Math.max(1, m.firstToken - 12); k--) {
    const t = doc.tokens[k]!;
    if (t.normal === 'to' && doc.tokens[k - 1]!.normal === 'according') return true;
    if (t.pos === 'VERB' || t.pos === 'PUNCT' || t.sentence !== m.sentence) return false;
  }
  return false;
}

/** The actor a noun phrase headed by token h names: the mention covering h, else one on its modifiers ("officials from Iran", "a top U.S. official"). */
export function actorOfPhrase(doc: Doc, h: number, depth = 0): ActorMention | null {
  const own = doc.actorAt(h);
  if (own) return isAttribution(doc, own) ? null : own;
  if (depth >= 2) return null;
  for (const rel of PHRASE_RELATIONS) {
    for (const c of doc.children(h, rel)) {
      scanSteps.count++;
      // "the capital of Iraq", "in the talks on Iran": a place or topic in an nmod is not who the phrase names,
      // unless the head is a person word ("officials from Iran") or a group word
      if (rel === 'nmod' && !PERSON_HEAD.test(doc.tokens[h]!.lemma)) continue;
      const found = actorOfPhrase(doc, c, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** Heads of a phrase that stand for people or groups ("officials from Iran", "a number of journalists"), whose modifier names who they are. */
const PERSON_HEAD = /^(number|dozen|score|hundred|thousand|million|handful|couple|majority|group|official|minister|leader|representative|delegation|delegate|envoy|diplomat|spokes(wo)?man|spokesperson|president|member|head|chief|team|force|troop|soldier|government|authority|officer|ambassador|negotiator|lawmaker|senator|citizen|people|resident|student|worker|group|party|side)s?$/;

/** The actor named by token h's phrase, widened to the actors coordinated with it ("Israel and Hamas"). */
export function coordinatedActor(doc: Doc, h: number): ActorMention | null {
  const head = actorOfPhrase(doc, h);
  if (!head) return null;
  const members: ActorMention[] = [head];
  // "Libyan leader Muammar Gaddafi and Bulgarian President Todor Zhivkov": the conjunct may hang from the apposed name
  // "nations of Bahrain and Kosovo": or from the word that named the actor
  const named = head.endToken - 1 !== h && head.endToken - 1 < doc.tokens.length ? [head.endToken - 1] : [];
  // "Christchurch District Court, New Zealand": conjuncts none of which has its "and" / "or" are a place or an
  // apposition the parser read as a list, not parties
  const conjuncts = [h, ...doc.children(h, 'appos'), ...doc.children(h, 'flat'), ...named].flatMap((k) => {
    const list = doc.children(k, 'conj');
    return list.some((c) => doc.children(c, 'cc').length > 0) ? list : [];
  });
  for (const c of conjuncts) {
    const m = actorOfPhrase(doc, c);
    if (m && m !== head && !members.some((x) => x.code === m.code && x.entity === m.entity)) members.push(m);
  }
  if (members.length === 1 || head.members) return head;
  const last = members[members.length - 1]!;
  return {
    ...head,
    end: Math.max(head.end, last.end),
    endToken: Math.max(head.endToken, last.endToken),
    name: doc.text.slice(head.start, Math.max(head.end, last.end)),
    rule: RULES.coordinatedSubject,
    members: members.map((x) => (x.entity ? { code: x.code, entity: x.entity } : { code: x.code })),
  };
}

/** The verb has someone it speaks to: an object, an indirect object or a "to" phrase ("told Iran", "issued a reminder to Iraq"). */
function tellsSomeone(doc: Doc, verb: number): boolean {
  return doc.children(verb).some((k) => (/^(obj|iobj)/.test(doc.deprel(k)) && !doc.isTime(k)) || (hasRelation(doc.deprel(k), 'obl') && doc.children(k, 'case').some((c) => doc.tokens[c]!.normal === 'to')));
}

/** The token that is the grammatical subject of verb v (its own, or the one it shares), with the rule that found it. */
export function subjectToken(doc: Doc, v: number, depth = 0): { token: number; rule: string } | null {
  // "a charge Iran denies" parsed with two subjects: the one that names an actor
  // A "subject" after its verb in a statement is the parser mistaking the object ("Yeltsin hosted Hashimoto")
  const subjects = doc.children(v, 'nsubj').filter((k) => !hasRelation(doc.deprel(k), 'nsubj:pass') && k < v);
  const own = subjects.find((k) => doc.actorAt(k)) ?? subjects[0];
  if (own !== undefined) {
    // "Israel, which responded…": the relative pronoun stands for the noun the clause modifies
    if (RELATIVE_PRONOUNS.has(doc.tokens[own]!.normal) && hasRelation(doc.deprel(v), 'acl:relcl')) return { token: doc.head(v), rule: RULES.relativeSubject };
    // "Iran warned it would retaliate", "Russia indicated it would veto": "it" doing what the clause of a verb says is
    // that verb's subject (not the "it" of "it would be wrong to", whose clause is an adjective's)
    // and the verb tells no one ("reminded Iraq that it must cooperate": "it" is Iraq)
    const teller = doc.head(v);
    if (doc.tokens[own]!.normal === 'it' && doc.tokens[v]!.pos === 'VERB' && hasRelation(doc.deprel(v), 'ccomp') && depth < 3 && !tellsSomeone(doc, teller)) {
      // the speaker's own subject only: one inherited through a misparsed conjunction is a guess on a guess
      const speaker = doc.children(teller, 'nsubj').find((k) => k < teller && doc.actorAt(k));
      if (speaker !== undefined) return { token: speaker, rule: RULES.itIsTheSpeaker };
    }
    return { token: own, rule: RULES.subject };
  }
  if (depth >= 3 || doc.head(v) < 0) return null;
  const rel = doc.deprel(v);
  const head = doc.head(v);
  // "Iran agreed to meet", "urged Iran to stop": the controller is the object when there is one, else the subject
  if (hasRelation(rel, 'xcomp')) {
    const object = doc.children(head, 'obj')[0] ?? doc.children(head, 'iobj')[0];
    if (object !== undefined && object < v) return { token: object, rule: RULES.controller };
    const up = subjectToken(doc, head, depth + 1);
    return up && { token: up.token, rule: RULES.controller };
  }
  // "X met Y and signed…": conjoined verbs share the first one's subject
  if (hasRelation(rel, 'conj') && doc.tokens[head]!.pos === 'VERB') {
    const up = subjectToken(doc, head, depth + 1);
    return up && { token: up.token, rule: RULES.coordinatedVerb };
  }
  // "police, who arrested…" with the relative pronoun missing; "a ceasefire brokered by Egypt" has its agent instead
  if (hasRelation(rel, 'acl:relcl')) return { token: head, rule: RULES.relativeSubject };
  // "…, killing 24 people": a participle clause takes its main clause's subject
  if ((hasRelation(rel, 'advcl') || rel === 'acl') && /ing$/.test(doc.tokens[v]!.normal)) {
    const up = subjectToken(doc, head, depth + 1);
    return up && { token: up.token, rule: RULES.participleSubject };
  }
  return null;
}

/** The agent of a passive verb ("evidence was presented by X") or of an event noun ("an attack by rebels"). */
export function agentToken(doc: Doc, i: number): number | null {
  // "stabbed, according to government authorities": the parser may call the source of a report an agent; only "by" marks one
  const agent = doc.children(i, 'obl:agent').find((k) => caseOf(doc, k) === 'by' || caseOf(doc, k) === '');
  if (agent !== undefined) return agent;
  // Nouns: "by" marks the agent in an nmod ("the attack by rebels")
  for (const c of doc.children(i, 'nmod')) if (doc.children(c, 'case').some((k) => doc.tokens[k]!.normal === 'by')) return c;
  return null;
}

export function isPassive(doc: Doc, v: number): boolean {
  return doc.children(v, 'nsubj:pass').length > 0 || doc.children(v, 'aux:pass').length > 0;
}

/** Preposition word of a nominal dependent ("with" for "talks with Iran"), '' when it has none. */
export function caseOf(doc: Doc, k: number): string {
  const c = doc.children(k, 'case')[0];
  return c === undefined ? '' : doc.tokens[c]!.normal;
}

/**
 * The target of event word i: its object, indirect object, or an oblique / nominal modifier marked by a
 * recipient preposition — or by a preposition the pattern matched (`patternWords`). Never a time, a place in a
 * locative phrase, nor the agent of a mediation verb.
 */
export function targetToken(doc: Doc, i: number, patternWords: readonly number[], unlike: ActorMention | null): TreeArgument | null {
  const isNoun = doc.tokens[i]!.pos === 'NOUN' || doc.tokens[i]!.pos === 'PROPN';
  const ordered: { token: number; rule: string }[] = [];
  // Prepositions the pattern names ("accuse X of", "impose sanctions on X") point at their noun first
  for (const p of patternWords) {
    if (doc.deprel(p) === 'case' && doc.head(p) >= 0) ordered.push({ token: doc.head(p), rule: RULES.patternPreposition });
  }
  for (const k of doc.children(i, 'obj')) ordered.push({ token: k, rule: RULES.object });
  // "imposed sanctions on Belarus", "suspended aid to the junta": the recipient of the object noun
  for (const k of doc.children(i, 'obj')) for (const m of doc.children(k, 'nmod')) if (RECIPIENT_CASES.has(caseOf(doc, m)) && caseOf(doc, m) !== 'of') ordered.push({ token: m, rule: RULES.nounModifier });
  if (!isNoun) for (const k of doc.children(i, 'nsubj')) if (k > i) ordered.push({ token: k, rule: RULES.object });
  for (const k of doc.children(i, 'iobj')) ordered.push({ token: k, rule: RULES.object });
  // "offered to help train and arm Iraq's forces": the object of the infinitive complement
  for (const x of doc.children(i, 'xcomp')) for (const k of doc.children(x, 'obj')) ordered.push({ token: k, rule: RULES.object });
  // "is ready to negotiate with the EU": the recipient of the infinitive complement
  for (const x of doc.children(i, 'xcomp')) for (const k of doc.children(x, 'obl')) if (RECIPIENT_CASES.has(caseOf(doc, k)) && !doc.isTime(k)) ordered.push({ token: k, rule: RULES.obliqueRecipient });
  for (const k of doc.children(i, isNoun ? 'nmod' : 'obl')) {
    if (hasRelation(doc.deprel(k), 'obl:agent') || hasRelation(doc.deprel(k), 'obl:tmod') || doc.isTime(k)) continue;
    const prep = caseOf(doc, k);
    if (prep === 'by' || !RECIPIENT_CASES.has(prep)) continue;
    ordered.push({ token: k, rule: isNoun ? RULES.nounModifier : RULES.obliqueRecipient });
  }
  // "demanded that North Korea forsake…", "warned that Iran would…": the subject of the clausal complement, last
  for (const c of doc.children(i, 'ccomp')) {
    const subject = doc.children(c, 'nsubj')[0] ?? doc.children(c, 'nsubj:pass')[0];
    if (subject !== undefined) ordered.push({ token: subject, rule: RULES.complementSubject });
  }
  for (const { token, rule } of ordered) {
    const m = coordinatedActor(doc, token);
    if (!m || (unlike && (m.code === unlike.code && m.entity === unlike.entity))) continue;
    if (underMediation(doc, token, i)) continue;
    return { mention: m, rule };
  }
  return null;
}

/** Token k hangs from i through a mediation verb's agent ("ceasefire brokered by Egypt"): a go-between, not a party. */
export function underMediation(doc: Doc, k: number, i: number): boolean {
  for (let a = k; a >= 0 && a !== i; a = doc.head(a)) if (a !== k && isMediation(doc, a)) return true;
  return false;
}

/** The go-between of event word i: the agent of a mediation verb on it or on its object ("a ceasefire brokered by Egypt", "mediated by the UAE"). */
export function mediatorOf(doc: Doc, i: number): TreeArgument | null {
  const candidates = [i, ...doc.children(i, 'obj'), ...doc.children(i, 'obl'), ...doc.children(i, 'nmod')];
  for (const c of candidates) {
    for (const v of [c, ...doc.children(c, 'acl'), ...doc.children(c, 'advcl'), ...doc.children(c, 'acl:relcl')]) {
      if (!isMediation(doc, v)) continue;
      const agent = agentToken(doc, v);
      const m = agent === null ? null : coordinatedActor(doc, agent);
      if (m) return { mention: m, rule: RULES.mediator };
    }
  }
  return null;
}

/**
 * How many noun phrases down from event word i token k sits (obj, obl and nmod steps), Infinity when k is not in
 * i's arguments: "rejected calls for the publication of advice on the legality of the Iraq war" puts Iraq 4 deep.
 */
export function argumentDepth(doc: Doc, k: number, i: number): number {
  let depth = 0;
  for (let a = k, steps = 0; a >= 0 && steps < 12; a = doc.head(a), steps++) {
    if (a === i) return depth;
    const rel = doc.deprel(a);
    if (!ARGUMENT_PATH.has(rel) && rel !== 'case' && rel !== 'det') return Infinity;
    if (/^(obj|iobj|obl|nmod)(:(?!poss).*)?$/.test(rel)) depth++;
  }
  return Infinity;
}

/** Token k names an actor only as what a thing is about: "the Iraq war", "the Gaza crisis" (a compound on a noun that is no person or group). */
export function isTopicModifier(doc: Doc, k: number): boolean {
  const h = doc.head(k);
  return doc.deprel(k) === 'compound' && h >= 0 && doc.tokens[h]!.pos === 'NOUN' && !doc.actorAt(h) && !PERSON_HEAD.test(doc.tokens[h]!.lemma);
}

/** Token k is inside i's own arguments (reached from i through nominal relations only), not in a clause below it. */
export function isArgumentOf(doc: Doc, k: number, i: number): boolean {
  for (let a = k, steps = 0; a >= 0 && steps < 12; a = doc.head(a), steps++) {
    if (a === i) return true;
    if (!ARGUMENT_PATH.has(doc.deprel(a)) && doc.deprel(a) !== 'case' && doc.deprel(a) !== 'det') return false;
  }
  return false;
}
