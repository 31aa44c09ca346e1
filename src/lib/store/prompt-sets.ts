// Stored prompt sets: import (checked whole, written in one transaction), list, delete.
import type { PlaygroundDB, PromptSetRecord } from './db';
import { MAX_PROMPT_SET_BYTES, parsePromptSet, promptSetFormatOf } from './prompt-set-formats';
import { checkFileSize } from './text-file';

const MAX_NAME_CHARS = 80;

/** A set's name from its file name: no extension, at most 80 characters. */
export function promptSetName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').trim().slice(0, MAX_NAME_CHARS) || 'Prompt set';
}

/** Throws before a file too big to be a prompt set is read into memory. */
export const checkPromptSetFileSize = (bytes: number) => checkFileSize(bytes, { what: 'prompt set', maxBytes: MAX_PROMPT_SET_BYTES });

/** Adds an uploaded prompt set; refused with the problem (nothing written) unless every prompt is good. */
export async function importPromptSetFile(db: PlaygroundDB, input: Uint8Array | string, fileName: string): Promise<PromptSetRecord> {
  const prompts = parsePromptSet(input, promptSetFormatOf(fileName));
  const record: PromptSetRecord = { name: promptSetName(fileName), createdAt: new Date().toISOString(), prompts };
  const id = await db.transaction('rw', db.promptSets, () => db.promptSets.add(record));
  return { ...record, id };
}

/** Oldest first, so a set keeps its place in the pickers. */
export function listPromptSets(db: PlaygroundDB): Promise<PromptSetRecord[]> {
  return db.promptSets.orderBy('createdAt').toArray();
}

export async function deletePromptSet(db: PlaygroundDB, id: number): Promise<void> {
  await db.promptSets.delete(id);
}
