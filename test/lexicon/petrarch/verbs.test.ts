import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dictionarySource, shippedSources } from '../../../src/lexicon/petrarch/files.ts';
import { loadVerbDictionary, matchVerb, verbLemmas } from '../../../src/lexicon/petrarch/verbs.ts';

const dictionary = readFileSync(new URL('../../../data/petrarch/CAMEO.2.0.txt', import.meta.url), 'utf8').split('\n');
/** The dictionary line a rule id names by its content (`cameo2:BLOCK:content`), which must be there exactly once in its block. */
const ruleLine = (ruleId: string): string => {
  const [, block, content] = /^cameo2:([^:]+):(.*)$/.exec(ruleId)!;
  const start = dictionary.findIndex((l) => new RegExp(`^---\\s+${block}\\s`).test(l));
  assert.ok(start >= 0, `block ${block} of ${ruleId}`);
  const lines = dictionary.slice(start + 1).filter((l, k, all) => !all.slice(0, k).some((x) => x.startsWith('---')) && !l.startsWith('---'));
  const found = lines.filter((l) => l.replace(/#.*/, '').trim().replace(/\s+/g, ' ') === content);
  assert.ok(found.length >= 1, `${ruleId} names a line of its block`);
  return found[0]!;
};

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
    assert.match(match.ruleId, /^cameo2:[A-Z_ ]+:/);
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

const SUITE_DICTIONARIES = new URL('../../../../shared/data/petrarch_validation/dictionaries/', import.meta.url).pathname;
const needsSuite = existsSync(SUITE_DICTIONARIES) ? false : 'needs ../shared/data/petrarch_validation (not in this clone)';

test("the suite's verb dictionary: patterns with markers, synsets, `_` joins and multi-word verbs", { skip: needsSuite }, () => {
  // as `--dictionaries` reads it: PETRARCH's own matching, words as written
  const verbs = loadVerbDictionary([dictionarySource(join(SUITE_DICTIONARIES, 'PETR.Validate.verbs.txt'), 'user')], { exact: true });
  assert.deepEqual(verbs.issues, []);
  // verb (as written, lemma) | words before | words after | actor words before / after ('a' = actor) | code | rule content | $ at | + at | % at
  const table: [verb: string[], before: string, after: string, actors: string | null, code: string | null, rule: string, source: string | null, target: string | null, compound: string | null][] = [
    [['shot', 'shoot'], 'an eriadorian was', 'dead in osgiliath , the state', '.a. | ..a...', '224', 'SHOT:- + WAS * DEAD IN $ [224]', 'after 2', 'before 1', null],
    [['left', 'leave'], "dagolath 's first deputy", 'for minas tirith', null, '032', 'LEFT:LEFT', null, null, null],
    [['restore'], 'arnor is about to', 'full diplomatic ties with gondor', null, '064', 'RESTORE:- * DIPLOMATIC [064]', null, null, null],
    [['restore'], 'arnor is about to', 'fxll diplomatic ties with gondor', null, null, 'RESTORE:- * FXLL DIPLOMATIC [+++]', null, null, null],
    [['agree'], 'the philippines and france', 'that territorial disputes', 'aaaa | ...', '030', 'AGREE:- % * [030:030]', null, null, 'before 3'],
    [['agrees', 'agree'], 'eriador', 'with the philippines and france that', 'a | .aaaa.', '031', 'AGREE:- * WITH % [031]', null, null, 'after 1'],
    [['postponed', 'postpone'], 'gondor and osgiliath have', 'their meeting', 'aaa. | ..', '191', 'DELAY:- % HAVE * [191]', null, null, 'before 2'],
    [['tapped', 'tap'], 'soldiers from gondor wire', 'all communication links', null, '1711', 'CONFISCATE:WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING }', null, null, null],
    [['tap'], 'soldiers from gondor will not wire', 'the communication links', null, '081', 'CONFISCATE:- WILL NOT * [081]', null, null, null],
    [['cordoned', 'cordon'], 'soldiers from gondor have', 'off for construction the roads', null, '071', 'EXCLUDE:- * FOR CONSTRUCTION [071]', null, null, null],
    [['cordoned', 'cordon'], 'soldiers from gondor have', 'off the roads', null, '1721', 'EXCLUDE:+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF }', null, null, null],
    [['broken', 'break'], 'ethiopia', 'down a treaty with libya', null, '161', 'BREAK:- * TREATY [161]', null, null, null],
    [['broken', 'break'], 'ethiopia has', 'relations with libya', null, '1717', 'BREAK:BREAK { BROKE BROKEN }', null, null, null],
    // longer patterns first: HEAVILY UNJUSTLY * over HEAVILY *
    [['criticized', 'criticize'], 'the philippines was heavily and unjustly', 'over its', null, '123', 'CRITICIZE:- HEAVILY UNJUSTLY * [123]', null, null, null],
    [['criticized', 'criticize'], 'the philippines was heavily', 'over its', null, '122', 'CRITICIZE:- HEAVILY * [122]', null, null, null],
    // ^ skips an actor
    [['celebrate'], 'mordor will be hosting osgiliath to', 'tabaski with eriador next week', 'a...a. | ..a..', '042', 'CELEBRATE:- + HOSTING * TABASKI ^ $ [042]', 'after 2', 'before 0', null],
    [['celebrated', 'celebrate'], 'arnor has', 'eid at osgiliath with gondor after', 'a. | ..a.a.', '043', 'CELEBRATE:- * EID AT ^ WITH + [043]', null, 'after 4', null],
    // `_` joins: IN_AND_* and *_OUT_AGAIN must be next to the verb
    [['acknowledge'], 'so in and', 'out again now', null, '074', 'ACKNOWLEDGE:- SO IN_AND_*_OUT_AGAIN NOW [074]', null, null, null],
    [['acknowledge'], 'so in and then', 'out again now', null, '074', 'ACKNOWLEDGE:- *_OUT [074]', null, null, null],
    // a synset of phrases (&NEGATVAUXVRB: DID N'T) and one inside another (&ACCORDSYN holds &TIETYPES)
    [['clash'], "they did n't", 'over efforts', null, '904', 'CLASH:- &NEGATVAUXVRB * OVER EFFORTS [904]', null, null, null],
    [['accord'], 'inching economic', '', null, '083', 'ACCORD:- INCHING &ACCORDSYN * [083]', null, null, null],
    [['welcome'], '', 'military memos from arnor', null, '911', 'WELCOME:- * &TIETYPES_MEMOS FROM [911]', null, null, null],
    [['welcomed', 'welcome'], '', 'memos on cultural issues', null, '912', 'WELCOME:- * MEMOS_ON_&TIETYPES [912]', null, null, null],
    // no stemming: RESOLUTION is not "resolutions" (SYNSET-21b), but synset members have their plurals (&CURRENCY: DOLLARS, PESOS)
    [['adopt'], 'arnor will', 'a set of resolutions with gondor', null, '081', 'ADOPT:ADOPT', null, null, null],
    [['adopt'], 'arnor will', 'a resolution with gondor', null, '102', 'ADOPT:- * RESOLUTION [102]', null, null, null],
    [['contribute'], '', 'ten pesos', null, '903', 'CONTRIBUTE:- * &CURRENCY [903]', null, null, null],
    // no reach limit after the verb: "allowed that Mordor isn't a really pleasant place"
    [['allowed', 'allow'], 'gollum', "that mordor is not a really pleasant place", null, '024', 'ALLOW:- * REALLY_PLEASANT [024]', null, null, null],
    // TreeBank's CA N'T is the tokenizer's "can not"
    [['clash'], 'romendacil can not ever', 'over the efforts', null, '905', 'CLASH:- &NEGATVAUXVRB EVER * OVER EFFORTS [905]', null, null, null],
    [['bargain'], 'gollum will', 'for asylum in gondor', null, '174K', 'BARGAIN:- * FOR_ASYLUM [174K]', null, null, null],
    [['eat'], '', 'lunch', null, null, '', null, null, null],
  ];
  const marks = (text: string | undefined): boolean[] | undefined => (text === undefined ? undefined : [...text.trim()].map((c) => c === 'a'));
  for (const [verb, before, after, actors, code, rule, source, target, compound] of table) {
    const [actorsBefore, actorsAfter] = actors === null ? [] : actors.split('|');
    const options = actors === null ? {} : { actors: { before: marks(actorsBefore)!, after: marks(actorsAfter)! } };
    const match = verbs.match(verb, split(before), split(after), options);
    const what = `${verb[0]} | ${before} | ${after}`;
    assert.equal(match?.code ?? null, code, `${what}: ${JSON.stringify(match)}`);
    if (!match) continue;
    assert.equal(match.ruleId, `user:petr.validate.verbs:${rule}`, what);
    const slot = (s: typeof match.source) => (s ? `${s.side} ${s.at}` : null);
    assert.deepEqual([slot(match.source), slot(match.target), slot(match.compound)], [source, target, compound], what);
  }
});

/** A dictionary file in a fresh directory. */
function dictionaryFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dateline-verbs-')), name);
  writeFileSync(path, content);
  return path;
}

test('loadVerbDictionary: markers give the words where source and target are; without actor words, their ranges', () => {
  const verbs = loadVerbDictionary([dictionarySource(dictionaryFile('mine.verbs.txt', [
    '--- WITHDRAW [192] ---',
    'WITHDRAW {WITHDREW WITHDRAWN WITHDRAWING WITHDRAWS}',
    '- * OF $ FROM + [012]   # a source after OF, a target after FROM',
    '- $ SAY + * NEGOTIATE [102]',
    '',
  ].join('\n')), 'user')]);
  const m = verbs.match(['withdrew', 'withdraw'], [], split('all troops of arnor from gondor today'));
  assert.equal(m?.ruleId, 'user:mine.verbs:WITHDRAW:- * OF $ FROM + [012]');
  assert.deepEqual([m?.source, m?.target], [{ side: 'after', start: 3, end: 4, at: null }, { side: 'after', start: 5, end: 7, at: null }]);
  const said = verbs.match('withdraw', split('arnor say gondor should'), split('and negotiate'), { actors: { before: [true, false, true, false], after: [false, false] } });
  assert.equal(said?.code, '102');
  assert.deepEqual([said?.source?.at, said?.target?.at], [0, 2]);
  // with actor words given, a slot without an actor does not match: the verb's own code applies
  assert.equal(verbs.match('withdraw', [], split('all troops of the army from the hills'), { actors: { before: [], after: new Array(8).fill(false) } })?.code, '192');
  // an empty slot never matches
  assert.equal(verbs.match('withdraw', [], split('all troops of from gondor'))?.code, '192');
});

test('loadVerbDictionary: a user verb replaces the shipped entries of that verb, and ids tell them apart', () => {
  const user = dictionarySource(dictionaryFile('CAMEO.mine.txt', '--- DENOUNCE [1111] ---\nACCUSE\n- * OF &CRIME [1112]\n'), 'user');
  const verbs = loadVerbDictionary([...shippedSources().filter((s) => s.kind === 'verbs'), user]);
  assert.deepEqual(verbs.issues.filter((i) => i.file === user.path), []);
  assert.deepEqual([verbs.match('accuse', [], split('iran of arming militias'))?.code, verbs.match('accuse', [], split('iran of arming militias'))?.ruleId], ['1111', 'user:cameo.mine:DENOUNCE:ACCUSE']);
  // the shipped synset &CRIME serves the user's pattern
  assert.equal(verbs.match('accuse', [], split('iran of crimes'))?.ruleId, 'user:cameo.mine:DENOUNCE:- * OF &CRIME [1112]');
  assert.equal(verbs.match('sever', [], split('diplomatic ties'))?.ruleId, 'cameo2:SEPARATE:- * {DIPLOMATIC TIES} [161]');
  assert.equal(verbs.match('sever', [], split('diplomatic ties'))?.origin, 'shipped');
});

test('loadVerbDictionary: malformed lines are issues naming file:line and what to write', () => {
  const table: [content: string, line: number, message: RegExp][] = [
    ['ACCUSE [112]\n', 1, /comes before any verb block; start a block with --- NAME \[code\] ---/],
    ['--- BLAME [112] ---\nACCUSE\n- * OF (VIOLENCE [1123]\n', 3, /\( \) or \{ \} of this pattern do not pair up/],
    ['--- BLAME [112] ---\nACCUSE\n- OF VIOLENCE [1123]\n', 3, /needs \* where the verb goes/],
    ['--- BLAME [112] ---\nACCUSE\n- * OF VIOLENCE\n', 3, /needs a code at its end/],
    ['--- BLAME [112] ---\nACCUSE\n- * OF &VIOLENCE [1123]\n', 3, /synset &VIOLENCE is not defined/],
    ['--- BLAME [112 ---\nACCUSE\n', 1, /a \[ is not closed by \]/],
    ['--- [112] ---\nACCUSE\n', 1, /a verb block needs a name/],
    ['--- BLAME [112] ---\nACCUSE {ACCUSED\n', 2, /cannot read this verb line/],
  ];
  for (const [content, line, message] of table) {
    const path = dictionaryFile('bad.verbs.txt', content);
    const [issue] = loadVerbDictionary([dictionarySource(path, 'user')]).issues;
    assert.ok(issue, content);
    assert.equal(issue.message.split(': ')[0], `${path}:${line}`, content);
    assert.match(issue.message, message, content);
  }
  // comments of every PETRARCH kind are not lines
  const clean = loadVerbDictionary([dictionarySource(dictionaryFile('ok.verbs.txt', '<!-- header -->\n# note\n<!-- a\nlonger note -->\n--- BLAME [112] --- # block\nACCUSE # verb\n- * DIPLXMATIC [###]\n'), 'user')]);
  assert.deepEqual(clean.issues, []);
  assert.equal(clean.stats.patterns, 1);
});

test('the shipped dictionary: its known faults are skipped, not fatal', () => {
  const verbs = loadVerbDictionary(shippedSources().filter((s) => s.kind === 'verbs'));
  assert.deepEqual(verbs.issues.map((i) => i.line), [2374, 7606, 8443, 8444]);
  assert.ok(verbs.stats.patterns > 4600, JSON.stringify(verbs.stats));
});
