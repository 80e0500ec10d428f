/**
 * Time as the simulator sees it: what time it is, and running a task at a later time. Readiness, long-running
 * operations and runs all go through a clock, so tests pass a `ManualClock` and move time themselves instead
 * of waiting.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `task` at `at` (ms since the epoch), at once if that is past; returns what cancels it. */
  schedule(at: number, task: () => unknown): () => void;
}

/** setTimeout takes at most 2^31 - 1 ms (about 24.8 days); longer waits are chained. */
const maxTimeout = 2 ** 31 - 1;

/** The machine's clock and timers (unref'd: a pending task never keeps the process alive). */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(at, task) {
    let timer: NodeJS.Timeout | undefined;
    let cancelled = false;
    const arm = () => {
      const wait = at - Date.now();
      timer = setTimeout(
        () => {
          if (cancelled) return;
          if (at - Date.now() > 0) arm();
          else task();
        },
        Math.max(0, Math.min(wait, maxTimeout)),
      );
      timer.unref();
    };
    arm();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  },
};

interface Pending {
  readonly at: number;
  readonly order: number;
  readonly task: () => unknown;
  cancelled: boolean;
}

/** A clock that only moves when told to: `advance(ms)` runs, in time order, every task that falls due. */
export class ManualClock implements Clock {
  private time: number;
  private order = 0;
  private pending: Pending[] = [];

  constructor(start: Date | number = Date.UTC(2025, 0, 6, 8, 0, 0)) {
    this.time = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.time;
  }

  schedule(at: number, task: () => unknown): () => void {
    const entry: Pending = { at, order: this.order++, task, cancelled: false };
    this.pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  }

  /** How many tasks are waiting. */
  get scheduled(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  /**
   * Moves time forward by `ms`, running each task that falls due at its own time (and the tasks those schedule
   * within the window), and waits for what they start.
   */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      this.pending = this.pending.filter((p) => !p.cancelled);
      const due = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.pending.splice(this.pending.indexOf(due), 1);
      this.time = Math.max(this.time, due.at);
      await due.task();
    }
    this.time = end;
  }
}
