import type { CliIO } from './io.js';
import { paint } from './output.js';

/** What a long step shows while it runs: one line on stderr, rewritten in place, cleared when done. */
export interface Progress {
  /** Shows what is being done now. */
  step(text: string): void;
  /** Clears the line (before the step's result is printed). */
  done(): void;
}

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const quiet: Progress = { step() {}, done() {} };

/**
 * Progress for people at a terminal: nothing when stderr is not a terminal (a pipe, a file, CI logs) or under
 * --json, so that what those read is only the result. The spinner and elapsed seconds are redrawn on a timer that
 * does not keep the process alive; a step that blocks the event loop shows its text without ticking.
 */
export function progress(io: CliIO, json: boolean, clock: () => number = () => performance.now()): Progress {
  if (json || !io.tty?.stderr) return quiet;
  const { dim } = paint(io, 'stderr');
  let text = '';
  let started = clock();
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    const seconds = Math.floor((clock() - started) / 1000);
    io.stderr(`\r\x1b[K${frames[frame++ % frames.length]} ${text}${seconds > 0 ? dim(` ${seconds} s`) : ''}`);
  };
  return {
    step(next) {
      text = next;
      started = clock();
      draw();
      if (!timer) {
        timer = setInterval(draw, 100);
        timer.unref();
      }
    },
    done() {
      if (timer) clearInterval(timer);
      timer = undefined;
      if (text) io.stderr('\r\x1b[K');
      text = '';
    },
  };
}
