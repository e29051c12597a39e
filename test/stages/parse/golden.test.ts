import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadParserModel, parseSentence } from '../../../src/stages/parse/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';

/**
 * News sentences parsed as the pipeline parses them (wink's tokens and tags), with the arcs the event coder
 * reads, checked by hand against the UD English guidelines: [dependent, relation, head], words by their text.
 */
type Golden = [string, [string, string, string][]][];

/** Sentences the shipped model parses right on these arcs. */
const GOLDEN: Golden = [
  [
    'The ambassador was killed by a roadside bomb.',
    [['ambassador', 'nsubj:pass', 'killed'], ['was', 'aux:pass', 'killed'], ['bomb', 'obl:agent', 'killed'], ['by', 'case', 'bomb'], ['roadside', 'compound', 'bomb']],
  ],
  [
    'Iran and the United States agreed to hold talks.',
    [['Iran', 'nsubj', 'agreed'], ['States', 'conj', 'Iran'], ['and', 'cc', 'States'], ['hold', 'xcomp', 'agreed'], ['talks', 'obj', 'hold']],
  ],
  [
    'The minister said that the government would resign.',
    [['minister', 'nsubj', 'said'], ['resign', 'ccomp', 'said'], ['that', 'mark', 'resign'], ['government', 'nsubj', 'resign']],
  ],
  [
    'Protesters clashed with police and burned cars.',
    [['Protesters', 'nsubj', 'clashed'], ['police', 'obl', 'clashed'], ['with', 'case', 'police'], ['burned', 'conj', 'clashed'], ['cars', 'obj', 'burned']],
  ],
  [
    'The Security Council condemned the attack on the embassy.',
    [['Council', 'nsubj', 'condemned'], ['Security', 'compound', 'Council'], ['attack', 'obj', 'condemned'], ['embassy', 'nmod', 'attack']],
  ],
  [
    'Police said the man who attacked the embassy was arrested.',
    [['arrested', 'ccomp', 'said'], ['man', 'nsubj:pass', 'arrested'], ['attacked', 'acl:relcl', 'man'], ['who', 'nsubj', 'attacked'], ['embassy', 'obj', 'attacked']],
  ],
];

/**
 * Sentences whose expected arcs are right (hand-checked) but the shipped model still gets some wrong: PP
 * attachment (obl vs nmod), a past tense read as a reduced relative ("police arrested"), a double object, a
 * non-restrictive relative clause read as a conjunct. Reported, not failed: a model that gets one right moves it to GOLDEN.
 */
const KNOWN_ERRORS: Golden = [
  [
    'Iraqi police arrested three suspects in Baghdad on Monday.',
    [['police', 'nsubj', 'arrested'], ['suspects', 'obj', 'arrested'], ['Baghdad', 'obl', 'arrested'], ['in', 'case', 'Baghdad'], ['Monday', 'obl', 'arrested'], ['arrested', 'root', '']],
  ],
  [
    "Israel's prime minister met his Egyptian counterpart in Cairo.",
    [['Israel', 'nmod:poss', 'minister'], ['minister', 'nsubj', 'met'], ['his', 'nmod:poss', 'counterpart'], ['counterpart', 'obj', 'met'], ['Cairo', 'obl', 'met']],
  ],
  [
    'Rebels shot down a military helicopter near the border.',
    [['Rebels', 'nsubj', 'shot'], ['down', 'compound:prt', 'shot'], ['helicopter', 'obj', 'shot'], ['border', 'obl', 'shot'], ['near', 'case', 'border']],
  ],
  [
    'The company gave the workers a pay rise.',
    [['workers', 'iobj', 'gave'], ['rise', 'obj', 'gave'], ['pay', 'compound', 'rise']],
  ],
  [
    'Hamas fired rockets at Israel, which responded with air strikes.',
    [['Hamas', 'nsubj', 'fired'], ['rockets', 'obj', 'fired'], ['Israel', 'obl', 'fired'], ['responded', 'acl:relcl', 'Israel'], ['strikes', 'obl', 'responded']],
  ],
];

function wrongArcs(golden: Golden): string[] {
  const model = loadParserModel();
  const failures: string[] = [];
  for (const [text, arcs] of golden) {
    const tokens = segment(text, [{ start: 0, end: text.length }]).tokens;
    const words = tokens.map((t) => t.text);
    const parsed = parseSentence(model, words, tokens.map((t) => t.pos), tokens.map((t) => t.lemma));
    const shown = words.map((w, i) => `${w}/${parsed.labels[i]}→${parsed.heads[i]! < 0 ? 'ROOT' : words[parsed.heads[i]!]}`).join(' ');
    for (const [dependent, relation, head] of arcs) {
      const d = words.indexOf(dependent);
      assert.ok(d >= 0, `"${dependent}" is a token of: ${text}`);
      const h = parsed.heads[d]!;
      const got = `${parsed.labels[d]}(${h < 0 ? '' : words[h]})`;
      if (got !== `${relation}(${head})`) failures.push(`${text}\n  ${dependent}: expected ${relation}(${head}), got ${got}\n  ${shown}`);
    }
  }
  return failures;
}

test('golden news sentences: the relations the event coder reads', () => {
  assert.deepEqual(wrongArcs(GOLDEN), []);
});

test('news sentences the parser still gets wrong', { todo: 'PP attachment, reduced relatives, double objects' }, () => {
  const failures = wrongArcs(KNOWN_ERRORS);
  assert.deepEqual(failures, [], `${failures.length} arcs wrong`);
});
