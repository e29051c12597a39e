/** A pool worker for the pool's tests: each task says what to do (echo, spin, loop forever, throw, exit, exhaust the heap). */
import { serveTasks, workerOptions } from '../../src/pool/serve.ts';

export type TestTask = { op: 'echo'; value: unknown } | { op: 'spin'; ms: number } | { op: 'forever' } | { op: 'throw' } | { op: 'exit' } | { op: 'oom' };

const { greeting } = workerOptions<{ greeting: string }>();

serveTasks<TestTask, unknown>((task) => {
  switch (task.op) {
    case 'echo':
      return { greeting, value: task.value };
    case 'spin': {
      const until = performance.now() + task.ms;
      while (performance.now() < until);
      return 'spun';
    }
    case 'forever':
      for (;;);
    case 'throw':
      throw new Error('the task threw');
    case 'exit':
      process.exit(3);
    case 'oom': {
      const hoard: number[][] = [];
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i));
    }
  }
});
