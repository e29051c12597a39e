/**
 * Finds the text between quotation marks, paragraph by paragraph: curly “…”, straight "…", ''…'' and «…».
 * Wire style lets a quote run on: a paragraph that opens a quote and does not close it continues in the next
 * paragraph that opens with a mark. Each paragraph's share is its own part; `runsOn`/`continues` chain them.
 */

export interface QuotedPart {
  /** The opening mark, and the closing mark (null when the paragraph ends first). */
  open: Mark;
  close: Mark | null;
  /** The content, without the marks and the white space inside them. */
  start: number;
  end: number;
  /** Index into the paragraph list given to the scanner. */
  paragraph: number;
  /** Unclosed at the end of its paragraph, and the next paragraph opens with a mark. */
  runsOn: boolean;
  /** Continues the unclosed quote of the previous paragraph. */
  continues: boolean;
}

export interface Mark {
  start: number;
  end: number;
}

/** What a mark can do: “ « `` only open, ” » only close, " and '' (two apostrophes, as some wires write) either. */
type MarkKind = 'open' | 'close' | 'either';

function markAt(text: string, k: number): { kind: MarkKind; end: number } | null {
  const c = text[k];
  if (c === '“' || c === '«') return { kind: 'open', end: k + 1 };
  if (c === '”' || c === '»') return { kind: 'close', end: k + 1 };
  if (c === '"') return { kind: 'either', end: k + 1 };
  if (c === "'" && text[k + 1] === "'") return { kind: 'either', end: k + 2 };
  if (c === '`' && text[k + 1] === '`') return { kind: 'open', end: k + 2 };
  return null;
}

export function scanQuotes(text: string, paragraphs: readonly { start: number; end: number }[]): QuotedPart[] {
  const parts: QuotedPart[] = [];
  let pendingRunOn = false;
  for (const [paragraph, span] of paragraphs.entries()) {
    const first = opensAt(text, span.start, span.start);
    const continues = pendingRunOn && first !== null;
    pendingRunOn = false;
    let open: Mark | null = null;
    for (let k = span.start; k < span.end; k++) {
      const mark = markAt(text, k);
      if (!mark) continue;
      if (open === null) {
        const opener = opensAt(text, k, span.start);
        if (opener) open = opener;
        k = (opener?.end ?? mark.end) - 1;
        continue;
      }
      if (mark.kind === 'close' || (mark.kind === 'either' && k > open.end)) {
        pushPart(parts, text, { open, close: { start: k, end: mark.end }, paragraph, continues: continues && open.start === span.start });
        open = null;
      } else if (mark.kind === 'open') {
        // A second opener before any closer: the first mark was stray.
        open = { start: k, end: mark.end };
      }
      k = mark.end - 1;
    }
    if (open !== null) {
      const nextSpan = paragraphs[paragraph + 1];
      const runsOn = nextSpan !== undefined && opensAt(text, nextSpan.start, nextSpan.start) !== null;
      pushPart(parts, text, { open, close: null, paragraph, continues: continues && open.start === span.start, runsOn, end: span.end });
      pendingRunOn = runsOn;
    }
  }
  return parts;
}

function pushPart(
  parts: QuotedPart[],
  text: string,
  at: { open: Mark; close: Mark | null; paragraph: number; continues: boolean; runsOn?: boolean; end?: number },
): void {
  let start = at.open.end;
  let end = at.close?.start ?? at.end!;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end <= start) return;
  parts.push({ open: at.open, close: at.close, start, end, paragraph: at.paragraph, runsOn: at.runsOn ?? false, continues: at.continues });
}

/**
 * The mark at `k` when it opens a quote: “ « `` always; " '' and a misused ” when they stand before a word,
 * after a space, a bracket, a dash or the paragraph start.
 */
function opensAt(text: string, k: number, paragraphStart: number): Mark | null {
  const mark = markAt(text, k);
  if (!mark || (mark.kind === 'close' && text[k] !== '”')) return null;
  if (mark.kind === 'open') return { start: k, end: mark.end };
  const before = k === paragraphStart ? ' ' : text[k - 1]!;
  const after = text[mark.end] ?? ' ';
  return /[\s([{\u2014\u2013:-]/.test(before) && /[^\s.,;:!?]/.test(after) ? { start: k, end: mark.end } : null;
}
