import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { articleRecordSchemaJson, validateRecord } from '../../src/model/schema.ts';

test('the committed JSON Schema is the one generated from the model (run `npm run schema` after a model change)', () => {
  const committed = readFileSync(new URL('../../schema/article-record.schema.json', import.meta.url), 'utf8');
  assert.equal(committed, articleRecordSchemaJson());
});

test('the validator rejects records that break the contract', () => {
  assert.ok(validateRecord({}).length > 0);
  assert.ok(validateRecord({ schemaVersion: '0.1' }).some((e) => e.includes('schemaVersion') || e.startsWith('/')));
});
