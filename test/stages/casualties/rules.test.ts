import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  CLAIM_CUE, COUNT_RULES, CUMULATIVE_CUES, HISTORICAL_YEAR_RULE, KIND_MODIFIERS, MERGE_RULES, PERFECT_TOTAL_RULE, PERSON_QUANTITIES,
  QUANTITY_MODIFIERS, VAGUE_QUANTITIES, WEAK_WOUNDED_RULE,
} from '../../../src/stages/casualties/rules.ts';
import { casualtiesOf } from './code.ts';

const LEXICONS = ['casualty-triggers', 'casualty-incidents', 'casualty-victims', 'casualty-units', 'casualty-not-violence', 'casualty-perpetrators'];
const rows = (name: string) =>
  readFileSync(new URL(`../../../data/lexicon/${name}.tsv`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));

const firedBy = (example: string) => casualtiesOf(example).flatMap((c) => c.rules);

test('casualty rule and lexicon ids are unique', () => {
  const ids = [
    ...COUNT_RULES, ...QUANTITY_MODIFIERS, ...VAGUE_QUANTITIES, ...CUMULATIVE_CUES, ...KIND_MODIFIERS,
    ...Object.values(PERSON_QUANTITIES), ...Object.values(MERGE_RULES), CLAIM_CUE, WEAK_WOUNDED_RULE, PERFECT_TOTAL_RULE, HISTORICAL_YEAR_RULE,
  ].map((r) => r.id);
  const lexiconIds = LEXICONS.flatMap((name) => rows(name).map(([id]) => id!));
  const all = [...ids, ...lexiconIds];
  assert.deepEqual(all.filter((id, k) => all.indexOf(id) !== k), []);
  assert.ok(all.every((id) => id.startsWith('casualties.')));
});

test('every rule’s own example fires it', () => {
  const tables = [COUNT_RULES, QUANTITY_MODIFIERS, VAGUE_QUANTITIES, KIND_MODIFIERS, Object.values(PERSON_QUANTITIES), Object.values(MERGE_RULES), [CLAIM_CUE, WEAK_WOUNDED_RULE]];
  const failures = tables.flat().filter((rule) => !firedBy(rule.example).includes(rule.id)).map((rule) => `${rule.id}: ${rule.example}`);
  for (const cue of [...CUMULATIVE_CUES, PERFECT_TOTAL_RULE, HISTORICAL_YEAR_RULE]) {
    const found = casualtiesOf(cue.example, { published: '2016-01-15' });
    if (!found.some((c) => c.cumulative && c.rules.includes(cue.id))) failures.push(`${cue.id}: ${cue.example}`);
  }
  assert.deepEqual(failures, []);
});

test('every casualty trigger’s example fires it, except the phrases that say no one was hit', () => {
  const failures = rows('casualty-triggers')
    .filter(([id, cls, , , , , example]) => (cls === 'not' ? casualtiesOf(example!).length > 0 : !firedBy(example!).includes(id!)))
    .map(([id, , , , , , example]) => `${id}: ${example}`);
  assert.deepEqual(failures, []);
});
