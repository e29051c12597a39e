/**
 * Statistical name tagger: an averaged perceptron over wink tokens, trained on GMB by `npm run train:ner`,
 * proposing PER / ORG / LOC / MISC spans that the entities stage confirms, types and links.
 */
import type { Segmented, Token } from '../../../model/analysis.ts';
import { greedyDecode } from './decode.ts';
import { viewSentence, type SentenceView } from './features.ts';
import { labelsToSpans, type EntityType } from './labels.ts';
import { shippedModel } from './model.ts';
import { coverHyphenatedNames, joinParticleNames } from './refine.ts';
import type { Scorer } from './scorer.ts';

export interface TaggedSpan {
  /** Token range [firstToken, endToken), as indexes into the `tokens` array given to tagSentence. */
  firstToken: number;
  endToken: number;
  type: EntityType;
  /** Lowest confidence (0..1) of the labels making up the span. */
  score: number;
}

/**
 * Tags the tokens of one sentence (article-wide Token objects from src/model/analysis.ts).
 * @example tagSentence(tokens of "Ryan Crocker met Hassan Kazemi-Qomi in Baghdad.", { headline: false })
 *   → PER "Ryan Crocker", PER "Hassan Kazemi-Qomi", LOC "Baghdad"
 */
export function tagSentence(tokens: readonly Token[], context: { headline: boolean }): TaggedSpan[] {
  if (tokens.length === 0) return [];
  const model = shippedModel();
  const view = viewSentence(tokens, context.headline, model.gazetteer, model.describe);
  return decodeSpans(model.scorer, view, model.temperature);
}

/** Labels a sentence view, reads the spans off the labels and repairs them. */
export function decodeSpans(scorer: Scorer, view: SentenceView, temperature: number): TaggedSpan[] {
  const { labels, confidence } = greedyDecode(scorer, view, temperature);
  return joinParticleNames(coverHyphenatedNames(labelsToSpans(labels), view), view).map((span) => {
    let score = 1;
    for (let i = span.firstToken; i < span.endToken; i++) score = Math.min(score, confidence[i]!);
    return { ...span, score };
  });
}

/**
 * Tags every sentence of `seg` `rounds` times and reports the speed in CPU time of this process, so that
 * other work on the machine does not count (the model is loaded first, not timed).
 */
export function benchTagger(seg: Segmented, rounds = 5): { tokens: number; cpuSeconds: number; tokensPerSecond: number } {
  shippedModel();
  const sentences = seg.sentences.map((s) => seg.tokens.slice(s.firstToken, s.endToken));
  const started = process.cpuUsage();
  let tokens = 0;
  for (let r = 0; r < rounds; r++) {
    for (const sentence of sentences) {
      tagSentence(sentence, { headline: false });
      tokens += sentence.length;
    }
  }
  const used = process.cpuUsage(started);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { tokens, cpuSeconds, tokensPerSecond: tokens / cpuSeconds };
}
