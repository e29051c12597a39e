/**
 * Universal NER over English-EWT (../shared/data/uner_english_ewt: gold PER / ORG / LOC over web text, dev and test
 * splits) as texts with entity spans in characters, like GMB's. The dev split trains, the test split measures.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { CharEntity } from './gmb.ts';

export interface UnerText {
  id: string;
  /** The sentence as written (`# text`), which every offset points into. */
  text: string;
  entities: CharEntity[];
}

const TYPES = new Set(['PER', 'ORG', 'LOC']);

/** Reads an IOB2 file: `# sent_id`, `# text`, then `index, token, label, -, annotator` per token line. */
export function readUner(path: string): UnerText[] {
  const content = gunzipSync(readFileSync(path)).toString('utf8');
  return content
    .split(/\n\s*\n/)
    .map((block) => parseSentence(block))
    .filter((s): s is UnerText => s !== null);
}

export function parseSentence(block: string): UnerText | null {
  let id = '';
  let text: string | null = null;
  const tokens: { form: string; label: string }[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('# sent_id = ')) id = line.slice('# sent_id = '.length).trim();
    else if (line.startsWith('# text = ')) text = line.slice('# text = '.length);
    else if (line !== '' && !line.startsWith('#')) {
      const cells = line.split('\t');
      // "3-4" multi-word token lines carry no label of their own
      if (cells.length >= 3 && /^\d+$/.test(cells[0]!)) tokens.push({ form: cells[1]!, label: cells[2]! });
    }
  }
  if (text === null || tokens.length === 0) return null;
  // Tokens are found in the text in order; a token the text spells otherwise ends the entity it is in.
  const entities: CharEntity[] = [];
  let at = 0;
  let open = null as CharEntity | null;
  for (const { form, label } of tokens) {
    const start = text.indexOf(form, at);
    const found = start !== -1 && text.slice(at, start).trim() === '';
    const type = label.slice(2);
    if (!found || label === 'O' || !TYPES.has(type) || label.startsWith('B-') || open?.type !== type) open = null;
    if (found) at = start + form.length;
    if (!found || label === 'O' || !TYPES.has(type)) continue;
    if (open) open.end = at;
    else entities.push((open = { start, end: at, type: type as CharEntity['type'] }));
  }
  return { id, text, entities };
}
