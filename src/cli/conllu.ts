/**
 * `dateline code --format conllu`: the tokens and dependency trees of a record as CoNLL-U (one block per sentence,
 * heads 1-based within the sentence, 0 for the root), with the article id, sentence offsets and text as comments.
 */
import type { ArticleRecord } from '../model/record.ts';

export function renderConllu(record: ArticleRecord): string {
  const tokens = record.tokens ?? [];
  const lines: string[] = [];
  let k = 0;
  record.sentences.forEach((sentence, index) => {
    const first = k;
    while (k < tokens.length && tokens[k]!.sentence === index) k++;
    if (k === first) return;
    if (lines.length === 0) lines.push(`# newdoc id = ${record.article.id}`);
    lines.push(`# sent_id = ${record.article.id}-${index + 1}`, `# offsets = ${sentence.start}-${sentence.end}`, `# text = ${record.article.text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ')}`);
    for (let i = first; i < k; i++) {
      const t = tokens[i]!;
      const head = t.head < 0 ? 0 : t.head - first + 1;
      const noSpace = tokens[i + 1] !== undefined && i + 1 < k && tokens[i + 1]!.start === t.end;
      lines.push([i - first + 1, field(t.text), field(t.lemma), t.upos, '_', '_', head, t.deprel, '_', noSpace ? 'SpaceAfter=No' : '_'].join('\t'));
    }
    lines.push('');
  });
  return `${lines.join('\n')}\n`;
}

/** CoNLL-U fields hold no tabs or newlines, and no empty strings. */
function field(value: string): string {
  return value.replace(/[\t\n\r]/g, ' ') || '_';
}
