/**
 * Turns a sentence's tokens into chunks with one-letter tags (legend in rules.ts), the text the count
 * rules run on: "a truck bomb exploded ..., killing 24 people and wounding 68 others" → "DN_..,GQNCGQN".
 */
import type { SentenceInfo, Token } from '../../model/analysis.ts';
import { casualtyLexicons, type CasualtyKind, type CasualtyLexicons, type Trigger } from './lexicons.ts';
import { readQuantity, type Quantity } from './numberReader.ts';
import { BODY_TRIGGER_ID, BOTH_RULE_ID, DEATH_TRIGGER_ID, KIND_MODIFIERS, PERSON_QUANTITIES } from './rules.ts';

export interface Chunk {
  tag: string;
  firstToken: number;
  endToken: number;
  /** The people a Q, S, M or R chunk counts. */
  quantity?: Quantity;
  /** S and R chunks that point back to someone already named ("the victim", "he"). */
  anaphoric?: boolean;
  trigger?: Trigger;
  kind?: CasualtyKind;
  /** Trigger and modifier ids. */
  rules?: string[];
  /** A capitalised run that is a person's name if a casualty word governs it. */
  maybeName?: boolean;
}

export interface ChunkedSentence {
  sentence: SentenceInfo;
  chunks: Chunk[];
  tags: string;
}

/** What the chunker needs to know about the article beyond its tokens. */
export interface ChunkContext {
  tokens: readonly Token[];
  /** Token i is part of a time expression (the Doc's one definition). */
  isTime(i: number): boolean;
  /** Token i is inside a place mention. */
  isPlace(i: number): boolean;
  /** Person-entity mentions: first token → end token. */
  personMentions: ReadonlyMap<number, number>;
  /** Tokens inside other entity mentions (organisations, places, groups): never a person's name. */
  entityTokens: ReadonlySet<number>;
}

const SINGLE_DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'this', 'that', 'another', 'our', 'my', 'your']);
/** "the victim", "his wife": a person the story has most likely counted already. */
const ANAPHORIC_DETERMINERS = new Set(['the', 'this', 'that', 'his', 'her', 'their', 'its', 'our', 'my', 'your']);
/** Person nouns that name a group, not one person: "a family of five" is not one victim. */
const GROUP_NOUNS = new Set(['family', 'crew', 'staff', 'police', 'security', 'troop', 'other', 'people', 'personnel']);
const MODALS = new Set(['will', 'would', 'could', 'might', 'may', 'can', 'should', 'must', 'shall', 'to', "'ll", 'wo', 'ca']);
const RELATIVES = new Set(['who', 'which', 'whom']);
/** "were reported killed", "was pronounced dead", "are believed to have died". */
const REPORT_FILLERS = new Set(['report', 'believe', 'fear', 'confirm', 'think', 'say', 'know', 'presume', 'declare', 'pronounce']);
const REPORT_FILLER_FORMS = new Set(['reported', 'believed', 'feared', 'confirmed', 'thought', 'said', 'known', 'presumed', 'declared', 'pronounced']);
const BE_LIKE = new Set(['be', 'remain', 'get']);
const SUFFER = new Set(['suffer', 'sustain', 'receive', 'incur']);
/** Verbs whose object is followed by what became of it: "left 24 dead", "took 40 people hostage", "forced 5,000 from their homes". */
const OBJECT_COMPLEMENT_VERBS = new Set(['leave', 'find', 'take', 'hold', 'force', 'keep']);
const CLAUSE_BREAKS = new Set([';', ':', '(', ')', '—', '–', '--', '[', ']']);
/** Words that open a subordinate clause: "A man died Friday | after he was shot". ("since" stays: "killed since 2003".) */
const SUBORDINATORS = new Set(['after', 'before', 'when', 'while', 'because', 'although', 'though', 'whereas', 'until', 'unless', 'if']);
/** Words that make a capitalised run an organisation or place rather than a person. */
const NOT_NAME_WORDS = new Set([
  'police', 'department', 'county', 'city', 'state', 'office', 'hospital', 'university', 'school', 'church', 'mosque', 'center',
  'centre', 'street', 'avenue', 'road', 'news', 'army', 'ministry', 'council', 'company', 'party', 'front', 'brigade', 'force',
  'forces', 'guard', 'court', 'house', 'senate', 'congress', 'park', 'airport', 'station', 'bank', 'group', 'club', 'agency',
  'service', 'bureau', 'sheriff', 'patrol', 'square', 'market', 'bridge', 'river', 'lake', 'highway', 'reuters', 'associated',
  'press', 'hotel', 'motel', 'restaurant', 'store', 'mall', 'bar', 'apartments', 'plaza', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday', 'god', 'allah', 'jesus',
]);

export function chunkSentence(sentence: SentenceInfo, context: ChunkContext): ChunkedSentence {
  const lex = casualtyLexicons();
  const { tokens } = context;
  const end = sentence.endToken;
  const chunks: Chunk[] = [];
  let i = sentence.firstToken;
  while (i < end) {
    const chunk = readChunk(i, end, context, lex, chunks.at(-1)?.tag ?? '');
    chunks.push(chunk);
    i = chunk.endToken;
  }
  promoteNames(chunks, tokens);
  return { sentence, chunks, tags: chunks.map((c) => c.tag).join('') };
}

function readChunk(i: number, end: number, context: ChunkContext, lex: CasualtyLexicons, previousTag: string): Chunk {
  const { tokens } = context;
  const token = tokens[i]!;

  const age = ageAt(tokens, i, end);
  if (age > i) return { tag: 'N', firstToken: i, endToken: age };

  if (token.normal === 'nobody' || token.normal === 'none' || (token.normal === 'no' && tokens[i + 1]?.normal === 'one')) {
    return { tag: '0', firstToken: i, endToken: token.normal === 'no' ? i + 2 : i + 1 };
  }

  const mentionEnd = context.personMentions.get(i);
  if (mentionEnd !== undefined && mentionEnd <= end) return personChunk('M', i, mentionEnd, tokens, PERSON_QUANTITIES.named.id);

  const single = singlePersonAt(tokens, i, end, lex) ?? oneDeathAt(tokens, i, end, lex);
  if (single) return single;

  if (!context.isTime(i)) {
    const quantity = readQuantity(tokens, i, end);
    if (quantity && isCountOfPeople(quantity, tokens, i, end, lex)) {
      // "Both were taken to the hospital": people already counted.
      const anaphoric = quantity.rules.includes(BOTH_RULE_ID);
      return anaphoric ? { tag: 'Q', firstToken: i, endToken: quantity.endToken, quantity, anaphoric } : { tag: 'Q', firstToken: i, endToken: quantity.endToken, quantity };
    }
  }

  const trigger = triggerChunk(tokens, i, end, lex);
  if (trigger) return trigger;

  if (context.isTime(i)) return oneToken('_', i);

  const name = context.entityTokens.has(i) ? i : nameRunAt(tokens, i, end, context, lex);
  if (name > i) return { tag: 'N', firstToken: i, endToken: name, maybeName: true };

  const lemma = token.lemma;
  const normal = token.normal;
  if ((normal === 'he' || normal === 'she' || normal === 'him') && token.pos === 'PRON') return personChunk('R', i, i + 1, tokens, PERSON_QUANTITIES.pronoun.id, true);
  if (normal === 'her') {
    const next = tokens[i + 1];
    if (i + 1 < end && next && /^(NOUN|ADJ|PROPN|NUM)$/.test(next.pos)) return oneToken('D', i);
    return personChunk('R', i, i + 1, tokens, PERSON_QUANTITIES.pronoun.id, true);
  }
  if (normal === 'as' && tokens[i + 1]?.normal === 'well' && tokens[i + 2]?.normal === 'as' && i + 3 <= end) return { tag: 'C', firstToken: i, endToken: i + 3 };
  if (normal === 'and' || normal === 'plus') return oneToken('C', i);
  if (normal === ',') return oneToken(',', i);
  if (normal === 'of') return oneToken('O', i);
  if (normal === 'with') return oneToken('W', i);
  if (normal === 'by') return oneToken('K', i);
  if (normal === 'including' || normal === 'among') return oneToken('Y', i);
  if (RELATIVES.has(normal) || (normal === 'that' && token.pos === 'PRON')) return oneToken('w', i);
  if (/^[.!?]+$/.test(normal)) return oneToken('.', i);
  if (CLAUSE_BREAKS.has(normal) || (normal === '-' && token.spaceBefore)) return oneToken('|', i);
  if (SUBORDINATORS.has(normal)) return oneToken('s', i);
  if ((BE_LIKE.has(lemma) && (token.pos === 'AUX' || token.pos === 'VERB')) || normal === 'being' || normal === 'been') return oneToken('B', i);
  if (lemma === 'have' && (token.pos === 'AUX' || token.pos === 'VERB')) return oneToken('H', i);
  if (OBJECT_COMPLEMENT_VERBS.has(lemma) && token.pos === 'VERB') return oneToken('L', i);
  if (SUFFER.has(lemma) && token.pos === 'VERB') return oneToken('U', i);
  if (token.pos === 'ADV') return oneToken('A', i);
  if (REPORT_FILLER_FORMS.has(normal) && (previousTag === 'B' || previousTag === 'A')) return oneToken('A', i);
  if (token.pos === 'ADP' || token.pos === 'PART') return oneToken(normal === 'to' && (previousTag === 'A' || previousTag === 'B') ? 'A' : 'P', i);
  if (token.pos === 'DET' || (token.pos === 'PRON' && /^(his|their|its|our|my|your)$/.test(normal))) return oneToken('D', i);
  if (/^(NOUN|ADJ|PROPN|NUM)$/.test(token.pos)) return oneToken('N', i);
  return oneToken('_', i);
}

function oneToken(tag: string, i: number): Chunk {
  return { tag, firstToken: i, endToken: i + 1 };
}

function personChunk(tag: string, first: number, endToken: number, tokens: readonly Token[], rule: string, anaphoric = false): Chunk {
  const quantity: Quantity = {
    value: 1,
    approximate: false,
    firstToken: first,
    endToken,
    start: tokens[first]!.start,
    end: tokens[endToken - 1]!.end,
    rules: [rule],
  };
  return anaphoric ? { tag, firstToken: first, endToken, quantity, anaphoric } : { tag, firstToken: first, endToken, quantity };
}

/** "24-year-old", "5-month-old", "aged 24", "24 years old", and the ", 42," after a name: ages, not counts. */
function ageAt(tokens: readonly Token[], i: number, end: number): number {
  const token = tokens[i]!;
  if (token.normal === 'aged' && isNumberToken(tokens[i + 1]) && i + 2 <= end) return i + 2;
  if (!isNumberToken(token)) return i;
  const next = tokens[i + 1];
  const unit = tokens[i + 2];
  if (next?.normal === '-' && !next.spaceBefore && unit && /^(year|month|week|day)s?$/.test(unit.normal) && tokens[i + 3]?.normal === '-' && tokens[i + 4]?.normal === 'old') {
    return Math.min(i + 5, end);
  }
  if (next && /^(year|month)s?$/.test(next.normal) && tokens[i + 2]?.normal === 'old') return Math.min(i + 3, end);
  // "Dunnigan, 42, died": a number between commas after a name or a person noun.
  const before = tokens[i - 1];
  const name = tokens[i - 2];
  const after = tokens[i + 1];
  if (before?.normal === ',' && name && (name.pos === 'PROPN' || name.pos === 'NOUN') && (!after || /^(,|\.|and|;)$/.test(after.normal)) && /^\d{1,3}$/.test(token.text)) {
    return i + 1;
  }
  return i;
}

function isNumberToken(token: Token | undefined): boolean {
  return token !== undefined && (token.pos === 'NUM' || /^\d+$/.test(token.text));
}

/** "a man", "the victim", "his wife", "a 24-year-old man", "a 5-year-old Latina", "the teen's neighbor": one person. */
function singlePersonAt(tokens: readonly Token[], i: number, end: number, lex: CasualtyLexicons): Chunk | null {
  const det = tokens[i]!;
  if (!SINGLE_DETERMINERS.has(det.normal)) return headlinePersonAt(tokens, i, end, lex);
  let aged = false;
  let possessive = false;
  let k = i + 1;
  for (let words = 0; k < end && words < 8; words++) {
    const age = ageAt(tokens, k, end);
    if (age > k) {
      aged = true;
      k = age;
      continue;
    }
    const token = tokens[k]!;
    if (!/^(ADJ|NOUN|PROPN|ADV)$/.test(token.pos)) return null;
    const next = tokens[k + 1];
    const person = lex.victims.has(token.lemma) && !GROUP_NOUNS.has(token.lemma);
    if (person && (next?.normal === "'s" || next?.normal === "'") && k + 2 < end) {
      // "a man's body" counts the man; "the teen's unarmed neighbor" counts the neighbor.
      if (/^bod(y|ies)$/.test(tokens[k + 2]!.normal)) return personChunk('S', i, k + 1, tokens, PERSON_QUANTITIES.person.id, ANAPHORIC_DETERMINERS.has(det.normal));
      possessive = true;
      k += 2;
      continue;
    }
    const nextIsNoun = k + 1 < end && next !== undefined && /^(NOUN|PROPN)$/.test(next.pos);
    if ((person || (aged && /^(NOUN|PROPN)$/.test(token.pos))) && !nextIsNoun) {
      if (isPlural(token)) return null;
      return personChunk('S', i, k + 1, tokens, PERSON_QUANTITIES.person.id, possessive || ANAPHORIC_DETERMINERS.has(det.normal));
    }
    k++;
  }
  return null;
}

/** "a shooting death", "a homicide": one person killed. */
function oneDeathAt(tokens: readonly Token[], i: number, end: number, lex: CasualtyLexicons): Chunk | null {
  if (tokens[i]!.normal !== 'a' && tokens[i]!.normal !== 'an') return null;
  for (let k = i + 1; k < end && k <= i + 3; k++) {
    const match = lex.triggers.matchAll(tokens, k, end).find((m) => m.entry.class === 'noun');
    if (match) {
      const next = tokens[match.end];
      const compound = match.end < end && next !== undefined && next.pos === 'NOUN'; // "a death threat"
      if (match.entry.kind !== 'killed' || match.entry.id === BODY_TRIGGER_ID || tokens[k]!.normal.endsWith('s') || compound) return null;
      // "a shooting death", not "a normal death" or "a death in custody": a plain death needs a violent word before it.
      if (match.entry.id === DEATH_TRIGGER_ID && !hasViolentModifier(tokens, i + 1, k, lex)) return null;
      // The chunk stops before the noun, so that "a shooting death" reads Q X; the count's words run to the noun.
      const quantity: Quantity = { value: 1, approximate: false, firstToken: i, endToken: k, start: tokens[i]!.start, end: tokens[match.end - 1]!.end, rules: [PERSON_QUANTITIES.death.id] };
      return { tag: 'Q', firstToken: i, endToken: k, quantity };
    }
    if (!/^(ADJ|NOUN|VERB)$/.test(tokens[k]!.pos)) return null;
  }
  return null;
}

function hasViolentModifier(tokens: readonly Token[], first: number, end: number, lex: CasualtyLexicons): boolean {
  for (let k = first; k < end; k++) if (lex.incidents.match(tokens, k, end) || lex.triggers.match(tokens, k, end)) return true;
  return false;
}

/** Headline style, without a determiner: "Man shot, killed on Detroit's west side", "Bond Hill mother dies", "Man, 29, fatally shot". */
function headlinePersonAt(tokens: readonly Token[], i: number, end: number, lex: CasualtyLexicons): Chunk | null {
  const token = tokens[i]!;
  if (!lex.victims.has(token.lemma) || GROUP_NOUNS.has(token.lemma) || isPlural(token) || token.normal.endsWith('s')) return null;
  let k = i - 1;
  while (k >= 0 && tokens[k]!.sentence === token.sentence && /^(PROPN|ADJ)$/.test(tokens[k]!.pos) && /^\p{Lu}/u.test(tokens[k]!.text)) k--;
  const before = tokens[k];
  const opensHeadline = !before || before.sentence !== token.sentence || before.pos === 'ADP' || before.pos === 'SCONJ';
  if (!opensHeadline) return null;
  let next = i + 1;
  if (tokens[next]?.normal === ',' && ageAt(tokens, next + 1, end) > next + 1 && tokens[next + 2]?.normal === ',') next += 3;
  while (next < end && tokens[next]!.pos === 'ADV') next++;
  if (!lex.triggers.match(tokens, next, end)) return null;
  return personChunk('S', i, i + 1, tokens, PERSON_QUANTITIES.person.id);
}

/** "men", "soldiers", "children": wink lemmatises a plural noun to its singular. */
function isPlural(token: Token): boolean {
  return token.normal !== token.lemma && !token.normal.endsWith("'s");
}

/** A quantity that counts people: not "24 hours", "3 goals", "Route 66", "$2,500", "24-hour", "in 2003". */
function isCountOfPeople(q: Quantity, tokens: readonly Token[], i: number, end: number, lex: CasualtyLexicons): boolean {
  const before = tokens[i - 1];
  if (before && before.sentence === tokens[i]!.sentence && (lex.prefixes.has(before.lemma) || /^[$#£€¥]$/.test(before.text))) return false;
  const next = q.endToken < end ? tokens[q.endToken] : undefined;
  if (next && (/^(%|percent|per|a\.m\.|p\.m\.|am|pm|:)$/.test(next.normal) || (next.normal === '-' && !next.spaceBefore))) return false;
  const head = headNoun(tokens, q.endToken, end);
  if (head && lex.units.has(head.lemma)) return false;
  const first = tokens[q.firstToken]!;
  const isYear = q.rules.includes('casualties.qty.digits') && /^\d{4}$/.test(first.text) && q.value >= 1800 && q.value <= 2100;
  if (isYear && !(head && lex.victims.has(head.lemma))) return false;
  return true;
}

/** The last noun of the noun phrase that starts at `k` ("24 [young Iraqi civilians]"). */
export function headNoun(tokens: readonly Token[], k: number, end: number): Token | null {
  // "one of its sacred cows": the head of the of-phrase.
  if (tokens[k]?.normal === 'of' && k < end) {
    k++;
    while (k < end && (tokens[k]!.pos === 'DET' || /^(his|her|their|its|our|my|your)$/.test(tokens[k]!.normal))) k++;
  }
  let head: Token | null = null;
  for (let n = 0; k < end && n < 5; k++, n++) {
    const token = tokens[k]!;
    if (token.pos === 'NOUN' || token.pos === 'PROPN') head = token;
    else if (head || (token.pos !== 'ADJ' && !(token.normal === '-' && !token.spaceBefore))) break; // "civilians [last month]"
  }
  return head;
}

function triggerChunk(tokens: readonly Token[], i: number, end: number, lex: CasualtyLexicons): Chunk | null {
  const matches = lex.triggers.matchAll(tokens, i, end);
  if (matches.length === 0) return null;
  const longest = matches[0]!.end;
  const isNoun = tokens[i]!.pos === 'NOUN';
  const match = matches.filter((m) => m.end === longest).find((m) => (m.entry.class === 'noun') === isNoun) ?? matches[0]!;
  const { entry } = match;
  const chunk: Chunk = { tag: '_', firstToken: i, endToken: match.end, trigger: entry, kind: entry.kind, rules: [entry.id] };
  for (let k = i; k < match.end; k++) if (tokens[k]!.negated) return chunk;
  if (entry.id === BODY_TRIGGER_ID && !isDeadBody(tokens, i, end)) return chunk;
  // "one of the dead", "the wounded were taken to hospital": people named by what happened to them, not a count.
  if ((entry.class === 'state' || entry.class === 'verb') && tokens[i - 1]?.normal === 'the') return chunk;
  const hypothetical = isHypothetical(tokens, i);
  switch (entry.class) {
    case 'not':
      if (!afterCountedPeople(tokens, i, match.end, end)) return chunk;
      return triggerChunk(tokens, i, i + 1, lex);
    case 'verb':
      if (hypothetical || (match.headForm === 0 && !afterPluralSubject(tokens, i))) return chunk;
      chunk.tag = (['Z', 'Z', 'V', 'G'] as const)[match.headForm] ?? 'V';
      break;
    case 'intrans':
      if (hypothetical) return chunk;
      chunk.tag = 'I';
      break;
    case 'state':
      chunk.tag = 'J';
      break;
    case 'noun':
      chunk.tag = entry.kind === 'wounded' ? 'E' : 'X';
      break;
    case 'toll':
      chunk.tag = 'T';
      break;
  }
  const modifier = KIND_MODIFIERS.find((m) => m.words.includes(tokens[i - 1]?.normal ?? ''));
  if (modifier && entry.kind === 'wounded' && entry.class === 'verb') {
    chunk.kind = modifier.kind;
    chunk.rules!.push(modifier.id);
  }
  return chunk;
}

/** Words after "bodies" that show they are dead people: "24 bodies were found", not "public bodies". */
const BODY_FOUND = new Set(['found', 'recovered', 'discovered', 'pulled', 'dumped', 'lying', 'identified', 'retrieved', 'washed']);

/** "a man's body", "the bodies of 24 people", "24 bodies were found": a body is a dead person only so. */
function isDeadBody(tokens: readonly Token[], i: number, end: number): boolean {
  if (tokens[i - 1]?.normal === "'s") return true;
  if (tokens[i + 1]?.normal === 'of') {
    const lex = casualtyLexicons();
    for (let k = i + 2; k < end && k <= i + 5; k++) if (tokens[k]!.pos === 'NUM' || lex.victims.has(tokens[k]!.lemma)) return true;
    return false;
  }
  for (let k = i + 1; k < end && k <= i + 3; k++) if (BODY_FOUND.has(tokens[k]!.normal)) return true;
  return false;
}

/**
 * "Someone shot at police" fired at people; "3 shot at W Hotel" and "was shot at a party" hit them:
 * after a count, a person or "was", the longer phrase gives way unless nothing or "by" follows it.
 */
function afterCountedPeople(tokens: readonly Token[], i: number, phraseEnd: number, end: number): boolean {
  const previous = tokens[i - 1];
  const next = phraseEnd < end ? tokens[phraseEnd] : undefined;
  if (!previous || previous.sentence !== tokens[i]!.sentence || !next || next.pos === 'PUNCT' || next.normal === 'by') return false;
  return previous.lemma === 'be' || previous.pos === 'NUM' || (previous.pos === 'NOUN' && casualtyLexicons().victims.has(previous.lemma));
}

/** "Bombs kill 24": a base form reports something only after a plural subject (not "to kill", "go ahead and kill"). */
function afterPluralSubject(tokens: readonly Token[], i: number): boolean {
  const subject = tokens[i - 1];
  return subject !== undefined && subject.sentence === tokens[i]!.sentence && (subject.pos === 'NOUN' || subject.pos === 'PROPN') && subject.normal.endsWith('s');
}

/** Adverbs that say it nearly happened: "nearly killed", "possibly killing". */
const HEDGES = new Set(['nearly', 'almost', 'possibly', 'narrowly', 'potentially']);

/** "to kill", "could have killed", "will be killed", "nearly killed": not something that happened; "believed to be shot" did. */
function isHypothetical(tokens: readonly Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  if (HEDGES.has(tokens[i - 1]?.normal ?? '')) return true;
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const token = tokens[k]!;
    if (token.sentence !== sentence || token.pos === 'PUNCT') return false;
    if (token.normal === 'to' && REPORT_FILLERS.has(tokens[k - 1]?.lemma ?? '')) return false;
    if (MODALS.has(token.normal) && (token.pos === 'AUX' || token.pos === 'PART' || token.normal === 'to')) return true;
    if (token.pos !== 'AUX' && token.pos !== 'ADV') return false;
  }
  return false;
}

/** A capitalised proper-noun run that may be a person's name ("Lelangel Holmes"); `promoteNames` decides. */
function nameRunAt(tokens: readonly Token[], i: number, end: number, context: ChunkContext, lex: CasualtyLexicons): number {
  let k = i;
  while (k < end && k - i < 4) {
    const token = tokens[k]!;
    if (token.pos !== 'PROPN' || !/^\p{Lu}/u.test(token.text) || context.isPlace(k) || context.isTime(k)) break;
    if (NOT_NAME_WORDS.has(token.normal) || lex.victims.has(token.lemma) || lex.perpetrators.has(token.lemma) || lex.units.has(token.lemma)) return i;
    k++;
  }
  if (k === i) return i;
  const next = tokens[k];
  if (k < end && next && /^(NOUN|PROPN|ADJ)$/.test(next.pos)) return i;
  // One capitalised word ending in -s is a plural ("Iraqis", "Americans") unless an age follows it.
  if (k - i === 1 && tokens[i]!.normal.endsWith('s') && !(next?.normal === ',' && isNumberToken(tokens[k + 1]))) return i;
  return k;
}

/** A name run counts one person when it is the subject or object of a casualty word ("Holmes, 36, was found shot"). */
function promoteNames(chunks: Chunk[], tokens: readonly Token[]): void {
  chunks.forEach((chunk, n) => {
    if (!chunk.maybeName) return;
    let k = n + 1;
    if (chunks[k]?.tag === ',' && chunks[k + 1]?.tag === 'N' && chunks[k + 2]?.tag === ',') k += 3; // ", 36,"
    while (chunks[k] && 'ABHL'.includes(chunks[k]!.tag)) k++;
    const after = chunks[k]?.tag ?? '';
    const before = chunks[n - 1]?.tag ?? '';
    if ((after !== '' && 'VJIU'.includes(after)) || (before !== '' && 'VGZ'.includes(before))) {
      Object.assign(chunk, personChunk('M', chunk.firstToken, chunk.endToken, tokens, PERSON_QUANTITIES.named.id));
    }
  });
}
