// Stored RL runs' curves, for charts that overlay them on the run in progress. Reads only what a
// chart needs (no settings, no checkpoints); a row whose metrics are not an array of numbers by
// round is skipped rather than drawn half-read.
import { getDB, type PlaygroundDB } from './db';

export interface RunMetrics {
  id: number;
  name: string;
  createdAt: string;
  status: string;
  /** One row per finished round: TRL's metric keys and `round`. */
  metrics: Array<Record<string, number>>;
}

const isRound = (row: unknown): row is Record<string, number> =>
  typeof row === 'object' && row !== null && typeof (row as { round?: unknown }).round === 'number';

/** Every stored RL run with its per-round metrics, newest first. */
export async function listRLRunMetrics(db: PlaygroundDB = getDB()): Promise<RunMetrics[]> {
  const rows = await db.runs.where('kind').equals('rl').toArray();
  return rows
    .filter((r) => typeof r.id === 'number' && Array.isArray(r.metrics) && r.metrics.every(isRound))
    .map((r) => ({ id: r.id!, name: String(r.name), createdAt: String(r.createdAt), status: String(r.status), metrics: r.metrics }))
    .sort((a, b) => b.id - a.id);
}

/** A stored run's name on a chart's legend: runs are often named alike ("RL from Starter model"). */
export const runMetricsName = (r: Pick<RunMetrics, 'id' | 'name'>) => `${r.name} #${r.id}`;
