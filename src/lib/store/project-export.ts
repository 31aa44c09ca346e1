// A whole project as one file (as Teachable Machine saves one): judgements, checkpoints with
// their weights, training runs, settings, prompt sets and demonstrations, in UTF-8 JSON; its
// shape is project-file-format.ts's. Edits on the labeling screen travel as judgements, which is
// where demonstrations.ts reads them from.
import { toBase64 } from './base64';
import type { PlaygroundDB } from './db';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectFile } from './project-file-format';
import { PRETRAIN_AUTOSAVE_KEY } from './setting-keys';

export async function exportProject(db: PlaygroundDB): Promise<Uint8Array> {
  const tables = [db.judgements, db.checkpoints, db.checkpointBytes, db.runs, db.settings, db.promptSets, db.demonstrations];
  const [judgements, checkpoints, bytes, runs, settings, promptSets, demonstrations] = await db.transaction('r', tables, () => Promise.all([
    db.judgements.toArray(), db.checkpoints.toArray(), db.checkpointBytes.toArray(), db.runs.toArray(), db.settings.toArray(),
    db.promptSets.toArray(), db.demonstrations.toArray(),
  ]));
  const bytesOf = new Map(bytes.map((b) => [b.id, b.bytes]));
  const file: ProjectFile = {
    format: PROJECT_FORMAT, version: PROJECT_VERSION, exportedAt: new Date().toISOString(), judgements,
    checkpoints: checkpoints.flatMap((record) => {
      const b = bytesOf.get(record.id!);
      return b ? [{ record, bytesBase64: toBase64(new Uint8Array(b)) }] : [];
    }),
    // The pretraining autosave is this browser's unsaved model, not part of the project.
    runs, settings: settings.filter((s) => s.key !== PRETRAIN_AUTOSAVE_KEY), promptSets, demonstrations,
  };
  // JSON has no NaN: a diverged run's NaN metrics go out as null and come back as NaN. Typed arrays
  // (Adam's moments in an RL run's trainer state) go out as number lists, not {"0": x, ...} objects.
  return new TextEncoder().encode(JSON.stringify(file, (_, v) => (ArrayBuffer.isView(v) && !(v instanceof DataView) ? Array.from(v as Float32Array) : v)));
}
