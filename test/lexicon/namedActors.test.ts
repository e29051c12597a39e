import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDoc } from '../../src/pipeline/codeArticle.ts';
import { STAGES } from '../../src/pipeline/stages.ts';
import { defaultWorld } from '../../src/pipeline/world.ts';
import { namedActor, namedActorBySurname, namedActorRows } from '../../src/lexicon/namedActors.ts';
import { articleInput } from '../helpers/doc.ts';

const UP_TO_ACTORS = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'actors') + 1);

/** The code of the actor the [bracketed] words name on `date`: the actor mention (else coded entity) on their last word. */
function codeOfBracketed(example: string, date: string): { code: string | null; words: string } {
  const open = example.indexOf('[');
  const close = example.indexOf(']');
  const text = example.replace('[', '').replace(']', '');
  const doc = buildDoc(articleInput(text, date), defaultWorld(), UP_TO_ACTORS);
  const head = doc.tokenAt(close - 2);
  return { code: doc.actorAt(head)?.code ?? doc.entityAt(head)?.entity.actor ?? null, words: text.slice(open, close - 1) };
}

for (const row of namedActorRows()) {
  test(`named-actors.tsv ${row.id}: "${row.example}" on ${row.exampleDate} → ${row.code}`, () => {
    assert.ok(row.from === null || row.from <= row.exampleDate, 'the example date is inside the row');
    assert.ok(row.to === null || row.exampleDate < row.to, 'the example date is inside the row');
    const { code, words } = codeOfBracketed(row.example, row.exampleDate);
    assert.equal(code, row.code, `"${words}"`);
  });
}

test('a person out of office gets the code of the day, not the dictionaries\' open-ended office', () => {
  const cases: [string, string, string | null][] = [
    ['Joe Biden', '2015-04-02', 'USAGOV'],
    ['Joe Biden', '2020-06-01', 'USAELI'],
    ['joe biden', '2022-03-01T10:00:00Z', 'USAGOV'],
    ['Donald Trump', '2023-04-04', 'USAELI'],
    // before the table's first row: the dictionaries answer
    ['Barack Obama', '2012-01-01', null],
    ['Kim Jong Un', '2018-06-12', 'PRKGOV'],
    ['Mevlut Cavusoglu', '2019-10-17', 'TURGOV'],
  ];
  for (const [name, date, code] of cases) assert.equal(namedActor(name, date)?.code ?? null, code, `${name} ${date}`);
});

test('a surname stands for the one person of the table holding a code on the day', () => {
  assert.equal(namedActorBySurname('Biden', '2020-06-01')?.code, 'USAELI');
  assert.equal(namedActorBySurname('Trump', '2019-06-01')?.code, 'USAGOV');
  // "Sharif": Nawaz (to 2017) and Shehbaz (from 2022) never overlap; neither holds in 2019
  assert.equal(namedActorBySurname('Sharif', '2019-06-01'), null);
  // "Lam", "Kim": too short to stand for one person
  assert.equal(namedActorBySurname('Lam', '2019-09-04'), null);
});

test('without a date only an undated row answers', () => {
  assert.equal(namedActor('Joe Biden', null), null);
  assert.equal(namedActor('Yonhap', null)?.code, 'KORMED');
});

test('historical states and organisations resolve in text; international wires keep no country', () => {
  const world = defaultWorld();
  const text = 'The European Community imposed sanctions on Yugoslavia. Reuters reported that Soviet troops had left Czechoslovakia.';
  const doc = buildDoc(articleInput(text, '1991-09-07'), world, UP_TO_ACTORS);
  const codeOf = (words: string) => {
    const end = text.indexOf(words) + words.length;
    const head = doc.tokenAt(end - 1);
    return doc.actorAt(head)?.code ?? doc.entityAt(head)?.entity.actor ?? null;
  };
  assert.equal(codeOf('European Community'), 'IGOEUREEC');
  assert.equal(codeOf('Yugoslavia'), 'YUG');
  assert.equal(codeOf('Czechoslovakia'), 'CSK');
  assert.equal(codeOf('Soviet troops')?.slice(0, 3), 'SUN');
  assert.equal(codeOf('Reuters'), 'MED');
});
