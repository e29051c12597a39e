/** The one wink-nlp instance of the process (loading the model takes about 0.25 s and 100 MB). */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: ReturnType<typeof winkNLP> | null = null;

export function wink(): ReturnType<typeof winkNLP> {
  instance ??= winkNLP(model, ['sbd', 'pos', 'ner', 'negation']);
  return instance;
}
