/**
 * Clean stage: finds the article body inside scraped text without changing a character of it.
 * The output is an offset map in its simplest form: body paragraphs as spans of the original text, and the
 * removed parts (headline, dateline, credit lines, page furniture) as spans with the rule that removed them.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Credit, Dateline } from '../../model/record.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { CREDIT_LINE, CREDIT_ROLES, CREDIT_TRAILER, DATELINE_RULES, FURNITURE_RULES } from './rules.ts';

export interface Cleaned {
  /** Body paragraphs, in order; the only text later stages analyse. */
  paragraphs: { start: number; end: number }[];
  /** The headline when the text starts with one (plain text) or the input said where it is (HTML). */
  title: { text: string; start: number; end: number } | null;
  dateline: (Dateline & { rule: string; date: string | null }) | null;
  credits: Credit[];
  furniture: { start: number; end: number; rule: string }[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

export const cleanStage: Stage = {
  name: 'clean',
  requires: [],
  assigns: ['clean'],
  run(doc: Doc) {
    doc.clean = cleanText(doc.text, doc.input.titleSpan);
    if (doc.clean.paragraphs.length === 0) doc.messages.push({ level: 'warning', stage: 'clean', text: 'no article text was found after removing the headline, dateline, credits and page furniture' });
  },
};

export function cleanText(text: string, knownTitle: { start: number; end: number } | null = null): Cleaned {
  const blocks = splitBlocks(text);
  const furniture: Cleaned['furniture'] = [];
  const credits: Credit[] = [];
  let title: Cleaned['title'] = null;

  if (knownTitle) {
    title = { text: text.slice(knownTitle.start, knownTitle.end), ...knownTitle };
  } else {
    const first = blocks[0];
    if (first && first.length === 1 && blocks.length > 1 && looksLikeHeadline(first[0]!.text)) title = { ...first[0]! };
  }

  const paragraphs: Cleaned['paragraphs'] = [];
  for (const block of blocks) {
    let current: Line | null = null;
    for (const line of block) {
      if (title && line.start < title.end && line.end > title.start) {
        // A title glued to the first body line: only the title's part of the line goes.
        const rest = text.slice(title.end, line.end);
        const lead = rest.length - rest.trimStart().length;
        if (line.end <= title.end || rest.trim() === '') continue;
        line.start = title.end + lead;
        line.text = text.slice(line.start, line.end);
      }
      const rule = FURNITURE_RULES.find((r) => r.pattern.test(line.text));
      if (rule) {
        furniture.push({ start: line.start, end: line.end, rule: rule.id });
        current = null;
        continue;
      }
      if (CREDIT_LINE.test(line.text)) {
        credits.push(...readCredits(text, line.start, line.end));
        current = null;
        continue;
      }
      // A line break after a sentence end starts a new paragraph; otherwise the text is hard-wrapped.
      if (current && !/[.!?"”’:]$/.test(current.text)) {
        current.end = line.end;
        current.text = text.slice(current.start, current.end);
      } else {
        current = { ...line };
        paragraphs.push(current);
      }
    }
  }

  let dateline: Cleaned['dateline'] = null;
  const firstParagraph = paragraphs[0];
  if (firstParagraph) {
    const head = text.slice(firstParagraph.start, firstParagraph.end);
    for (const rule of DATELINE_RULES) {
      const match = rule.pattern.exec(head);
      const place = match?.groups?.place?.trim();
      if (!match || !place || match[0].length >= head.length) continue;
      const placeStart = firstParagraph.start + head.indexOf(place);
      dateline = {
        place: titleCase(place),
        source: match.groups?.source?.trim() ?? null,
        start: placeStart,
        end: placeStart + place.length,
        rule: rule.id,
        date: match.groups?.date ?? null,
      };
      firstParagraph.start += match[0].length;
      break;
    }
  }

  const last = paragraphs.at(-1);
  if (last) {
    const trailer = CREDIT_TRAILER.exec(text.slice(last.start, last.end));
    if (trailer) {
      const start = last.start + trailer.index;
      credits.push(...readCredits(text, start, last.end));
      last.end = start;
      if (last.end <= last.start) paragraphs.pop();
    }
  }

  return {
    paragraphs: paragraphs.filter((p) => p.end > p.start).map(({ start, end }) => ({ start, end })),
    title,
    dateline,
    credits,
    furniture,
  };
}

/** Blocks separated by blank lines; each block a list of non-empty trimmed lines with their offsets. */
function splitBlocks(text: string): Line[][] {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  const lineRe = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = lineRe.exec(text)) !== null) {
    const raw = match[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      const start = match.index + lead;
      block.push({ start, end: start + trimmed.length, text: trimmed });
    }
    if (match[0] === '' || lineRe.lastIndex >= text.length) break;
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

function looksLikeHeadline(line: string): boolean {
  const words = line.split(/\s+/).length;
  return words <= 25 && line.length <= 200 && (!/[.!?]["”’]?$/.test(line) || line === line.toUpperCase());
}

/** "Mariam Karouny, Mussab Al-Khairalla and Paul Tait in Baghdad and Edmund Blair in Tehran" → four credits. */
function readCredits(text: string, start: number, end: number): Credit[] {
  const credits: Credit[] = [];
  const line = text.slice(start, end);
  // Each role clause: "Reporting by A; Editing by B"
  const clauseRe = /[^;()]+/g;
  let clause: RegExpExecArray | null;
  while ((clause = clauseRe.exec(line)) !== null) {
    const clauseText = clause[0];
    const role = CREDIT_ROLES.find(([re]) => re.test(clauseText.trim()));
    if (!role) continue;
    const lead = clauseText.length - clauseText.trimStart().length;
    const prefix = role[0].exec(clauseText.trim())![0];
    let offset = clause.index + lead + prefix.length;
    const names = clauseText.trim().slice(prefix.length).replace(/\.\s*$/, '');
    const pending: Credit[] = [];
    for (const part of names.split(/(,\s*|\s+and\s+|\s*&\s*)/)) {
      const partStart = offset;
      offset += part.length;
      if (/^(,\s*|\s+and\s+|\s*&\s*)$/.test(part) || part.trim() === '') continue;
      const located = /^(.*?)\s+in\s+(.+)$/.exec(part);
      const name = (located ? located[1]! : part).trim();
      if (!name) continue;
      const nameStart = start + partStart + part.indexOf(name);
      pending.push({ name, role: role[1], start: nameStart, end: nameStart + name.length });
      if (located) {
        // "A, B and C in Baghdad": the place belongs to every name since the last place.
        for (const credit of pending) credits.push({ ...credit, place: located[2]!.trim() });
        pending.length = 0;
      }
    }
    credits.push(...pending);
  }
  return credits;
}

function titleCase(place: string): string {
  if (place !== place.toUpperCase()) return place;
  return place.toLowerCase().replace(/(^|[\s\-'’.(])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}
