import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTopic } from '../../../src/stages/topic/index.ts';

const cases: [string, { title: string | null; text: string }, string][] = [
  [
    'a match report',
    {
      title: 'Liverpool beat Chelsea in Cup final',
      text: 'Liverpool beat Chelsea 2-1 in the League Cup final on Sunday. Steven Gerrard scored twice for the side, and the goalkeeper saved a late penalty. The manager praised his players and the fans at the stadium.',
    },
    'sport',
  ],
  [
    'a parliament story',
    {
      title: 'MPs back election reform bill',
      text: 'MPs voted by 320 to 290 to back the government bill. The prime minister said the reform of the electoral system was overdue; the opposition leader said Labour and the Liberal Democrats would campaign against it in the election.',
    },
    'politics',
  ],
  [
    'a company story',
    {
      title: 'Shares jump as profits rise',
      text: 'Shares in the firm rose 5% after it reported pre-tax profits of £1.2bn, up from £900m. Analysts said sales were strong and the chief executive expected growth in the economy to lift demand.',
    },
    'business',
  ],
  [
    'a crime story about a tennis player is no sports story',
    {
      title: 'Tennis player arrested',
      text: 'Police arrested the tennis player on Monday. He was charged with assault and will appear in court; the judge refused bail and prosecutors said he could face prison.',
    },
    'other',
  ],
  ['a text with no cues', { title: null, text: 'The weather was fine and people walked in the park.' }, 'other'],
];

for (const [name, article, label] of cases) {
  test(`topic: ${name} → ${label}`, () => {
    const topic = classifyTopic(article);
    assert.equal(topic.label, label, JSON.stringify(topic));
    assert.ok(topic.rules.length > 0);
  });
}

test('topic: the deciding rules name the cues, starting with the decision rule', () => {
  const topic = classifyTopic(cases[0]![1]);
  assert.equal(topic.rules[0], 'topic.decision.lead');
  assert.ok(topic.rules.includes('topic.sport.score-line'), topic.rules.join(' '));
  assert.ok(topic.scores.sport > topic.scores.politics);
});

test('a sports story yields no political events; the record says why', async () => {
  const { codeArticle } = await import('../../../src/pipeline/codeArticle.ts');
  const { articleInput } = await import('../../helpers/doc.ts');
  const text = 'Liverpool beat Chelsea in Cup final\n\nLiverpool beat Chelsea 2-1 in the League Cup final on Sunday after Liverpool attacked from the start. Steven Gerrard scored twice for the side, and the goalkeeper saved a late penalty.';
  const record = codeArticle(articleInput(text, '2024-03-01'));
  assert.equal(record.article.topic?.label, 'sport');
  assert.equal(record.events.length, 0);
  assert.ok(record.messages.some((m) => m.rule === 'events.sports-story-discarded'));
  assert.equal(record.entities.find((e) => e.name === 'Liverpool')?.type, 'ORG');
});
