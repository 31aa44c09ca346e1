// Files the CLI reads: the bundled corpus, prompts, the starter checkpoint, the word list,
// checkpoints and demonstration files named on the command line.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import wordListPath from 'word-list';
import { parseDemonstrationJsonl } from '../src/lib/store/demonstration-formats';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const STARTER_CHECKPOINT = join(ROOT, 'public/models/starter.ckpt');

export const readCorpus = (split: 'train' | 'heldout') => readFileSync(join(ROOT, `public/corpus/${split}.txt`), 'utf8');
/** The bundled prompts (story openings, the app's), or the classic books' held-out openings. */
export const readPrompts = (which: 'bundled' | 'classic' = 'bundled'): string[] =>
  JSON.parse(readFileSync(join(ROOT, `public/corpus/${which === 'classic' ? 'classic-prompts' : 'prompts'}.json`), 'utf8')).prompts;
export const readDictionary = () => new Set(readFileSync(wordListPath, 'utf8').split('\n'));

export const CLASSIC_CHECKPOINT = join(ROOT, 'public/models/classic-books.ckpt');

/** A checkpoint path, or "starter" / "classic" for the bundled ones. */
export const resolveCheckpoint = (arg: string) => (arg === 'starter' ? STARTER_CHECKPOINT : arg === 'classic' ? CLASSIC_CHECKPOINT : resolve(arg));

/** The bytes of a file named by a flag, or an error that names the file. */
function readNamed(path: string, what: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch {
    throw new Error(`No ${what} at ${path}`);
  }
}

/** A checkpoint file's bytes ("starter" or "classic" for the bundled ones). */
export const readCheckpointFile = (arg: string) => readNamed(resolveCheckpoint(arg), 'checkpoint file');

/** Demonstrations from a TRL prompt-completion JSONL file, checked whole as the app's import checks it. */
export function readDemonstrations(path: string): Array<{ prompt: string; response: string }> {
  const full = resolve(path);
  const bytes = readNamed(full, 'demonstration file');
  try {
    return parseDemonstrationJsonl(bytes).map((l) => ({ prompt: l.prompt, response: l.completion }));
  } catch (e) {
    throw new Error(`${full}: ${(e as Error).message}`);
  }
}
