/** The rule table and the cue-verb lexicon are their own first tests: every example must do what it shows. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cueVerbs } from '../../../src/stages/quotes/cueVerbs.ts';
import { QUOTE_RULES } from '../../../src/stages/quotes/rules.ts';
import { findEntities } from '../../../src/stages/entities/index.ts';
import { findQuotes } from '../../../src/stages/quotes/index.ts';
import { docWith } from '../../helpers/doc.ts';
import { fakeKnowledge, segmentText } from '../../helpers/fakeWorld.ts';

/** Examples run the way the pipeline runs them: with the entities stage's entities. */
function quotesWithEntities(text: string) {
  return findQuotes(docWith(text, { paragraphs: 'blank-lines', entities: findEntities(segmentText(text), fakeKnowledge) }));
}

test('rule ids are unique', () => {
  const ids = QUOTE_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
});

test('every rule’s example yields a quote citing it (with or without entities); a skip rule’s example yields none', () => {
  for (const rule of QUOTE_RULES) {
    const runs = [quotesWithEntities(rule.example), findQuotes(docWith(rule.example, { paragraphs: 'blank-lines' }))];
    if (rule.kind === 'skip') {
      for (const quotes of runs) assert.deepEqual(quotes.map((q) => q.text), [], `${rule.id}: "${rule.example}"`);
    } else {
      assert.ok(runs.some((quotes) => quotes.some((q) => q.rules.includes(rule.id))), `${rule.id}: "${rule.example}" gave ${JSON.stringify(runs.map((quotes) => quotes.map((q) => [q.text, q.rules])))}`);
    }
  }
});

test('no quote cites a rule that is not in the table', () => {
  const known = new Set<string>(QUOTE_RULES.map((r) => r.id));
  for (const rule of QUOTE_RULES) for (const q of quotesWithEntities(rule.example)) for (const id of q.rules) assert.ok(known.has(id), id);
});

test('every cue verb’s example yields a quote cued by that verb', () => {
  const verbs = cueVerbs();
  assert.equal(new Set(verbs.map((v) => v.id)).size, verbs.length, 'cue ids are unique');
  for (const verb of verbs) {
    const lemma = verb.particle ? `${verb.lemma} ${verb.particle}` : verb.lemma;
    const example = EXAMPLES.get(verb.id);
    assert.ok(example, `${verb.id} has no example`);
    const quotes = quotesWithEntities(example);
    assert.ok(quotes.some((q) => q.cue?.lemma === lemma), `${verb.id}: "${example}" gave ${JSON.stringify(quotes.map((q) => [q.text, q.cue?.lemma]))}`);
  }
});

/** The examples as written in data/lexicon/cue-verbs.tsv (fourth column). */
const EXAMPLES: ReadonlyMap<string, string> = new Map(
  readFileSync(new URL('../../../data/lexicon/cue-verbs.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'))
    .map((cols) => [cols[0]!, cols[3]!]),
);
