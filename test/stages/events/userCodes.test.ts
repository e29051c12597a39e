import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeArticle } from '../../../src/pipeline/codeArticle.ts';
import { defaultWorld } from '../../../src/pipeline/world.ts';
import { articleInput } from '../../helpers/doc.ts';

/** A user's verbs file in a KEDS-style ontology: codes outside CAMEO beside one CAMEO code. */
function userDictionaries(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-user-codes-'));
  writeFileSync(
    join(dir, 'weis.verbs.txt'),
    ['&TIETYPES', '+ECONOMIC', '+MILITARY', '', '--- SNUB [345] ---', 'SNUB', '- * &TIETYPES TIES [902]', '', '--- SCOLD [1123] ---', 'SCOLD', '', '--- CELEBRATE [043] ---', 'CELEBRATE', '- * FEAST IN ^ WITH + [043]', ''].join('\n'),
  );
  writeFileSync(join(dir, 'weis.actors.txt'), ['FRANCE [FRA]', 'GERMANY [DEU]', 'ITALY [ITA]', ''].join('\n'));
  return dir;
}

const DIR = userDictionaries();

const codes = (world: ReturnType<typeof defaultWorld>, text: string) =>
  codeArticle(articleInput(text, '2020-01-01'), { world }).events.map((e) => ({ words: text.slice(e.trigger.start, e.trigger.end), code: e.code, name: e.name, root: e.root, quadClass: e.quadClass, goldstein: e.goldstein, dyad: `${e.source.actor}>${e.target?.actor ?? '-'}` }));

test("a user dictionary's code outside CAMEO is kept as written, named after its verb block, with no CAMEO root, QuadClass or Goldstein", () => {
  for (const world of [defaultWorld({ dictionaries: DIR }), defaultWorld({ addDictionaries: DIR })]) {
    assert.deepEqual(codes(world, 'France snubbed Germany.'), [{ words: 'snubbed', code: '345', name: 'SNUB', root: null, quadClass: null, goldstein: null, dyad: 'FRA>DEU' }]);
    assert.deepEqual(codes(world, 'France snubbed economic ties with Germany.'), [{ words: 'snubbed', code: '902', name: 'SNUB', root: null, quadClass: null, goldstein: null, dyad: 'FRA>DEU' }]);
    // a finer code under a CAMEO one takes the CAMEO entry of its prefix (112)
    const [scold] = codes(world, 'France scolded Germany.');
    assert.equal(scold?.code, '1123');
    assert.equal(scold?.root, '11');
    assert.equal(scold?.quadClass, 3);
  }
});

test("a pattern's + names the target, past an actor its ^ skips", () => {
  for (const world of [defaultWorld({ dictionaries: DIR }), defaultWorld({ addDictionaries: DIR })]) {
    const [feast] = codes(world, 'France celebrated the feast in Italy with Germany.');
    assert.equal(feast?.dyad, 'FRA>DEU');
    assert.equal(feast?.code, '043');
  }
});
