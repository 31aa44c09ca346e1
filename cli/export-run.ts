// The export behind `npm run export` (cli/export.ts parses its flags): a checkpoint file (or the
// bundled starter) written out as a Hugging Face GPT-2 folder, the files the app's download zips.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeCheckpoint } from '../src/lib/model/checkpoint-format';
import { exportHfGpt2, hfFileBytes } from '../src/lib/model/hf-gpt2-export';
import { describeEstimate, estimateTraining } from '../src/lib/model/training-estimate';
import { readCheckpointFile, resolveCheckpoint } from './files';

export const EXPORT_FLAGS = { checkpoint: 'starter', out: '' };
export type ExportFlags = typeof EXPORT_FLAGS;

/** Writes the folder; returns its path and the names written. */
export function exportToFolder(flags: ExportFlags, log: (line: string) => void = console.log): { dir: string; files: string[] } {
  if (!flags.out) throw new Error('Give the folder to write with --out <dir>');
  const ck = decodeCheckpoint(readCheckpointFile(flags.checkpoint));
  const files = exportHfGpt2(ck);
  const dir = resolve(flags.out);
  mkdirSync(dir, { recursive: true });
  for (const [name, contents] of files) writeFileSync(join(dir, name), hfFileBytes(contents));
  log(`# ${ck.meta.name} (${resolveCheckpoint(flags.checkpoint)}) -> ${dir}`);
  log(`# ${describeEstimate(estimateTraining(ck.config))}`);
  for (const name of files.keys()) log(name);
  return { dir, files: [...files.keys()] };
}
