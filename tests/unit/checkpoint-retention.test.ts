// Which round checkpoints an RL run deletes, worked out by hand: the newest always stays, then the
// last N still stored, then every M-th round; the reference and the model in use are never touched.
import { describe, expect, it } from 'vitest';
import { checkpointsToDelete, checkRetention, DEFAULT_RETENTION, type RoundCheckpoint } from '../../src/lib/engine/checkpoint-retention';

/** Round r saved as checkpoint 100 + r, as a run that saved every round would have them. */
const rounds = (...rs: number[]): RoundCheckpoint[] => rs.map((round) => ({ round, id: 100 + round }));
const ids = (...rs: number[]) => rs.map((r) => 100 + r);
const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

describe('checkpointsToDelete', () => {
  it('keeps the last N rounds and deletes the older ones', () => {
    expect(checkpointsToDelete(rounds(1, 2, 3, 4, 5), { keepLast: 2, keepEvery: 0 })).toEqual(ids(1, 2, 3));
    expect(checkpointsToDelete(rounds(1, 2, 3, 4, 5), { keepLast: 4, keepEvery: 0 })).toEqual(ids(1));
  });

  it('with N = 1 and M = 0 keeps only the newest round', () => {
    expect(checkpointsToDelete(rounds(1, 2, 3, 4), { keepLast: 1, keepEvery: 0 })).toEqual(ids(1, 2, 3));
    expect(checkpointsToDelete(rounds(7), { keepLast: 1, keepEvery: 0 })).toEqual([]);
  });

  it('deletes nothing while there are fewer rounds than N', () => {
    expect(checkpointsToDelete(rounds(1, 2), { keepLast: 3, keepEvery: 0 })).toEqual([]);
    expect(checkpointsToDelete([], DEFAULT_RETENTION)).toEqual([]);
  });

  it('keeps every M-th round beside the last N (the defaults: 3 and 10)', () => {
    // Rounds 1..25: the last three are 23, 24, 25; the 10th and 20th stay too.
    const expected = range(1, 22).filter((r) => r !== 10 && r !== 20);
    expect(checkpointsToDelete(rounds(...range(1, 25)), { keepLast: 3, keepEvery: 10 })).toEqual(ids(...expected));
    // An M-th round inside the last N is not counted twice: 19, 20, 21 stay, and 10.
    expect(checkpointsToDelete(rounds(...range(1, 21)), { keepLast: 3, keepEvery: 10 })).toEqual(ids(...range(1, 18).filter((r) => r !== 10)));
  });

  it('counts the last N among the rounds still stored when there are gaps', () => {
    // Rounds 3, 6 and 8 were deleted by hand: the last two stored are 9 and 7, not 9 and 8.
    expect(checkpointsToDelete(rounds(1, 2, 4, 5, 7, 9), { keepLast: 2, keepEvery: 0 })).toEqual(ids(1, 2, 4, 5));
    // Gaps with M = 5: 14 and 10 are the last two, 5 and 10 are multiples of 5; 2 and 9 go.
    expect(checkpointsToDelete(rounds(2, 5, 9, 10, 14), { keepLast: 2, keepEvery: 5 })).toEqual(ids(2, 9));
  });

  it('reads rounds in any order and keeps every checkpoint of a kept round', () => {
    const shuffled: RoundCheckpoint[] = [{ round: 3, id: 7 }, { round: 1, id: 9 }, { round: 3, id: 4 }, { round: 2, id: 5 }];
    expect(checkpointsToDelete(shuffled, { keepLast: 1, keepEvery: 0 })).toEqual([5, 9]);
  });

  it('never deletes a protected id (the reference, the model in use)', () => {
    expect(checkpointsToDelete(rounds(1, 2, 3, 4), { keepLast: 1, keepEvery: 0 }, ids(2))).toEqual(ids(1, 3));
  });

  it('always keeps the newest round, even given N below 1', () => {
    expect(checkpointsToDelete(rounds(1, 2, 3), { keepLast: 0, keepEvery: 0 })).toEqual(ids(1, 2));
  });

  it('range-checks the policy, naming the setting', () => {
    expect(checkRetention(DEFAULT_RETENTION)).toBe(DEFAULT_RETENTION);
    expect(DEFAULT_RETENTION).toEqual({ keepLast: 3, keepEvery: 10 });
    expect(() => checkRetention({ keepLast: 0, keepEvery: 0 })).toThrow('Expected round checkpoints kept to be an integer in 1..1000, but got 0');
    expect(() => checkRetention({ keepLast: 2, keepEvery: 1.5 })).toThrow('Expected every-Nth-round interval to be an integer in 0..1000, but got 1.5');
    expect(() => checkRetention({ keepLast: 2, keepEvery: -1 })).toThrow(/every-Nth-round interval/);
  });
});
