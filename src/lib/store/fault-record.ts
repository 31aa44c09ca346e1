// A training fault as a run's record keeps it and the UI shows it. The guard that finds and undoes
// faults is engine/fault-guard.ts; this record lives here because runs store it.

/** One undone step. */
export interface FaultRecord {
  /** The optimizer step (1-based, counted by the guard) that went bad. */
  step: number;
  /** What was not finite: 'loss' or 'weights'. */
  what: 'loss' | 'weights';
  lrBefore: number;
  lrAfter: number;
}

/** A one-line account of a fault for people. */
export function describeFault(f: FaultRecord): string {
  const what = f.what === 'loss' ? 'the loss' : 'the weights';
  return `Step ${f.step}: NaN or Infinity in ${what}. The last good weights were restored and the learning rate halved (${f.lrBefore.toPrecision(2)} → ${f.lrAfter.toPrecision(2)}).`;
}
