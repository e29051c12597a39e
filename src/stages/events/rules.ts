/** Rule ids of the events stage (argument and flag rules); pattern ids come from the lexicons. */
export const RULES = {
  subject: 'events.source-subject',
  passiveBy: 'events.passive-by-agent',
  possessor: 'events.source-possessor',
  possessorVictim: 'events.target-possessor-of-violence-noun',
  byAgent: 'events.source-by-agent',
  between: 'events.between-a-and-b',
  articleParties: 'events.the-two-sides',
  pluralPronoun: 'events.they-previous-group',
  coordinatedSubject: 'events.coordinated-subject',
  relativeSubject: 'events.source-relative-clause-noun',
  itIsTheSpeaker: 'events.source-it-is-the-verbs-subject',
  violenceByBombing: 'events.violence-by-bombing',
  killingOfLeader: 'events.killing-of-a-political-figure',
  cooperationDomain: 'events.cooperation-by-domain',
  unarmedVictims: 'events.unconventional-violence-against-the-unarmed',
  meetingTopic: 'events.meeting-topic-is-no-party',
  controller: 'events.source-controller-of-infinitive',
  coordinatedVerb: 'events.source-of-coordinated-verb',
  participleSubject: 'events.source-of-participle-clause',
  lightVerbSubject: 'events.source-subject-of-light-verb',
  passivePatient: 'events.target-passive-subject',
  patternPreposition: 'events.target-pattern-preposition',
  patternTarget: 'events.target-pattern-slot',
  obliqueRecipient: 'events.target-oblique-recipient',
  nounModifier: 'events.target-noun-modifier',
  complementSubject: 'events.target-complement-subject',
  mediator: 'events.mediator-agent',
  mediatorEvent: 'events.mediator-045',
  dyad: 'events.dyad-of-coordinated-parties',
  mentionsMerged: 'events.mentions-merged',
  pairedCode: 'events.paired-code-reverse',
  habitual: 'events.habitual-or-past-undated',
  object: 'events.target-object',
  thatClauseSubject: 'events.target-that-clause-subject',
  victims: 'events.target-victims',
  victimsCountry: 'events.victims-country-from-place',
  unknownPerpetrator: 'events.unknown-perpetrator',
  thirdLocation: 'events.meet-third-location',
  verbalAttack: 'events.verbal-attack-by-person',
  unarmedAttack: 'events.unarmed-attack-unconventional',
  actToCome: 'events.act-to-come-intent-or-threat',
  cumulativeToll: 'events.cumulative-toll-undated',
  negated: 'events.negated',
  modal: 'events.modality',
  claimComplement: 'events.claim-complement',
  claimAttribution: 'events.claim-according-to',
  historicalDate: 'events.historical-date',
  sentenceDate: 'events.sentence-date',
  publicationDate: 'events.publication-date',
  sentencePlace: 'events.sentence-place',
  datelinePlace: 'events.dateline-place',
  sourceCountryPlace: 'events.source-country-place',
  denialLink: 'events.denial-of-accusation',
  denialTarget: 'events.denial-target-is-accuser',
} as const;

/** Subordinators of a condition: what follows has not happened ("if", "unless", "in case"). */
export const CONDITION_MARKS = new Set(['if', 'unless', 'whether']);

/** Verbs that call an event off: "the summit was cancelled" reports no summit. */
export const CANCEL_VERBS = new Set(['cancel', 'postpone', 'scrap', 'delay', 'abandon', 'shelve', 'scupper', 'defer']);

/** Verbs whose infinitive complement is only permitted or enabled ("allowed police to arrest", "authorised troops to fire"). */
export const PERMISSION_VERBS = new Set(['allow', 'permit', 'authorize', 'authorise', 'enable', 'empower', 'entitle', 'let']);

/** Verbs that report violence; a nominal attack trigger ("a truck bomb") needs one in its sentence. */
export const VIOLENCE_VERBS = new Set(['explode', 'detonate', 'kill', 'wound', 'injure', 'blast', 'rip', 'tear', 'hit', 'strike', 'destroy', 'damage', 'target', 'go', 'blow', 'claim']);

/** Verbs of saying that are not events themselves (their content may be). */
export const REPORTING_VERBS = new Set(['say', 'add', 'state', 'tell', 'report', 'note', 'explain', 'write', 'describe', 'quote', 'cite', 'speak', 'comment', 'characterize', 'characterise', 'mark']);

/** Words of a relation between parties, whose modifier says its domain ("naval cooperation", "economic ties", "cooperate on trade"). */
export const COOPERATION_NOUNS = new Set(['cooperation', 'cooperate', 'co-operation', 'collaboration', 'tie', 'relation', 'link', 'partnership']);
/** Domain words before a relation noun, and the domain they name. */
export const COOPERATION_DOMAINS: ReadonlyMap<string, CooperationDomain> = new Map([
  ...['military', 'naval', 'navy', 'navies', 'defence', 'defense', 'security', 'army', 'armies'].map((w) => [w, 'military'] as const),
  ...['economic', 'trade', 'business', 'commercial', 'energy', 'financial', 'investment'].map((w) => [w, 'economic'] as const),
  ...['intelligence'].map((w) => [w, 'intelligence'] as const),
  ...['judicial', 'legal', 'police', 'law-enforcement'].map((w) => [w, 'judicial'] as const),
]);
export type CooperationDomain = 'military' | 'economic' | 'intelligence' | 'judicial';
/** CAMEO's material cooperation (06x) and the intent to it (031x) by domain. */
export const COOPERATION_CODES: Readonly<Record<CooperationDomain, { act: string; intent: string }>> = {
  economic: { act: '061', intent: '0311' },
  military: { act: '062', intent: '0312' },
  judicial: { act: '063', intent: '0313' },
  intelligence: { act: '064', intent: '0314' },
};

/** Agent codes of armed actors: military, rebels, militias, insurgents, separatists, police, spies. */
export const ARMED_SECTOR = /(MIL|REB|UAF|INS|SEP|COP|SPY)$/;

/** Words of attack that, said of a politician, are words ("Straw attacked the decision"), never of killing or shooting. */
export const VERBAL_ATTACK_WORDS = new Set(['attack', 'assail', 'hit', 'strike', 'slam', 'blast', 'target', 'savage', 'lash', 'assault']);
/** Verbs whose killing of one political figure is an assassination (CAMEO 186); not "execute", a state's sentence. */
export const TARGETED_KILLING_VERBS = new Set(['kill', 'murder', 'slay']);
/** Actor codes of political figures: government, legislature, judiciary, parties, elites. */
export const POLITICAL_FIGURE = /(GOV|LEG|JUD|PTY|ELI)$/;

export const MODALS: ReadonlyMap<string, 'hypothetical' | 'future' | 'demand'> = new Map([
  ['would', 'hypothetical'], ['could', 'hypothetical'], ['can', 'hypothetical'], ['might', 'hypothetical'], ['may', 'hypothetical'],
  ['will', 'future'], ['shall', 'future'], ["'ll", 'future'], ['must', 'demand'], ['should', 'demand'],
]);

export const INTENT_VERBS = new Set(['plan', 'intend', 'want', 'seek', 'hope', 'aim', 'threaten', 'agree', 'offer', 'promise', 'vow', 'pledge', 'try', 'attempt', 'prepare', 'decide']);

/** Words that introduce an allegation: what follows is a claim ("Washington’s case that…", "accused Iran of…"). */
export const CLAIM_OPENERS = new Set(['case', 'allegation', 'accusation', 'charge', 'claim', 'accuse', 'allege', 'allegedly', 'reportedly', 'purportedly', 'suspect']);

/** Nouns for "the two sides": the article's two main parties. */
export const BOTH_SIDES = new Set(['side', 'country', 'nation', 'government', 'party', 'foe', 'rival', 'neighbour', 'neighbor', 'delegation']);
