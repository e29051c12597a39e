import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkStages, type Stage } from '../../src/pipeline/stage.ts';
import { STAGES } from '../../src/pipeline/stages.ts';

test('the pipeline order is valid: every layer a stage requires is assigned by an earlier stage', () => {
  assert.doesNotThrow(() => checkStages(STAGES));
  assert.deepEqual(STAGES.map((s) => s.name).slice(0, 3), ['clean', 'topic', 'segment']);
});

test('a stage that reads a layer no earlier stage assigns is refused, naming both', () => {
  const reversed: Stage[] = [...STAGES].reverse();
  assert.throws(() => checkStages(reversed), /stage "quotes" requires tokens, entities, actors/);
});
