import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findKey, keySlots, pack, unpack, type StringList } from '../../src/lexicon/packed.ts';
import { cityIndex } from '../../src/lexicon/cities.ts';

test('pack and unpack give back integer arrays and string lists, also from an unaligned buffer', () => {
  const words = ['Baghdad', '', 'Tikrīt', 'al Ḩillah', 'ok'];
  const packed = pack({ ids: Int32Array.from([-3, 0, 98182]), rows: Uint32Array.from([7]), words, none: [] });
  for (const buffer of [packed, Buffer.concat([Buffer.alloc(1), packed]).subarray(1)]) {
    const sections = unpack(buffer);
    assert.deepEqual([...(sections.get('ids') as Int32Array)], [-3, 0, 98182]);
    assert.deepEqual([...(sections.get('rows') as Uint32Array)], [7]);
    const list = sections.get('words') as StringList;
    assert.deepEqual(Array.from({ length: list.length }, (_, i) => list.at(i)), words);
    assert.equal((sections.get('none') as StringList).length, 0);
  }
});

test('findKey finds every key through its slots and nothing else', () => {
  const keys = ['baghdad', 'basra', 'basrah', 'al hillah', 'tikrit', ''];
  const list = unpack(pack({ keys })).get('keys') as StringList;
  const slots = keySlots(keys);
  keys.forEach((key, i) => assert.equal(findKey(list, slots, key), i, key));
  for (const absent of ['bagdad', 'basr', 'basrahs', 'Baghdad', 'x']) assert.equal(findKey(list, slots, absent), -1, absent);
});

test('the compiled city index answers by folded name, loose name and GeoNames id', () => {
  const cities = cityIndex();
  const baghdad = cities.byName.get('baghdad')?.find((c) => c.country === 'IQ');
  assert.deepEqual(baghdad && { id: baghdad.id, name: baghdad.name, featureCode: baghdad.featureCode, lat: baghdad.lat, lon: baghdad.lon }, { id: 98182, name: 'Baghdad', featureCode: 'PPLC', lat: 33.34058, lon: 44.40088 });
  assert.equal(cities.byId.get(98182), baghdad, 'one object per city');
  assert.ok(cities.byLooseName.get('faluja')?.some((c) => c.name === 'Al Fallūjah'));
  assert.equal(cities.byName.get('no such town anywhere'), undefined);
  assert.equal(cities.byId.get(1), undefined);
});

test('a string list compares keys in place, ASCII or not, whole or in parts', () => {
  const words = ['Tikrīt', 'al Ḩillah', 'ok', 'w=x|y', '’s', '\u{1F600}'];
  const list = unpack(pack({ words })).get('words') as StringList;
  words.forEach((word, i) => assert.ok(list.equals(i, word), word));
  assert.ok(list.equalsJoined(1, 'al ', 'Ḩillah'));
  assert.ok(list.equalsJoined(3, 'w', '=', 'x', '|', 'y'));
  assert.ok(!list.equalsJoined(3, 'w', '=', 'x', '|', 'z'));
  assert.ok(!list.equals(0, 'Tikrit'), 'a letter with a mark is not the bare letter');
  assert.ok(!list.equals(2, 'oк'), 'same length in UTF-16, not in UTF-8');
  assert.ok(!list.equals(4, "'s"));
  assert.ok(!list.equals(0, 'Tikr\u00C4\u00ABt'), 'the bytes of ī read as Latin-1 are not ī');
  assert.ok(!list.equals(5, '\uD83D'), 'a lone surrogate is no character');
});
