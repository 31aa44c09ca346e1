// Demonstrations for supervised fine-tuning: typed on the Language model tab, imported from TRL
// prompt-completion JSON lines (checked whole, written in one transaction), listed, deleted,
// exported.
//
// A person's edit on the labeling screen is a demonstration too (the rewrite is the response they
// wanted). It is not copied into the demonstrations table: listDemonstrations() reads it from its
// 'edit' judgement. One record of it, so undoing the judgement (Ctrl+Z), or a project file that
// carries the judgement, takes the demonstration along with no second write to keep in step, and
// edits made before this table existed count too. The cost is a scan of the judgements when SFT
// or PPO-ptx reads demonstrations, which is small next to a training step.
import type { Judgement } from '../feedback/judgement';
import type { DemonstrationRecord, PlaygroundDB } from './db';
import { checkDemonstrationText, parseDemonstrationJsonl, toDemonstrationJsonl, type DemonstrationLine, MAX_DEMONSTRATION_FILE_BYTES } from './demonstration-formats';
import { checkFileSize, TextFileError } from './text-file';

/** A demonstration as SFT reads it: a stored row, or the rewrite of an edit judgement. */
export interface Demonstration {
  /** Stable across reads: `demo-<id>` for a stored row, `edit-<judgement id>` for an edit. */
  key: string;
  prompt: string;
  response: string;
  author: string;
  createdAt: string;
  source: DemonstrationRecord['source'];
  /** The stored row (deletable here); absent for an edit, which is undone on the labeling screen. */
  id?: number;
  judgementId?: number;
  extra?: Record<string, unknown>;
}

export const checkDemonstrationFileSize = (bytes: number) => checkFileSize(bytes, { what: 'demonstration file', maxBytes: MAX_DEMONSTRATION_FILE_BYTES });

/** Stores one typed demonstration; resolves once committed, with its id. Throws naming an empty or bad field. */
export async function addDemonstration(db: PlaygroundDB, d: { prompt: string; response: string; author: string }): Promise<number> {
  const record: DemonstrationRecord = {
    prompt: checkDemonstrationText(d.prompt, 'The prompt'),
    response: checkDemonstrationText(d.response, 'The response'),
    author: d.author.trim() || 'me',
    createdAt: new Date().toISOString(),
    source: 'typed',
  };
  return db.transaction('rw', db.demonstrations, () => db.demonstrations.add(record));
}

export async function deleteDemonstration(db: PlaygroundDB, id: number): Promise<void> {
  await db.demonstrations.delete(id);
}

const fromRecord = (r: DemonstrationRecord): Demonstration => ({
  key: `demo-${r.id}`, prompt: r.prompt, response: r.response, author: r.author, createdAt: r.createdAt, source: r.source,
  id: r.id, ...(r.extra ? { extra: r.extra } : {}),
});

/** The rewrite of an edit judgement as a demonstration, or null for other feedback. */
export function demonstrationOfEdit(j: Judgement): Demonstration | null {
  if (j.feedback.kind !== 'edit') return null;
  const edited = j.completions[j.feedback.edited];
  if (!edited || edited.text.trim() === '') return null;
  return { key: `edit-${j.id}`, prompt: j.prompt, response: edited.text, author: j.labeler, createdAt: j.createdAt, source: 'edit', judgementId: j.id };
}

/** Every demonstration, oldest first: the stored rows and the edits on the labeling screen. */
export async function listDemonstrations(db: PlaygroundDB): Promise<Demonstration[]> {
  const [rows, edits] = await db.transaction('r', db.demonstrations, db.judgements, () => Promise.all([
    db.demonstrations.orderBy('createdAt').toArray(),
    db.judgements.filter((j) => j.feedback.kind === 'edit').toArray(),
  ]));
  const all = [...rows.map(fromRecord), ...edits.flatMap((j) => demonstrationOfEdit(j) ?? [])];
  return all.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The demonstrations with these keys (null: all), in list order; throws when none is left. */
export async function chooseDemonstrations(db: PlaygroundDB, keys: string[] | null): Promise<Demonstration[]> {
  const all = await listDemonstrations(db);
  const chosen = keys === null ? all : all.filter((d) => keys.includes(d.key));
  if (!chosen.length) {
    throw new Error(keys === null
      ? 'There are no demonstrations yet: write a prompt and the response you want on the Language model tab, or import a file'
      : 'None of the chosen demonstrations is stored any more');
  }
  return chosen;
}

/** Adds every line of a file, or none: the whole file is checked first, then written in one transaction. */
export async function importDemonstrationFile(db: PlaygroundDB, input: Uint8Array | string): Promise<number> {
  const lines = parseDemonstrationJsonl(input);
  const createdAt = new Date().toISOString();
  const records: DemonstrationRecord[] = lines.map((l) => ({
    prompt: l.prompt, response: l.completion, author: 'import', createdAt, source: 'import',
    ...(Object.keys(l.extra).length ? { extra: l.extra } : {}),
  }));
  await db.transaction('rw', db.demonstrations, () => db.demonstrations.bulkAdd(records));
  return records.length;
}

/** Every demonstration SFT would train on as TRL prompt-completion lines; ours ride along as extra fields. */
export async function exportDemonstrations(db: PlaygroundDB): Promise<{ text: string; count: number }> {
  const all = await listDemonstrations(db);
  const lines: DemonstrationLine[] = all.map((d) => ({
    prompt: d.prompt, completion: d.response,
    // An imported line's own fields last: its provenance survives a round trip.
    extra: { author: d.author, source: d.source, created_at: d.createdAt, ...(d.judgementId !== undefined ? { judgement_id: d.judgementId } : {}), ...d.extra },
  }));
  return { text: toDemonstrationJsonl(lines), count: lines.length };
}

/** A stored row from a project file, checked as a typed one is. */
export function checkDemonstrationRecord(v: unknown): DemonstrationRecord {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TextFileError('not an object');
  const o = v as Record<string, unknown>;
  if (o.source !== 'typed' && o.source !== 'import') throw new TextFileError(`source must be "typed" or "import", but is ${JSON.stringify(o.source)}`);
  for (const key of ['author', 'createdAt'] as const) {
    if (typeof o[key] !== 'string') throw new TextFileError(`${key} must be text, but is ${JSON.stringify(o[key])}`);
  }
  if (o.extra !== undefined && (typeof o.extra !== 'object' || o.extra === null || Array.isArray(o.extra))) throw new TextFileError('extra must be an object');
  return {
    prompt: checkDemonstrationText(o.prompt, 'prompt'), response: checkDemonstrationText(o.response, 'response'),
    author: o.author as string, createdAt: o.createdAt as string, source: o.source,
    ...(o.extra ? { extra: o.extra as Record<string, unknown> } : {}),
  };
}
