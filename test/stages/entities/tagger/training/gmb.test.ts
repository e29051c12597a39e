import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detokenize, gmbEntities, gmbText, splitOf, type GmbSentence } from '../../../../../src/stages/entities/tagger/training/gmb.ts';

function sentence(text: string, tags: string): GmbSentence {
  return { index: 0, tokens: text.split(' '), tags: tags.split(' ') };
}

test('Penn-Treebank tokens become news-like text, with each token found at its offsets', () => {
  const tokens = ['Iraq', "'s", 'leader', 'said', '"', 'no', '"', '(', '20', '%', ')', 'and', 'did', "n't", 'go', '.'];
  const { text, starts, ends } = detokenize(tokens);
  assert.equal(text, 'Iraq\'s leader said "no" (20%) and didn\'t go.');
  tokens.forEach((token, k) => assert.equal(text.slice(starts[k], ends[k]), token));
  assert.equal(detokenize(tokens, true).text, 'Iraq’s leader said “no” (20%) and didn’t go.');
  assert.equal(detokenize(['-LRB-', 'AP', '-RRB-']).text, '(AP)');
});

test('GMB spans follow Dateline: no titles in person names, no leading "the", no stray punctuation', () => {
  const cases: [GmbSentence, string[]][] = [
    [sentence('President George Bush spoke', 'B-PER I-PER I-PER O'), ['PER George Bush']],
    [sentence('Secretary of State Condoleezza Rice left', 'B-PER I-PER I-PER I-PER I-PER O'), ['PER Condoleezza Rice']],
    [sentence('Mrs. King spoke', 'B-PER I-PER O'), ['PER King']],
    // GMB's automatic tagger split "Mr. Arafat": the entity after a title-only span is a person.
    [sentence('Mr. Arafat died', 'B-PER B-ORG O'), ['PER Arafat']],
    [sentence('the United Nations met', 'B-ORG I-ORG I-ORG O'), ['ORG United Nations']],
    [sentence("China 's Foreign Ministry said", "B-LOC B-ORG I-ORG I-ORG O"), ['LOC China', 'ORG Foreign Ministry']],
    [sentence('Associated Press , said', 'B-ORG I-ORG I-ORG O'), ['ORG Associated Press']],
    [sentence('The President said', 'O B-PER O'), []],
  ];
  for (const [s, expected] of cases) {
    const spans = gmbEntities(s).map((e) => `${e.type} ${s.tokens.slice(e.first, e.end).join(' ')}`);
    assert.deepEqual(spans, expected, s.tokens.join(' '));
  }
});

test('entities come out as character spans of the rebuilt text', () => {
  const text = gmbText(sentence("Mr. Kazemi-Qomi met U.S. officials in Baghdad 's Green Zone .", 'B-PER I-PER O B-LOC O O B-LOC O B-LOC I-LOC O'));
  assert.equal(text.text, "Mr. Kazemi-Qomi met U.S. officials in Baghdad's Green Zone.");
  assert.deepEqual(
    text.entities.map((e) => `${e.type} ${text.text.slice(e.start, e.end)}`),
    ['PER Kazemi-Qomi', 'LOC U.S.', 'LOC Baghdad', 'LOC Green Zone'],
  );
});

test('the split holds out whole blocks of 500 sentences: every 10th for test, a few more for dev', () => {
  assert.equal(splitOf(0), 'train');
  assert.equal(splitOf(4499), 'train');
  assert.equal(splitOf(4500), 'test');
  assert.equal(splitOf(4999), 'test');
  assert.equal(splitOf(2000), 'dev');
  assert.equal(splitOf(12000), 'dev');
  assert.equal(splitOf(7000), 'train');
  const counts = { train: 0, dev: 0, test: 0 };
  for (let i = 0; i < 47958; i++) counts[splitOf(i)]++;
  assert.deepEqual(counts, { train: 40958, dev: 2500, test: 4500 });
});
