// Hugging Face GPT-2 folders as the page moves them: one zip to download (a folder inside, ready
// for from_pretrained once unzipped), and a user's dropped files or zip read back into the
// file name -> bytes map that model/hf-gpt2-import.ts checks. No tfjs: this runs on the main thread.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { Checkpoint } from '../model/checkpoint-format';
import { exportHfGpt2, hfFileBytes } from '../model/hf-gpt2-export';

export class HfFilesError extends Error {
  override name = 'HfFilesError';
}

/** The folder name inside the zip: the checkpoint's name, made safe for any file system. */
export function hfFolderName(ck: Checkpoint): string {
  const slug = ck.meta.name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return slug.slice(0, 64) || 'model';
}

/** The exported folder as a zip. Weights are stored, not deflated: float32 barely compresses. */
export function hfExportZip(ck: Checkpoint): Uint8Array {
  const folder = hfFolderName(ck);
  const entries: Zippable = {};
  for (const [name, contents] of exportHfGpt2(ck)) {
    entries[`${folder}/${name}`] = [hfFileBytes(contents), { level: name.endsWith('.safetensors') ? 0 : 6 }];
  }
  return zipSync(entries);
}

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

const isZip = (f: DroppedFile) => f.name.toLowerCase().endsWith('.zip') || (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 0x03 && f.bytes[3] === 0x04);
/** Folders and paths drop away (a zipped folder's files are its files); hidden and macOS metadata files are skipped. */
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? '';
const skipped = (path: string) => path.endsWith('/') || path.split('/').some((part) => part === '__MACOSX') || baseName(path).startsWith('.');

/**
 * The files of a dropped folder's contents, or of one zip, by base name. Refuses a zip that would
 * unpack to more than `maxBytes`, checked on the sizes it declares before anything is inflated, and
 * two files of the same name (two models in one drop).
 */
export function readHfImportFiles(dropped: DroppedFile[], maxBytes: number): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const add = (path: string, bytes: Uint8Array) => {
    const name = baseName(path);
    if (out.has(name)) throw new HfFilesError(`Two files are named ${name}: drop one model's files at a time`);
    out.set(name, bytes);
  };
  const zips = dropped.filter(isZip);
  if (zips.length > 1 || (zips.length === 1 && dropped.length > 1)) throw new HfFilesError('Drop one zip, or the files of one model, not both');
  if (zips.length === 0) {
    for (const f of dropped) if (!skipped(f.name)) add(f.name, f.bytes);
    return out;
  }
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zips[0].bytes, {
      filter: (file) => {
        if (skipped(file.name)) return false;
        declared += file.originalSize;
        if (declared > maxBytes) throw new HfFilesError(`${zips[0].name} unpacks to more than the ${(maxBytes / 1e6).toFixed(0)} MB allowed`);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof HfFilesError) throw e;
    throw new HfFilesError(`${zips[0].name} is not a readable zip: ${(e as Error).message}`);
  }
  for (const [path, bytes] of Object.entries(entries)) add(path, bytes);
  return out;
}
