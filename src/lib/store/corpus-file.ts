// A training text a person uploads or pastes for pretraining, checked whole before training
// starts (a refused text starts nothing and changes nothing). It is not stored.
import { checkFileSize, readTextLines, TextFileError } from './text-file';

/** Four times the bundled corpus: enough to teach something, small enough to tokenise in a tab. */
export const MAX_CORPUS_BYTES = 5_000_000;
/** The bundled corpus's longest paragraph is under 3,000 characters. */
export const MAX_CORPUS_LINE_CHARS = 20_000;
/** Less than this is not enough to fill a few context windows. */
export const MIN_CORPUS_CHARS = 200;

const LIMITS = { what: 'corpus', maxBytes: MAX_CORPUS_BYTES, maxLineChars: MAX_CORPUS_LINE_CHARS };

/** Throws before a file too big to be a corpus is read into memory. */
export const checkCorpusFileSize = (bytes: number) => checkFileSize(bytes, LIMITS);

/** The corpus text (newlines normalised to \n); throws a TextFileError naming the problem. */
export function readCorpus(input: Uint8Array | string): string {
  const lines = readTextLines(input, LIMITS);
  const text = lines.join('\n');
  const chars = text.trim().length;
  if (chars < MIN_CORPUS_CHARS) {
    throw new TextFileError(`The corpus is too short: ${chars} characters; it needs at least ${MIN_CORPUS_CHARS}`);
  }
  return text;
}
