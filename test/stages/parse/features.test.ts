import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACTION_TEMPLATES,
  actionAtoms,
  BUFFER_TEMPLATES,
  LABEL_TEMPLATES,
  labelAtoms,
  SentenceCodes,
  STACK_TEMPLATES,
  STATE_TEMPLATES,
  TemplateSet,
} from '../../../src/stages/parse/features.ts';
import { ParserState, RIGHT, SHIFT, LEFT } from '../../../src/stages/parse/transitions.ts';
import { Lexicon, MORPH_CLASSES, morphClass, shapeOf, tagId, UNKNOWN_WORD, wordKey } from '../../../src/stages/parse/words.ts';

const lexicon = new Lexicon(new Map([['police', 2], ['arrested', 3], ['him', 4], ['0,000', 5]]));

function encode(words: string[], upos: string[]): SentenceCodes {
  const codes = new SentenceCodes();
  codes.encode(lexicon, words, upos);
  return codes;
}

const atom = (set: TemplateSet, atoms: Int32Array, name: string) => atoms[set.atomNames.indexOf(name)];

test('words: vocabulary keys fold case and digits; unknown words share one id', () => {
  assert.equal(wordKey('1,200'), '0,000');
  assert.equal(wordKey('Police'), 'police');
  const codes = encode(['Police', 'arrested', 'Kazemi-Qomi', '3,500'], ['NOUN', 'VERB', 'PROPN', 'NUM']);
  assert.deepEqual([...codes.word.slice(0, 4)], [2, 3, UNKNOWN_WORD, 5]);
  assert.deepEqual([...codes.tag.slice(0, 4)], [tagId('NOUN'), tagId('VERB'), tagId('PROPN'), tagId('NUM')]);
  assert.equal(tagId('NOT-A-TAG'), tagId('X'));
});

test('morphological classes sharpen wink tags: verb forms, plurals, capitals', () => {
  const cls = (form: string, upos: string) => {
    const codes = encode([form], [upos]);
    return MORPH_CLASSES[codes.fine[0]! - codes.tag[0]! * MORPH_CLASSES.length];
  };
  assert.equal(cls('killed', 'VERB'), 'past');
  assert.equal(cls('killing', 'VERB'), 'ing');
  assert.equal(cls('kills', 'VERB'), 's');
  assert.equal(cls('kill', 'VERB'), 'base');
  assert.equal(cls('soldiers', 'NOUN'), 'plural');
  assert.equal(cls('Monday', 'PROPN'), 'capital');
  assert.equal(cls('UN', 'PROPN'), 'caps');
  assert.equal(cls('the', 'DET'), '-');
  assert.equal(morphClass(0, tagId('DET')), 0);
  assert.equal(shapeOf('3:30') & 1, 1, 'a digit');
  assert.equal(shapeOf('al-Maliki') & 2, 2, 'a hyphen');
  assert.equal(shapeOf('...') & 8, 8, 'no letter');
});

test('a template set rejects unknown atoms and gives each template its own key', () => {
  assert.throws(() => new TemplateSet(['S0'], [], ['S0w S0zz']), /unknown atom S0zz/);
  const set = new TemplateSet(['S0'], ['d'], ['S0w', 'S0p', 'S0w S0p', 'd']);
  const atoms = set.newAtoms();
  atoms[set.atomNames.indexOf('S0w')] = 7;
  atoms[set.atomNames.indexOf('S0p')] = 7;
  const keys = new Int32Array(4);
  set.keys(atoms, keys);
  assert.equal(new Set(keys).size, 4, 'the same values under different templates are different features');
  assert.ok(!keys.includes(0), 'no key is 0 (the empty slot)');
  const again = new Int32Array(4);
  set.keys(atoms, again);
  assert.deepEqual(again, keys, 'keys are deterministic');
  atoms[set.atomNames.indexOf('S0w')] = 8;
  set.keys(atoms, again);
  assert.notEqual(again[0], keys[0], 'a different word is a different feature');
  assert.equal(again[1], keys[1], 'a template that does not read the word keeps its key');
  const subset = new Int32Array(1);
  set.compile(Int32Array.of(2))(atoms, subset);
  assert.equal(subset[0], again[2], 'a compiled subset computes the same key as keys');
  assert.deepEqual([...again], [0, 1, 2, 3].map((t) => set.key(t, atoms)), 'the compiled keys are the reference keys');
});

test('the action templates split into buffer-only, stack-top-only and state groups that cover them all once', () => {
  const all = [...BUFFER_TEMPLATES, ...STACK_TEMPLATES, ...STATE_TEMPLATES].sort((a, b) => a - b);
  assert.deepEqual(all, Array.from({ length: ACTION_TEMPLATES.size }, (_, t) => t));
  for (const t of BUFFER_TEMPLATES) assert.match(ACTION_TEMPLATES.templates[t]!, /^(N[012][wpfsx] ?)+$/);
  for (const t of STACK_TEMPLATES) assert.match(ACTION_TEMPLATES.templates[t]!, /^(S0[wpfsx] ?)+$/);
  assert.ok(ACTION_TEMPLATES.templates.includes('S0x N0x N0lx'), 'three-word templates of Zhang & Nivre');
});

test('action atoms read the stack top, its children and the buffer', () => {
  // Police arrested him . : after SHIFT Police, LEFT Police ← arrested, SHIFT arrested, RIGHT arrested → him
  const codes = encode(['Police', 'arrested', 'him', '.'], ['NOUN', 'VERB', 'PRON', 'PUNCT']);
  const state = new ParserState();
  state.reset(4);
  state.apply(SHIFT, -1);
  state.apply(LEFT, 5);
  state.apply(SHIFT, -1);
  state.apply(RIGHT, 9);
  const atoms = ACTION_TEMPLATES.newAtoms();
  actionAtoms(state, codes, atoms);
  const a = (name: string) => atom(ACTION_TEMPLATES, atoms, name);
  assert.equal(a('S0w'), 4, 'S0 is "him"');
  assert.equal(a('S0hw'), 3, 'its head is "arrested"');
  assert.equal(a('S0L'), 9 + 2, 'its label');
  assert.equal(a('S1w'), 3);
  assert.equal(a('N0p'), tagId('PUNCT'));
  assert.equal(a('N1w'), 0, 'nothing after the full stop');
  assert.equal(a('d'), 1, 'S0 and N0 are adjacent');
  assert.equal(a('S0vl'), 1, 'no left children (valency + 1)');
  state.apply(1, -1); // REDUCE him
  actionAtoms(state, codes, atoms);
  assert.equal(a('S0w'), 3, 'S0 is "arrested"');
  assert.equal(a('S0lw'), 2, 'its leftmost child is "Police"');
  assert.equal(a('S0rw'), 4, 'its rightmost child is "him"');
  assert.equal(a('S0vl'), 2);
  assert.equal(a('S0hw'), 0, 'no head yet');
  assert.equal(a('S0L'), 1, 'headless');
});

test('label atoms read the head, the dependent and its children', () => {
  const codes = encode(['Police', 'arrested', 'him'], ['NOUN', 'VERB', 'PRON']);
  const state = new ParserState();
  state.reset(3);
  state.apply(SHIFT, -1);
  const atoms = LABEL_TEMPLATES.newAtoms();
  labelAtoms(state, codes, 1, 0, atoms);
  const a = (name: string) => atom(LABEL_TEMPLATES, atoms, name);
  assert.equal(a('Hw'), 3);
  assert.equal(a('Dw'), 2);
  assert.equal(a('Dnw'), 3, 'the word after the dependent');
  assert.equal(a('Dmw'), 0, 'nothing before the first word');
  assert.equal(a('dd'), 8 + 1, 'leftwards, one word apart');
});
