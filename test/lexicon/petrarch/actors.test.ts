import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { loadActorDictionaries, lookupActor, lookupAgent, lookupAgentAt } from '../../../src/lexicon/petrarch/actors.ts';

const dictionaryLine = (entryId: string): string => {
  const [file, line] = entryId.split(':') as [string, string];
  const name = { 'phoenix.countries': 'Phoenix.Countries.actors.txt', 'phoenix.international': 'Phoenix.International.actors.txt', 'phoenix.agents': 'Phoenix.agents.txt' }[file];
  assert.ok(name, `known file in ${entryId}`);
  return readFileSync(new URL(`../../../data/petrarch/${name}`, import.meta.url), 'utf8').split('\n')[Number(line) - 1]!;
};

test('lookupActor: longest phrase, its code on the date, and the dictionary line it came from', () => {
  const table: [text: string, at: number, date: string | undefined, code: string, covered: string][] = [
    ['the united states said', 0, undefined, 'USA', 'the united states'],
    ['the united states said', 1, undefined, 'USA', 'united states'],
    ['u.s. envoy', 0, undefined, 'USA', 'u.s.'],
    ['iran and syria', 0, undefined, 'IRN', 'iran'],
    ['iraqi officials', 0, undefined, 'IRQ', 'iraqi'],
    ['in tehran on monday', 1, undefined, 'IRN', 'tehran'],
    ['nuri al-maliki said', 0, '2007-05-28', 'IRQGOV', 'nuri al-maliki'],
    ['nuri al - maliki said', 0, '2007-05-28', 'IRQGOV', 'nuri al - maliki'],
    ['nouri al-maliki', 0, '2015-01-01', 'IRQELI', 'nouri al-maliki'],
    ['jalal talabani', 0, '2007-05-28', 'IRQGOV', 'jalal talabani'],
    ['president george w. bush', 0, '2007-05-28', 'USAGOV', 'president george w. bush'],
    ['president george w. bush', 0, '2012-01-01', 'USAELI', 'president george w. bush'],
    ['the united nations', 1, undefined, 'IGOUNO', 'united nations'],
    ['erdoğan said', 0, '2010-01-01', 'TURGOV', 'erdoğan'],
  ];
  for (const [text, at, date, code, covered] of table) {
    const words = text.split(' ');
    const match = lookupActor(words, at, date);
    assert.ok(match, text);
    assert.equal(match.code, code, text);
    assert.equal(words.slice(at, at + match.length).join(' '), covered, text);
    assert.match(match.entryId, /^phoenix\.[a-z]+:\d+$/);
    assert.ok(dictionaryLine(match.entryId).toLowerCase().replace(/_/g, ' ').includes(match.phrase), `${match.entryId} holds "${match.phrase}"`);
  }
});

test('lookupActor: words that are no actor, or a phrase cut inside a word, yield nothing', () => {
  const table: [text: string, at: number][] = [
    ['the talks were positive', 0],
    ['the talks were positive', 1],
    ['said on monday', 0],
    ['- maliki', 0],
    ['', 0],
    ['iran', 1],
  ];
  for (const [text, at] of table) assert.equal(lookupActor(text.split(' '), at), null, text);
  // "united states-backed" must not stop inside the hyphenated word
  assert.equal(lookupActor(['united', 'states-backed'], 0)?.length ?? 0, 0);
});

test('lookupAgent: common nouns, singular and plural', () => {
  const table: [word: string, code: string | null][] = [
    ['police', 'COP'],
    ['militias', 'UAF'],
    ['militia', 'UAF'],
    ['rebels', 'REB'],
    ['minister', 'GOV'],
    ['ministers', 'GOV'],
    ['ambassador', 'GOV'],
    ['troops', 'MIL'],
    ['congressmen', 'LEG'],
    ['officials', null],
    ['the', null],
  ];
  for (const [word, code] of table) {
    const match = lookupAgent(word);
    assert.equal(match?.code ?? null, code, word);
    if (match) assert.ok(dictionaryLine(match.entryId).includes('['), match.entryId);
  }
  assert.equal(lookupAgent('police')?.placement, 'after');
  assert.equal(lookupAgent('foreign'), null);
});

test('lookupAgentAt: multi-word agents', () => {
  const words = 'the foreign minister manouchehr mottaki'.split(' ');
  const match = lookupAgentAt(words, 1);
  assert.equal(match?.code, 'GOV');
  assert.equal(words.slice(1, 1 + match!.length).join(' '), 'foreign minister');
});

test('loadActorDictionaries: user dictionaries in the same format, winning over built-in entries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-dict-'));
  const actors = join(dir, 'mine.actors.txt');
  const agents = join(dir, 'mine.agents.txt');
  writeFileSync(actors, 'RYAN_CROCKER_  # ambassador\n+AMBASSADOR_CROCKER\n\t[USAGOV 070329-090213]\n\t[USAELI]\nIRAN_ [XXXGOV]\n');
  writeFileSync(agents, '!PERSON! = MAN, MEN\nWIDGET!PERSON! [~BUS]\nWIDGETEER [~BUS] # plural made\n');
  const lexicon = loadActorDictionaries([actors, agents]);
  assert.deepEqual(lexicon.lookupActor(['ryan', 'crocker', 'said'], 0, '2007-05-28'), { code: 'USAGOV', phrase: 'ryan crocker', entryId: 'mine:1', length: 2 });
  assert.equal(lexicon.lookupActor(['ambassador', 'crocker'], 0, '2012-01-01')?.code, 'USAELI');
  assert.equal(lexicon.lookupActor(['iran'], 0)?.code, 'XXXGOV');
  assert.equal(lexicon.lookupActor(['syria'], 0)?.code, 'SYR');
  assert.equal(lexicon.lookupAgent('widgetmen')?.entryId, 'mine.agents:2');
  assert.equal(lexicon.lookupAgent('widgeteers')?.code, 'BUS');
  assert.equal(lexicon.lookupAgent('police')?.code, 'COP');
  assert.ok(lexicon.stats.actorPhrases > 30000 && lexicon.stats.agentPhrases > 4000, JSON.stringify(lexicon.stats));
  const clash = join(dir, 'Phoenix.Countries.actors.txt');
  writeFileSync(clash, 'X_ [XXX]\n');
  assert.throws(() => loadActorDictionaries([clash]), /share the entry id prefix "phoenix.countries"/);
});

test('DATELINE_DICTIONARIES adds user dictionaries to the module-level lookups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-env-'));
  writeFileSync(join(dir, 'env.actors.txt'), 'RYAN_CROCKER_ [USAGOV]\n');
  writeFileSync(join(dir, 'env.agents.txt'), 'WIDGETEER [~BUS]\n');
  const script = `import { lookupActor, lookupAgent } from ${JSON.stringify(new URL('../../../src/lexicon/petrarch/actors.ts', import.meta.url).href)};
    console.log(JSON.stringify([lookupActor(['ryan', 'crocker'], 0), lookupAgent('widgeteers')]));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { ...process.env, DATELINE_DICTIONARIES: [join(dir, 'env.actors.txt'), join(dir, 'env.agents.txt')].join(delimiter) },
    encoding: 'utf8',
  });
  const [actor, agent] = JSON.parse(out) as [{ code: string; entryId: string } | null, { code: string } | null];
  assert.deepEqual([actor?.code, actor?.entryId, agent?.code], ['USAGOV', 'env:1', 'BUS']);
});
