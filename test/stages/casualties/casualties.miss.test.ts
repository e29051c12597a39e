import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCounts, casualtiesOf } from './code.ts';

/** Texts that report no casualty at all. */
const NOTHING: Record<string, string[]> = {
  'kill / shoot used for other things': [
    'The Senate killed the bill on Tuesday.',
    'Microsoft killed the project after two years of work.',
    'The director shot a film in Morocco last year.',
    'We killed time at the airport before the flight.',
    'She shot three photos of the skyline.',
  ],
  'sports': [
    'Arsenal won 3-1 and Henry scored twice in the second half.',
    'James scored 24 points as the Lakers beat Boston.',
    'The striker injured his hamstring in the match against Chelsea.',
    'Three players were injured during the match and will miss the season opener.',
  ],
  'natural deaths and other bodies': [
    'Former prime minister Lord Callaghan has died at a London hospice, his family announced.',
    'Peel died after suffering a heart attack in Peru in October.',
    'The reform would abolish 168 public bodies and a national body for skills.',
    'Jesus was not crucified, but married Mary Magdalene and died a normal death.',
  ],
  'negation': [
    'No one was killed in the blast.',
    'Nobody was hurt, police said.',
    'There were no injuries.',
    'The troopers inside the vehicle were not injured.',
    'None of the passengers were hurt.',
  ],
  'threats, plans and near misses': [
    'The gunmen threatened to kill 12 hostages unless their demands were met.',
    'Officials warned the bomb could have killed hundreds.',
    'Firefighters were nearly killed when the roof collapsed.',
    'Someone shot at an unmarked police vehicle.',
    '"Go ahead and kill him," he shouted.',
  ],
  'ages, years, money, percentages and names with numbers': [
    'The 24-year-old was charged with murder on Monday.',
    'In 2003, 1,200 people attended the festival on Route 66.',
    'Crime Stoppers is offering a $2,500 reward; unemployment rose 5 percent.',
    'Rebels killed 200 sheep and 12 cows in the raid.',
    'The attack happened at 8:20 a.m. and two hours later the road reopened.',
  ],
};

for (const [family, texts] of Object.entries(NOTHING)) {
  test(`casualties miss: ${family}`, () => {
    for (const text of texts) assert.deepEqual(casualtiesOf(text), [], text);
  });
}

test('casualties miss: a historical anniversary is a cumulative record, never the day’s incident', () => {
  const text = 'Relatives gathered on Friday to mark the anniversary of the 1988 bombing that killed 270 people over Lockerbie.';
  const found = casualtiesOf(text, { published: '2008-12-21' });
  assert.equal(found.length, 1);
  assert.equal(found[0]!.cumulative, true);
  assert.equal(found[0]!.killed?.value, 270);
  assert.equal(found[0]!.date, null);
});

test('casualties miss: numbers that are not counts of people never become counts', () => {
  const texts = [
    'He was shot 3 times in the chest.',
    'A 24-year-old man was arrested.',
    'The blast killed 24 people, including five children, police said.',
  ];
  const values = texts.map((text) => allCounts(casualtiesOf(text)).map((c) => c.count.value));
  assert.deepEqual(values, [[1], [1], [24]]);
});
