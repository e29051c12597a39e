/** The Doc's lookups on a Doc built by hand: tokens, a dependency tree and layers written out for the test. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc, hasRelation } from '../../src/doc/doc.ts';
import { groupBefore, personBefore } from '../../src/doc/coref.ts';
import type { ActorMention, Token } from '../../src/model/analysis.ts';
import type { Entity } from '../../src/model/record.ts';
import { articleInput } from '../helpers/doc.ts';

const text = 'Iran rejected the demand on Monday. The Iranians said they would talk.';
// token: text, upos, head (article-wide), deprel — checked by hand against UD conventions
const rows: [string, string, number, string][] = [
  ['Iran', 'PROPN', 1, 'nsubj'], ['rejected', 'VERB', -1, 'root'], ['the', 'DET', 3, 'det'], ['demand', 'NOUN', 1, 'obj'],
  ['on', 'ADP', 5, 'case'], ['Monday', 'PROPN', 1, 'obl:tmod'], ['.', 'PUNCT', 1, 'punct'],
  ['The', 'DET', 8, 'det'], ['Iranians', 'PROPN', 9, 'nsubj'], ['said', 'VERB', -1, 'root'], ['they', 'PRON', 12, 'nsubj'],
  ['would', 'AUX', 12, 'aux'], ['talk', 'VERB', 9, 'ccomp'], ['.', 'PUNCT', 9, 'punct'],
];

function handDoc(): Doc {
  const doc = new Doc(articleInput(text, '2007-05-28'));
  const tokens: Token[] = [];
  let at = 0;
  for (const [i, [word, pos]] of rows.entries()) {
    const start = text.indexOf(word, at);
    at = start + word.length;
    tokens.push({ i, start, end: at, text: word, normal: word.toLowerCase(), lemma: word.toLowerCase(), pos, negated: false, sentence: i < 7 ? 0 : 1, spaceBefore: true });
  }
  doc.tokens = tokens;
  doc.sentences = [
    { index: 0, start: 0, end: tokens[6]!.end, paragraph: 0, firstToken: 0, endToken: 7 },
    { index: 1, start: tokens[7]!.start, end: text.length, paragraph: 0, firstToken: 7, endToken: 14 },
  ];
  doc.tree = { heads: Int32Array.from(rows.map((r) => r[2])), deprels: rows.map((r) => r[3]) };
  return doc;
}

test('Doc: token at an offset, the tokens a span covers, the paragraph of an offset', () => {
  const doc = handDoc();
  assert.equal(doc.tokenAt(text.indexOf('rejected') + 3), 1);
  assert.equal(doc.tokenAt(text.indexOf(' the')), -1, 'a space is between tokens');
  assert.equal(doc.tokenCovering(text.indexOf(' the')), 2);
  assert.deepEqual(doc.tokenRange(text.indexOf('the demand'), text.indexOf(' on')), { firstToken: 2, endToken: 4 });
  assert.equal(doc.paragraphOf(text.indexOf('talk')), 0);
});

test('Doc: children by relation (subtypes match their type), subtree, ancestors', () => {
  const doc = handDoc();
  assert.deepEqual(doc.children(1), [0, 3, 5, 6]);
  assert.deepEqual(doc.children(1, 'nsubj'), [0]);
  assert.deepEqual(doc.children(1, 'obl'), [5], 'obl matches obl:tmod');
  assert.deepEqual(doc.children(1, 'obl:agent'), []);
  assert.deepEqual(doc.subtree(3), { firstToken: 2, endToken: 4 });
  assert.deepEqual(doc.subtree(12), { firstToken: 10, endToken: 13 });
  assert.deepEqual(doc.ancestors(10), [12, 9]);
  assert.ok(hasRelation('nsubj:pass', 'nsubj'));
  assert.ok(!hasRelation('nsubj', 'nsubj:pass'));
  assert.ok(!hasRelation('nsubjx', 'nsubj'));
});

test('Doc: a layer read before its stage ran is an error that names the layer', () => {
  assert.throws(() => handDoc().entities, /entities layer is read before the stage that assigns it/);
});

test('Doc: entity, actor, place and date at a token; time tokens from dates, wink entities and time words', () => {
  const doc = handDoc();
  const iran: Entity = { id: 'e1', type: 'GPE', name: 'Iran', country: 'IRN', mentions: [{ start: 0, end: 4, sentence: 0, kind: 'name' }, { start: text.indexOf('Iranians'), end: text.indexOf('Iranians') + 8, sentence: 1, kind: 'demonym' }], sources: ['rule'], rules: [] };
  doc.entities = [iran];
  assert.equal(doc.entityAt(0)?.entity, iran);
  assert.equal(doc.entityAt(8)?.mention.kind, 'demonym');
  assert.equal(doc.entityAt(1), undefined);
  const actor = (first: number, end: number, code: string): ActorMention => ({ start: doc.tokens[first]!.start, end: doc.tokens[end - 1]!.end, firstToken: first, endToken: end, sentence: doc.tokens[first]!.sentence, code, name: text.slice(doc.tokens[first]!.start, doc.tokens[end - 1]!.end), rule: 'test' });
  doc.actors = [actor(0, 1, 'IRN'), actor(7, 9, 'IRN')];
  assert.equal(doc.actorAt(8)?.name, 'The Iranians');
  doc.dates = [{ id: 'd1', text: 'on Monday', start: text.indexOf('on Monday'), end: text.indexOf('on Monday') + 9, sentence: 0, value: '2007-05-28', granularity: 'day', certainty: 'stated', relation: 'on', rules: [] }];
  assert.equal(doc.dateAt(5)?.id, 'd1');
  assert.ok(doc.isTime(4) && doc.isTime(5));
  assert.ok(!doc.isTime(3));
  doc.places = { places: [{ id: 'p1', name: 'Iran', kind: 'country', geonameid: 130758, lat: 32, lon: 53, country: 'IRN', population: null, mentions: [{ start: 0, end: 4, sentence: 0, kind: 'name' }], rules: [] }], datelinePlaceId: null };
  assert.equal(doc.placeAt(0)?.id, 'p1');
  assert.equal(doc.placeAt(2), undefined);
});

test('coreference: "they" is the group named just before; a person is looked up within a few paragraphs', () => {
  const doc = handDoc();
  doc.entities = [{ id: 'e1', type: 'PERSON', name: 'Ryan Crocker', mentions: [{ start: 0, end: 4, sentence: 0, kind: 'name' }], sources: ['rule'], rules: [] }];
  doc.actors = [{ start: doc.tokens[7]!.start, end: doc.tokens[8]!.end, firstToken: 7, endToken: 9, sentence: 1, code: 'IRN', name: 'The Iranians', rule: 'test' }];
  assert.equal(groupBefore(doc, doc.tokens[10]!.start)?.name, 'The Iranians');
  assert.equal(groupBefore(doc, doc.tokens[5]!.start), null, 'nothing before it');
  assert.equal(personBefore(doc, doc.tokens[10]!.start)?.entity.name, 'Ryan Crocker');
  assert.equal(personBefore(doc, doc.tokens[10]!.start, () => false), null);
});
