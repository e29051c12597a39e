/** Dateline's own event patterns (data/lexicon/event-patterns.tsv): trigger + context → CAMEO code. */
import type { Token } from '../../model/analysis.ts';
import { dataPath, readTsv } from '../../lexicon/tables.ts';

export interface EventPattern {
  id: string;
  triggers: Set<string>;
  pos: 'verb' | 'noun';
  /** Alternatives for the word right before the trigger. */
  before: Set<string> | null;
  /** Sets of alternatives that must follow, in order. */
  after: Set<string>[];
  /** Words that must not follow. */
  notAfter: Set<string> | null;
  code: string;
  example: string;
}

let patterns: EventPattern[] | null = null;

export function eventPatterns(): EventPattern[] {
  if (patterns) return patterns;
  patterns = readTsv(dataPath('lexicon', 'event-patterns.tsv'), 7).map(([id, trigger, pos, before, after, code, example]) => {
    const negative = after!.startsWith('!');
    const afterSpec = negative ? '-' : after!;
    return {
      id: id!,
      triggers: new Set(trigger!.split('|')),
      pos: pos === 'noun' ? 'noun' : 'verb',
      before: before === '-' ? null : new Set(before!.split('|')),
      // "to stop|halt" → [[to], [stop, halt]]: each space-separated step is a set of alternatives
      after: afterSpec === '-' ? [] : afterSpec.split(' ').map((alt) => new Set(alt.split('|'))),
      notAfter: negative ? new Set(after!.slice(1).split('|')) : null,
      code: code!,
      example: example!,
    } satisfies EventPattern;
  });
  // Most specific first: a pattern that needs context words wins over the bare verb ("urge … talks" before "urge").
  const specificity = (p: EventPattern) => (p.before ? 1 : 0) + p.after.length;
  patterns.sort((a, b) => specificity(b) - specificity(a));
  return patterns;
}

const WINDOW = 8;

/**
 * The first pattern (most context words first, then table order) whose trigger, left word and following words match.
 * `clauseEnd` bounds the search for following words.
 */
export function matchEventPattern(tokens: readonly Token[], trigger: number, clauseEnd: number, pos: 'verb' | 'noun'): { pattern: EventPattern; matched: number[]; first: number } | null {
  const t = tokens[trigger]!;
  const lemma = pos === 'noun' ? nounLemma(t) : verbLemma(t);
  for (const pattern of eventPatterns()) {
    if (pattern.pos !== pos || !pattern.triggers.has(lemma)) continue;
    if (pattern.before) {
      const previous = tokens[trigger - 1];
      if (!previous || previous.sentence !== t.sentence || !pattern.before.has(previous.lemma)) continue;
    }
    if (pattern.notAfter) {
      let blocked = false;
      for (let k = trigger + 1; k < Math.min(clauseEnd, trigger + 1 + WINDOW); k++) if (pattern.notAfter.has(tokens[k]!.lemma) || pattern.notAfter.has(nounLemma(tokens[k]!))) blocked = true;
      if (blocked) continue;
    }
    const matched: number[] = [];
    let at = trigger + 1;
    let ok = true;
    for (const alternatives of pattern.after) {
      let found = -1;
      for (let k = at; k < Math.min(clauseEnd, at + WINDOW); k++) {
        const w = tokens[k]!;
        if (alternatives.has(w.lemma) || alternatives.has(w.normal) || alternatives.has(nounLemma(w))) {
          found = k;
          break;
        }
      }
      if (found < 0) {
        ok = false;
        break;
      }
      matched.push(found);
      at = found + 1;
    }
    // "truck bomb": the word before is part of the trigger
    if (ok) return { pattern, matched, first: pattern.before ? trigger - 1 : trigger };
  }
  return null;
}

/** Gerunds tagged as nouns ("Iran is arming, funding and training militias") are matched on their verb. */
export function verbLemma(t: Token): string {
  return t.pos === 'NOUN' && /ing$/.test(t.normal) ? t.normal.slice(0, -3) : t.lemma;
}

/** wink lemmatises some plurals as themselves ("talks"); nouns are matched on a singular form. */
export function nounLemma(t: Token): string {
  const w = t.lemma;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
  return w;
}
