// Which of an RL run's per-round policy checkpoints to delete as a new round is saved: keep the
// newest (a resume starts from it), the last N, and every M-th round; the rest go. Pure: no
// IndexedDB, so the rule is tested on its own and the caller applies it inside its transaction.
import { checkSettings, defaultsOf, type SettingsTable } from '../util/settings-table';

export interface RetentionPolicy {
  /** The newest round checkpoints kept, counting those still stored (at least 1: the newest). */
  keepLast: number;
  /** Every round that is a multiple of this is kept as well; 0 keeps none extra. */
  keepEvery: number;
}

/** Which round checkpoints a run keeps: the RL form's fields and checkRetention's ranges. */
export const RETENTION_SETTINGS: SettingsTable<RetentionPolicy> = [
  { key: 'keepLast', kind: 'int', default: 3, min: 1, max: 1000, name: 'round checkpoints kept', label: 'Round checkpoints kept',
    help: 'The policy checkpoints of the newest N rounds stay; older ones are deleted as each round saves (the reference and renamed ones always stay)' },
  { key: 'keepEvery', kind: 'int', default: 10, min: 0, max: 1000, name: 'every-Nth-round interval', label: 'Also keep every Nth round',
    help: 'Rounds that are multiples of N keep their checkpoint too, e.g. 10 keeps rounds 10, 20, ...; 0 keeps none extra' },
];

export const DEFAULT_RETENTION: RetentionPolicy = defaultsOf(RETENTION_SETTINGS);

/** Throws naming the first setting out of range; returns p. */
export function checkRetention(p: RetentionPolicy): RetentionPolicy {
  return checkSettings(RETENTION_SETTINGS, p);
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
