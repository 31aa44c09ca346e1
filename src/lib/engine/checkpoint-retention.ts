// Which of an RL run's per-round policy checkpoints to delete as a new round is saved: keep the
// newest (a resume starts from it), the last N, and every M-th round; the rest go. Pure: no
// IndexedDB, so the rule is tested on its own and the caller applies it inside its transaction.

export interface RetentionPolicy {
  /** The newest round checkpoints kept, counting those still stored (at least 1: the newest). */
  keepLast: number;
  /** Every round that is a multiple of this is kept as well; 0 keeps none extra. */
  keepEvery: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepLast: 3, keepEvery: 10 };

export const RETENTION_LIMITS = {
  keepLast: { min: 1, max: 1000, what: 'round checkpoints kept' },
  keepEvery: { min: 0, max: 1000, what: 'every-Nth-round interval' },
} as const;

/** Throws naming the first setting out of range; returns p. */
export function checkRetention(p: RetentionPolicy): RetentionPolicy {
  for (const key of ['keepLast', 'keepEvery'] as const) {
    const { min, max, what } = RETENTION_LIMITS[key];
    const v = p[key];
    if (!Number.isInteger(v) || v < min || v > max) throw new Error(`Expected ${what} to be an integer in ${min}..${max}, but got ${v}`);
  }
  return p;
}

/** One stored round checkpoint of a run. */
export interface RoundCheckpoint { round: number; id: number }

/**
 * The ids to delete. "Last N" counts the checkpoints still stored, so a gap in the rounds (one
 * deleted by hand) never shrinks what is kept. Every id in `keep` (the run's reference, the model
 * in use) stays whatever its round, as do all ids of a kept round.
 */
export function checkpointsToDelete(rounds: readonly RoundCheckpoint[], policy: RetentionPolicy, keep: readonly number[] = []): number[] {
  const distinct = [...new Set(rounds.map((r) => r.round))].sort((a, b) => b - a); // newest first
  const kept = new Set(distinct.slice(0, Math.max(1, policy.keepLast)));
  if (policy.keepEvery > 0) distinct.filter((r) => r % policy.keepEvery === 0).forEach((r) => kept.add(r));
  const protectedIds = new Set(keep);
  return rounds.filter((r) => !kept.has(r.round) && !protectedIds.has(r.id)).map((r) => r.id).sort((a, b) => a - b);
}
