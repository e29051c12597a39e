import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeWord, viewSentence } from '../../../../src/stages/entities/tagger/features.ts';
import { Gazetteer, LIST_NAMES, type PhraseLists } from '../../../../src/stages/entities/tagger/gazetteer.ts';
import type { EntityType, LabelSpan } from '../../../../src/stages/entities/tagger/labels.ts';
import { coverHyphenatedNames, joinParticleNames } from '../../../../src/stages/entities/tagger/refine.ts';
import { segment } from '../../../../src/stages/segment/index.ts';

const noLists = Object.fromEntries(LIST_NAMES.map((name) => [name, []])) as unknown as PhraseLists;

/** Runs a refiner on spans given as [first word, last word, type] and returns "TYPE text" per span. */
function refine(text: string, spans: [string, string, EntityType][], refiner: typeof coverHyphenatedNames): string[] {
  const tokens = segment(text, [{ start: 0, end: text.length }]).tokens;
  const index = (word: string, from = 0) => tokens.findIndex((t, k) => k >= from && t.text === word);
  const input: LabelSpan[] = spans.map(([first, last, type]) => {
    const firstToken = index(first);
    return { firstToken, endToken: index(last, firstToken) + 1, type };
  });
  const view = viewSentence(tokens, false, Gazetteer.of(noLists), describeWord);
  return refiner(input, view).map((s) => `${s.type} ${text.slice(tokens[s.firstToken]!.start, tokens[s.endToken - 1]!.end)}`);
}

test('hyphenated names are covered whole; the longest grown span wins, the later of equals', () => {
  const cases: [string, [string, string, EntityType][], string[]][] = [
    ['He met Hassan Kazemi-Qomi in Baghdad.', [['Hassan', 'Kazemi', 'PER']], ['PER Hassan Kazemi-Qomi']],
    ['He met Hassan Kazemi-Qomi in Baghdad.', [['Qomi', 'Qomi', 'PER']], ['PER Kazemi-Qomi']],
    ['He met Hassan Kazemi-Qomi in Baghdad.', [['Hassan', 'Kazemi', 'PER'], ['Qomi', 'Qomi', 'ORG']], ['PER Hassan Kazemi-Qomi']],
    ['The al-Jazeera report was false.', [['al', 'al', 'LOC'], ['Jazeera', 'Jazeera', 'ORG']], ['ORG al-Jazeera']],
    ['The al-Jazeera report was false.', [['-', 'Jazeera', 'ORG']], ['ORG al-Jazeera']],
    ['They flew to Port-au-Prince on Monday.', [['Port', 'Port', 'LOC']], ['LOC Port-au-Prince']],
    ['They fired Iranian-made rockets.', [['Iranian', 'Iranian', 'MISC']], ['MISC Iranian']],
    ['They fired Iranian-made rockets.', [['Iranian', '-', 'MISC']], ['MISC Iranian']],
    ['Iraq - a country at war - voted.', [['Iraq', '-', 'LOC']], ['LOC Iraq']],
  ];
  for (const [text, spans, expected] of cases) assert.deepEqual(refine(text, spans, coverHyphenatedNames), expected, `${text} ${JSON.stringify(spans)}`);
});

test('person names split at particles are joined; other gaps are not', () => {
  assert.deepEqual(refine('He met Ludwig van der Rohe there.', [['Ludwig', 'Ludwig', 'PER'], ['Rohe', 'Rohe', 'PER']], joinParticleNames), ['PER Ludwig van der Rohe']);
  assert.deepEqual(refine('He met Carla del Ponte there.', [['Carla', 'Carla', 'PER'], ['Ponte', 'Ponte', 'PER']], joinParticleNames), ['PER Carla del Ponte']);
  assert.deepEqual(refine('He met Rice and Crocker there.', [['Rice', 'Rice', 'PER'], ['Crocker', 'Crocker', 'PER']], joinParticleNames), ['PER Rice', 'PER Crocker']);
  assert.deepEqual(refine('Paris de Gaulle', [['Paris', 'Paris', 'LOC'], ['Gaulle', 'Gaulle', 'PER']], joinParticleNames), ['LOC Paris', 'PER Gaulle']);
});
