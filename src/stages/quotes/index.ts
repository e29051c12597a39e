/**
 * Quotes stage: who said what. Direct quotes between marks (also run-on across paragraphs and split by their cue),
 * quoted fragments inside sentences, and indirect speech ("Maliki said Iraq would not …"), each with its cue verb,
 * the speaker's words near the quote and the entity they stand for.
 *
 * A quote split by its cue ("“A,” he said. “B”") and a quote that runs across paragraphs give one record per
 * part, so that each record's `text` is exactly its `start`–`end` slice with no quotation mark of its own inside.
 * The parts share cue and speaker: the second part of a split quote cites `quotes.direct.split`; every part of a
 * run-on quote cites `quotes.direct.run-on`, and the parts without the cue also `quotes.speaker.run-on`.
 * Reported speech interrupted by its attribution ("The ceasefire, the minister said, is holding") is one record
 * whose content spans the whole sentence, attribution included (`quotes.indirect.parenthetical`).
 * A quote whose speaker cannot be found (no cue, no earlier quote to carry over from) gives no record.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Segmented } from '../../model/analysis.ts';
import type { Quote } from '../../model/record.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { attributeDirect, type DirectCandidate, type ParagraphTokens } from './directAttribution.ts';
import { scanQuotes, type QuotedPart } from './directQuoteScanner.ts';
import { findIndirect, type IndirectCandidate } from './indirectSpeech.ts';
import type { QuoteRuleId } from './rules.ts';
import { speakerResolver, type EarlierSpeaker, type Speaker } from './speakerResolver.ts';
import type { TokenRange } from './speakerPhrase.ts';

/** A quote found but not yet attributed; `paragraph` is the paragraph number of its start. */
interface Draft {
  direct: boolean;
  fragment: boolean;
  start: number;
  end: number;
  paragraph: number;
  cue: (TokenRange & { lemma: string }) | null;
  speakerPhrase: TokenRange | null;
  inherits: 'split' | 'run-on' | null;
  chain: number | null;
  rules: QuoteRuleId[];
  speaker: Speaker | null;
}

/** How many paragraphs back a quote without a cue may take its speaker from. */
const CARRY_OVER_PARAGRAPHS = 2;

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['tokens', 'entities', 'actors'],
  assigns: ['quotes'],
  run(doc: Doc) {
    doc.quotes = findQuotes(doc);
  },
};

/**
 * @example findQuotes(doc)
 *   // “…,” Crocker said. → { direct: true, text: '…,', cue: { lemma: 'say', … }, speaker: { name: 'Ryan Crocker', … } }
 */
export function findQuotes(doc: Doc): Quote[] {
  const paragraphs = paragraphTokens(doc);
  const parts = scanQuotes(doc.text, paragraphs);
  const quoted = quotedTokens(doc, parts);
  const drafts = [
    ...attributeDirect(doc, parts, paragraphs).map((c) => fromDirect(c, paragraphs)),
    ...findIndirect(doc, quoted).map((c) => fromIndirect(doc, c)),
  ].sort((a, b) => a.start - b.start);

  const resolve = speakerResolver({ doc, isQuoted: (offset) => quoted[doc.tokenCovering(offset)] === 1 });
  const earlier: EarlierSpeaker[] = [];
  let previous: Draft | null = null;
  for (const draft of drafts) {
    if (draft.speakerPhrase) {
      const { speaker, rule } = resolve(draft.speakerPhrase, earlier);
      draft.speaker = speaker;
      draft.rules.push(rule);
    } else if (draft.inherits === 'split' && previous?.speaker) {
      inherit(draft, previous, previous.speaker);
    } else if (!draft.inherits && draft.direct && !draft.fragment && previous?.speaker && draft.paragraph - previous.paragraph <= CARRY_OVER_PARAGRAPHS) {
      // A quote with no cue of its own, usually a paragraph of its own, goes on in the previous speaker's voice.
      const { start: _start, end: _end, ...carried } = previous.speaker;
      draft.speaker = carried;
      draft.rules.push('quotes.speaker.carried-over');
    }
    if (draft.speaker) earlier.push({ speaker: draft.speaker, paragraph: draft.paragraph });
    previous = draft;
  }
  for (const draft of drafts) {
    if (draft.inherits !== 'run-on' || draft.speaker) continue;
    const source = drafts.find((d) => d.chain === draft.chain && d.speaker && d.inherits !== 'run-on');
    if (source?.speaker) inherit(draft, source, source.speaker, 'quotes.speaker.run-on');
  }

  const kept = drafts.filter((d) => d.speaker !== null);
  const quotes = kept.map((d, k) => toQuote(doc, d, k));
  // Parts of one quote point back at the part before them.
  kept.forEach((d, k) => {
    if (!d.inherits && d.chain === null) return;
    for (let j = k - 1; j >= 0; j--) {
      const before = kept[j]!;
      if (d.inherits === 'split' || (d.chain !== null && before.chain === d.chain)) {
        quotes[k]!.continues = quotes[j]!.id;
        return;
      }
    }
  });
  return quotes;
}

function inherit(draft: Draft, from: Draft, speaker: Speaker, rule?: QuoteRuleId): void {
  draft.speaker = speaker;
  draft.cue = from.cue;
  if (rule) draft.rules.push(rule);
}

function fromDirect(c: DirectCandidate, paragraphs: readonly ParagraphTokens[]): Draft {
  const cue = c.cue ? { first: c.cue.first, end: c.cue.end, lemma: c.cue.verb.particle ? `${c.cue.verb.lemma} ${c.cue.verb.particle}` : c.cue.verb.lemma } : null;
  return {
    direct: true,
    fragment: c.fragment,
    start: c.part.start,
    end: c.part.end,
    paragraph: paragraphs[c.part.paragraph]!.number,
    cue,
    speakerPhrase: c.speaker,
    inherits: c.inherits,
    chain: c.chain,
    rules: [...c.rules],
    speaker: null,
  };
}

function fromIndirect(seg: Segmented, c: IndirectCandidate): Draft {
  const start = seg.tokens[c.content.first]!.start;
  return {
    direct: false,
    fragment: false,
    start,
    end: seg.tokens[c.content.end - 1]!.end,
    paragraph: seg.sentences[c.sentence]!.paragraph,
    cue: c.cue,
    speakerPhrase: c.speaker,
    inherits: null,
    chain: null,
    rules: [...c.rules],
    speaker: null,
  };
}

function toQuote(doc: Doc, d: Draft, k: number): Quote {
  const { tokens, text } = doc;
  const cue = d.cue
    ? { text: text.slice(tokens[d.cue.first]!.start, tokens[d.cue.end - 1]!.end), lemma: d.cue.lemma, start: tokens[d.cue.first]!.start, end: tokens[d.cue.end - 1]!.end }
    : null;
  return {
    id: `q${k + 1}`,
    direct: d.direct,
    start: d.start,
    end: d.end,
    text: text.slice(d.start, d.end),
    fragment: d.fragment,
    cue,
    speaker: d.speaker!,
    sentence: tokens[doc.tokenCovering(d.start)]?.sentence ?? -1,
    rules: d.rules,
  };
}

/** Paragraphs as the segment stage saw them: spans and token ranges, in order. */
function paragraphTokens(seg: Segmented): ParagraphTokens[] {
  const paragraphs: ParagraphTokens[] = [];
  for (const s of seg.sentences) {
    const last = paragraphs.at(-1);
    if (last && last.number === s.paragraph) {
      last.end = s.end;
      last.endToken = s.endToken;
    } else {
      paragraphs.push({ number: s.paragraph, start: s.start, end: s.end, firstToken: s.firstToken, endToken: s.endToken });
    }
  }
  return paragraphs;
}

/** 1 for every token between (and including) a part's marks. */
function quotedTokens(doc: Doc, parts: readonly QuotedPart[]): Uint8Array {
  const quoted = new Uint8Array(doc.tokens.length);
  for (const part of parts) {
    const first = doc.tokenCovering(part.open.start);
    const end = doc.tokenAtOrAfter(part.close?.end ?? part.end);
    quoted.fill(1, first, end);
  }
  return quoted;
}
