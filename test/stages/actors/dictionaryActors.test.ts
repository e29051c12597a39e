import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Doc } from '../../../src/doc/doc.ts';
import { buildDoc } from '../../../src/pipeline/codeArticle.ts';
import { STAGES } from '../../../src/pipeline/stages.ts';
import { defaultWorld, type World } from '../../../src/pipeline/world.ts';
import { combineCodes } from '../../../src/stages/actors/dictionaryActors.ts';
import { articleInput } from '../../helpers/doc.ts';

const UP_TO_ACTORS = STAGES.slice(0, STAGES.findIndex((s) => s.name === 'actors') + 1);

/** "words=CODE" per actor mention, members joined by "/". */
function actorsOf(world: World, text: string, date: string | null): string[] {
  const doc: Doc = buildDoc(articleInput(text, date), world, UP_TO_ACTORS);
  return doc.actors.map((a) => {
    assert.equal(doc.text.slice(a.start, a.end), a.name, 'offsets hold the name');
    assert.match(a.rule, /^actors\.petrarch:/);
    return `${a.name}=${a.members ? a.members.map((m) => m.code).join('/') : a.code}`;
  });
}

const SUITE = new URL('../../../../shared/data/petrarch_validation/dictionaries/', import.meta.url).pathname;

test("dictionaries-only actors over the suite's dictionaries: agents before and after, dates, compounds", { skip: existsSync(SUITE) ? false : 'needs ../shared/data/petrarch_validation (not in this clone)' }, () => {
  const world = defaultWorld({ dictionaries: SUITE });
  const table: [text: string, date: string, actors: string[]][] = [
    ['Arnor cleric is about to restore ties.', '1995-01-01', ['Arnor cleric=ARNREL']],
    ['MSF Arnor is about to restore ties.', '1995-01-01', ['MSF Arnor=NGOARN']],
    ['An MSF Arnor diplomat is about to restore ties.', '1995-01-01', ['An MSF Arnor diplomat=NGOARNGOV']],
    ["They restored ties with Gondor's main opposition groups.", '1995-01-01', ["Gondor's main opposition groups=GONMOP"]],
    ["They restored ties with Gondor's polices.", '1995-01-01', ["Gondor's polices=GON"]],
    ["Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith.", '1995-01-03', ["Dagolath's first Deputy Prime Minister Telemar=DAGGOV", 'Minas Tirith=GON']],
    ['Washington security officials met.', '1995-01-01', ['Washington security officials=USAGOV']],
    ['The Quibbler government newspaper met.', '1995-01-01', ['The Quibbler government newspaper=HGWGOVMED']],
    ['West German world government activists met.', '1995-01-01', ['West German world government activists=GMWGOVWGO']],
    ['Human rights activists in Arnor met.', '1995-01-01', ['Human rights activists in Arnor=ARNOPP']],
    ['The ambassadors of Arnor, Osgiliath and Gondor presented credentials.', '1995-01-08', ['The ambassadors of Arnor, Osgiliath and Gondor=ARNGOV/OSGGOV/GONGOV']],
    ['Lawmakers and officials in Fornost and Gondor welcomed it.', '1995-01-04', ['Lawmakers and officials in Fornost and Gondor=FORLEG/GONLEG/FORGOV/GONGOV']],
    ['Ithilen and the government of Gondor warned them.', '1999-08-09', ['Ithilen and the government of Gondor=ITH/GONGOV']],
    ['The Danish Islamist media and government warned them.', '1999-08-09', ['The Danish Islamist media and government=DNKMUSMED/DNKMUSGOV']],
    ['Clerics and lawmakers believe it.', '1995-01-07', ['Clerics and lawmakers=---REL/---LEG']],
    ['Mordor, the Shire, Fornost and Bree welcomed it.', '1995-01-04', ['Mordor, the Shire, Fornost and Bree=MOR/FRO/BIL/SAM/FOR/BRE']],
    ['The lions and the evil awful Gondor welcomed it.', '1995-01-04', ['the evil awful Gondor=GON']],
    ['Neither Galadriel nor Gollum boycotted the parade.', '1992-01-02', ['Galadriel nor Gollum=ELF/HOB']],
    ["Ithilen's awful and evil minister Calimehtar warned of the Prince of Dol Amroth.", '1999-08-09', ["Ithilen's awful and evil minister Calimehtar=ITHGOV", 'the Prince of Dol Amroth=DOL']],
    ['It warned of the Prince of Dol Amroth.', '1995-01-01', []], // [--- <950630]: no code yet
    ['The information ministry of Gondor said so.', '1995-01-05', ['The information ministry of Gondor=GON']],
    ['Gondor, Arnor said.', '1995-01-01', ['Gondor=GON', 'Arnor=ARN']],
    ['Osgiliath, the state\'s fiercest foe, said so.', '1995-01-01', ['Osgiliath=OSG']],
    ['Sam Gamgee met a bunch of Morgul Orcs.', '2010-01-09', ['Sam Gamgee=ORCHOB', 'a bunch of Morgul Orcs=MRGORC']],
    ['Sam Gamgee met the Morgul Orcs.', '2010-01-13', ['Sam Gamgee=HOBMIL', 'the Morgul Orcs=MRGORC']],
    ['Slinker met Zimbabwe.', '1978-12-23', ['Slinker=HOB', 'Zimbabwe=RHO']],
    ['Fornost President Umbardacil appealed for peace in Ithilen state-run television.', '1995-01-16', ['Fornost President Umbardacil=FORGOV', 'Ithilen state-run television=ITHTV']],
    ['Russian police arrested students in Moscow today.', '1995-01-04', ['Russian police=RUSCOP', 'students=---EDU']],
    ['The crowds trashed its embassy.', '1995-01-01', []],
    // discards: a story discard empties the story, a sentence discard its sentence
    ['Arnor met Gondor. Years after a typhoon trashed its embassy, Bree met Rohan.', '1995-01-01', []],
    ['Arnor met Gondor. Bree met Rohan over baseball.', '1995-01-01', ['Arnor=ARN', 'Gondor=GON']],
  ];
  for (const [text, date, actors] of table) assert.deepEqual(actorsOf(world, text, date), actors, text);
  const discarded = buildDoc(articleInput('Arnor met Gondor. Bree met Rohan over baseball.', '1995-01-01'), world, UP_TO_ACTORS);
  assert.deepEqual(discarded.messages.map((m) => [m.rule, discarded.text.slice(m.start, m.end)]), [['user:petr.validate.discards:BASEBALL', 'baseball']]);
});

test('dictionaries-only actors come from the dictionaries alone: no tagger or gazetteer countries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-dict-actors-'));
  writeFileSync(join(dir, 'mine.actors.txt'), 'ARNOR_ [ARN]\nRYAN_CROCKER_\n\t[USAGOV 070329-090213]\n\t[USAELI]\n');
  writeFileSync(join(dir, 'mine.agents.txt'), 'POLICE {} [~COP]\nREBEL [~REB]\n');
  const world = defaultWorld({ dictionaries: dir });
  assert.deepEqual(actorsOf(world, 'Arnor police and Iraqi rebels met Ryan Crocker in Baghdad.', '2008-01-01'), ['Arnor police and Iraqi rebels=ARNCOP/---REB', 'Ryan Crocker=USAGOV']);
  assert.deepEqual(actorsOf(world, 'Ryan Crocker met the United States envoy.', '2012-01-01'), ['Ryan Crocker=USAELI']);
  // the default world still codes with the shipped dictionaries and the gazetteer
  const shipped = buildDoc(articleInput('Iraqi police met Ryan Crocker in Baghdad.', '2008-01-01'), defaultWorld({ tagger: false }), UP_TO_ACTORS);
  assert.ok(shipped.actors.every((a) => !a.rule.startsWith('actors.petrarch')));
});

test('combineCodes: agents before and after the actor, not added twice at a code boundary', () => {
  const after = (code: string) => ({ code, placement: 'after' as const });
  const before = (code: string) => ({ code, placement: 'before' as const });
  const table: [actor: string, agents: { code: string; placement: 'after' | 'before' }[], code: string][] = [
    ['ARN', [after('REL')], 'ARNREL'],
    ['ARN', [before('NGO'), after('GOV')], 'NGOARNGOV'],
    ['USAGOV', [after('GOV')], 'USAGOV'],
    ['HGWGOVMED', [after('GOVMED')], 'HGWGOVMED'],
    ['GMWGOV', [after('WGO')], 'GMWGOVWGO'],
    ['---', [after('GOV')], '---GOV'],
    ['DNK', [after('MUS'), after('MED')], 'DNKMUSMED'],
  ];
  for (const [actor, agents, code] of table) assert.equal(combineCodes(actor, agents), code, `${actor} ${JSON.stringify(agents)}`);
});
