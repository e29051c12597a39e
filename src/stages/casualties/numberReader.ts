/**
 * Reads one quantity at a token: digits ("24", "1,200", "1.5 million"), number words ("two dozen",
 * "twenty-four", "a hundred"), vague quantities ("scores of", "dozens") and the bound before them
 * ("at least 12", "more than 50", "up to 30", "nearly 100").
 */
import type { Token } from '../../model/analysis.ts';
import { QUANTITY_MODIFIERS, VAGUE_QUANTITIES, type QuantityModifier } from './rules.ts';

export interface Quantity {
  value: number;
  min?: number;
  max?: number;
  approximate: boolean;
  /** Tokens of the whole quantity, including a trailing "of" ("scores of"). */
  firstToken: number;
  endToken: number;
  /** The count's words: the bound and the number ("at least 24", "scores"). */
  start: number;
  end: number;
  /** Ids of the quantity rules that read it. */
  rules: string[];
}

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const MULTIPLIERS: Record<string, number> = { dozen: 12, hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 };

let starterWords: Set<string> | null = null;

/** Words a quantity can start with, besides digits: a cheap test before the full reading. */
function starters(): Set<string> {
  starterWords ??= new Set([
    ...[...QUANTITY_MODIFIERS, ...VAGUE_QUANTITIES].flatMap((entry) => entry.words.map((w) => w.split(' ')[0]!)),
    ...Object.keys(UNITS),
    ...Object.keys(TENS),
    'a',
    'an',
  ]);
  return starterWords;
}

const DIGITS = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const DECIMAL = /^\d+\.\d+$/;

/** The quantity that starts at token `i`, or null. Tokens at or after `end` are not read. */
export function readQuantity(tokens: readonly Token[], i: number, end: number): Quantity | null {
  const first = tokens[i];
  if (!first || i >= end || !(/^\d/.test(first.text) || starters().has(first.normal))) return null;
  const modifier = matchWords(QUANTITY_MODIFIERS, tokens, i, end);
  const at = modifier ? modifier.end : i;
  const core = readVague(tokens, at, end) ?? readNumber(tokens, at, end);
  if (!core) return null;
  const last = tokens[core.textEnd - 1]!;
  const quantity: Quantity = {
    value: core.value,
    approximate: core.approximate,
    firstToken: i,
    endToken: core.end,
    start: first.start,
    end: last.end,
    rules: [...(modifier ? [modifier.entry.id] : []), core.rule],
  };
  if (core.min !== undefined) quantity.min = core.min;
  if (modifier) applyBound(quantity, modifier.entry);
  return quantity;
}

function applyBound(q: Quantity, modifier: QuantityModifier): void {
  switch (modifier.bound) {
    case 'min':
      q.min = q.value;
      break;
    case 'above':
      q.value += 1;
      q.min = q.value;
      break;
    case 'max':
      delete q.min;
      q.max = q.value;
      q.approximate = true;
      break;
    case 'below':
      delete q.min;
      q.value = Math.max(0, q.value - 1);
      q.max = q.value;
      q.approximate = true;
      break;
    case 'about':
      q.approximate = true;
      break;
  }
}

interface Core {
  value: number;
  min?: number;
  approximate: boolean;
  /** Token after the core, past a trailing "of". */
  end: number;
  /** Token after the count's own words. */
  textEnd: number;
  rule: string;
}

function readVague(tokens: readonly Token[], i: number, end: number): Core | null {
  const match = matchWords(VAGUE_QUANTITIES, tokens, i, end);
  if (!match) return null;
  const hasOf = tokens[match.end]?.normal === 'of' && match.end < end;
  if (match.entry.needsOf && !hasOf) return null;
  const core: Core = {
    value: match.entry.value,
    approximate: match.entry.approximate,
    end: hasOf ? match.end + 1 : match.end,
    textEnd: match.end,
    rule: match.entry.id,
  };
  if (match.entry.atLeast) core.min = match.entry.value;
  return core;
}

/** "24", "1,200", "1.5 million", "two dozen", "twenty-four", "a hundred", "three hundred and five". */
function readNumber(tokens: readonly Token[], i: number, end: number): Core | null {
  const first = tokens[i];
  if (!first || i >= end) return null;
  const digits = DIGITS.test(first.text) || DECIMAL.test(first.text);
  let total = 0;
  let current = 0;
  let prev: 'digits' | 'unit' | 'tens' | 'multiplier' | null = null;
  let k = i;
  if (digits) {
    current = Number(first.text.replace(/,/g, ''));
    prev = 'digits';
    k++;
  } else if ((first.normal === 'a' || first.normal === 'an') && MULTIPLIERS[tokens[i + 1]?.normal ?? ''] !== undefined) {
    current = 1;
    prev = 'digits';
    k++;
  }
  for (; k < end; k++) {
    const token = tokens[k]!;
    const unit = UNITS[token.normal];
    const tens = TENS[token.normal];
    const multiplier = MULTIPLIERS[token.normal];
    if (unit !== undefined && (prev === null || prev === 'multiplier' || (prev === 'tens' && unit < 10))) {
      current += unit;
      prev = 'unit';
    } else if (tens !== undefined && (prev === null || prev === 'multiplier')) {
      current += tens;
      prev = 'tens';
    } else if (multiplier !== undefined && prev !== null) {
      if (multiplier >= 1000) {
        total += current * multiplier;
        current = 0;
      } else current *= multiplier;
      prev = 'multiplier';
    } else if (token.normal === '-' && prev === 'tens' && !token.spaceBefore && UNITS[tokens[k + 1]?.normal ?? ''] !== undefined) {
      continue; // "twenty-four"
    } else if (token.normal === 'and' && prev === 'multiplier' && isNumberWord(tokens[k + 1])) {
      continue; // "one hundred and five"
    } else break;
  }
  if (prev === null) return null;
  // "1.5" alone is a measure, not a count of people; "1.5 million" is a count.
  if (!Number.isInteger(current) && prev !== 'multiplier' && total === 0) return null;
  const value = Math.round(total + current);
  if (!Number.isSafeInteger(value)) return null;
  return { value, approximate: false, end: k, textEnd: k, rule: digits ? 'casualties.qty.digits' : 'casualties.qty.words' };
}

function isNumberWord(token: Token | undefined): boolean {
  return token !== undefined && (UNITS[token.normal] !== undefined || TENS[token.normal] !== undefined);
}

interface WordsEntry {
  id: string;
  words: readonly string[];
}

/** Table phrases split into words and keyed by their first word, built once per table. */
const phraseIndexes = new WeakMap<readonly WordsEntry[], Map<string, { entry: WordsEntry; words: string[] }[]>>();

function phraseIndex(table: readonly WordsEntry[]): Map<string, { entry: WordsEntry; words: string[] }[]> {
  let index = phraseIndexes.get(table);
  if (!index) {
    index = new Map();
    for (const entry of table) {
      for (const phrase of entry.words) {
        const words = phrase.split(' ');
        const list = index.get(words[0]!) ?? [];
        list.push({ entry, words });
        index.set(words[0]!, list);
      }
    }
    phraseIndexes.set(table, index);
  }
  return index;
}

function matchWords<T extends WordsEntry>(table: readonly T[], tokens: readonly Token[], i: number, end: number): { entry: T; end: number } | null {
  const first = tokens[i];
  if (!first || i >= end) return null;
  let best: { entry: T; end: number } | null = null;
  for (const { entry, words } of phraseIndex(table).get(first.normal) ?? []) {
    if (i + words.length > end || !words.every((w, k) => tokens[i + k]!.normal === w)) continue;
    if (!best || i + words.length > best.end) best = { entry: entry as T, end: i + words.length };
  }
  return best;
}
