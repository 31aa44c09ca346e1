// Settings an RL run keeps under its own id (rl-host.ts): a round's sampled batches until the round
// is saved, and the trainer's state as of its last saved round. A project import moves them to the
// run's new id (project-file.ts). Apart from db.ts so that it does not load Dexie, which takes the
// IndexedDB global as it loads (unit tests install a fake one first).

export type RunSettingKind = 'rl-round' | 'rl-trainer';

export const runSettingKey = (kind: RunSettingKind, runId: number) => `${kind}/${runId}`;

/** The kind and run id of a per-run setting's key (see runSettingKey); undefined for any other key. */
export function parseRunSettingKey(key: string): { kind: RunSettingKind; runId: number } | undefined {
  const m = /^(rl-round|rl-trainer)\/(\d+)$/.exec(key);
  return m ? { kind: m[1] as RunSettingKind, runId: Number(m[2]) } : undefined;
}
