// Stored RL runs read for the charts' overlays: RL rows only, newest first, a damaged one skipped.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listRLRunMetrics } from '../../src/lib/store/run-metrics';
import { freshDatabases } from './fresh-db';

const freshDB = freshDatabases('run-metrics');

describe('listRLRunMetrics', () => {
  it('lists RL runs with their rounds newest first, skipping other kinds and damaged rows', async () => {
    const db = freshDB();
    const row = { createdAt: '2025-01-01T00:00:00Z', settings: {}, status: 'finished' };
    const a = await db.runs.add({ ...row, kind: 'rl', name: 'A', metrics: [{ round: 1, 'objective/kl': 0.1 }] });
    await db.runs.add({ ...row, kind: 'reward', name: 'RM', metrics: [{ step: 1, loss: 0.6 }] });
    await db.runs.add({ ...row, kind: 'rl', name: 'broken', metrics: [{ 'objective/kl': 0.2 }] });
    const b = await db.runs.add({ ...row, kind: 'rl', name: 'B', metrics: [] });
    expect(await listRLRunMetrics(db)).toEqual([
      { id: b, name: 'B', createdAt: row.createdAt, status: 'finished', metrics: [] },
      { id: a, name: 'A', createdAt: row.createdAt, status: 'finished', metrics: [{ round: 1, 'objective/kl': 0.1 }] },
    ]);
  });
});
