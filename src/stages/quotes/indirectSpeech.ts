/**
 * Reported speech without quotation marks: "Maliki said (that) <clause>", "<clause>, he added",
 * "…, saying <clause>", "<clause>, according to police". The content is the reported clause.
 */
import type { Segmented, SentenceInfo, Token } from '../../model/analysis.ts';
import { cueAt, type CueMatch } from './cueVerbs.ts';
import type { QuoteRuleId } from './rules.ts';
import { participleSubject, phraseStartingAt, subjectBefore, subjectFloor, type TokenRange } from './speakerPhrase.ts';
import { isPunctuation } from './tokenKinds.ts';

export interface IndirectCandidate {
  /** Content as a token range [first, end). */
  content: TokenRange;
  cue: TokenRange & { lemma: string };
  speaker: TokenRange;
  sentence: number;
  rules: QuoteRuleId[];
}

/** Words that open a subordinate remark rather than continue the reported clause: ", although …", ", an apparent reference …". */
const CLAUSE_BREAKERS = new Set(['although', 'though', 'whereas', 'while', 'which', 'a', 'an', 'according']);
/** Words that cannot open a reported clause ("what it says are …", "said to be"). */
const NOT_CLAUSE_OPENERS = new Set(['what', 'which', 'who', 'whom', 'whose', 'to', 'so', 'nothing', 'something', 'anything']);
/** A hearer given as a pronoun: "informed them the flights were cancelled". */
const OBJECT_PRONOUNS = new Set(['them', 'him', 'her', 'us', 'me', 'you']);
const MIN_CONTENT_TOKENS = 3;
const MAX_SOURCE_TOKENS = 10;
/** Words in an aside between "that" and its clause: "that, if elected, he would". */
const MAX_ASIDE = 8;
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'where']);
const OPENING_MARK = /^[“"]$/;
const CLOSING_MARK = /^[”"]$/;
const WH_WORDS = new Set(['what', 'how', 'whatever', 'why']);

/** `quoted[i]` is true for tokens inside quotation marks (marks included). */
export function findIndirect(seg: Segmented, quoted: Uint8Array): IndirectCandidate[] {
  const found: IndirectCandidate[] = [];
  let paragraphStart = 0;
  for (const sentence of seg.sentences) {
    if (sentence.index === 0 || seg.sentences[sentence.index - 1]!.paragraph !== sentence.paragraph) paragraphStart = sentence.firstToken;
    let coveredUntil = sentence.firstToken;
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      if (i < coveredUntil || quoted[i]) continue;
      const candidate = accordingTo(seg.tokens, sentence, i) ?? reportedClause(seg.tokens, sentence, paragraphStart, i, quoted);
      if (!candidate || overlapsQuoted(candidate.content, quoted, seg.tokens)) continue;
      found.push(candidate);
      // Cues inside a reported clause belong to it: "He said he had told the Iranians they must end …".
      coveredUntil = Math.max(candidate.content.end, candidate.cue.end);
    }
  }
  return found;
}

function reportedClause(tokens: readonly Token[], sentence: SentenceInfo, paragraphStart: number, i: number, quoted: Uint8Array): IndirectCandidate | null {
  const cue = cueAt(tokens, i);
  if (!cue || !cue.verb.uses.has('indirect') || tokens[i]!.negated) return null;
  const last = lastContentToken(tokens, sentence);
  return cueAfter(tokens, sentence, cue, last) ?? cueBefore(tokens, sentence, paragraphStart, cue, last, quoted);
}

/**
 * "<clause>, he added." · "<clause>, said Smith." · "<clause>, officials told Reuters on Monday."
 * Mid-sentence ("The ceasefire, the minister said, is holding in most areas"): the content is the whole sentence,
 * with the attribution inside it, so that it stays one slice of the text.
 */
function cueAfter(tokens: readonly Token[], sentence: SentenceInfo, cue: CueMatch, last: number): IndirectCandidate | null {
  // Only verbs that can close a quote close a clause: "…, he added", not "…, a charge Iran denies" or "…, adding fuel to the row".
  if (!cue.verb.uses.has('direct') || /ing$/.test(tokens[cue.first]!.normal)) return null;
  let tail = cue.end;
  for (; tail <= last; tail++) {
    const t = tokens[tail]!;
    if (isPunctuation(t)) break;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.normal === 'that') return null;
  }
  let speaker: TokenRange | null;
  let comma: number;
  if (tokens[cue.first - 1]?.text === ',') {
    // "…, said Smith": the speaker stands right after the verb ("…, said of the plan" has none).
    speaker = tokens[cue.end]?.pos === 'ADP' ? null : phraseStartingAt(tokens, cue.end, last + 1);
    comma = cue.first - 1;
  } else {
    speaker = subjectBefore(tokens, cue.first, sentence.firstToken);
    comma = speaker ? speaker.first - 1 : -1;
  }
  if (!speaker || tokens[comma]?.text !== ',' || comma < sentence.firstToken) return null;
  const interrupts = tokens[tail]?.text === ',' && continuesClause(tokens, tail + 1, last);
  const end = interrupts ? clauseFrom(tokens, tail + 1, last, sentence.endToken).end : comma;
  const content = trimClause(tokens, sentence.firstToken, end);
  if (!content || !isClause(tokens, content)) return null;
  const rule = interrupts ? 'quotes.indirect.parenthetical' : 'quotes.indirect.cue-after';
  return { content, cue: cueRange(cue), speaker, sentence: sentence.index, rules: [rule] };
}

/** "Maliki said Iraq would not be …" · "He said he had told the Iranians they must …" · "…, saying Tehran would …" */
function cueBefore(tokens: readonly Token[], sentence: SentenceInfo, paragraphStart: number, cue: CueMatch, last: number, quoted: Uint8Array): IndirectCandidate | null {
  const participle = /ing$/.test(tokens[cue.first]!.normal);
  const floor = subjectFloor(tokens, cue.first, sentence.firstToken, paragraphStart);
  const speaker = participle ? participleSubject(tokens, cue.first, floor) : subjectBefore(tokens, cue.first, floor);
  // "what the minister said the plan would do": a clause about speech, not a report of it.
  if (!speaker || quoted[speaker.first] || WH_WORDS.has(tokens[speaker.first - 1]?.normal ?? '')) return null;
  let k = cue.end;
  if (cue.verb.uses.has('listener')) {
    // The shortest hearer after which a clause starts: "told reporters | five people had been arrested".
    const hearer = OBJECT_PRONOUNS.has(tokens[k]?.normal ?? '') ? { first: k, end: k + 1 } : phraseStartingAt(tokens, k, last + 1);
    for (let e = (hearer?.first ?? k) + 1; hearer && e <= hearer.end && e <= last; e++) {
      if (!startsClause(tokens, e, last)) continue;
      k = e;
      break;
    }
  }
  k = skipToThat(tokens, k, last);
  // "said that, if elected, he would …": the clause starts after the aside.
  if (tokens[k]?.text === ',' && tokens[k - 1]?.normal === 'that') {
    const close = nextComma(tokens, k + 1, Math.min(last, k + MAX_ASIDE));
    if (close < 0 || !startsClause(tokens, close + 1, last)) return null;
    k++;
  } else {
    // A clause may open with a quoted phrase: "said that “a bomb” had gone off in New York".
    const opensWithQuote = k < last && OPENING_MARK.test(tokens[k]!.text);
    if (k > last || !startsClause(tokens, opensWithQuote ? k + 1 : k, last)) return null;
  }
  const content = clauseFrom(tokens, k, last, sentence.endToken);
  if (!isClause(tokens, content)) return null;
  return { content, cue: cueRange(cue), speaker, sentence: sentence.index, rules: [participle ? 'quotes.indirect.participle' : 'quotes.indirect.cue-before'] };
}

/** "<clause>, according to police." · "According to the ministry, <clause>." */
function accordingTo(tokens: readonly Token[], sentence: SentenceInfo, i: number): IndirectCandidate | null {
  if (tokens[i]!.normal !== 'according' || tokens[i + 1]?.normal !== 'to') return null;
  const last = lastContentToken(tokens, sentence);
  const cue = { first: i, end: i + 2, lemma: 'according to' };
  const speaker = sourceAfter(tokens, i + 2, last);
  if (!speaker) return null;
  if (i === sentence.firstToken) {
    if (tokens[speaker.end]?.text !== ',') return null;
    const content = clauseFrom(tokens, speaker.end + 1, last, sentence.endToken);
    return isClause(tokens, content) ? { content, cue, speaker, sentence: sentence.index, rules: ['quotes.indirect.according-to'] } : null;
  }
  if (tokens[i - 1]?.text !== ',') return null;
  const content = trimClause(tokens, sentence.firstToken, i - 1);
  if (!content || !isClause(tokens, content)) return null;
  return { content, cue, speaker, sentence: sentence.index, rules: ['quotes.indirect.according-to'] };
}

/** The source named after "according to", up to the next punctuation; wink tags some of them verbs ("police"). */
function sourceAfter(tokens: readonly Token[], from: number, last: number): TokenRange | null {
  let end = from;
  while (end <= last && end - from < MAX_SOURCE_TOKENS && !isPunctuation(tokens[end]!)) end++;
  return end > from && (end > last || isPunctuation(tokens[end]!)) ? { first: from, end } : null;
}

function nextComma(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from; k <= to; k++) if (tokens[k]!.text === ',') return k;
  return -1;
}

/**
 * After "<part>, he said," the sentence goes on with the rest of the reported clause ("are acts of patriotism"),
 * not with an appositive ("said Omar Khalil, the provincial governor"), a relative clause or a participle cue
 * that reports a clause of its own (", adding that …").
 */
function continuesClause(tokens: readonly Token[], from: number, last: number): boolean {
  const first = tokens[from];
  if (!first || from > last || first.pos === 'DET' || RELATIVES.has(first.normal) || cueAt(tokens, from) || /^["“'‘]+$/.test(first.text)) return false;
  for (let k = from; k <= last; k++) if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return true;
  return false;
}

/** "said on Monday that …", "said in a statement that …": skip a short adjunct when "that" follows it. */
function skipToThat(tokens: readonly Token[], from: number, last: number): number {
  for (let k = from; k <= last && k - from < 8; k++) {
    const t = tokens[k]!;
    if (t.normal === 'that') return k + 1;
    if (t.pos === 'VERB' || t.pos === 'AUX') break;
  }
  return from;
}

/** The reported clause from `first` to the sentence end, or to a comma that opens a remark of the writer's own. */
function clauseFrom(tokens: readonly Token[], first: number, last: number, sentenceEnd: number): TokenRange {
  let hasVerb = false;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') hasVerb = true;
    const next = tokens[k + 1];
    if (hasVerb && (t.text === ',' || t.text === ';') && next && CLAUSE_BREAKERS.has(next.normal)) return { first, end: k };
    if (hasVerb && t.text === ';') return { first, end: k };
  }
  return keepClosingMark(tokens, { first, end: last + 1 }, sentenceEnd);
}

function trimClause(tokens: readonly Token[], first: number, end: number): TokenRange | null {
  let f = first;
  let e = end;
  // A leading quotation mark stays when its quote closes inside: "“We were misled” about the cost of the war …"
  while (f < e && isPunctuation(tokens[f]!) && !(OPENING_MARK.test(tokens[f]!.text) && closesBefore(tokens, f + 1, e))) f++;
  while (e > f && isPunctuation(tokens[e - 1]!)) e--;
  return e > f ? keepClosingMark(tokens, { first: f, end: e }, end) : null;
}

function closesBefore(tokens: readonly Token[], from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (CLOSING_MARK.test(tokens[k]!.text)) return true;
  return false;
}

/** A clause that ends inside a quoted phrase keeps the phrase's closing mark: "represents the “same … change.”" */
function keepClosingMark(tokens: readonly Token[], range: TokenRange, limit: number): TokenRange {
  let open = false;
  for (let k = range.first; k < range.end; k++) {
    const t = tokens[k]!.text;
    if (t === '“') open = true;
    else if (t === '”') open = false;
    else if (t === '"') open = !open;
  }
  if (!open) return range;
  for (let k = range.end; k < limit; k++) if (CLOSING_MARK.test(tokens[k]!.text)) return { first: range.first, end: k + 1 };
  return range;
}

/** A reported clause has a few words and a finite verb ("He said nothing." has neither, "Heading into the talks" no finite verb). */
function isClause(tokens: readonly Token[], range: TokenRange): boolean {
  let words = 0;
  for (let k = range.first; k < range.end; k++) if (!isPunctuation(tokens[k]!)) words++;
  return words >= MIN_CONTENT_TOKENS && hasFiniteVerb(tokens, range.first, range.end);
}

/**
 * An auxiliary or a verb not in -ing. Infinitives count: wink tags some finite verbs as nouns, and
 * "the ministry plans to raise …" is a clause all the same.
 */
function hasFiniteVerb(tokens: readonly Token[], first: number, end: number): boolean {
  for (let k = first; k < end; k++) {
    const t = tokens[k]!;
    if (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.normal))) return true;
  }
  return false;
}

/** A reported clause opens with its subject and then its verb: "Iraq would …", "he had told …", "the bombs have …". */
function startsClause(tokens: readonly Token[], k: number, last: number): boolean {
  const token = tokens[k]!;
  if (NOT_CLAUSE_OPENERS.has(token.normal)) return false;
  if (token.normal === 'there') return true;
  const subject = phraseStartingAt(tokens, k, last + 1);
  if (!subject || subject.first !== k) return false;
  let v = subject.end;
  while (v <= last && (tokens[v]!.pos === 'ADV' || CLOSING_MARK.test(tokens[v]!.text))) v++;
  return v <= last && (tokens[v]!.pos === 'VERB' || tokens[v]!.pos === 'AUX');
}

/** The last token before the sentence's closing punctuation and marks. */
function lastContentToken(tokens: readonly Token[], sentence: SentenceInfo): number {
  let k = sentence.endToken - 1;
  while (k > sentence.firstToken && isPunctuation(tokens[k]!)) k--;
  return k;
}

/** The reported clause is only a direct quote with a word or two around it ("it was “inadequate …”"). */
function overlapsQuoted(range: TokenRange, quoted: Uint8Array, tokens: readonly Token[]): boolean {
  let outside = 0;
  for (let k = range.first; k < range.end; k++) if (!quoted[k] && !isPunctuation(tokens[k]!)) outside++;
  return outside < MIN_CONTENT_TOKENS;
}

function cueRange(cue: CueMatch): TokenRange & { lemma: string } {
  return { first: cue.first, end: cue.end, lemma: cue.verb.particle ? `${cue.verb.lemma} ${cue.verb.particle}` : cue.verb.lemma };
}
