// The Web Locks adapter of run-lock.ts on a small stand-in for navigator.locks (Node has none):
// a held lock is refused, not waited for; the run being trained is read from the held names;
// whenFree waits for the release. Without a lock manager every lock is granted.
import { describe, expect, it } from 'vitest';
import { runLockName, TRAINING_LOCK, webRunLocks } from '../../src/lib/worker/run-lock';

/** Exclusive locks with the request() / query() shapes of the Web Locks API. */
class FakeLockManager {
  private readonly held = new Set<string>();
  private readonly waiting = new Map<string, Array<() => void>>();

  async request(name: string, options: LockOptions, callback: (lock: Lock | null) => unknown): Promise<unknown> {
    if (this.held.has(name) && options.ifAvailable) return callback(null);
    while (this.held.has(name)) await new Promise<void>((wake) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), wake]));
    this.held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' });
    } finally {
      this.held.delete(name);
      this.waiting.get(name)?.shift()?.();
    }
  }

  async query(): Promise<LockManagerSnapshot> {
    return { held: [...this.held].map((name) => ({ name, mode: 'exclusive' as const, clientId: 'tab' })), pending: [] };
  }
}

describe('run locks', () => {
  it('grants a free lock, refuses a held one at once, and names the run another tab trains', async () => {
    const locks = webRunLocks(new FakeLockManager() as unknown as LockManager);
    const release = await locks.tryHold(TRAINING_LOCK);
    expect(release).toBeTypeOf('function');
    expect(await locks.tryHold(TRAINING_LOCK)).toBeUndefined();
    expect(await locks.heldRun()).toBeUndefined();
    const releaseRun = (await locks.tryHold(runLockName(12)))!;
    expect(await locks.heldRun()).toBe(12);

    let free = false;
    const freed = locks.whenFree(TRAINING_LOCK).then(() => (free = true));
    await new Promise((r) => setTimeout(r, 0)); // one turn of the event loop: whenFree must still be pending
    expect(free).toBe(false);
    release!();
    await freed;
    releaseRun();
    await locks.whenFree(runLockName(12)); // a release takes effect once the holder's promise settles
    expect(await locks.heldRun()).toBeUndefined();
    expect(await locks.tryHold(TRAINING_LOCK)).toBeTypeOf('function');
  });

  it('grants everything where there is no lock manager', async () => {
    const locks = webRunLocks(undefined);
    expect(await locks.tryHold(TRAINING_LOCK)).toBeTypeOf('function');
    expect(await locks.tryHold(TRAINING_LOCK)).toBeTypeOf('function');
    expect(await locks.heldRun()).toBeUndefined();
    await locks.whenFree(TRAINING_LOCK);
  });
});
