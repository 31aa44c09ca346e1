// Demonstrations in and out as JSON lines in Hugging Face TRL's SFT "prompt-completion" format:
//   {"prompt": "...", "completion": "..."}
// one per line. Other fields of a line ride along (kept with the row, written back on export);
// ours go out as "author", "source" and "created_at". TRL's conversational form (lists of
// messages) is refused: a field must be text. Parsing checks the whole file and throws a
// TextFileError naming the line before anything is stored.
import { readTextLines, TextFileError } from './text-file';

export const MAX_DEMONSTRATION_FILE_BYTES = 20_000_000;
export const MAX_DEMONSTRATION_LINE_BYTES = 1_000_000;
/** A prompt or a response: far more than a context window, so a long one is truncated, not refused. */
export const MAX_DEMONSTRATION_CHARS = 100_000;
export const MAX_DEMONSTRATIONS = 10_000;

/** One line of a file: the two texts and whatever else it had. */
export interface DemonstrationLine {
  prompt: string;
  completion: string;
  extra: Record<string, unknown>;
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/** One text, checked; `what` names it in the message ('Line 3: field "prompt"', 'The response'). */
export function checkDemonstrationText(v: unknown, what: string): string {
  if (typeof v !== 'string') throw new TextFileError(`${what} must be text, but is ${typeName(v)}`);
  if (v.trim() === '') throw new TextFileError(`${what} is empty`);
  if (v.length > MAX_DEMONSTRATION_CHARS) throw new TextFileError(`${what} is ${v.length.toLocaleString('en')} characters long; at most ${MAX_DEMONSTRATION_CHARS.toLocaleString('en')} are allowed`);
  // Tab, newline and carriage return are text; other control characters are not (JSON lets "\u0007" in).
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(v);
  if (control) throw new TextFileError(`${what} contains a control character (0x${control[0].charCodeAt(0).toString(16).padStart(2, '0')})`);
  return v;
}

/** Every line of a demonstration file, checked; throws a TextFileError naming the first problem. */
export function parseDemonstrationJsonl(input: Uint8Array | string): DemonstrationLine[] {
  // The line cap is checked below in bytes; here only strict UTF-8, no binary, the file's size.
  const lines = readTextLines(input, { what: 'demonstration file', maxBytes: MAX_DEMONSTRATION_FILE_BYTES, maxLineChars: MAX_DEMONSTRATION_FILE_BYTES });
  const encoder = new TextEncoder();
  const out: DemonstrationLine[] = [];
  lines.forEach((raw, i) => {
    const at = `Line ${i + 1}`;
    if (raw.trim() === '') return;
    if (raw.length > MAX_DEMONSTRATION_LINE_BYTES || encoder.encode(raw).length > MAX_DEMONSTRATION_LINE_BYTES) {
      throw new TextFileError(`${at}: the line is longer than 1 MB`);
    }
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      throw new TextFileError(`${at}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new TextFileError(`${at}: expected a JSON object like {"prompt": "...", "completion": "..."}`);
    const { prompt, completion, ...extra } = obj as Record<string, unknown>;
    for (const [key, v] of [['prompt', prompt], ['completion', completion]] as const) {
      if (v === undefined) throw new TextFileError(`${at}: missing field "${key}"`);
    }
    out.push({
      prompt: checkDemonstrationText(prompt, `${at}: field "prompt"`),
      completion: checkDemonstrationText(completion, `${at}: field "completion"`),
      extra,
    });
  });
  if (!out.length) throw new TextFileError('The file has no demonstrations');
  if (out.length > MAX_DEMONSTRATIONS) throw new TextFileError(`The file has ${out.length.toLocaleString('en')} demonstrations; at most ${MAX_DEMONSTRATIONS.toLocaleString('en')} are allowed`);
  return out;
}

/** JSON lines, one per demonstration, newline-terminated. */
export function toDemonstrationJsonl(lines: DemonstrationLine[]): string {
  return lines.map((l) => JSON.stringify({ prompt: l.prompt, completion: l.completion, ...l.extra })).join('\n') + (lines.length ? '\n' : '');
}
