/**
 * The worker side of a WorkerPool: an entry module loads what it needs, then calls `serveTasks(handle)`.
 * An exception in `handle` answers that task as an `error` failure; the worker goes on with the next one.
 */
import { workerData, type MessagePort } from 'node:worker_threads';

export type WorkerReply<R> = { ready: true } | { seq: number; ok: true; value: R } | { seq: number; ok: false; message: string };

interface PoolWorkerData {
  port: MessagePort;
  data: unknown;
}

/** The `data` the pool was started with. */
export function workerOptions<O>(): O {
  return (workerData as PoolWorkerData).data as O;
}

/** Answers tasks one at a time, in the order they come; tells the pool it is ready first. */
export function serveTasks<T, R>(handle: (task: T) => R): void {
  const port = (workerData as PoolWorkerData | null)?.port;
  if (!port) throw new Error('this module runs in a pool worker; start it through WorkerPool');
  port.on('message', ({ seq, task }: { seq: number; task: T }) => {
    let reply: WorkerReply<R>;
    try {
      reply = { seq, ok: true, value: handle(task) };
    } catch (error) {
      reply = { seq, ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      port.postMessage({ seq, ok: false, message: `the result could not be sent back (${(error as Error).message})` } satisfies WorkerReply<R>);
    }
  });
  port.postMessage({ ready: true } satisfies WorkerReply<R>);
}
