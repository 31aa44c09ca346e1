// Pause, resume and stop of a training run: pausePoint goes straight on when nothing asked for a
// pause, waits while paused (telling onPause first and onResume after), wakes to a stop without
// onResume, and stop() settles only once the run has ended.
import { describe, expect, it } from 'vitest';
import { RunControl, type PauseHooks } from '../../src/lib/worker/run-control';

/** Lets the event loop run `n` times (macrotasks), so anything able to settle has settled. */
async function turns(n = 5): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
}

/**
 * Whether `p` has settled now: raced against a marker already resolved (a settled `p` is looked at
 * first and wins; a pending one loses to the marker).
 */
async function hasSettled(p: Promise<unknown>): Promise<boolean> {
  const pending = Symbol('pending');
  return (await Promise.race([p, Promise.resolve(pending)])) !== pending;
}

/** Hooks that log their calls; `paused` settles when onPause has been called. */
function loggingHooks(onPause?: () => void) {
  const calls: string[] = [];
  let pausedNow!: () => void;
  const paused = new Promise<void>((r) => (pausedNow = r));
  const hooks: PauseHooks = {
    onPause: () => { calls.push('onPause'); onPause?.(); pausedNow(); },
    onResume: () => { calls.push('onResume'); },
  };
  return { calls, paused, hooks };
}

describe('RunControl', () => {
  it('pausePoint returns 0 and calls no hook when the run is not paused', async () => {
    const c = new RunControl();
    const { calls, hooks } = loggingHooks();
    expect(await c.pausePoint(hooks)).toBe(0);
    expect(calls).toEqual([]);
    expect(c.stopped).toBe(false);
  });

  it('a paused run waits in pausePoint until resume, telling onPause once before and onResume after', async () => {
    const c = new RunControl();
    const { calls, paused, hooks } = loggingHooks();
    c.pause();
    const t0 = performance.now();
    const point = c.pausePoint(hooks);
    await paused;
    await turns();
    expect(await hasSettled(point)).toBe(false);
    expect(calls).toEqual(['onPause']);

    c.resume();
    await turns();
    expect(await hasSettled(point)).toBe(true);
    const ms = await point;
    const wall = performance.now() - t0;
    expect(calls).toEqual(['onPause', 'onResume']);
    expect(c.paused).toBe(false);
    expect(c.stopped).toBe(false);
    // The time paused: some, and no more than the call took.
    expect(ms).toBeGreaterThan(0);
    expect(ms).toBeLessThanOrEqual(wall);
    // Not paused any more: the next point goes straight on.
    expect(await c.pausePoint(hooks)).toBe(0);
    expect(calls).toEqual(['onPause', 'onResume']);
  });

  it('a pause that comes in while pausePoint lets messages in is honoured at that point', async () => {
    const c = new RunControl();
    const { calls, paused, hooks } = loggingHooks();
    const point = c.pausePoint(hooks);
    c.pause(); // after the call, before its yield to the event loop ends
    await paused;
    await turns();
    expect(await hasSettled(point)).toBe(false);
    c.resume();
    await turns();
    expect(await hasSettled(point)).toBe(true);
    expect(calls).toEqual(['onPause', 'onResume']);
  });

  it('stop() while paused wakes the run without onResume, and the run reads stopped', async () => {
    const c = new RunControl();
    const { calls, paused, hooks } = loggingHooks();
    c.pause();
    const point = c.pausePoint(hooks);
    await paused;
    void c.stop();
    await turns();
    expect(await hasSettled(point)).toBe(true);
    expect(c.stopped).toBe(true);
    expect(calls).toEqual(['onPause']);
    c.end();
  });

  it('stop() resolves only after end()', async () => {
    const c = new RunControl();
    const stopped = c.stop();
    let settled = false;
    void stopped.then(() => (settled = true));
    await turns();
    expect(settled).toBe(false);
    expect(c.stopped).toBe(true);
    // The run sees the stop at its next point and ends.
    expect(await c.pausePoint()).toBe(0);
    expect(settled).toBe(false);
    c.end();
    await turns();
    expect(settled).toBe(true);
    expect(await hasSettled(c.done)).toBe(true);
  });

  it('a resume that arrives while onPause runs means no wait at all', async () => {
    const c = new RunControl();
    const { calls, paused, hooks } = loggingHooks(() => c.resume());
    c.pause();
    const point = c.pausePoint(hooks);
    await paused;
    await turns();
    // Nothing else resumes it: settled now, it did not wait.
    expect(await hasSettled(point)).toBe(true);
    const ms = await point;
    expect(calls).toEqual(['onPause', 'onResume']);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(c.paused).toBe(false);
  });

  it('a stop that arrives while onPause runs means no wait and no onResume', async () => {
    const c = new RunControl();
    const { calls, paused, hooks } = loggingHooks(() => void c.stop());
    c.pause();
    const point = c.pausePoint(hooks);
    await paused;
    await turns();
    expect(await hasSettled(point)).toBe(true);
    expect(calls).toEqual(['onPause']);
    expect(c.stopped).toBe(true);
    c.end();
  });

  it('a stopped run does not pause again', async () => {
    const c = new RunControl();
    const { calls, hooks } = loggingHooks();
    void c.stop();
    c.pause();
    expect(await c.pausePoint(hooks)).toBe(0);
    expect(calls).toEqual([]);
    c.end();
  });
});
