/** Writes schema/article-record.schema.json from the TypeBox model (src/model/record.ts). */
import { writeFileSync } from 'node:fs';
import { articleRecordSchemaJson } from '../src/model/schema.ts';

const path = new URL('../schema/article-record.schema.json', import.meta.url);
writeFileSync(path, articleRecordSchemaJson());
console.log(`wrote ${path.pathname}`);
