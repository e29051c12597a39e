import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../../src/stages/entities/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { defaultWorld } from '../../../src/pipeline/world.ts';

const run = (text: string) => findEntities(segment(text, [{ start: 0, end: text.length }]), defaultWorld().entities);
/** Every name mention as "type:words". */
const mentions = (text: string) => run(text).flatMap((e) => e.mentions.filter((m) => m.kind !== 'pronoun').map((m) => `${e.type}:${text.slice(m.start, m.end)}`));

// [text, mentions that must be found, mentions that must not]
const CASES: [string, string[], string[]][] = [
  // a noun for an organisation beside a name makes it one, whatever town or person shares the name
  ['State-owned Iranian news agency Fars reported the arrests.', ['ORG:Fars'], ['PERSON:Fars', 'LOC:Fars']],
  ['The official Xinhua news agency said China is ready to help.', ['ORG:Xinhua'], ['GPE:Xinhua']],
  ['The press rights group Reporters Without Borders urged Venezuela to act.', ['ORG:Reporters Without Borders'], []],
  ['Shares of the Lagos-based Intelogic fell sharply on Monday.', ['ORG:Intelogic'], []],
  // ...but a title after the noun still opens a person's name
  ['The company CEO Tim Cook said sales rose.', ['PERSON:Tim Cook'], ['ORG:CEO Tim Cook']],
  // a title word inside an organisation's name stays in it
  ['U.S. automaker General Motors holds a majority stake.', ['ORG:General Motors'], ['ORG:Motors']],
  ['Mukasey announced the Justice Department investigation on Wednesday.', ['ORG:Justice Department'], ['ORG:Department']],
  ['He spoke at the United Nations General Assembly on Monday.', ['ORG:United Nations General Assembly'], ['ORG:Assembly']],
  // a nickname in quotes stays inside the person's name
  ['54-year-old Metropolitan Police sergeant Matiu "Matt" Ratana was shot on Friday.', ['PERSON:Matiu "Matt" Ratana', 'ORG:Metropolitan Police'], ['PERSON:Matiu', 'PERSON:Matt" Ratana']],
  ['Joaquín "El Chapo" Guzmán was extradited to the United States.', ['PERSON:Joaquín "El Chapo" Guzmán'], ['PERSON:Guzmán']],
  // a name the actor dictionaries code as a bare country is a nationality
  ['South Korean officials said the talks failed.', ['NORP:South Korean'], ['ORG:South Korean']],
  // a sentence's capitalised first word that only an organisation's name could end in is the common noun
  ['Police said two people died in the blast.', [], ['ORG:Police']],
  ['The Los Angeles Police Department investigated the case.', ['ORG:Los Angeles Police Department'], []],
  // "US" in capitals inside a sentence is the country, not the pronoun
  ['The US had been allied with Kurdish groups.', ['GPE:US'], []],
  ['They told us to leave.', [], ['GPE:us']],
];

for (const [text, present, absent] of CASES) {
  test(`names of organisations, nationalities and people: "${text}"`, () => {
    const found = mentions(text);
    for (const m of present) assert.ok(found.includes(m), `${m} in ${found.join(', ')}`);
    for (const m of absent) assert.ok(!found.includes(m), `${m} not in ${found.join(', ')}`);
  });
}

test('an acronym of an organisation named before is that organisation; one that spells no earlier name is not', () => {
  const text = 'The Syrian Democratic Forces (SDF) opposed the withdrawal. In a statement, the SDF said a deal was reached with NATO.';
  const sdf = run(text).find((e) => e.name === 'Syrian Democratic Forces');
  assert.deepEqual(sdf?.mentions.map((m) => text.slice(m.start, m.end)), ['Syrian Democratic Forces', 'SDF', 'SDF']);
  assert.ok(sdf.rules.includes('coref.acronym'));
  assert.ok(!sdf.mentions.some((m) => text.slice(m.start, m.end) === 'NATO'));
});
