/** The output contract as JSON Schema (draft 2020-12 compatible), and a validator for records. */
import { Value } from '@sinclair/typebox/value';
import { ArticleRecord } from './record.ts';

export function articleRecordSchemaJson(): string {
  return `${JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', ...ArticleRecord }, null, 2)}\n`;
}

/** Schema violations of a record, as "path: message" lines; empty when the record conforms. */
export function validateRecord(record: unknown): string[] {
  return [...Value.Errors(ArticleRecord, record)].slice(0, 20).map((e) => `${e.path || '/'}: ${e.message}`);
}
