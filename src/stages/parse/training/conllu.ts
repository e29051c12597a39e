/**
 * Reads UD CoNLL-U (../shared/data/ud_english_ewt) into sentences of syntactic words with character offsets into
 * the sentence's `# text`: the words of a multi-word token ("don't" → do + n't) share its characters in order.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface GoldWord {
  form: string;
  lemma: string;
  upos: string;
  /** Penn Treebank tag. */
  xpos: string;
  /** Sentence-relative index of the head, -1 for the root. */
  head: number;
  deprel: string;
  start: number;
  end: number;
}

export interface GoldSentence {
  id: string;
  text: string;
  words: GoldWord[];
}

export function readConllu(path: string): GoldSentence[] {
  const raw = readFileSync(path);
  const content = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const sentences: GoldSentence[] = [];
  for (const block of content.split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l !== '');
    if (lines.length === 0) continue;
    sentences.push(parseBlock(lines));
  }
  return sentences;
}

function parseBlock(lines: readonly string[]): GoldSentence {
  let id = '';
  let text = '';
  const words: GoldWord[] = [];
  let cursor = 0;
  // The characters of the multi-word token being read, and where in them the next word starts.
  let multiwordEnd = -1;
  for (const line of lines) {
    if (line.startsWith('#')) {
      const comment = /^# (sent_id|text) = (.*)$/.exec(line);
      if (comment?.[1] === 'sent_id') id = comment[2]!;
      else if (comment?.[1] === 'text') text = comment[2]!;
      continue;
    }
    const cols = line.split('\t');
    const index = cols[0]!;
    if (index.includes('.')) continue; // empty nodes of the enhanced graph
    if (index.includes('-')) {
      const start = text.indexOf(cols[1]!, cursor);
      if (start < 0) throw new Error(`${id}: token "${cols[1]}" not found in its text`);
      cursor = start;
      multiwordEnd = start + cols[1]!.length;
      continue;
    }
    const form = cols[1]!;
    let start: number;
    if (multiwordEnd >= 0) start = cursor;
    else {
      start = text.indexOf(form, cursor);
      if (start < 0) throw new Error(`${id}: word "${form}" not found in its text`);
    }
    const end = Math.min(start + form.length, multiwordEnd >= 0 ? multiwordEnd : Infinity);
    cursor = end;
    if (cursor >= multiwordEnd) multiwordEnd = -1;
    words.push({ form, lemma: cols[2]!, upos: cols[3]!, xpos: cols[4]!, head: Number(cols[6]) - 1, deprel: cols[7]!, start, end });
  }
  return { id, text, words };
}
