/**
 * Progress of a long command on stderr: a bar redrawn in place on a terminal (articles/s, events, ETA),
 * a plain line every few seconds otherwise (logs, CI).
 */

export interface ProgressState {
  done: number;
  total: number | null;
  events: number;
  elapsedMs: number;
}

const BAR = 24;
const LOG_EVERY_MS = 5000;

export class ProgressLine {
  private lastLog = -Infinity;
  private drawn = false;
  /** A state not yet written to a log (not a terminal), written by finish(). */
  private pending: string | null = null;

  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(state: ProgressState): void {
    const rate = state.elapsedMs > 0 ? (state.done / state.elapsedMs) * 1000 : 0;
    const count = state.total ? `${fmt(state.done)}/${fmt(state.total)} articles` : `${fmt(state.done)} articles`;
    const parts = [count, `${fmt(Math.round(rate))}/s`, `${fmt(state.events)} events`];
    if (state.total && rate > 0 && state.done < state.total) parts.push(`ETA ${duration(((state.total - state.done) / rate) * 1000)}`);
    if (this.out.isTTY) {
      const bar = state.total ? `${'█'.repeat(Math.round((Math.min(state.done, state.total) / state.total) * BAR)).padEnd(BAR, '░')}  ` : '';
      this.out.write(`\r${this.label}  ${bar}${parts.join('  ')}\x1b[K`);
      this.drawn = true;
    } else if (performance.now() - this.lastLog >= LOG_EVERY_MS) {
      this.lastLog = performance.now();
      this.pending = null;
      this.out.write(`${this.label}: ${parts.join(', ')}\n`);
    } else {
      this.pending = `${this.label}: ${parts.join(', ')}\n`;
    }
  }

  /** Ends the progress output (the bar's line, or the last state in a log) so the summary comes after it, on its own line. */
  finish(): void {
    if (this.drawn) this.out.write('\n');
    if (this.pending) this.out.write(this.pending);
    this.drawn = false;
    this.pending = null;
  }
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}
