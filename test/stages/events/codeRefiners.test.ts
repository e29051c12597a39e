import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeArticle } from '../../../src/pipeline/codeArticle.ts';
import { EVENT_REFINERS } from '../../../src/stages/events/codeRefiners.ts';
import { RULES } from '../../../src/stages/events/rules.ts';
import { articleInput } from '../../helpers/doc.ts';

// [rule the event must cite, sentence, code after the refiners]
const CASES: [rule: string, sentence: string, code: string][] = [
  [RULES.thirdLocation, 'Iranian and U.S. officials met in Geneva on Monday.', '044'],
  [RULES.victimsCountry, 'A journalist was killed by a car bomb in Beirut.', '1832'],
  [RULES.verbalAttack, 'Vladimir Putin attacked the United States over its missile shield.', '111'],
  [RULES.verbalAttack, 'The president clashed with reporters.', '111'],
  [RULES.unarmedAttack, 'Students attacked police officers in Athens on Friday.', '180'],
  [RULES.killingOfLeader, 'Gunmen killed the governor of Kandahar province on Sunday.', '186'],
  [RULES.unarmedVictims, 'Qandeel Baloch, a Pakistani social media star, was murdered.', '180'],
  [RULES.cooperationDomain, 'Iran has increased cooperation in the last few years with the navies of China and Russia.', '062'],
  [RULES.cooperationDomain, 'Russia and China agreed to expand military cooperation.', '0312'],
  [RULES.cooperationDomain, 'France and Germany boosted cooperation on trade.', '061'],
  [RULES.actToCome, 'Finland will give Tanzania a grant for its schools.', '033'],
];

test('every event refiner has a real sentence whose event cites it, with the code it makes', () => {
  for (const [rule, sentence, code] of CASES) {
    const events = codeArticle(articleInput(sentence, '2007-05-28')).events;
    const hit = events.find((e) => e.rules.includes(rule));
    assert.ok(hit, `${sentence}: no event cites ${rule}; got ${events.map((e) => `${e.code} [${e.rules.join(', ')}]`).join('; ')}`);
    assert.equal(hit.code, code, sentence);
    // name, root and QuadClass follow the refined code
    assert.equal(hit.root, code.slice(0, 2));
    assert.ok(hit.name.length > 0);
  }
  const covered = new Set(CASES.map(([rule]) => rule));
  for (const refiner of EVENT_REFINERS) assert.ok(covered.has(refiner.id), `refiner ${refiner.id} has a case here`);
});
