import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkerPool } from '../../src/pool/pool.ts';
import type { TestTask } from './taskWorker.ts';

const entry = new URL('./taskWorker.ts', import.meta.url);
const start = (options: { size?: number; timeoutMs?: number; maxHeapMb?: number } = {}) =>
  WorkerPool.start<TestTask, unknown>({ entry, size: options.size ?? 2, timeoutMs: options.timeoutMs ?? 5000, data: { greeting: 'hello' }, name: 'test worker', ...(options.maxHeapMb ? { maxHeapMb: options.maxHeapMb } : {}) });

test('pool: tasks run in workers with the pool data and come back in full', async () => {
  const pool = await start();
  try {
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.run({ op: 'echo', value: i })));
    assert.deepEqual(outcomes, Array.from({ length: 20 }, (_, i) => ({ ok: true, value: { greeting: 'hello', value: i } })));
    assert.equal(pool.pending, 0);
  } finally {
    await pool.close();
  }
});

test('pool: a task over the time budget fails as a timeout, its worker is replaced, and the tasks behind it still run', async () => {
  const pool = await start({ size: 1, timeoutMs: 300 });
  try {
    const started = performance.now();
    const outcomes = await Promise.all([pool.run({ op: 'echo', value: 'before' }), pool.run({ op: 'forever' }), pool.run({ op: 'echo', value: 'behind' }), pool.run({ op: 'spin', ms: 10 })]);
    assert.deepEqual(outcomes[0], { ok: true, value: { greeting: 'hello', value: 'before' } });
    assert.deepEqual(outcomes[1], { ok: false, failure: 'timeout', message: 'took longer than 0.3 s' });
    assert.deepEqual(outcomes[2], { ok: true, value: { greeting: 'hello', value: 'behind' } });
    assert.deepEqual(outcomes[3], { ok: true, value: 'spun' });
    assert.ok(performance.now() - started < 10_000, 'the endless task was stopped');
  } finally {
    await pool.close();
  }
});

test('pool: an exception is an error for that task only; the worker goes on', async () => {
  const pool = await start({ size: 1 });
  try {
    assert.deepEqual(await pool.run({ op: 'throw' }), { ok: false, failure: 'error', message: 'the task threw' });
    assert.deepEqual(await pool.run({ op: 'echo', value: 1 }), { ok: true, value: { greeting: 'hello', value: 1 } });
  } finally {
    await pool.close();
  }
});

test('pool: a worker that dies fails its task as a crash and is replaced', async () => {
  const pool = await start({ size: 1 });
  try {
    const [died, after] = await Promise.all([pool.run({ op: 'exit' }), pool.run({ op: 'echo', value: 2 })]);
    assert.deepEqual(died, { ok: false, failure: 'crash', message: 'it stopped with exit code 3' });
    assert.deepEqual(after, { ok: true, value: { greeting: 'hello', value: 2 } });
  } finally {
    await pool.close();
  }
});

test('pool: a task that exhausts the heap limit kills only its worker', async () => {
  const pool = await start({ size: 1, maxHeapMb: 64, timeoutMs: 60_000 });
  try {
    const [died, after] = await Promise.all([pool.run({ op: 'oom' }), pool.run({ op: 'echo', value: 3 })]);
    assert.deepEqual(died, { ok: false, failure: 'crash', message: 'ran out of memory (limit 64 MB)' });
    assert.deepEqual(after, { ok: true, value: { greeting: 'hello', value: 3 } });
  } finally {
    await pool.close();
  }
});

test('pool: whenFree holds a reader back while every worker has its share; close rejects what is left', async () => {
  const pool = await start({ size: 1, timeoutMs: 5000 });
  const running = [pool.run({ op: 'spin', ms: 200 }), pool.run({ op: 'spin', ms: 10 })];
  let free = false;
  const waiting = pool.whenFree().then(() => (free = true));
  assert.equal(free, false);
  await running[0];
  await waiting;
  assert.equal(free, true);
  await running[1];
  const late = assert.rejects(pool.run({ op: 'forever' }), /the test worker pool is closed/);
  await pool.close();
  await late;
  await assert.rejects(pool.run({ op: 'echo', value: 0 }), /closed/);
});

test('pool: a worker that cannot load its entry fails start() with the reason', async () => {
  await assert.rejects(
    WorkerPool.start({ entry: new URL('./no-such-worker.ts', import.meta.url), size: 1, timeoutMs: 1000, name: 'test worker' }),
    /a test worker could not start \(.*no-such-worker/,
  );
});
