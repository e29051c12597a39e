/**
 * The one wink-nlp instance of the process (loading the model takes about 0.25 s and 100 MB), made unable to learn.
 *
 * wink adds every new word it meets to its lexicon, and its tokenizer keeps a word whole when the lexicon has it:
 * once "Standard & Poor's." had been read, "Poor's" stayed one token in every later article, so records depended
 * on what was coded before (batch order, --workers, where a resumed ingest restarted). The tokenizer looks words up
 * in the lexicon hash it was built with, and new words are written to `features.lexeme.hash`: after loading, new
 * words go to a hash of their own (inheriting the model's words), so wink still indexes them but the tokenizer never
 * finds them. Only the POS guess for a new word must see it, so that feature is given a lookup that does.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Lookup = (text: string) => number[] | null;
interface CacheView {
  lookup: Lookup;
}
type PosFeature = (word: string, category: number, cache: CacheView) => number;
interface CoreModel {
  features: { lexeme: { hash: Record<string, number> } };
}

const english = model as unknown as { core: () => CoreModel; featureFn: (config: unknown) => Record<string, unknown> };

let instance: ReturnType<typeof winkNLP> | null = null;

export function wink(): ReturnType<typeof winkNLP> {
  if (instance) return instance;
  let core: CoreModel | null = null;
  let learned: Record<string, number> = {};
  const features = (config: unknown) => {
    const methods = english.featureFn(config);
    const pos = methods.pos as PosFeature;
    const seesLearned = (cache: CacheView): CacheView => ({ ...cache, lookup: (text) => cache.lookup(text) ?? (learned[text] === undefined ? null : [learned[text]]) });
    return { ...methods, pos: (word: string, category: number, cache: CacheView) => pos(word, category, seesLearned(cache)) };
  };
  const loading = { ...model, core: () => (core = english.core()), featureFn: features };
  instance = winkNLP(loading as typeof model, ['sbd', 'pos', 'ner', 'negation']);
  if (!core) throw new Error('wink-nlp did not load its core model through model.core(); src/nlp/wink.ts needs updating for this version');
  const lexeme = (core as CoreModel).features.lexeme;
  learned = Object.create(lexeme.hash) as Record<string, number>;
  lexeme.hash = learned;
  return instance;
}
