import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { findPlaceMentions, resolvePlaces } from '../../../src/stages/places/index.ts';

function spot(text: string): string[] {
  const mentions = findPlaceMentions(segment(text, cleanText(text).paragraphs));
  for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
  return mentions.map((m) => m.text);
}

const found: [sentence: string, places: string[]][] = [
  ['The rare talks in Baghdad were narrowly focused on Iraq’s spiralling sectarian violence.', ['Baghdad', 'Iraq']],
  ['The United States urged Iran on Monday to stop supporting militias in Iraq.', ['United States', 'Iran', 'Iraq']],
  ['A handshake between U.S. ambassador to Iraq Ryan Crocker and his counterpart.', ['U.S.', 'Iraq']],
  ['U.S. warships hold war games in the Gulf.', ['U.S.', 'Gulf']],
  ['Fighting spread from Falluja to Basra and Tikrit, and later to Hilla.', ['Falluja', 'Basra', 'Tikrit', 'Hilla']],
  ['Clashes broke out in al-Anbar and in the Gaza Strip.', ['al-Anbar', 'Gaza Strip']],
  ['Aid reached the Democratic Republic of the Congo and Côte d’Ivoire.', ['Democratic Republic of the Congo', 'Côte d’Ivoire']],
  ['Cholera spread to the ravaged city of Port-au-Prince.', ['Port-au-Prince']],
  ['Dead swans were found in the northern town of Toruń, Poland.', ['Toruń', 'Poland']],
  ['She flew from Washington, D.C. to Mexico City.', ['Washington, D.C.', 'Mexico City']],
  ['The boy was from Buffalo, New York.', ['Buffalo', 'New York']],
  ['The Santa Ana Police Department said it had no leads.', ['Santa Ana']],
  ['Fires burned across Southern California and Texas.', ['California', 'Texas']],
  ['In Hilla, police found bodies.', ['Hilla']],
];

for (const [sentence, places] of found) {
  test(`findPlaceMentions: ${sentence}`, () => {
    assert.deepEqual(spot(sentence), places);
  });
}

const nothing: string[] = [
  'Most of the police were reading the report.',
  'Police said they would come back, and most agreed.',
  'Reading the report, he said it was nice to split the bill.',
  'Mobile phones were banned.',
  'Iranian officials met Iraqi and American diplomats.',
  'Shi’ite and Sunni leaders spoke.',
  'The New York Times and the Washington Post reported it.',
  'Veterans of the Gulf war and the Gulf Cooperation Council met.',
  'The Reston virus is not dangerous to humans.',
  'Dr. Thomas and Senator Dunn disagreed.',
  'Scientists at ALMA saw it.',
  'Hassan Kazemi-Qomi met Ryan Crocker. Crocker said the talks went well.',
];

for (const sentence of nothing) {
  test(`findPlaceMentions finds no place: ${sentence}`, () => {
    assert.deepEqual(spot(sentence), []);
  });
}

test('findPlaceMentions and resolvePlaces: random text never throws, and every mention slices to its text', () => {
  const word = fc.oneof(
    fc.constantFrom('Baghdad', 'Iraq', 'U.S.', 'the', 'Gulf', 'of', 'New', 'York', 'Washington', ',', '.', '-', 'al', 'Most', 'Paris', 'Texas', '’s', '"', 'Ryan', 'Crocker', 'said', 'DRC', 'Toruń'),
    fc.string({ maxLength: 8 }),
  );
  fc.assert(
    fc.property(fc.array(word, { maxLength: 40 }), fc.array(fc.boolean(), { maxLength: 40 }), (words, spaces) => {
      const text = words.map((w, i) => (spaces[i] === false ? w : ` ${w}`)).join('').trim();
      const cleaned = cleanText(text);
      const mentions = findPlaceMentions(segment(text, cleaned.paragraphs));
      for (const m of mentions) assert.equal(text.slice(m.start, m.end), m.text);
      const { places } = resolvePlaces(mentions, { text, dateline: cleaned.dateline });
      for (const place of places) for (const m of place.mentions) assert.ok(m.end > m.start && text.slice(m.start, m.end).trim() !== '');
    }),
    { numRuns: 300 },
  );
});
