/**
 * Attaches a cue verb and a speaker phrase to each quoted part, and sorts out what is no quote at all
 * (scare quotes, titles). Speakers are token ranges here; speakerResolver.ts turns them into people.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Token } from '../../model/analysis.ts';
import { cueAt, type CueMatch } from './cueVerbs.ts';
import type { QuotedPart } from './directQuoteScanner.ts';
import type { QuoteRuleId } from './rules.ts';
import { participleSubject, phraseStartingAt, subjectBefore, subjectFloor, type TokenRange } from './speakerPhrase.ts';
import { isPunctuation, isQuoteMark } from './tokenKinds.ts';

export interface ParagraphTokens {
  /** The paragraph number the segment stage gave it. */
  number: number;
  start: number;
  end: number;
  firstToken: number;
  endToken: number;
}

export interface DirectCandidate {
  part: QuotedPart;
  fragment: boolean;
  cue: CueMatch | null;
  speaker: TokenRange | null;
  /** Where the speaker must come from when the part has no cue of its own. */
  inherits: 'split' | 'run-on' | null;
  /** Parts of one quote that runs across paragraphs share a chain number. */
  chain: number;
  rules: QuoteRuleId[];
}

interface Attribution {
  /** Null for a bare dash attribution (“…” ― Name). */
  cue: CueMatch | null;
  speaker: TokenRange;
  /** First token after the attribution clause. */
  clauseEnd: number;
  rule: QuoteRuleId;
}

const LOWER_START = /^[a-z]/;
const MAX_APPOSITIVES = 30;
/** Words allowed between a cue and the next part of its quote: "he said of the plan." */
const MAX_CLAUSE_TAIL = 14;
const DASH = /^(?:[\u2015\u2014\u2013]|--?)$/;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'to', 'for', 'at', 'by', 'with', 'from']);

export function attributeDirect(doc: Doc, parts: readonly QuotedPart[], paragraphs: readonly ParagraphTokens[]): DirectCandidate[] {
  const { tokens } = doc;
  const candidates: DirectCandidate[] = [];
  let chain = 0;
  let previous: { candidate: DirectCandidate; attribution: Attribution | null } | null = null;
  for (const part of parts) {
    if (!part.continues) chain++;
    const paragraph = paragraphs[part.paragraph]!;
    const openToken = doc.tokenCovering(part.open.start);
    const contentFirst = doc.tokenAtOrAfter(part.start);
    const contentEnd = doc.tokenAtOrAfter(part.end);
    const fragment = isFragment(doc.text, tokens, part, openToken);
    const after = part.close === null ? null : cueAfter(doc.text, tokens, part, doc.tokenAtOrAfter(part.close.end), paragraph);
    const before = after || fragment ? null : cueBefore(tokens, openToken, part.paragraph, paragraphs);
    const governing = after || before || !fragment ? null : governingCue(doc, openToken);
    const attribution = after ?? before ?? governing;
    const content = tokens.slice(contentFirst, contentEnd);
    const adjacent = (after ?? before) !== null;
    const rejection = rejectAsQuote(content, fragment, adjacent);
    const splitFrom =
      !attribution && !fragment && previous?.attribution && previous.candidate.part.paragraph === part.paragraph && previous.attribution.rule === 'quotes.cue.after'
        ? followsClause(tokens, previous.attribution.clauseEnd, openToken)
        : false;
    const candidate: DirectCandidate = {
      part,
      fragment,
      cue: attribution?.cue ?? null,
      speaker: attribution?.speaker ?? null,
      inherits: splitFrom ? 'split' : null,
      chain,
      rules: [fragment ? 'quotes.fragment' : splitFrom ? 'quotes.direct.split' : 'quotes.direct.marks', ...(attribution ? [attribution.rule] : [])],
    };
    previous = { candidate, attribution };
    if (rejection) continue;
    candidates.push(candidate);
  }
  markRunOns(candidates);
  return candidates;
}

/** Parts of a chain with more than one part are run-on quotes; the parts without a cue take the chain's speaker. */
function markRunOns(candidates: DirectCandidate[]): void {
  const sizes = new Map<number, number>();
  for (const c of candidates) sizes.set(c.chain, (sizes.get(c.chain) ?? 0) + 1);
  for (const c of candidates) {
    if ((sizes.get(c.chain) ?? 0) < 2) continue;
    c.rules[0] = 'quotes.direct.run-on';
    if (!c.speaker) c.inherits = 'run-on';
  }
}

/**
 * A fragment is quoted inside a sentence: it starts lower-case, or words other than a cue or a colon/comma
 * stand right before its opening mark ("calling the meeting “a first step …”").
 */
function isFragment(text: string, tokens: readonly Token[], part: QuotedPart, openToken: number): boolean {
  if (LOWER_START.test(text.slice(part.start, part.start + 1))) return true;
  const prev = tokens[openToken - 1];
  if (!prev || prev.sentence !== tokens[openToken]?.sentence) return false;
  // After a colon, a comma, a dash or another quote's closing mark the quote stands on its own.
  if (/^[:,\u2014\u2013-]$/.test(prev.text) || isQuoteMark(prev)) return false;
  return cueAt(tokens, openToken - 1) === null;
}

/** “…,” Crocker said · “…,” said Crocker · “…”, he added · “…,” Ryan Crocker, the ambassador, said. */
function cueAfter(text: string, tokens: readonly Token[], part: QuotedPart, afterClose: number, paragraph: ParagraphTokens): Attribution | null {
  let k = afterClose;
  if (tokens[k]?.text === ',') k++;
  if (k >= paragraph.endToken) return null;
  const limit = paragraph.endToken;
  let found: { cue: CueMatch; speaker: TokenRange; clauseEnd: number } | null = null;
  if (DASH.test(tokens[k]!.text)) return dashAttribution(tokens, k, limit);
  const first = cueAt(tokens, k);
  if (first?.verb.uses.has('direct') && !isParticiple(tokens[k]!)) {
    const speaker = phraseStartingAt(tokens, first.end, limit);
    if (speaker) found = { cue: first, speaker, clauseEnd: speaker.end };
  }
  if (!found) {
    const speaker = phraseStartingAt(tokens, k, limit);
    if (!speaker) return dashAttribution(tokens, k, limit);
    let m = skipAuxiliaries(tokens, skipBrackets(tokens, speaker.end, limit), limit);
    // Appositives: "Ryan Crocker, the U.S. ambassador, said" · "Ali Hassan, the governor of Basra, one of the provinces hit by the floods, said"
    if (tokens[m]?.text === ',') m = cueAfterAppositives(tokens, m, limit);
    const cue = cueAt(tokens, m);
    if (!cue?.verb.uses.has('direct')) return null;
    found = { cue, speaker, clauseEnd: cue.end };
  }
  // “… policy.” Kazemi-Qomi said Iran also saw … — after a full stop, the clause must end the sentence.
  const closedByStop = /[.]$/.test(text.slice(part.start, part.end));
  if (closedByStop && !clauseEndsSentence(tokens, found.clauseEnd, limit)) return null;
  return { ...found, rule: 'quotes.cue.after' };
}

/** Crocker said: “…” · He told reporters, “…” · The ministry said in a statement: “…” · (paragraph ending) Crocker said: */
function cueBefore(tokens: readonly Token[], openToken: number, paragraphIndex: number, paragraphs: readonly ParagraphTokens[]): Attribution | null {
  const paragraph = paragraphs[paragraphIndex]!;
  let floor = paragraph.firstToken;
  let k = openToken - 1;
  let rule: QuoteRuleId = 'quotes.cue.before';
  if (k < floor) {
    const prev = paragraphs[paragraphIndex - 1];
    if (!prev || tokens[prev.endToken - 1]?.text !== ':') return null;
    floor = prev.firstToken;
    k = prev.endToken - 2;
    rule = 'quotes.cue.previous-paragraph';
  } else if (/^[:,]$/.test(tokens[k]!.text)) {
    k--;
  }
  // Skip a hearer or an adjunct between the verb and the mark: "told reporters", "said in a statement".
  for (let j = k; j >= floor && k - j < 7; j--) {
    const cue = cueAt(tokens, j);
    if (cue) {
      if (!cue.verb.uses.has('direct')) return null;
      const sentenceStart = subjectFloor(tokens, cue.first, sentenceFloor(tokens, cue.first, floor), paragraph.firstToken);
      const speaker = isParticiple(tokens[cue.first]!) ? participleSubject(tokens, cue.first, sentenceStart) : subjectBefore(tokens, cue.first, sentenceStart);
      return speaker ? { cue, speaker, clauseEnd: openToken, rule } : null;
    }
    const t = tokens[j]!;
    if (!(t.pos === 'ADP' || t.pos === 'DET' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'ADJ' || t.pos === 'NUM')) return null;
  }
  return null;
}

/** For a fragment: the nearest cue verb before it in its sentence, and that verb's subject. */
function governingCue(doc: Doc, openToken: number): Attribution | null {
  const { tokens } = doc;
  const sentence = doc.sentences[tokens[openToken]!.sentence];
  if (!sentence) return null;
  for (let j = openToken - 1; j >= sentence.firstToken; j--) {
    const cue = cueAt(tokens, j);
    if (!cue) continue;
    const speaker = isParticiple(tokens[j]!)
      ? participleSubject(tokens, j, sentence.firstToken)
      : subjectBefore(tokens, j, sentence.firstToken);
    return speaker ? { cue, speaker, clauseEnd: openToken, rule: 'quotes.cue.governing-verb' } : null;
  }
  return null;
}

/**
 * Scare quotes and titles are marks around words nobody is reported to have said: one or two words
 * ("positive", the so-called "reform"), a short verbless phrase inside a sentence, a short Title Case name.
 */
function rejectAsQuote(content: readonly Token[], fragment: boolean, adjacentCue: boolean): QuoteRuleId | null {
  const words = content.filter((t) => !isPunctuation(t));
  if (words.length <= 2 && !(adjacentCue && !fragment)) return 'quotes.skip.scare-quote';
  if (adjacentCue && !fragment) return null;
  if (fragment && words.length <= 4 && !words.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return 'quotes.skip.scare-quote';
  if (words.length <= 8 && words.every((t) => SMALL_WORDS.has(t.normal) || /^[A-Z0-9]/.test(t.text))) return 'quotes.skip.title';
  return null;
}

/**
 * “A,” he said. “B” · “A,” he said of the plan. “B” · “A,” he told state television’s “Evening News.” “B”:
 * the second part opens right after the attribution of the first.
 */
function followsClause(tokens: readonly Token[], clauseEnd: number, openToken: number): boolean {
  if (openToken - clauseEnd > MAX_CLAUSE_TAIL) return false;
  for (let k = clauseEnd; k < openToken; k++) {
    const t = tokens[k]!;
    if (t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return true;
}

function isParticiple(token: Token): boolean {
  return /ing$/.test(token.normal);
}

/** After "Crocker said", only an adjunct may follow before the sentence ends ("on Monday", "told reporters"). */
function clauseEndsSentence(tokens: readonly Token[], from: number, limit: number): boolean {
  for (let k = from; k < limit; k++) {
    const t = tokens[k]!;
    if (isPunctuation(t)) return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.normal === 'that') return false;
  }
  return true;
}

/** The verb after the comma that ends a run of appositives, or -1: ", the U.S. ambassador, said". */
function cueAfterAppositives(tokens: readonly Token[], comma: number, limit: number): number {
  for (let j = comma + 1; j < Math.min(limit, comma + MAX_APPOSITIVES); j++) {
    const t = tokens[j]!;
    // A full stop ends the sentence, unless it ends an abbreviation before a comma ("Jane Roe, R-Ky., said").
    if ((/^[.!?;]$/.test(t.text) && tokens[j + 1]?.text !== ',') || isQuoteMark(t)) return -1;
    if (t.text !== ',') continue;
    const verb = skipAuxiliaries(tokens, j + 1, limit);
    if (cueAt(tokens, verb)) return verb;
  }
  return -1;
}

/** “…” ― Maria Lopez · ''…'' -- John Smith: a dash and a name close the paragraph or the sentence. */
function dashAttribution(tokens: readonly Token[], k: number, limit: number): Attribution | null {
  let m = k;
  while (m < limit && DASH.test(tokens[m]!.text)) m++;
  if (m === k) return null;
  const speaker = phraseStartingAt(tokens, m, limit);
  if (!speaker) return null;
  // The name ends the sentence, or the line: "― Maria Lopez\n“We lost everything …”"
  const next = tokens[skipBrackets(tokens, speaker.end, limit)];
  if (speaker.end < limit && next && !/^[.,;]$/.test(next.text) && next.pos !== 'SPACE' && !isQuoteMark(next)) return null;
  return { cue: null, speaker, clauseEnd: speaker.end, rule: 'quotes.cue.dash' };
}

/** Past a bracketed aside after a name: "Rep. Jane Smith (D-Ohio) said". */
function skipBrackets(tokens: readonly Token[], from: number, limit: number): number {
  if (tokens[from]?.text !== '(') return from;
  for (let j = from + 1; j < Math.min(limit, from + 10); j++) if (tokens[j]!.text === ')') return j + 1;
  return from;
}

function skipAuxiliaries(tokens: readonly Token[], from: number, limit: number): number {
  let k = from;
  while (k < limit && k - from < 3 && (tokens[k]!.pos === 'AUX' || tokens[k]!.pos === 'ADV')) k++;
  return k;
}

/** The first token of the sentence holding `i`, but not before `floor`. */
function sentenceFloor(tokens: readonly Token[], i: number, floor: number): number {
  let k = i;
  while (k - 1 >= floor && tokens[k - 1]!.sentence === tokens[i]!.sentence) k--;
  return k;
}
