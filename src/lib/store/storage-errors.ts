// Running out of storage, told plainly. IndexedDB reports a full disk or origin quota as a
// QuotaExceededError; Dexie may wrap it (an AbortError of the transaction with it as `inner`).

/** Not enough space to store something; the message says how much was needed and is free. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
}

export interface StorageEstimateLike { usage?: number; quota?: number }

/** True when the error, or any error it wraps, is a quota error. */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const err = e as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (err.name === 'QuotaExceededError' || err.name === 'StorageFullError') return true;
  if (isQuotaError(err.inner, depth + 1) || isQuotaError(err.cause, depth + 1)) return true;
  return Array.isArray(err.failures) && err.failures.some((f) => isQuotaError(f, depth + 1));
}

export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** The message a person sees; `free` is left out when the browser does not say. */
export function storageFullMessage(what: string, neededBytes: number, estimate?: StorageEstimateLike): string {
  const free = estimate?.quota !== undefined && estimate.usage !== undefined ? Math.max(0, estimate.quota - estimate.usage) : undefined;
  const space = free === undefined ? `needs ${megabytes(neededBytes)}` : `needs ${megabytes(neededBytes)}, ${megabytes(free)} free`;
  return `Not enough storage space to save ${what} (${space}): delete old checkpoints or runs`;
}

/** The browser's own usage and quota for this origin, when it has navigator.storage (main thread and workers). */
export async function browserEstimate(): Promise<StorageEstimateLike | undefined> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<StorageEstimateLike> } } }).navigator?.storage;
  try {
    return await storage?.estimate?.();
  } catch {
    return undefined;
  }
}

/** Runs a write; a quota error becomes a StorageFullError with the plain message, others pass through. */
export async function writeOrExplain<T>(
  what: string, neededBytes: number, write: () => Promise<T>, estimate: () => Promise<StorageEstimateLike | undefined> = browserEstimate,
): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof StorageFullError || !isQuotaError(e)) throw e;
    throw new StorageFullError(storageFullMessage(what, neededBytes, await estimate()));
  }
}

/**
 * Runs a write until it succeeds; after each StorageFullError, waits on onFull (which shows the
 * message and returns once the person has made room, or throws to give up). Other errors pass through.
 */
export async function retryWhenFull<T>(write: () => Promise<T>, onFull: (e: StorageFullError) => Promise<void>): Promise<T> {
  for (;;) {
    try {
      return await write();
    } catch (e) {
      if (!(e instanceof StorageFullError)) throw e;
      await onFull(e);
    }
  }
}
