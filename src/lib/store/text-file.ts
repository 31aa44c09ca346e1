// Plain-text uploads (corpora, prompt lists) checked whole before anything reads them: strict
// UTF-8, no binary, a size cap and a line cap. Each refusal names the problem and where it is.

export class TextFileError extends Error {
  override name = 'TextFileError';
}

export interface TextLimits {
  /** What the file is, for messages: "corpus", "prompt set". */
  what: string;
  maxBytes: number;
  maxLineChars: number;
}

const MB = 1_000_000;
export const sizeText = (bytes: number) => (bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${bytes.toLocaleString('en')} bytes`);

/** Refuses a file over the size cap before it is read at all (a browser File has its size up front). */
export function checkFileSize(bytes: number, limits: Pick<TextLimits, 'what' | 'maxBytes'>): void {
  if (bytes <= limits.maxBytes) return;
  // Exact byte counts where rounding would show the two sizes as the same.
  const [size, max] = sizeText(bytes) === sizeText(limits.maxBytes)
    ? [bytes, limits.maxBytes].map((n) => `${n.toLocaleString('en')} bytes`) : [sizeText(bytes), sizeText(limits.maxBytes)];
  throw new TextFileError(`The file is ${size}; a ${limits.what} can be at most ${max}`);
}

/** Line number (from 1) of position `at` in a sequence whose code at i is `codeAt(i)`. */
function lineAt(codeAt: (i: number) => number, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (codeAt(i) === 0x0a) line++;
  return line;
}

/** Position of the first control character other than tab, newline and carriage return, or -1. */
function firstControl(codeAt: (i: number) => number, length: number): number {
  for (let i = 0; i < length; i++) {
    const c = codeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return i;
  }
  return -1;
}

/** Byte offset of the first byte that is not part of well-formed UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    // Lead byte: how many continuation bytes follow, and the range the first of them must be in
    // (which rules out overlong forms, surrogates and code points past U+10FFFF).
    let n: number, lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) { n = 2; if (c === 0xe0) lo = 0xa0; if (c === 0xed) hi = 0x9f; }
    else if (c >= 0xf0 && c <= 0xf4) { n = 3; if (c === 0xf0) lo = 0x90; if (c === 0xf4) hi = 0x8f; }
    else return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return -1;
}

/**
 * The text of an upload (bytes) or of pasted text (a string), split into lines, after checking
 * it whole; throws a TextFileError naming the first problem. A leading byte-order mark is dropped.
 */
export function readTextLines(input: Uint8Array | string, limits: TextLimits): string[] {
  const { what, maxBytes, maxLineChars } = limits;
  let text: string;
  if (typeof input === 'string') {
    const size = new TextEncoder().encode(input).length;
    if (size > maxBytes) throw new TextFileError(`The ${what} is ${sizeText(size)}; it can be at most ${sizeText(maxBytes)}`);
    const codeAt = (i: number) => input.charCodeAt(i);
    const bad = firstControl(codeAt, input.length);
    if (bad >= 0) {
      throw new TextFileError(`Line ${lineAt(codeAt, bad)}: character ${bad + 1} is a control character (0x${hex(input.charCodeAt(bad))}); the ${what} must be plain text`);
    }
    text = input;
  } else {
    checkFileSize(input.length, limits);
    const codeAt = (i: number) => input[i];
    // Control characters are single bytes in UTF-8 (every byte of a longer character is >= 0x80).
    const control = firstControl(codeAt, input.length);
    if (control >= 0) {
      throw new TextFileError(`This is a binary file, not text: byte ${control} (line ${lineAt(codeAt, control)}) is a control character (0x${hex(input[control])})`);
    }
    const invalid = firstInvalidUtf8(input);
    if (invalid >= 0) throw new TextFileError(`This file is not UTF-8 text: byte ${invalid} (line ${lineAt(codeAt, invalid)}) is not valid UTF-8`);
    text = new TextDecoder('utf-8', { fatal: true }).decode(input);
  }
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const long = lines.findIndex((l) => l.length > maxLineChars);
  if (long >= 0) {
    throw new TextFileError(`Line ${long + 1} is ${lines[long].length.toLocaleString('en')} characters long; a ${what} line can be at most ${maxLineChars.toLocaleString('en')}`);
  }
  if (lines.every((l) => l.trim() === '')) throw new TextFileError(`The ${what} is empty (only whitespace)`);
  return lines;
}

const hex = (c: number) => c.toString(16).padStart(2, '0');
