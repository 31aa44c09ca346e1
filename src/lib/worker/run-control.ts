// Pause, resume and stop for a training run in the worker (pretraining, SFT, RL). Messages set the
// flags at any time; the run looks at them only between two steps (pausePoint), never inside one,
// so a pause or a stop never leaves weights half-updated.
import { yieldToEventLoop } from '../util/yield-to-event-loop';

export interface PauseHooks {
  /** Told once the run has paused (before it waits): say so, store it, autosave. */
  onPause?: () => Promise<void> | void;
  /** Told when the run goes on after a pause (not when the pause ended in a stop). */
  onResume?: () => Promise<void> | void;
}

export class RunControl {
  paused = false;
  stopped = false;
  private wake: (() => void) | undefined;
  private finish = () => {};
  /** Settles when the run has ended (see end()). */
  readonly done = new Promise<void>((r) => (this.finish = r));

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.wake?.();
  }

  /** Ends the run after the step under way (a paused run wakes to stop); resolves when it has ended. */
  stop(): Promise<void> {
    this.stopped = true;
    this.resume();
    return this.done;
  }

  /** The run has ended, whichever way: whoever waits on done or stop() goes on. */
  end(): void {
    this.finish();
  }

  /**
   * A point between two steps: lets waiting messages in, and if paused waits for resume or stop.
   * Returns the milliseconds spent paused (a run's clock leaves them out). Check `stopped` after it.
   */
  async pausePoint(hooks: PauseHooks = {}): Promise<number> {
    await yieldToEventLoop(); // lets Pause and Stop messages in
    if (!this.paused || this.stopped) return 0;
    const t0 = performance.now();
    await hooks.onPause?.();
    // Paused while onPause ran, unless resume or stop came in meanwhile.
    if (this.paused && !this.stopped) await new Promise<void>((r) => (this.wake = r));
    this.wake = undefined;
    if (!this.stopped) await hooks.onResume?.();
    return performance.now() - t0;
  }
}
