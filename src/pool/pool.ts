/**
 * Worker threads that run tasks under a time budget: the generic half of the coding pool (see coding.ts).
 *
 * - A task runs in one worker; a task that is not done within `timeoutMs` has its worker stopped and replaced, and
 *   resolves as a `timeout` failure. A worker that dies (an exception outside the handler, running out of its heap
 *   limit) is replaced too, and the task it was running resolves as a `crash` failure. Tasks queued behind the failed
 *   one go to the other workers or to the replacement, so the batch goes on.
 * - `run` never rejects for a task's sake: only when the pool is closed or cannot start workers at all.
 * - The entry module runs in each worker and answers tasks with `serveTasks` (serve.ts). A compiled entry (dist/) is
 *   imported as is; a TypeScript one (tests, scripts) loads through tsx, registered by a small bootstrap (a worker does
 *   not inherit the parent's loader).
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { WorkerReply } from './serve.ts';

export interface PoolOptions {
  /** Module each worker runs; it calls `serveTasks`. */
  entry: URL;
  size: number;
  /** Longest a task may run, in milliseconds. */
  timeoutMs: number;
  /** Handed to the entry module (`workerOptions()`); must be cloneable. */
  data?: unknown;
  /** Heap limit of each worker in MB: a runaway task ends its worker, not the process. */
  maxHeapMb?: number;
  /** Tasks handed to a worker ahead of time, so it never waits for the next one (default 2). */
  depth?: number;
  /** What a worker is called in messages ("a coding worker could not start…"). */
  name: string;
}

export type TaskFailure = 'error' | 'timeout' | 'crash';

export type TaskOutcome<R> = { ok: true; value: R } | { ok: false; failure: TaskFailure; message: string };

interface Job<T, R> {
  seq: number;
  task: T;
  resolve: (outcome: TaskOutcome<R>) => void;
  reject: (error: Error) => void;
}

interface Slot<T, R> {
  worker: Worker;
  port: MessagePort;
  ready: boolean;
  retired: boolean;
  /** Tasks handed to this worker, in the order it runs them: the first is running. */
  queue: Job<T, R>[];
  timer: NodeJS.Timeout | null;
}

const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
(workerData.tsx ? import(workerData.tsx).then((tsx) => tsx.register()) : Promise.resolve()).then(() => import(workerData.entry)).catch((error) => { setImmediate(() => { throw error; }); });`;

/** The module `name` ('./codingWorker.ts') next to `base`: its compiled .js when `base` runs from dist/. */
export function siblingModule(name: string, base: string): URL {
  return new URL(base.endsWith('.js') ? name.replace(/\.ts$/, '.js') : name, base);
}

export class WorkerPool<T, R> {
  private readonly slots: Slot<T, R>[] = [];
  private readonly waiting: Job<T, R>[] = [];
  private freeWaiters: (() => void)[] = [];
  private seq = 0;
  private closed = false;
  private fatal: Error | null = null;
  private readonly depth: number;

  private constructor(private readonly options: PoolOptions) {
    this.depth = options.depth ?? 2;
  }

  /** Starts `size` workers and resolves when every one is ready (has loaded what it needs). */
  static async start<T, R>(options: PoolOptions): Promise<WorkerPool<T, R>> {
    const pool = new WorkerPool<T, R>(options);
    try {
      await Promise.all(Array.from({ length: options.size }, () => pool.spawn()));
    } catch (error) {
      await pool.close();
      throw error;
    }
    return pool;
  }

  get size(): number {
    return this.options.size;
  }

  /** Tasks accepted and not finished (queued or running). */
  get pending(): number {
    return this.waiting.length + this.slots.reduce((n, s) => n + s.queue.length, 0);
  }

  /** Runs a task; resolves with its value or why it failed. */
  run(task: T): Promise<TaskOutcome<R>> {
    if (this.closed) return Promise.reject(new Error(`the ${this.options.name} pool is closed`));
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise((resolve, reject) => {
      this.waiting.push({ seq: ++this.seq, task, resolve, reject });
      this.dispatch();
    });
  }

  /** Resolves when the pool can take another task without queueing it (a reader's back-pressure). */
  async whenFree(): Promise<void> {
    while (!this.fatal && !this.closed && this.pending >= this.options.size * this.depth) await new Promise<void>((r) => this.freeWaiters.push(r));
    if (this.fatal) throw this.fatal;
  }

  async close(): Promise<void> {
    this.closed = true;
    const error = new Error(`the ${this.options.name} pool is closed`);
    for (const job of this.waiting.splice(0)) job.reject(error);
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      slot.retired = true;
      if (slot.timer) clearTimeout(slot.timer);
      for (const job of slot.queue.splice(0)) job.reject(error);
      slot.port.close();
    }
    this.notifyFree();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Promise<void> {
    const { port1, port2 } = new MessageChannel();
    const entry = this.options.entry.href;
    const workerData = { tsx: entry.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null, entry, data: this.options.data, port: port2 };
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData,
      transferList: [port2],
      ...(this.options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb } } : {}),
    });
    const slot: Slot<T, R> = { worker, port: port1, ready: false, retired: false, queue: [], timer: null };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      port1.on('message', (message: WorkerReply<R>) => {
        if ('ready' in message) {
          slot.ready = true;
          resolve();
          this.dispatch();
        } else this.finish(slot, message);
      });
      const died = (reason: string) => {
        if (slot.retired || this.closed) return;
        if (!slot.ready) {
          this.retire(slot);
          reject(new Error(`a ${this.options.name} could not start (${reason})`));
          return;
        }
        const running = slot.queue[0];
        this.retire(slot, running ? { job: running, failure: 'crash', message: reason } : undefined);
      };
      worker.on('error', (error: Error & { code?: string }) => died(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (limit ${this.options.maxHeapMb} MB)` : error.message));
      worker.on('exit', (code) => died(`it stopped with exit code ${code}`));
    });
  }

  private finish(slot: Slot<T, R>, reply: Exclude<WorkerReply<R>, { ready: true }>): void {
    const job = slot.queue[0];
    if (!job || job.seq !== reply.seq) return;
    slot.queue.shift();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    job.resolve(reply.ok ? { ok: true, value: reply.value } : { ok: false, failure: 'error', message: reply.message });
    this.startTimer(slot);
    this.dispatch();
    this.notifyFree();
  }

  private startTimer(slot: Slot<T, R>): void {
    if (slot.timer || slot.queue.length === 0) return;
    const running = slot.queue[0]!;
    slot.timer = setTimeout(() => {
      slot.timer = null;
      // A reply may be waiting behind a busy event loop: take it before blaming the task.
      for (let m = receiveMessageOnPort(slot.port); m && slot.queue[0] === running; m = receiveMessageOnPort(slot.port)) this.finish(slot, m.message as Exclude<WorkerReply<R>, { ready: true }>);
      if (slot.queue[0] !== running || slot.retired) return;
      this.retire(slot, { job: running, failure: 'timeout', message: `took longer than ${seconds(this.options.timeoutMs)}` });
    }, this.options.timeoutMs);
  }

  /** Stops a worker and starts its replacement; the task it was running fails, the ones queued behind it run elsewhere. */
  private retire(slot: Slot<T, R>, blame?: { job: Job<T, R>; failure: TaskFailure; message: string }): void {
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
    slot.port.close();
    void slot.worker.terminate();
    const queued = slot.queue.splice(0).filter((job) => job !== blame?.job);
    this.waiting.unshift(...queued);
    blame?.job.resolve({ ok: false, failure: blame.failure, message: blame.message });
    if (!slot.ready || this.closed) return;
    this.spawn().catch((error: Error) => this.fail(error));
    this.dispatch();
    this.notifyFree();
  }

  /** No worker can be started any more: every task still waiting fails with the reason. */
  private fail(error: Error): void {
    this.fatal ??= error;
    for (const job of this.waiting.splice(0)) job.reject(error);
    this.notifyFree();
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      let best: Slot<T, R> | null = null;
      for (const s of this.slots) if (s.ready && !s.retired && s.queue.length < this.depth && (!best || s.queue.length < best.queue.length)) best = s;
      if (!best) return;
      const job = this.waiting.shift()!;
      best.queue.push(job);
      best.port.postMessage({ seq: job.seq, task: job.task });
      this.startTimer(best);
    }
  }

  private notifyFree(): void {
    for (const w of this.freeWaiters.splice(0)) w();
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}
