/**
 * Topic stage: what an article is about (politics, business, sport, entertainment, tech, or other), from a
 * transparent lexicon scorer: cue words and phrases of data/lexicon/topic-cues.tsv and the patterns in rules.ts
 * (score lines, money amounts). No statistical model: every point of a score is a cue the output names.
 */
import type { Doc } from '../../doc/doc.ts';
import type { ArticleTopic } from '../../model/record.ts';
import type { Stage } from '../../pipeline/stage.ts';
import { dataPath, readTsv } from '../../lexicon/tables.ts';
import { CUE_CAP, DECISION, DECISION_RULES, SCORED, TITLE_WEIGHT, TOPIC_PATTERNS, type Scored } from './rules.ts';

export { TOPICS, type Topic } from './rules.ts';

interface Cue {
  id: string;
  topic: Scored;
  weight: number;
}

interface CueIndex {
  /** First word → phrases starting with it (words after the first, and the cue). */
  exact: Map<string, { rest: string[]; cue: Cue }[]>;
  /** Prefixes of "elect*" forms, longest first. */
  prefixes: { prefix: string; cue: Cue }[];
}

/** Reads the title and the whole text; runs right after the clean stage, so that later stages can ask for it. */
export const topicStage: Stage = {
  name: 'topic',
  requires: ['clean'],
  assigns: ['topic'],
  run(doc: Doc) {
    doc.topic = classifyTopic({ title: doc.input.title ?? doc.clean.title?.text ?? null, text: doc.text });
  },
};

let index: CueIndex | null = null;

function cues(): CueIndex {
  if (index) return index;
  const path = dataPath('lexicon', 'topic-cues.tsv');
  const built: CueIndex = { exact: new Map(), prefixes: [] };
  for (const [id, topic, weight, forms] of readTsv(path, 4)) {
    if (!(SCORED as readonly string[]).includes(topic!)) throw new Error(`dateline: ${path}: ${id} has topic "${topic}", expected one of ${SCORED.join(', ')}`);
    const cue: Cue = { id: id!, topic: topic as Scored, weight: Number(weight) };
    for (const form of forms!.split('|')) {
      const words = form.trim().split(/\s+/);
      if (words.length === 1 && form.endsWith('*')) built.prefixes.push({ prefix: form.slice(0, -1), cue });
      else {
        const list = built.exact.get(words[0]!) ?? [];
        list.push({ rest: words.slice(1), cue });
        built.exact.set(words[0]!, list);
      }
    }
  }
  built.prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  index = built;
  return index;
}

const WORD = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;

function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase().replace(/’/g, "'"));
}

/**
 * @example classifyTopic({ title: 'Liverpool beat Chelsea', text: 'Liverpool beat Chelsea 2-1 in the League Cup final…' })
 *   // { label: 'sport', rules: ['topic.decision.lead', 'topic.sport.match', 'topic.sport.score-line', …] }
 */
export function classifyTopic(article: { title: string | null; text: string }): ArticleTopic {
  const counts = new Map<Cue, number>();
  const add = (cue: Cue, times: number) => counts.set(cue, (counts.get(cue) ?? 0) + times);
  for (const [text, times] of [[article.title ?? '', TITLE_WEIGHT], [article.text, 1]] as const) {
    const list = words(text);
    for (let i = 0; i < list.length; i++) for (const cue of cuesAt(list, i)) add(cue, times);
    for (const p of TOPIC_PATTERNS) {
      const found = text.match(p.pattern)?.length ?? 0;
      if (found > 0) add({ id: p.id, topic: p.topic, weight: p.weight }, found * times);
    }
  }
  const scores = new Map<Scored, number>(SCORED.map((t) => [t, 0]));
  const byTopic = new Map<Scored, { id: string; points: number }[]>();
  for (const [cue, n] of counts) {
    const points = cue.weight * Math.min(n, CUE_CAP);
    scores.set(cue.topic, scores.get(cue.topic)! + points);
    byTopic.set(cue.topic, [...(byTopic.get(cue.topic) ?? []), { id: cue.id, points }]);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, bestScore] = ranked[0]!;
  const second = ranked[1]![1];
  const scoreTable = Object.fromEntries(SCORED.map((t) => [t, scores.get(t)!])) as Record<Scored, number>;
  const decisive = (topic: Scored) => (byTopic.get(topic) ?? []).sort((a, b) => b.points - a.points || a.id.localeCompare(b.id)).slice(0, 6).map((c) => c.id);
  if (bestScore < DECISION.minScore) return { label: 'other', scores: scoreTable, rules: [DECISION_RULES.tooFew] };
  if (best === 'other') return { label: 'other', scores: scoreTable, rules: [DECISION_RULES.otherCues, ...decisive(best)] };
  if (bestScore < DECISION.minLead * second) return { label: 'other', scores: scoreTable, rules: [DECISION_RULES.noLead] };
  return { label: best, scores: scoreTable, rules: [DECISION_RULES.decided, ...decisive(best)] };
}

/** Cues matching at word i: phrases from there, the word itself, or the longest prefix form. */
function cuesAt(list: readonly string[], i: number): Cue[] {
  const { exact, prefixes } = cues();
  const word = list[i]!;
  const found: Cue[] = [];
  for (const { rest, cue } of exact.get(word) ?? []) {
    if (rest.every((w, k) => formMatches(list[i + 1 + k], w)) && !found.includes(cue)) found.push(cue);
  }
  if (found.length > 0) return found;
  for (const { prefix, cue } of prefixes) if (word.startsWith(prefix)) return [cue];
  return found;
}

function formMatches(word: string | undefined, form: string): boolean {
  if (word === undefined) return false;
  return form.endsWith('*') ? word.startsWith(form.slice(0, -1)) : word === form;
}
