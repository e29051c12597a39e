import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personWithRoleBefore } from '../../src/doc/coref.ts';
import { buildDoc } from '../../src/pipeline/codeArticle.ts';
import { STAGES } from '../../src/pipeline/stages.ts';
import { defaultWorld } from '../../src/pipeline/world.ts';
import { articleInput } from '../helpers/doc.ts';

const UP_TO_ENTITIES = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'entities') + 1);

// [text, the role mention (first lower-case occurrence), role, the person it stands for or null]
const CASES: [string, string, string, string | null][] = [
  ['German Chancellor Angela Merkel visited Athens. The chancellor met Prime Minister Alexis Tsipras.', 'chancellor', 'chancellor', 'Angela Merkel'],
  ['Kenyan President Daniel Mwangi flew to Addis Ababa. Ethiopian Prime Minister Abiy Ahmed met the president there.', 'president', 'president', 'Daniel Mwangi'],
  // the title must have been held by someone earlier in the article
  ['The chancellor met Prime Minister Alexis Tsipras. German Chancellor Angela Merkel later left.', 'chancellor', 'chancellor', null],
  ['German Chancellor Angela Merkel visited Athens. The minister met reporters.', 'minister', 'minister', null],
];

for (const [text, words, role, person] of CASES) {
  test(`"the ${words}" in "${text}" → ${person ?? 'nobody'}`, () => {
    const doc = buildDoc(articleInput(text, '2015-06-01'), defaultWorld(), UP_TO_ENTITIES);
    const found = personWithRoleBefore(doc, text.indexOf(words), role);
    assert.equal(found ? found.entity.name : null, person);
  });
}
