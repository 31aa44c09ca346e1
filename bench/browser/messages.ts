// Messages between the benchmark page and its worker (plain data, like the app's protocol.ts).
import type { BackendName } from '../../src/lib/worker/protocol';
import type { BackendReport, BenchPlan, InfoValue } from '../types';

/** threads: wasm's thread count to force, past tfjs's cap of half the cores. */
export type ToBenchWorker = { type: 'run'; backend: BackendName; plan: BenchPlan; threads?: number };

export type FromBenchWorker =
  /** The backend is up: what runs, why, on which adapter (kept even if the run then times out). */
  | { type: 'started'; info: Record<string, InfoValue> }
  | { type: 'log'; line: string }
  | { type: 'done'; report: BackendReport };
