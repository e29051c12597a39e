import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cameoCode } from '../../src/lexicon/cameo.ts';

const goldsteinTable = new Map(
  readFileSync(new URL('../../data/cameo/CAMEO.goldsteinscale.txt', import.meta.url), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.includes('\t'))
    .map((line) => line.split('\t') as [string, string]),
);

test('cameoCode: name, root, Goldstein from the GDELT table, QuadClass and PLOVER', () => {
  const code = cameoCode('1832');
  assert.ok(code);
  assert.equal(code.name, 'Carry out car bombing');
  assert.equal(code.root, '18');
  assert.equal(code.quadClass, 4);
  assert.equal(code.goldstein, Number(goldsteinTable.get('1832')));
  assert.equal(code.goldstein, -10);
  assert.deepEqual(code.plover, { event: 'ASSAULT', mode: 'explosives', context: [] });
});

test('cameoCode: GDELT mojibake and typos are fixed when reading', () => {
  const table: [code: string, name: string][] = [
    ['044', 'Meet at a "third" location'],
    ['033', 'Express intent to provide material aid, not specified below'],
    ['2041', 'Use chemical, biological, or radiological weapons'],
    ['0356', 'Express intent to de-escalate military engagement'],
  ];
  for (const [code, name] of table) assert.equal(cameoCode(code)?.name, name, code);
  for (const code of goldsteinTable.keys()) assert.match(cameoCode(code)!.name, /^[\x20-\x7e]+$/, `${code} has no stray characters`);
});

test('cameoCode: QuadClass follows the root (GDELT rule)', () => {
  const table: [code: string, quadClass: number][] = [
    ['010', 1], ['057', 1], ['060', 2], ['094', 2], ['100', 3], ['145', 3], ['150', 4], ['2042', 4],
  ];
  for (const [code, quadClass] of table) assert.equal(cameoCode(code)?.quadClass, quadClass, code);
});

test('cameoCode: PLOVER mapping, lists of contexts, and none for roots 01 and 02', () => {
  assert.deepEqual(cameoCode('091')?.plover, { event: 'ACCUSE', mode: 'investigate', context: ['crime', 'corruption'] });
  assert.deepEqual(cameoCode('044')?.plover, { event: 'CONSULT', mode: 'third-party', context: [] });
  assert.deepEqual(cameoCode('08')?.plover, { event: 'CONCEDE', mode: null, context: [] });
  assert.equal(cameoCode('010')?.plover, null);
  assert.equal(cameoCode('0211')?.plover, null);
});

test('cameoCode: every GDELT code is known, and codes GDELT lacks are null', () => {
  for (const code of goldsteinTable.keys()) assert.ok(cameoCode(code), code);
  for (const code of ['999', '1213', '', '18a']) assert.equal(cameoCode(code), null, code);
});
