// One tab trains RL at a time (Web Locks). The worker of the tab that trains holds TRAINING_LOCK
// and its run's lock for the whole session; the browser frees both when that tab closes, reloads
// or crashes, so a lock can never outlive its trainer. Other tabs read the held names to say
// which run is training elsewhere, and wait on TRAINING_LOCK to take over. Where there is no
// navigator.locks (Node, old browsers) every lock is granted: one trainer is all there is.

/** Held by whichever tab's worker is training an RL run, any run. */
export const TRAINING_LOCK = 'rlhf-training';
export const runLockName = (runId: number) => `rlhf-run-${runId}`;
const RUN_LOCK = /^rlhf-run-(\d+)$/;

export interface RunLocks {
  /** Takes a lock now if it is free: its release, or undefined when someone else holds it. */
  tryHold(name: string): Promise<(() => void) | undefined>;
  /** The run whose lock someone holds (this tab's own worker included), if any. */
  heldRun(): Promise<number | undefined>;
  /** Resolves once the lock is free (it is granted and given back at once); rejects when aborted. */
  whenFree(name: string, signal?: AbortSignal): Promise<void>;
}

export function webRunLocks(locks: LockManager | undefined = globalThis.navigator?.locks): RunLocks {
  if (!locks) return { tryHold: async () => () => {}, heldRun: async () => undefined, whenFree: async () => {} };
  return {
    tryHold: (name) => new Promise((resolve, reject) => {
      locks.request(name, { ifAvailable: true }, (lock) => {
        if (!lock) return resolve(undefined);
        // The lock is held until this promise settles: until release() is called.
        return new Promise<void>((release) => resolve(() => release()));
      }).catch(reject);
    }),
    heldRun: async () => {
      const { held = [] } = await locks.query();
      const ids = held.map((l) => RUN_LOCK.exec(l.name ?? '')).filter((m) => m !== null).map((m) => Number(m[1]));
      return ids.length ? Math.max(...ids) : undefined;
    },
    whenFree: async (name, signal) => {
      await locks.request(name, signal ? { signal } : {}, () => {});
    },
  };
}

/** Another tab trains: nothing was changed here. */
export class Locked extends Error {
  constructor(readonly runId?: number) { super(`Run ${runId ?? ''} is training in another tab`); }
}

/**
 * Runs begin() holding TRAINING_LOCK, and the run's own lock from when begin() takes it through
 * holdRun; both are released, last taken first, when begin() settles. Throws Locked, having
 * begun nothing or stopped at holdRun, when another tab holds either.
 */
export async function withTrainingLocks(locks: RunLocks, runId: number | undefined, begin: (holdRun: (id: number) => Promise<void>) => Promise<void>): Promise<void> {
  const held: Array<() => void> = [];
  const hold = async (name: string, id?: number) => {
    const release = await locks.tryHold(name);
    if (!release) throw new Locked((await locks.heldRun()) ?? id);
    held.push(release);
  };
  try {
    await hold(TRAINING_LOCK, runId);
    await begin((id) => hold(runLockName(id), id));
  } finally {
    held.reverse().forEach((release) => release());
  }
}
