/**
 * PETRARCH discard dictionaries (`*.discards.txt`): phrases that mark a sentence, or with `+` a whole story, as
 * not to be coded (sports, weather, film: "+World Golf Championships", "BASEBALL"). As PETRARCH documents them
 * (PETRreader.read_discard_list): matching ignores case and starts at a word's start; a phrase ending in `_` must
 * end at a word's end, otherwise it is a stem ("BALLCLUB" also finds "ballclubs"). Dateline ships none (PETRARCH's
 * Phoenix.discards.txt discards every sentence with a year); a user brings theirs.
 * Entry ids name the entry by content: `user:petr.validate.discards:+TYPHOON`.
 */
import { dictionaryLines, DictionaryError, type DictionarySource } from './files.ts';

export interface DiscardMatch {
  /** `+PHRASE` discards the story, `PHRASE` the sentence. */
  scope: 'sentence' | 'story';
  /** Offsets of the phrase in the text searched. */
  start: number;
  end: number;
  entryId: string;
}

export interface DiscardDictionary {
  /** Every discard phrase found in `text`, in text order (a story's text, or one sentence's). */
  find(text: string): DiscardMatch[];
  readonly stats: { phrases: number };
  readonly issues: readonly DictionaryError[];
}

interface Entry {
  scope: 'sentence' | 'story';
  id: string;
  /** Lower-cased words joined by single spaces. */
  key: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function loadDiscardDictionary(sources: readonly DictionarySource[]): DiscardDictionary {
  const issues: DictionaryError[] = [];
  const entries = new Map<string, Entry>();
  const alternatives: string[] = [];
  for (const source of sources) {
    for (const { text, line } of dictionaryLines(source.path)) {
      const written = text.trim();
      const story = written.startsWith('+');
      const phrase = (story ? written.slice(1) : written).trim();
      const whole = phrase.endsWith('_');
      const words = phrase.replace(/_/g, ' ').toLowerCase().split(/\s+/).filter((w) => w !== '');
      if (words.length === 0) {
        issues.push(new DictionaryError(source.path, line, 'a discard line needs a phrase: PHRASE (the sentence is not coded) or +PHRASE (the story is not coded)'));
        continue;
      }
      const key = words.join(' ');
      if (!entries.has(key)) alternatives.push(`${words.map(escape).join('\\s+')}${whole ? '(?![\\p{L}\\p{N}])' : ''}`);
      entries.set(key, { scope: story ? 'story' : 'sentence', id: `${source.id}:${written}`, key });
    }
  }
  // longest first, so that an alternation finds "world golf championships" before "world golf"
  alternatives.sort((a, b) => b.length - a.length);
  const pattern = alternatives.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'giu');
  return {
    find(text) {
      if (!pattern) return [];
      const out: DiscardMatch[] = [];
      for (const m of text.matchAll(pattern)) {
        const entry = entries.get(m[0].toLowerCase().split(/\s+/).join(' '));
        if (entry) out.push({ scope: entry.scope, start: m.index, end: m.index + m[0].length, entryId: entry.id });
      }
      return out;
    },
    stats: { phrases: entries.size },
    issues,
  };
}
