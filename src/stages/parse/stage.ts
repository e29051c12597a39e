/**
 * Parse stage: the dependency tree of every sentence, once per article, for every later stage to read through
 * the Doc (head, deprel, children, subtree). Words and UPOS tags are the segment stage's tokens, so tree indices
 * are token indices and offsets stay those of the original text.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Stage } from '../../pipeline/stage.ts';
import type { World } from '../../pipeline/world.ts';
import { parseSentence } from './index.ts';

export const parseStage: Stage = {
  name: 'parse',
  requires: ['tokens'],
  assigns: ['tree'],
  run(doc: Doc, world: World) {
    const model = world.parser();
    const n = doc.tokens.length;
    const heads = new Int32Array(n).fill(-1);
    const deprels: string[] = new Array<string>(n).fill('root');
    for (const sentence of doc.sentences) {
      const { firstToken, endToken } = sentence;
      if (endToken <= firstToken) continue;
      const tokens = doc.tokens.slice(firstToken, endToken);
      const parsed = parseSentence(model, tokens.map((t) => t.text), tokens.map((t) => t.pos));
      for (let k = 0; k < tokens.length; k++) {
        const h = parsed.heads[k]!;
        heads[firstToken + k] = h < 0 ? -1 : firstToken + h;
        deprels[firstToken + k] = parsed.labels[k]!;
      }
    }
    doc.tree = { heads, deprels };
  },
};
