// Prompt sets a person uploads, in three shapes:
//   .txt    one prompt per line (blank lines are skipped)
//   .json   an array of strings, or {"prompts": [...]} as the bundled public/corpus/prompts.json
//   .jsonl  TRL's prompt-only lines: {"prompt": "..."} (other fields are ignored)
// Parsing checks the whole file and throws a TextFileError naming the problem and its line.
import { readTextLines, TextFileError } from './text-file';

export const MAX_PROMPT_SET_BYTES = 2_000_000;
/** The prompt fields of the app take at most this many characters. */
export const MAX_PROMPT_CHARS = 500;
export const MAX_PROMPTS = 10_000;
/** A JSONL line holds one prompt, escaped, plus fields we ignore. */
const MAX_JSONL_LINE_CHARS = 10_000;

export type PromptSetFormat = 'txt' | 'json' | 'jsonl';

export function promptSetFormatOf(fileName: string): PromptSetFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'jsonl' ? 'jsonl' : 'txt';
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

/** One prompt, checked; `where` starts the message ("Line 3: the prompt", "Prompt 2"). */
function checkPrompt(v: unknown, where: string): string {
  if (typeof v !== 'string') throw new TextFileError(`${where} must be text, but is ${typeName(v)}`);
  if (v.trim() === '') throw new TextFileError(`${where} is empty`);
  if (v.length > MAX_PROMPT_CHARS) throw new TextFileError(`${where} is ${v.length} characters long; a prompt can be at most ${MAX_PROMPT_CHARS}`);
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(v);
  if (control) throw new TextFileError(`${where} contains a control character (0x${control[0].charCodeAt(0).toString(16).padStart(2, '0')})`);
  return v;
}

/** The line a JSON.parse error points at, from V8's "line L" or "position P" in its message. */
function jsonErrorLine(message: string, text: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : text.length;
  return text.slice(0, at).split('\n').length;
}

function parseJson(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new TextFileError(`Line ${jsonErrorLine((e as Error).message, text)}: not valid JSON (${(e as Error).message})`);
  }
  const list = Array.isArray(data) ? data : typeof data === 'object' && data !== null ? (data as { prompts?: unknown }).prompts : undefined;
  if (!Array.isArray(list)) throw new TextFileError('Expected a JSON list of prompts, or an object with a "prompts" list');
  return list.map((v, i) => checkPrompt(v, `Prompt ${i + 1}`));
}

function parseJsonl(lines: string[]): string[] {
  const prompts: string[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (e) {
      throw new TextFileError(`Line ${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new TextFileError(`Line ${i + 1}: expected a JSON object like {"prompt": "..."}`);
    if (!('prompt' in obj)) throw new TextFileError(`Line ${i + 1}: missing field "prompt"`);
    prompts.push(checkPrompt((obj as { prompt: unknown }).prompt, `Line ${i + 1}: field "prompt"`));
  });
  return prompts;
}

/** A stored set's prompts (from a project file), checked as an upload's are. */
export function checkPromptList(list: unknown): string[] {
  if (!Array.isArray(list)) throw new TextFileError('prompts is not a list');
  if (!list.length) throw new TextFileError('prompts is empty');
  if (list.length > MAX_PROMPTS) throw new TextFileError(`prompts has ${list.length} items; at most ${MAX_PROMPTS} are allowed`);
  return list.map((v, i) => checkPrompt(v, `prompts[${i}]`));
}

/** The prompts of an uploaded file, all checked; throws a TextFileError naming the first problem. */
export function parsePromptSet(input: Uint8Array | string, format: PromptSetFormat): string[] {
  const maxLineChars = format === 'txt' ? MAX_PROMPT_CHARS : format === 'jsonl' ? MAX_JSONL_LINE_CHARS : MAX_PROMPT_SET_BYTES;
  const lines = readTextLines(input, { what: 'prompt set', maxBytes: MAX_PROMPT_SET_BYTES, maxLineChars });
  const prompts = format === 'json' ? parseJson(lines.join('\n'))
    : format === 'jsonl' ? parseJsonl(lines)
    : lines.flatMap((l, i) => (l.trim() === '' ? [] : [checkPrompt(l, `Line ${i + 1}: the prompt`)]));
  if (!prompts.length) throw new TextFileError('The prompt set has no prompts');
  if (prompts.length > MAX_PROMPTS) throw new TextFileError(`The prompt set has ${prompts.length.toLocaleString('en')} prompts; at most ${MAX_PROMPTS.toLocaleString('en')} are allowed`);
  return prompts;
}
