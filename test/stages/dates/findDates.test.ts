import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DateRecord } from '../../../src/model/record.ts';
import { cleanText } from '../../../src/stages/clean/index.ts';
import { segment } from '../../../src/stages/segment/index.ts';
import { findDates } from '../../../src/stages/dates/index.ts';

/** Publication date of the founding article: Monday 28 May 2007. */
const MONDAY = '2007-05-28';

function datesIn(text: string, published: string | null = MONDAY): DateRecord[] {
  return findDates(segment(text, [{ start: 0, end: text.length }]), published);
}

type Expected = [text: string, value: string | null, granularity: DateRecord['granularity'], relation?: DateRecord['relation']];

const CASES: { text: string; published?: string | null; expect: Expected[] }[] = [
  { text: 'The United States urged Iran on Monday to stop supporting militias in Iraq.', expect: [['on Monday', '2007-05-28', 'day']] },
  { text: 'A truck bomb exploded near a mosque in central Baghdad on Saturday, killing 24 people.', expect: [['on Saturday', '2007-05-26', 'day']] },
  { text: 'Gunmen struck a checkpoint on Tuesday night.', expect: [['on Tuesday night', '2007-05-22', 'day']] },
  { text: 'Iran said on Monday the talks had gone well.', published: '2007-05-29', expect: [['on Monday', '2007-05-28', 'day']] },
  {
    text: 'Monday’s talks are the most high profile since the 1979 Islamic Revolution.',
    expect: [['Monday', '2007-05-28', 'day'], ['1979', '1979', 'year']],
  },
  { text: 'Washington severed formal diplomatic ties with Tehran in 1980.', expect: [['in 1980', '1980', 'year', 'on']] },
  { text: 'The United States has had no embassy in Tehran since 1980.', expect: [['since 1980', '1980', 'year', 'since']] },
  { text: 'Iraq’s 2005 constitution gives the regions wide powers.', expect: [['2005', '2005', 'year']] },
  { text: 'Iraq and Iran fought a bloody war in the 1980s.', expect: [['in the 1980s', '198', 'decade']] },
  { text: 'Veterans of the 1980-88 Iran-Iraq war marched in Tehran.', expect: [['1980', '1980', 'year', 'since'], ['88', '1988', 'year', 'before']] },
  { text: 'The troops withdrew in mid-2006 after heavy losses.', expect: [['in mid-2006', '2006', 'year']] },
  { text: 'The army pulled back in the summer of 2006.', expect: [['in the summer of 2006', '2006-22', 'season']] },
  { text: 'A referendum is expected in mid-June.', expect: [['in mid-June', '2007-06', 'month']] },
  { text: 'The two sides will meet again on Friday, officials said.', expect: [['on Friday', '2007-06-01', 'day']] },
  { text: 'Crocker will travel to Tehran next Monday.', expect: [['next Monday', '2007-06-04', 'day']] },
  { text: 'Officials met in Amman last week to prepare the talks.', expect: [['last week', '2007-W21', 'week']] },
  { text: 'The minister resigned yesterday.', expect: [['yesterday', '2007-05-27', 'day']] },
  { text: 'The president is in Baghdad today.', expect: [['today', '2007-05-28', 'day']] },
  { text: 'Gunmen killed five policemen two days ago.', expect: [['two days ago', '2007-05-26', 'day']] },
  { text: 'The ceasefire has held since Sunday.', expect: [['Sunday', '2007-05-27', 'day', 'since']] },
  { text: 'The last round of talks was held in May 2006.', expect: [['May 2006', '2006-05', 'month']] },
  { text: 'The invasion began on March 20, 2003.', expect: [['March 20, 2003', '2003-03-20', 'day']] },
  { text: 'Oil exports fell sharply last year.', expect: [['last year', '2006', 'year']] },
  { text: 'The deal was signed last September.', expect: [['last September', '2006-09', 'month']] },
  { text: 'Gunmen attacked the convoy over the weekend.', expect: [['weekend', '2007-05-26', 'day', 'around']] },
  { text: 'Troops will leave by the end of the month.', expect: [['end of the month', '2007-05', 'month', 'before']] },
  {
    text: 'Ties were cut in 1980, 14 months after Iran’s Islamic Revolution and five months after Americans were seized.',
    expect: [['in 1980', '1980', 'year'], ['14 months after', null, 'month', 'after'], ['five months after', null, 'month', 'after']],
  },
  { text: 'Troops returned the next day.', expect: [['next day', null, 'day', 'after']] },
  { text: 'Brazil ran big trade surpluses in 1984 and 1985.', expect: [['in 1984', '1984', 'year'], ['1985', '1985', 'year']] },
  { text: 'Oil prices are recovering from last year’s decline.', expect: [['last year', '2006', 'year', 'on']] },
  { text: 'The firm completed the acquisition in late December.', published: '1987-03-02', expect: [['in late December', '1986-12', 'month']] },
  {
    text: 'Airlines will have to adhere to the compensation regime which came into force on Thursday.',
    expect: [['on Thursday', '2007-05-24', 'day']],
  },
  { text: 'Voters go to the polls ahead of Sunday’s election.', expect: [['Sunday', '2007-06-03', 'day']] },
  // No publication date: relative expressions cannot be resolved, absolute ones still are.
  { text: 'The army said on Monday it had withdrawn.', published: null, expect: [['on Monday', null, 'day']] },
  { text: 'The minister resigned yesterday.', published: null, expect: [['yesterday', null, 'day']] },
  { text: 'The invasion began on March 20, 2003.', published: null, expect: [['March 20, 2003', '2003-03-20', 'day']] },
  { text: 'Washington severed ties with Tehran in 1980.', published: null, expect: [['in 1980', '1980', 'year']] },
  { text: 'Washington severed ties with Tehran in 1980.', published: 'not a date', expect: [['in 1980', '1980', 'year']] },
  // Texts that name no date.
  { text: '“Positive” was how both sides characterized the four-hour meeting.', expect: [] },
  { text: 'The convoy was ambushed on Route 66 near Ramadi.', expect: [] },
  { text: 'Unemployment rose to 12.5 percent, the ministry said.', expect: [] },
  { text: 'Police said the 24 people were killed instantly.', expect: [] },
  { text: 'A 1,000-strong force was sent to the province.', expect: [] },
  { text: 'The curfew begins at 5 pm.', expect: [] },
  { text: 'Fighting resumed at 1500 GMT.', expect: [] },
  { text: 'Aid reached families in 1500 villages.', expect: [] },
  { text: 'UN Resolution 1441 demanded full inspections.', expect: [] },
  { text: 'A 12-year-old boy was among the dead.', expect: [] },
  { text: 'Kazemi-Qomi, speaking at a separate media conference several hours later, said Iran saw positive steps.', expect: [] },
  { text: 'Right now their actions are running at cross purposes to their stated policy.', expect: [] },
  { text: 'It was the most high-profile meeting between the two countries in almost 30 years.', expect: [] },
  { text: 'It was the first such meeting in 30 years.', expect: [] },
  { text: 'The nuclear program has ratcheted up tensions in recent months.', expect: [] },
  { text: 'At least 40 people were killed over the past 24 hours.', expect: [] },
  { text: 'The talks lasted for two weeks.', expect: [] },
  { text: 'The Sun reported the deal.', expect: [] },
  { text: 'Protesters will march to the square.', expect: [] },
  { text: 'Pilgrims marked Good Friday in Jerusalem.', expect: [] },
  { text: 'The 9/11 attacks changed U.S. policy.', expect: [] },
  { text: 'Soybean oil prev 3.7, Feb 21.1, Mar nil, Apr 2.0.', expect: [] },
  { text: 'The bank reported a loss, down from a profit of $133m a year ago.', expect: [] },
  { text: 'Trades entered by 1000 London time are reported the same day.', expect: [] },
  { text: 'He hosts an early morning weekend show.', expect: [] },
];

for (const { text, published = MONDAY, expect } of CASES) {
  test(`${JSON.stringify(text)} (${published ?? 'no date'})`, () => {
    const found = datesIn(text, published);
    const got = found.map((d) => [text.slice(d.start, d.end), d.value, d.granularity, d.relation]);
    const want = expect.map(([span, value, granularity, relation], k) => [span, value, granularity, relation ?? found[k]?.relation]);
    assert.deepEqual(got, want);
    for (const d of found) {
      assert.equal(d.text, text.slice(d.start, d.end));
      assert.equal(d.certainty, d.value === null ? 'unknown' : 'stated');
      assert.ok(d.rules.length > 0);
    }
  });
}

test('ids follow text order', () => {
  const found = datesIn('The talks on Monday were the first since 1980. They resume on Friday, officials will say.');
  assert.deepEqual(found.map((d) => d.id), ['d1', 'd2', 'd3']);
  assert.deepEqual(found.map((d) => d.sentence), [0, 0, 1]);
});

const SAMPLE = fileURLToPath(new URL('../../fixtures/reuters-2007-05-28-us-iran-talks.txt', import.meta.url));

test('founding article', () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const found = findDates(segment(text, cleanText(text).paragraphs), MONDAY);
  const summary = found.map((d) => `${d.text} → ${d.value ?? 'null'} ${d.granularity} ${d.relation}`);
  assert.deepEqual(summary, [
    'on Monday → 2007-05-28 day on',
    'in 1980 → 1980 year on',
    '14 months after → null month after',
    'five months after → null month after',
    'Monday → 2007-05-28 day on',
    '1979 → 1979 year on',
  ]);
  for (const d of found) assert.equal(text.slice(d.start, d.end), d.text);
  assert.ok(!found.some((d) => d.value?.startsWith('2008') || d.value?.startsWith('2007-07') || d.value?.startsWith('2037')));
  assert.equal(text.slice(found[4]!.start, found[4]!.end + 8), 'Monday’s talks');
});
