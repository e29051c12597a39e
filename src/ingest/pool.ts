/**
 * Worker threads that code articles. Workers run TypeScript through tsx, registered inside each worker by a
 * small bootstrap (the parent's loader is not inherited). Tasks go to the least busy worker.
 */
import { Worker } from 'node:worker_threads';
import type { ArticleInput } from '../model/analysis.ts';
import type { ArticleMeta } from '../store/rows.ts';
import type { WorkerMessage } from './worker.ts';

export type CodeResult = Extract<WorkerMessage, { seq: number }>;

/** Tasks queued per worker: enough that a worker never waits for the writer, few enough to bound memory. */
const DEPTH = 8;

const BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); }).catch((error) => { setImmediate(() => { throw error; }); });`;

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (r: CodeResult) => void; reject: (e: Error) => void }>;
}

export class CoderPool {
  private seq = 0;
  private waiting: (() => void)[] = [];
  private failure: Error | null = null;
  private closing = false;

  private constructor(private readonly slots: Slot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (m: WorkerMessage) => {
        if (!('seq' in m)) return;
        const p = slot.pending.get(m.seq);
        slot.pending.delete(m.seq);
        p?.resolve(m);
        this.waiting.shift()?.();
      });
      const fail = (error: Error) => {
        if (this.closing) return;
        this.failure ??= error;
        for (const p of slot.pending.values()) p.reject(error);
        slot.pending.clear();
        for (const w of this.waiting.splice(0)) w();
      };
      slot.worker.on('error', (e) => fail(new Error(`a coding worker failed: ${e.message}`)));
      slot.worker.on('exit', (code) => fail(new Error(`a coding worker stopped (exit code ${code})`)));
    }
  }

  /** Starts `size` workers and waits until each has loaded the pipeline. */
  static async start(size: number): Promise<CoderPool> {
    const workerData = { tsx: import.meta.resolve('tsx/esm/api'), entry: new URL('./worker.ts', import.meta.url).href };
    const slots = Array.from({ length: size }, () => ({ worker: new Worker(BOOTSTRAP, { eval: true, workerData }), pending: new Map() }));
    try {
      await Promise.all(slots.map(({ worker }) => whenReady(worker)));
    } catch (error) {
      await Promise.all(slots.map((s) => s.worker.terminate()));
      throw error;
    }
    return new CoderPool(slots);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Resolves when a worker can take another task (at once if one can). */
  async whenFree(): Promise<void> {
    while (!this.failure && this.inFlight() >= this.slots.length * DEPTH) await new Promise<void>((r) => this.waiting.push(r));
    if (this.failure) throw this.failure;
  }

  code(input: ArticleInput, meta: ArticleMeta): Promise<CodeResult> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      slot.worker.postMessage({ seq, input, meta });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private inFlight(): number {
    return this.slots.reduce((n, s) => n + s.pending.size, 0);
  }
}

function whenReady(worker: Worker): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onMessage = (m: WorkerMessage) => {
      if (!('ready' in m)) return;
      done();
      resolve();
    };
    const onError = (e: Error) => {
      done();
      reject(new Error(`a coding worker could not start: ${e.message}`));
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`a coding worker could not start (exit code ${code})`));
    };
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
