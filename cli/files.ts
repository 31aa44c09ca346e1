// Files the CLI reads: the bundled corpus, prompts, the starter checkpoint, the word list.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import wordListPath from 'word-list';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const STARTER_CHECKPOINT = join(ROOT, 'public/models/starter.ckpt');

export const readCorpus = (split: 'train' | 'heldout') => readFileSync(join(ROOT, `public/corpus/${split}.txt`), 'utf8');
export const readPrompts = (): string[] => JSON.parse(readFileSync(join(ROOT, 'public/corpus/prompts.json'), 'utf8')).prompts;
export const readDictionary = () => new Set(readFileSync(wordListPath, 'utf8').split('\n'));

/** A checkpoint path, or "starter" for the bundled one. */
export const resolveCheckpoint = (arg: string) => (arg === 'starter' ? STARTER_CHECKPOINT : resolve(arg));
