/** The queue commands' option values: what is accepted, and the one-line message for what is not. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { durationMs } from '../../src/cli/queue.ts';
import { queueServers, streamName } from '../../src/queue/connect.ts';
import { decodeArticle, encodeArticle } from '../../src/queue/message.ts';

test('--ack-wait takes seconds, minutes or milliseconds, from 1s to 24h', () => {
  for (const [given, ms] of [['60s', 60_000], ['2m', 120_000], ['1500ms', 1500], ['90', 90_000], ['0.5m', 30_000]] as const) assert.equal(durationMs({ 'ack-wait': given }, 'ack-wait', '60s'), ms, given);
  assert.equal(durationMs({}, 'ack-wait', '60s'), 60_000);
  for (const given of ['500ms', '25h', 'soon', '-5s', '']) assert.throws(() => durationMs({ 'ack-wait': given }, 'ack-wait', '60s'), /--ack-wait must be a duration from 1s to 24h/, given);
});

test('--queue takes nats:// servers, several separated by commas; --stream a JetStream name', () => {
  assert.deepEqual(queueServers('nats://127.0.0.1:4222'), ['nats://127.0.0.1:4222']);
  assert.deepEqual(queueServers('nats://q1:4222, nats://q2:4222'), ['nats://q1:4222', 'nats://q2:4222']);
  assert.throws(() => queueServers('http://q1:4222'), /--queue must be nats:\/\/HOST\[:PORT\]/);
  assert.equal(streamName(undefined), 'DATELINE');
  assert.equal(streamName('BACKFILL_1990'), 'BACKFILL_1990');
  assert.throws(() => streamName('a.b'), /--stream must be a name of letters, digits, - and _/);
});

test('a message body is read back as the article enqueued; anything else is an error naming what is wrong', () => {
  const input = { id: 'a', text: 'Iran urged Iraq to stop.', title: null, titleSpan: null, published: '2024-03-04', publishedFrom: 'record' as const, url: null, source: null, byline: null, messages: [] };
  assert.deepEqual(decodeArticle(encodeArticle({ origin: 'a.jsonl:1', input })), { origin: 'a.jsonl:1', input });
  assert.throws(() => decodeArticle(new TextEncoder().encode('{"origin"')), /the message is not JSON \(starts "\{\\"origin\\""\)/);
  assert.throws(() => decodeArticle(new TextEncoder().encode('{"origin":"x","input":{"id":"a"}}')), /"input" needs "id" and "text"/);
  assert.throws(() => decodeArticle(new TextEncoder().encode('[1]')), /it needs "origin" and "input"/);
});
