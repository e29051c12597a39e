import type { DateRecord } from '../../model/record.ts';
import { RELATION_WORDS, type Relation } from './rules.ts';

/** A date found in one sentence; offsets are into the sentence text until findDates shifts them. */
export type DateCandidate = Omit<DateRecord, 'id' | 'text' | 'sentence'>;

/** Lower-case word of the token starting at a sentence offset, with its POS, when the segmenter saw one. */
export type WordAt = (offset: number) => { normal: string; pos: string } | undefined;

const WORD_BEFORE = /\b(since|from|before|until|till|by|after|following|around|about|circa|approximately|roughly|prior to)\s+(?:the\s+)?$/i;

/** "since Sunday", "by the end of the month", "after Friday": the relation the word before the date sets. */
export function relationBefore(text: string, start: number): Relation {
  const word = WORD_BEFORE.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase();
  if (word === 'prior to') return 'before';
  return (word && RELATION_WORDS[word]) || 'on';
}

export function relationOf(prep: string | undefined): Relation {
  return (prep && RELATION_WORDS[prep.toLowerCase()]) || 'on';
}
