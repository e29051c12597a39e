import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Token } from '../../../../src/model/analysis.ts';
import { describeWord, featureName, ownFeatures, plainWord, sentenceCasing, staticFeatures, viewSentence } from '../../../../src/stages/entities/tagger/features.ts';
import { Gazetteer, LIST_NAMES, matchKey, type PhraseLists } from '../../../../src/stages/entities/tagger/gazetteer.ts';
import { segment } from '../../../../src/stages/segment/index.ts';

function lists(entries: Partial<Record<keyof PhraseLists, string[]>>): PhraseLists {
  return Object.fromEntries(LIST_NAMES.map((name) => [name, entries[name] ?? []])) as unknown as PhraseLists;
}

function sentenceTokens(text: string): Token[] {
  return segment(text, [{ start: 0, end: text.length }]).tokens;
}

function featuresAt(text: string, word: string, gazetteer = Gazetteer.of(lists({})), headline = false): string[] {
  const tokens = sentenceTokens(text);
  const view = viewSentence(tokens, headline, gazetteer);
  const i = tokens.findIndex((t) => t.text === word);
  assert.notEqual(i, -1, `no token "${word}"`);
  const features: string[] = [];
  staticFeatures(view, i, (t, v, s) => features.push(featureName(t, v, s)));
  return features;
}

test('word shapes, short shapes and capital classes', () => {
  const cases: [string, string, string, string][] = [
    ['Kazemi', 'Xxxxx', 'Xx', 'C'],
    ['U.S.', 'X.X.', 'X.X.', 'U'],
    ['1,200', 'd,ddd', 'd,d', '-'],
    ['BAGHDAD', 'XXXX', 'X', 'U'],
    ['al', 'xx', 'x', 'l'],
    ['McDonald', 'XxXxxxx', 'XxXx', 'C'],
    ['Fallūjah', 'Xxxxx', 'Xx', 'C'],
    ['Kazemi-Qomi', 'Xxxxx-Xxxx', 'Xx-Xx', 'C'],
  ];
  for (const [text, shape, short, capital] of cases) {
    const word = describeWord(text);
    assert.deepEqual([word.shape, word.shortShape, word.capital], [shape, short, capital], text);
  }
  assert.equal(describeWord('Fallūjah').key, 'fallujah');
  assert.equal(matchKey('Shi’ite'), "shi'ite");
});

test('prefixes and suffixes of the lower-cased word, up to 4 letters and shorter than the word', () => {
  const features: string[] = [];
  ownFeatures(describeWord('Crocker'), (t, v) => features.push(featureName(t, v)));
  assert.deepEqual(features, ['w=crocker', 'W=Crocker', 'p1=c', 's1=r', 'p2=cr', 's2=er', 'p3=cro', 's3=ker', 'p4=croc', 's4=cker']);
  const short: string[] = [];
  ownFeatures(describeWord('Al'), (t, v) => short.push(featureName(t, v)));
  assert.deepEqual(short, ['w=al', 'W=Al', 'p1=a', 's1=l']);
});

test('sentence casing tells ALL CAPS and Title Case headlines from body text', () => {
  const casing = (text: string) => sentenceCasing(sentenceTokens(text).map((t) => describeWord(t.text)));
  assert.equal(casing('IRAN AND U.S. HOLD TALKS IN BAGHDAD'), 'A');
  assert.equal(casing('U.S., Iran Hold "Positive" Talks on Iraq Violence'), 'T');
  assert.equal(casing('U.S. ambassador to Iraq Ryan Crocker met his Iranian counterpart in Baghdad.'), 'N');
  assert.equal(casing('we will not talk to them, he said.'), 'L');
  assert.equal(casing('NATO and UN'), 'N');
  // Many names, but "met" is a lower-case content word: body text.
  assert.equal(casing('Ryan Crocker met Hassan Kazemi in Baghdad.'), 'N');
});

test('shape features carry the casing, so an ALL-CAPS word in a headline is not an acronym', () => {
  assert.ok(featuresAt('IRAN AND U.S. HOLD TALKS IN BAGHDAD', 'TALKS').includes('S=AXXXX'));
  assert.ok(featuresAt('The TALKS resumed in Baghdad on Monday.', 'TALKS').includes('S=NXXXX'));
  assert.ok(featuresAt('IRAN AND U.S. HOLD TALKS', 'TALKS', undefined, true).includes('head=AX'));
});

test('gazetteer marks: first, inside and whole-phrase matches, over wink tokens', () => {
  const gazetteer = Gazetteer.of(lists({ city: ['new york', 'baghdad'], actorPerson: ['hassan kazemi - qomi'], firstName: ['hassan'] }));
  const inBaghdad = featuresAt('He flew from New York to Baghdad.', 'Baghdad', gazetteer);
  assert.ok(inBaghdad.includes('g0=city:U'));
  assert.ok(inBaghdad.includes('gc=city:UNC'));
  assert.ok(featuresAt('He flew from New York to Baghdad.', 'New', gazetteer).includes('g0=city:B'));
  assert.ok(featuresAt('He flew from New York to Baghdad.', 'York', gazetteer).includes('g0=city:I'));
  assert.ok(featuresAt('He flew from New York to Baghdad.', 'to', gazetteer).includes('g-1=city:I'));
  const qomi = featuresAt('He met Hassan Kazemi-Qomi on Monday.', 'Qomi', gazetteer);
  assert.ok(qomi.includes('g0=actorPerson:I'));
  assert.ok(featuresAt('He met Hassan Kazemi-Qomi on Monday.', 'Hassan', gazetteer).includes('g0=firstName:U'));
  assert.ok(!featuresAt('He met them on Monday.', 'them', gazetteer).some((f) => f.startsWith('g0=')));
});

test('hyphenated names are one run of name-like tokens, joined without spaces', () => {
  const features = featuresAt('Prime Minister Nuri al-Maliki spoke.', 'al');
  assert.ok(features.includes('rp=I4'), features.join(' '));
  assert.ok(features.includes('rh=maliki'));
  assert.ok(features.includes('j=01|x'));
  assert.ok(featuresAt('He met Hassan Kazemi-Qomi on Monday.', '-').includes('jj=Xx-Xx'));
  assert.ok(!featuresAt('They fired Iranian-made rockets.', 'made').some((f) => f.startsWith('rp=')));
});

test('plain words: common lower-case words of body text, never name openers, caps or hyphenated parts', () => {
  const gazetteer = Gazetteer.of(lists({ lowerWord: ['said', 'in', 'southern', 'made', 'troops'] }));
  const plain = (text: string, headline = false) => {
    const tokens = sentenceTokens(text);
    const view = viewSentence(tokens, headline, gazetteer);
    return tokens.filter((_, i) => plainWord(view, i)).map((t) => t.text);
  };
  assert.deepEqual(plain('Officials said troops in southern Iraq fired Iranian-made rockets.'), ['said', 'troops', 'in']);
  assert.deepEqual(plain('IRAN SAID TROOPS IN BAGHDAD WOULD STAY', true), []);
});
