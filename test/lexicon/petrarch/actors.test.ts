import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadActorDictionary, lookupActor } from '../../../src/lexicon/petrarch/actors.ts';
import { dictionarySource, shippedSources } from '../../../src/lexicon/petrarch/files.ts';

const FILES: Record<string, string> = { 'phoenix.countries': 'Phoenix.Countries.actors.txt', 'phoenix.international': 'Phoenix.International.actors.txt', 'phoenix.milnonstate': 'Phoenix.MilNonState.actors.txt' };

/** The entry an id names by content (`file:HEAD` or `file:HEAD +SYNONYM`) is in that file, head and synonym. */
function assertNamesEntry(entryId: string): void {
  const [, file, head, synonym] = /^([a-z.]+):(.+?)(?: \+(.+))?$/.exec(entryId)!;
  const lines = readFileSync(new URL(`../../../data/petrarch/${FILES[file!]}`, import.meta.url), 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim());
  const at = lines.findIndex((l) => l === head || l.startsWith(`${head} `) || l.startsWith(`${head}\t`) || l.startsWith(`${head}[`));
  assert.ok(at >= 0, `${entryId}: head in ${file}`);
  if (synonym) assert.ok(lines.slice(at + 1, at + 200).some((l) => l.startsWith(`+${synonym}`)), `${entryId}: synonym under its head`);
}

test('lookupActor: longest phrase, its code on the date, and the entry it came from', () => {
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
    assert.equal(match.origin, 'shipped');
    assertNamesEntry(match.entryId);
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

const SUITE = new URL('../../../../shared/data/petrarch_validation/dictionaries/PETR.Validate.actors.txt', import.meta.url).pathname;

test("the suite's actor dictionary: synonyms, date restrictions, compound codes, spaced phrases", { skip: existsSync(SUITE) ? false : 'needs ../shared/data/petrarch_validation (not in this clone)' }, () => {
  const actors = loadActorDictionary([dictionarySource(SUITE, 'user')]);
  assert.deepEqual(actors.issues, []);
  // text | date | code(s) | entry (after "user:petr.validate:")
  const table: [text: string, date: string | undefined, codes: string | null, entry: string][] = [
    ['arnor', undefined, 'ARN', 'ARNOR_'],
    ['minas tirith', undefined, 'GON', 'GONDOR +MINAS_TIRITH'],
    ['telemar', undefined, 'DAG', 'DAGOLATH +TELEMAR'],
    ['new zealand', undefined, 'NZE', 'NEW_ZEALAND'],
    ['zealand', undefined, 'DNK', 'DENMARK +ZEALAND'],
    ['the hermit kingdom', undefined, 'PRK', 'NORTH_KOREA +THE_HERMIT_KINGDOM'],
    ['k.u.', undefined, 'USAEDU', 'THE_KU +K.U.'],
    ['the shire', undefined, 'FRO BIL SAM', 'THE_SHIRE'],
    ['lorien', undefined, 'ELR GAL', 'LORIEN'],
    ['interpol', undefined, 'IGOCOPITP', 'INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_ +INTERPOL'],
    ['ent', undefined, 'ENT', 'ENT'],
    // GOLLUM [HOB < 950601] [HOBGOV 19950601 - 19990815] [HOBREB > 990816]
    ['smeagol', '1995-05-31', 'HOB', 'GOLLUM +SMEAGOL'],
    ['smeagol', '1995-06-01', 'HOBGOV', 'GOLLUM +SMEAGOL'],
    ['slinker', '1999-08-15', 'HOBGOV', 'GOLLUM +SLINKER'],
    ['stinker', '2001-01-01', 'HOBREB', 'GOLLUM +STINKER'],
    // SAM_GAMGEE [HOB] then dated codes: a dated code that holds wins over the undated one, the first listed first
    ['sam gamgee', '1995-01-04', 'HOBCIV', 'SAM_GAMGEE'],
    ['sam gamgee', '2008-01-19', 'HOBCIV', 'SAM_GAMGEE'],
    ['sam gamgee', '2008-01-20', 'HOBMIL', 'SAM_GAMGEE'],
    ['sam gamgee', '2010-01-09', 'ORCHOB', 'SAM_GAMGEE'],
    ['sam gamgee', '2010-01-12', 'ORCHOB', 'SAM_GAMGEE'],
    ['sam gamgee', '2010-01-13', 'HOBMIL', 'SAM_GAMGEE'],
    ['sam gamgee', '2012-12-31', 'HOBGOV', 'SAM_GAMGEE'],
    ['hamfast gamgee', '1995-01-04', 'HOB', 'HAMFAST GAMGEE'],
    ['hamfast gamgee', '2014-01-04', 'HOB', 'HAMFAST GAMGEE'],
    ['zimbabwe', '1978-12-23', 'RHO', 'ZIMBABWE'],
    ['zimbabwe', '2001-01-01', 'ZBW', 'ZIMBABWE'],
    // PRINCE OF DOL AMROTH [--- <950630] [DOL]: no code before mid-1995
    ['prince of dol amroth', '1995-01-01', null, ''],
    ['prince of dol amroth', '1999-08-09', 'DOL', 'PRINCE OF DOL AMROTH'],
    ['boromir', undefined, null, ''],
    // PETRARCH matches whole words: THE_KU is not "the kuwait", ARGENTIN not "argentina"
    ['the kuwait', undefined, null, ''],
    ['argentina', undefined, null, ''],
  ];
  for (const [text, date, codes, entry] of table) {
    const words = text.split(' ');
    const match = actors.lookup(words, 0, date);
    assert.equal(match?.codes.join(' ') ?? null, codes, `${text} ${date}`);
    if (!match) continue;
    assert.equal(match.length, words.length, text);
    assert.equal(match.entryId, `user:petr.validate:${entry}`, text);
  }
  // null-coded on request: the phrase is an actor without a code
  assert.equal(actors.lookup(['boromir'], 0, undefined, { nullCoded: true })?.code, '---');
  // words written with a space may have others in between when gaps are allowed: ITHILEN TELEVISION
  const spaced = 'ithilen state - run television'.split(' ');
  assert.equal(actors.lookup(spaced, 0)?.code, 'ITH');
  assert.deepEqual([actors.lookup(spaced, 0, undefined, { gap: 3 })?.code, actors.lookup(spaced, 0, undefined, { gap: 3 })?.length], ['ITHTV', 5]);
  // `_` joins stay consecutive: SAM_GAMGEE is not "sam the gamgee"
  assert.equal(actors.lookup('sam the gamgee'.split(' '), 0, undefined, { gap: 3 }), null);
});

function dictionaryFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dateline-actors-')), name);
  writeFileSync(path, content);
  return path;
}

test('loadActorDictionary: a user entry wins over a shipped phrase of the same length; ids tell them apart', () => {
  const mine = dictionarySource(dictionaryFile('mine.actors.txt', 'RYAN_CROCKER_  # ambassador\n+AMBASSADOR_CROCKER\n\t[USAGOV 070329-090213]\n\t[USAELI]\nIRAN_ [XXXGOV]\n'), 'user');
  const actors = loadActorDictionary([mine, ...shippedSources().filter((s) => s.kind === 'actors')]);
  assert.deepEqual(actors.lookup(['ryan', 'crocker', 'said'], 0, '2007-05-28'), { code: 'USAGOV', codes: ['USAGOV'], phrase: 'ryan crocker', entryId: 'user:mine:RYAN_CROCKER_', origin: 'user', length: 2 });
  assert.equal(actors.lookup(['ambassador', 'crocker'], 0, '2012-01-01')?.entryId, 'user:mine:RYAN_CROCKER_ +AMBASSADOR_CROCKER');
  assert.equal(actors.lookup(['ambassador', 'crocker'], 0, '2012-01-01')?.code, 'USAELI');
  assert.equal(actors.lookup(['iran'], 0)?.code, 'XXXGOV');
  assert.equal(actors.lookup(['syria'], 0)?.code, 'SYR');
  assert.ok(actors.stats.phrases > 30000, JSON.stringify(actors.stats));
});

test('loadActorDictionary: malformed lines are issues naming file:line and what to write', () => {
  const table: [content: string, line: number, message: RegExp][] = [
    ['+U.S.\nUNITED_STATES [USA]\n', 1, /a \+synonym must follow the entry/],
    ['\t[USA]\nUNITED_STATES [USA]\n', 1, /a code line must follow the entry/],
    ['UNITED_STATES [USA\n', 1, /a \[ is not closed by \]/],
    ['GOLLUM\n\t[HOB 9508223-991221]\n', 2, /cannot read the code \[HOB 9508223-991221\]; write \[ABC\], \[ABC 950601-990815\]/],
    ['GOLLUM\n\t[HOB 950101-951341]\n', 2, /cannot read the code/],
    ['GOLLUM []\n', 1, /cannot read the code \[\]/],
  ];
  for (const [content, line, message] of table) {
    const path = dictionaryFile('bad.actors.txt', content);
    const [issue] = loadActorDictionary([dictionarySource(path, 'user')]).issues;
    assert.ok(issue, content);
    assert.equal(issue.message.split(': ')[0], `${path}:${line}`, content);
    assert.match(issue.message, message, content);
  }
});

test('the shipped actor dictionaries: their known faults are skipped, not fatal', () => {
  const actors = loadActorDictionary(shippedSources().filter((s) => s.kind === 'actors'));
  assert.equal(actors.issues.length, 7, actors.issues.map((i) => i.message).join('\n'));
  assert.equal(actors.stats.entriesWithoutCode, 41);
});

test('surname: the one person of the dictionaries with that last name, on the date', () => {
  const dictionary = loadActorDictionary(shippedSources().filter((s) => s.kind === 'actors'));
  // [surname, date, code or null]
  const cases: [string, string, string | null][] = [
    ['Tsipras', '2016-03-01', 'GRCGOV'],
    ['Merkel', '2019-06-01', 'DEUGOV'],
    ['Erdoğan', '2019-06-01', 'TURGOV'],
    // Yoweri and Janet Museveni both hold office in 2019, both UGAGOV
    ['Museveni', '2019-06-01', 'UGAGOV'],
    // Nuri and Salam al-Maliki: two people with different codes
    ['Maliki', '2019-06-01', null],
    // too short to stand for one person
    ['Lam', '2019-06-01', null],
    ['Nobody', '2019-06-01', null],
  ];
  for (const [surname, date, code] of cases) assert.equal(dictionary.surname(surname, date)?.code ?? null, code, surname);
});
