// Telling people about undone training steps (fault-guard.ts), and keeping them in the run's record.
import { describeFault, type FaultRecord } from '../store/fault-record';
import type { PlaygroundDB } from '../store/db';
import type { FromWorker } from './protocol';

type Context = Extract<FromWorker, { type: 'training/fault' }>['context'];

/** Posts each fault; with a run, appends them to its record (one transaction, so none is lost to a race). */
export async function reportFaults(post: (msg: FromWorker) => void, context: Context, faults: FaultRecord[], run?: { db: PlaygroundDB; runId: number }): Promise<void> {
  if (!faults.length) return;
  for (const fault of faults) post({ type: 'training/fault', context, fault, message: describeFault(fault) });
  if (!run) return;
  const { db, runId } = run;
  await db.transaction('rw', db.runs, async () => {
    const rec = await db.runs.get(runId);
    if (rec) await db.runs.update(runId, { faults: [...(rec.faults ?? []), ...faults] });
  });
}
