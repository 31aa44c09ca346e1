// A Compare screen run as IndexedDB keeps it: a row of the runs table (kind 'compare') whose
// `comparison` holds what was asked and each method's result as it finished, so a reload shows
// every finished method, and a run the tab closed on is marked interrupted, never left running.
// The methods' trained policies are ordinary checkpoints whose meta.runId is the run's id.
import type { PlaygroundDB, RunRecord } from './db';

/** One method's measures and its completions of the held-out prompts (engine/method-comparison.ts makes them). */
export interface ComparisonResult {
  method: string;
  /** The gold judge's mean score; null when a person is the judge (no score to compute). */
  gold_score: number | null;
  proxy_score: number;
  /** KL to the reference, nats per completion. */
  kl: number;
  /** Best-of-n: log n − (n−1)/n, the KL it reports. */
  kl_formula?: number;
  seconds: number;
  /** Completions sampled, training and measuring together. */
  samples: number;
  /** One completion per held-out prompt (best-of-n: the one it kept), for the side-by-side view. */
  completions: string[];
}

export interface Comparison {
  methods: string[];
  /** Who judged: 'simulated: …' or the labelers whose stored judgements were used. */
  feedback: string;
  /** The gold judge's name, or null when a person is the judge. */
  gold: string | null;
  judgements: number;
  comparisons: number;
  heldout: string[];
  results: ComparisonResult[];
}

export type ComparisonStatus = 'running' | 'finished' | 'stopped' | 'failed' | 'interrupted';

export interface ComparisonRun {
  id: number;
  name: string;
  createdAt: string;
  status: ComparisonStatus;
  settings: unknown;
  comparison: Comparison;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const texts = (v: unknown, what: string): string[] => {
  if (!Array.isArray(v) || v.some((t) => typeof t !== 'string')) throw new Error(`${what} must be a list of texts`);
  return v as string[];
};

function result(v: unknown, i: number): ComparisonResult {
  const at = `comparison.results[${i}]`;
  if (!isObj(v)) throw new Error(`${at} is not an object`);
  if (typeof v.method !== 'string') throw new Error(`${at}.method must be text`);
  for (const key of ['proxy_score', 'kl', 'seconds', 'samples'] as const) {
    if (!isNum(v[key])) throw new Error(`${at}.${key} must be a number, but is ${JSON.stringify(v[key])}`);
  }
  if (v.gold_score !== null && !isNum(v.gold_score)) throw new Error(`${at}.gold_score must be a number or null`);
  if (v.kl_formula !== undefined && !isNum(v.kl_formula)) throw new Error(`${at}.kl_formula must be a number`);
  return {
    method: v.method, gold_score: v.gold_score as number | null, proxy_score: v.proxy_score as number, kl: v.kl as number,
    ...(v.kl_formula !== undefined ? { kl_formula: v.kl_formula as number } : {}),
    seconds: v.seconds as number, samples: v.samples as number, completions: texts(v.completions, `${at}.completions`),
  };
}

/** A stored comparison read whole, or an Error naming the first thing wrong with it (project files too). */
export function parseComparison(v: unknown): Comparison {
  if (!isObj(v)) throw new Error('comparison is not an object');
  if (typeof v.feedback !== 'string') throw new Error('comparison.feedback must be text');
  if (v.gold !== null && typeof v.gold !== 'string') throw new Error('comparison.gold must be text or null');
  for (const key of ['judgements', 'comparisons'] as const) if (!isNum(v[key])) throw new Error(`comparison.${key} must be a number`);
  if (!Array.isArray(v.results)) throw new Error('comparison.results is not a list');
  return {
    methods: texts(v.methods, 'comparison.methods'), feedback: v.feedback, gold: v.gold as string | null,
    judgements: v.judgements as number, comparisons: v.comparisons as number, heldout: texts(v.heldout, 'comparison.heldout'),
    results: v.results.map(result),
  };
}

export async function addComparisonRun(db: PlaygroundDB, name: string, settings: unknown, comparison: Comparison): Promise<number> {
  return db.runs.add({ kind: 'compare', name, createdAt: new Date().toISOString(), settings, metrics: [], status: 'running', comparison });
}

/** One more method's result, written before the page is told of it. */
export async function addComparisonResult(db: PlaygroundDB, id: number, r: ComparisonResult): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    const run = await db.runs.get(id);
    if (!run?.comparison) throw new Error(`There is no comparison ${id}`);
    await db.runs.update(id, { comparison: { ...run.comparison, results: [...run.comparison.results, r] } });
  });
}

export async function setComparisonStatus(db: PlaygroundDB, id: number, status: ComparisonStatus): Promise<void> {
  await db.runs.update(id, { status });
}

/** Every stored comparison, newest first; a damaged row is skipped, not shown half-read. */
export async function listComparisonRuns(db: PlaygroundDB): Promise<ComparisonRun[]> {
  const rows: RunRecord[] = await db.runs.where('kind').equals('compare').toArray();
  return rows.flatMap((r) => {
    try {
      return [{ id: r.id!, name: r.name, createdAt: r.createdAt, status: r.status as ComparisonStatus, settings: r.settings, comparison: parseComparison(r.comparison) }];
    } catch {
      return [];
    }
  }).reverse();
}
