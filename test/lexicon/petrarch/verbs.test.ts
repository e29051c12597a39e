import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { matchVerb, verbLemmas } from '../../../src/lexicon/petrarch/verbs.ts';

const dictionary = readFileSync(new URL('../../../data/petrarch/CAMEO.2.0.txt', import.meta.url), 'utf8').split('\n');
const ruleLine = (ruleId: string): string => dictionary[Number(ruleId.replace(/^cameo2:/, '')) - 1]!;

const split = (text: string): string[] => (text === '' ? [] : text.split(' '));

test('matchVerb: the most specific pattern, else the verb default, citing the dictionary line', () => {
  const table: [lemma: string, before: string, after: string, code: string, matchedWords: string][] = [
    // BLAME block: ACCUSE [112]; "- * (OF VIOLENCE) [1123]"
    ['accuse', '', 'iran of arming militias', '112', ''],
    ['accuse', '', 'tehran of fuelling violence in iraq', '1123', 'of violence'],
    // SEPARATE block: "- * TIES [160] # CUT", "- * {DIPLOMATIC TIES} [161]"
    ['sever', '', 'ties with tehran', '160', 'ties'],
    ['sever', '', 'diplomatic ties with tehran', '161', 'diplomatic ties'],
    // REFUSE block [---]: "- * ALLEGATION [016]", "- * &PROPOSAL [120]", "- * &NEGOTIATION [125]"
    ['reject', '', 'the allegations', '016', 'allegations'],
    ['reject', '', 'the proposal', '120', 'proposal'],
    ['deny', '', 'the allegation', '016', 'allegation'],
    // DEMAND block: TALKS is coded 026 (# URGE), 036 (# WANT) and 106 (# DEMAND): the verb's own line wins
    ['demand', '', 'talks', '106', 'talks'],
    ['want', '', 'talks', '036', 'talks'],
    ['demand', '', 'talk', '106', 'talk'],
    // "- * ATTACKS [111] # CONDEMN" vs "- * ATTACK ON + [112] # BLAME": more words win
    ['condemn', '', 'the attacks', '111', 'attacks'],
    ['condemn', '', 'the attack on the embassy', '112', 'attack on'],
    ['say', '', 'the talks were positive', '010', ''],
    ['meet', '', 'in baghdad', '040', ''],
    ['arrest', '', 'three suspects', '173', ''],
    // multi-word verbs take their particles from `after`
    ['call', '', 'off the talks', '160', 'off talks'], // +CALL_OFF [160]; "- * TALKS [160] # CALLED_OFF"
    ['call', '', 'off the summit', '160', 'off'],
    ['be', '', 'determined to fight', '030', 'determined'],
  ];
  for (const [lemma, before, after, code, matchedWords] of table) {
    const words = split(after);
    const match = matchVerb(lemma, split(before), words);
    assert.ok(match, `${lemma} ${after}`);
    assert.equal(match.code, code, `${lemma} ${after}: ${JSON.stringify(match)}`);
    assert.equal(match.matched.map((i) => words[i]).join(' '), matchedWords, `${lemma} ${after}`);
    assert.match(match.ruleId, /^cameo2:\d+$/);
    const line = ruleLine(match.ruleId);
    if (match.specificity > 0) assert.match(line, new RegExp(`^-.*\\[:?${code}[:\\]]`), `${match.ruleId} is a pattern coded ${code}`);
    else assert.doesNotMatch(line, /^-/, `${match.ruleId} is a verb line`);
  }
});

test('matchVerb: multi-word verb, paired and reversed codes', () => {
  assert.equal(matchVerb('call', [], split('off the talks'))?.verb, 'call off');
  assert.equal(matchVerb('call', [], split('on iran'))?.verb, 'call');
  const visit = matchVerb('visit', [], ['tehran']);
  assert.deepEqual([visit?.code, visit?.pairedCode, visit?.reversed], ['042', '043', false]);
  // APPEAR block: "- * (BEFORE COURT) [:173]": the court charges the one who appears
  const appear = matchVerb('appear', [], split('before a military court'));
  assert.deepEqual([appear?.code, appear?.pairedCode, appear?.reversed], ['173', null, true]);
});

test('matchVerb: words before the verb, and [---] patterns that veto the default', () => {
  // REFUSE block: DECLINE [120]; "- STOCKS * [---]"
  assert.equal(matchVerb('decline', [], ['comment'])?.code, '011');
  assert.equal(matchVerb('decline', [], [])?.code, '120');
  assert.equal(matchVerb('decline', ['stocks'], []), null);
  // ACCELERATE block: "- &MILITARY * [154] # RUSH"
  const troops = matchVerb('rush', split('the government troops'), split('in'));
  assert.deepEqual([troops?.code, troops?.matchedBefore], ['154', [2]]);
});

test('matchVerb: verbs with no code yield null', () => {
  const table: [lemma: string, after: string][] = [
    ['urge', 'iran to stop supporting militias'], // URGE is not a verb of CAMEO.2.0 (only named in comments)
    ['reject', 'the weather forecast'], // REFUSE block is [---] and no pattern matches
    ['anger', 'many iraqis'], // ANGER block [---]
    ['eat', 'lunch'], // not in the dictionary
    ['', ''],
  ];
  for (const [lemma, after] of table) assert.equal(matchVerb(lemma, [], split(after)), null, `${lemma} ${after}`);
});

test('verbLemmas: single and multi-word verbs', () => {
  const lemmas = verbLemmas();
  for (const lemma of ['accuse', 'sever', 'reject', 'call off', 'pull out', 'angered by']) assert.ok(lemmas.has(lemma), lemma);
  assert.ok(!lemmas.has('urge'));
  assert.ok(lemmas.size > 1500, String(lemmas.size));
});
