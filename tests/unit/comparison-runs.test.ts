// Stored comparisons: results appended as methods finish and read back newest first, a damaged
// row skipped rather than shown half-read, bad rows refused by name, and a comparison carried
// whole through a project file.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addComparisonResult, addComparisonRun, listComparisonRuns, parseComparison, setComparisonStatus, type Comparison, type ComparisonResult } from '../../src/lib/store/comparison-runs';
import { exportProject } from '../../src/lib/store/project-export';
import { importProject } from '../../src/lib/store/project-import';
import { freshDatabases } from './fresh-db';

const freshDB = freshDatabases('comparison-runs');

const comparison: Comparison = {
  methods: ['reference', 'ppo'], feedback: 'simulated: shorter', gold: 'simulated: shorter', judgements: 3, comparisons: 3, heldout: ['A', 'B'], results: [],
};
const reference: ComparisonResult = { method: 'reference', gold_score: -12, proxy_score: 0.1, kl: 0, seconds: 1, samples: 2, completions: ['x', 'y'] };
const bestOf4: ComparisonResult = { ...reference, method: 'best-of-4', kl: Math.log(4) - 0.75, kl_formula: Math.log(4) - 0.75, gold_score: null };

describe('comparison runs in IndexedDB', () => {
  it('appends each result and lists runs newest first with their status', async () => {
    const db = freshDB();
    const first = await addComparisonRun(db, 'Compare from starter', { seed: 1 }, comparison);
    const second = await addComparisonRun(db, 'Compare again', { seed: 2 }, comparison);
    await addComparisonResult(db, first, reference);
    await addComparisonResult(db, first, bestOf4);
    await setComparisonStatus(db, first, 'finished');
    const runs = await listComparisonRuns(db);
    expect(runs.map((r) => [r.id, r.status])).toEqual([[second, 'running'], [first, 'finished']]);
    expect(runs[1].comparison.results).toEqual([reference, bestOf4]);
  });

  it('skips a damaged row instead of showing it half-read', async () => {
    const db = freshDB();
    await db.runs.add({ kind: 'compare', name: 'broken', createdAt: '2026-01-01T00:00:00Z', settings: null, metrics: [], status: 'finished', comparison: { ...comparison, results: [{ method: 'ppo' }] } as unknown as Comparison });
    const ok = await addComparisonRun(db, 'fine', null, comparison);
    expect((await listComparisonRuns(db)).map((r) => r.id)).toEqual([ok]);
  });

  it('refuses rows that are not a comparison, naming the field', () => {
    expect(() => parseComparison({ ...comparison, results: [{ ...reference, kl: 'far' }] })).toThrow('comparison.results[0].kl must be a number, but is "far"');
    expect(() => parseComparison({ ...comparison, heldout: [1] })).toThrow('comparison.heldout must be a list of texts');
    expect(() => parseComparison({ ...comparison, gold: 3 })).toThrow('comparison.gold must be text or null');
    expect(parseComparison({ ...comparison, results: [bestOf4] }).results[0]).toEqual(bestOf4);
  });

  it('travels whole through a project file', async () => {
    const from = freshDB();
    const id = await addComparisonRun(from, 'Compare from starter', { seed: 1 }, comparison);
    await addComparisonResult(from, id, reference);
    const to = freshDB();
    await importProject(to, await exportProject(from));
    const [run] = await listComparisonRuns(to);
    expect(run.comparison).toEqual({ ...comparison, results: [reference] });
  });
});
