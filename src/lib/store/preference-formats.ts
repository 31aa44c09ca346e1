// Preference data in the formats Hugging Face TRL reads, and Anthropic's HH-RLHF:
//   TRL preference:  {"prompt", "chosen", "rejected", "margin"?}
//   TRL unpaired:    {"prompt", "completion", "label": true|false}
//   HH-RLHF:         {"chosen", "rejected"} as "\n\nHuman: ...\n\nAssistant: ..." transcripts
// Extra fields we know more about ride along under other keys, which those readers ignore.
// Parsing validates the whole file first and throws a PreferenceImportError naming the line.

export type PreferenceRecord =
  | { format: 'trl-preference'; prompt: string; chosen: string; rejected: string; margin?: number; extra: Record<string, unknown> }
  | { format: 'trl-unpaired'; prompt: string; completion: string; label: boolean; extra: Record<string, unknown> }
  | { format: 'hh-rlhf'; prompt: string; chosen: string; rejected: string; extra: Record<string, unknown> };

export const MAX_LINE_BYTES = 1_000_000;
export const MAX_TEXT_CHARS = 100_000;

export class PreferenceImportError extends Error {
  override name = 'PreferenceImportError';
  constructor(readonly line: number, readonly problem: string) {
    super(line > 0 ? `Line ${line}: ${problem}` : problem);
  }
}

const HUMAN = '\n\nHuman: ';
const ASSISTANT = '\n\nAssistant: ';

/** An HH-RLHF transcript for one prompt and one reply. */
export function hhTranscript(prompt: string, reply: string): string {
  return `${HUMAN}${prompt}${ASSISTANT}${reply}`;
}

/** Splits an HH transcript at its last "Assistant:" turn into the conversation so far and the reply. */
export function splitHHTranscript(text: string): { prompt: string; reply: string } | null {
  const at = text.lastIndexOf(ASSISTANT);
  if (at < 0 || !text.startsWith(HUMAN)) return null;
  return { prompt: text.slice(HUMAN.length, at), reply: text.slice(at + ASSISTANT.length) };
}

export function toJsonl(records: PreferenceRecord[]): string {
  return records.map((r) => {
    const { format, extra, ...fields } = r;
    if (format === 'hh-rlhf') {
      return JSON.stringify({ chosen: hhTranscript(r.prompt, r.chosen), rejected: hhTranscript(r.prompt, (r as { rejected: string }).rejected), ...extra });
    }
    return JSON.stringify({ ...fields, ...extra });
  }).join('\n') + (records.length ? '\n' : '');
}

const KNOWN = new Set(['prompt', 'chosen', 'rejected', 'margin', 'completion', 'label']);

function text(obj: Record<string, unknown>, key: string, line: number): string {
  const v = obj[key];
  if (v === undefined) throw new PreferenceImportError(line, `missing field "${key}"`);
  if (typeof v !== 'string') throw new PreferenceImportError(line, `field "${key}" must be text, but is ${v === null ? 'null' : typeof v}`);
  if (v.trim() === '') throw new PreferenceImportError(line, `field "${key}" is empty`);
  if (v.length > MAX_TEXT_CHARS) throw new PreferenceImportError(line, `field "${key}" is longer than ${MAX_TEXT_CHARS} characters`);
  return v;
}

function parseRecord(obj: Record<string, unknown>, line: number): PreferenceRecord {
  const extra = Object.fromEntries(Object.entries(obj).filter(([k]) => !KNOWN.has(k)));
  if ('completion' in obj || 'label' in obj) {
    if (typeof obj.label !== 'boolean') throw new PreferenceImportError(line, `field "label" must be true or false, but is ${JSON.stringify(obj.label)}`);
    return { format: 'trl-unpaired', prompt: text(obj, 'prompt', line), completion: text(obj, 'completion', line), label: obj.label, extra };
  }
  if (!('prompt' in obj)) {
    const chosen = splitHHTranscript(text(obj, 'chosen', line));
    const rejected = splitHHTranscript(text(obj, 'rejected', line));
    if (!chosen || !rejected) throw new PreferenceImportError(line, 'no "prompt" field, and "chosen"/"rejected" are not "\\n\\nHuman: ... \\n\\nAssistant: ..." transcripts');
    if (chosen.prompt !== rejected.prompt) throw new PreferenceImportError(line, 'the chosen and rejected transcripts start from different conversations');
    return { format: 'hh-rlhf', prompt: chosen.prompt, chosen: chosen.reply, rejected: rejected.reply, extra };
  }
  const record: PreferenceRecord = { format: 'trl-preference', prompt: text(obj, 'prompt', line), chosen: text(obj, 'chosen', line), rejected: text(obj, 'rejected', line), extra };
  if (obj.margin !== undefined) {
    if (typeof obj.margin !== 'number' || !Number.isFinite(obj.margin)) throw new PreferenceImportError(line, `field "margin" must be a finite number, but is ${JSON.stringify(obj.margin)}`);
    record.margin = obj.margin;
  }
  return record;
}

/** Parses and validates a whole JSONL file; nothing is returned unless every line is good. */
export function parsePreferenceJsonl(input: string | Uint8Array): PreferenceRecord[] {
  let content: string;
  if (typeof input === 'string') {
    content = input;
  } else {
    if (input.includes(0)) throw new PreferenceImportError(0, 'This is a binary file, not JSON lines (it contains NUL bytes)');
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw new PreferenceImportError(0, 'This file is not UTF-8 text');
    }
  }
  const records: PreferenceRecord[] = [];
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.replace(/\r$/, '');
    if (trimmed.trim() === '') return;
    if (trimmed.length > MAX_LINE_BYTES) throw new PreferenceImportError(line, `the line is longer than ${MAX_LINE_BYTES / 1_000_000} MB`);
    let obj: unknown;
    try {
      obj = JSON.parse(trimmed);
    } catch (e) {
      throw new PreferenceImportError(line, `not valid JSON (${(e as Error).message})`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new PreferenceImportError(line, 'expected a JSON object');
    records.push(parseRecord(obj as Record<string, unknown>, line));
  });
  if (!records.length) throw new PreferenceImportError(0, 'The file has no records');
  return records;
}
