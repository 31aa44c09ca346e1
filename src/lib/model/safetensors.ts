// The safetensors file format (Hugging Face's), both ways, in plain JS:
//
//   header length N (uint64 LE) | header JSON, N bytes, padded with spaces | tensor data
//
// The header maps each tensor name to {dtype, shape, data_offsets: [begin, end]} (byte offsets
// into the data that follows it); "__metadata__" holds free text (transformers wants
// {"format": "pt"}). We write float32 only and read F32, F16 and BF16 into Float32Arrays. A file
// is checked whole, header first, before any tensor is converted: it may come from anywhere.

export class SafetensorsError extends Error {
  override name = 'SafetensorsError';
}

/** Bytes per element of the dtypes we read. */
const READ_DTYPES = { F32: 4, F16: 2, BF16: 2 } as const;
export type ReadDtype = keyof typeof READ_DTYPES;
/** Dtypes the format defines that we do not read: named as unsupported rather than unknown. */
const OTHER_DTYPES = ['F64', 'F8_E4M3', 'F8_E5M2', 'I64', 'I32', 'I16', 'I8', 'U64', 'U32', 'U16', 'U8', 'BOOL', 'C64'];
/** The reference implementation's cap: a header is names and numbers, never 100 MB. */
export const MAX_SAFETENSORS_HEADER = 100_000_000;

export interface TensorToWrite {
  shape: number[];
  data: Float32Array;
}

export interface TensorEntry {
  name: string;
  dtype: ReadDtype;
  shape: number[];
  /** Byte offsets into the data section. */
  begin: number;
  end: number;
}

export interface SafetensorsHeader {
  tensors: Map<string, TensorEntry>;
  metadata: Record<string, string>;
  /** Where the data section starts in the file. */
  dataStart: number;
}

/** A float32 safetensors file of `tensors`, in the order given. */
export function encodeSafetensors(tensors: Iterable<[string, TensorToWrite]>, metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  const parts: Float32Array[] = [];
  let offset = 0;
  for (const [name, t] of tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.data.length) throw new SafetensorsError(`Tensor "${name}" has ${t.data.length} values but shape [${t.shape}] holds ${size}`);
    header[name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * size] };
    parts.push(t.data);
    offset += 4 * size;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
  const padded = new Uint8Array(Math.ceil(json.length / 8) * 8).fill(0x20);
  padded.set(json);
  json = padded;
  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length, true);
  view.setUint32(4, 0, true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const p of parts) {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += p.byteLength;
  }
  return out;
}

/** Reads and checks the header whole: every entry's dtype, shape and offsets; converts nothing. */
export function readSafetensorsHeader(bytes: Uint8Array, file = 'safetensors file'): SafetensorsHeader {
  const fail = (msg: string): never => { throw new SafetensorsError(`${file}: ${msg}`); };
  if (bytes.length < 8) fail(`truncated: ${bytes.length} bytes, fewer than the 8 that give the header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (length > MAX_SAFETENSORS_HEADER) fail(`the header length is ${length} bytes, more than the ${MAX_SAFETENSORS_HEADER} allowed`);
  if (8 + length > bytes.length) fail(`truncated header: the header length is ${length} bytes but only ${bytes.length - 8} follow it`);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + length)));
  } catch {
    return fail('the header is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('the header is not a JSON object');
  const dataStart = 8 + length;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const tensors = new Map<string, TensorEntry>();
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('"__metadata__" is not an object');
      for (const [k, v] of Object.entries(value as object)) {
        if (typeof v !== 'string') fail(`"__metadata__.${k}" is not text`);
        metadata[k] = v as string;
      }
      continue;
    }
    tensors.set(name, checkEntry(name, value, dataLength, fail));
  }
  // Two tensors may not share bytes (the reference writer lays them end to end).
  const byStart = [...tensors.values()].sort((a, b) => a.begin - b.begin || a.end - b.end);
  for (let i = 1; i < byStart.length; i++) {
    if (byStart[i].begin < byStart[i - 1].end) fail(`tensors "${byStart[i - 1].name}" and "${byStart[i].name}" overlap`);
  }
  return { tensors, metadata, dataStart };
}

function checkEntry(name: string, value: unknown, dataLength: number, fail: (msg: string) => never): TensorEntry {
  const e = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
  if (typeof e !== 'object' || e === null) fail(`tensor "${name}" has no entry object`);
  const dtype = e.dtype;
  if (typeof dtype !== 'string') return fail(`tensor "${name}" has no dtype`);
  if (!(dtype in READ_DTYPES)) {
    if (OTHER_DTYPES.includes(dtype)) fail(`tensor "${name}" has dtype ${dtype}; only F32, F16 and BF16 are read`);
    fail(`tensor "${name}" has the unknown dtype "${dtype}"`);
  }
  const shape = e.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) return fail(`tensor "${name}" has a bad shape ${JSON.stringify(shape)}`);
  const offsets = e.data_offsets;
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)) {
    return fail(`tensor "${name}" has bad data_offsets ${JSON.stringify(offsets)}`);
  }
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataLength) fail(`tensor "${name}"'s data_offsets [${begin}, ${end}] fall outside the ${dataLength} bytes of data`);
  const need = shape.reduce((a: number, b: number) => a * b, 1) * READ_DTYPES[dtype as ReadDtype];
  if (end - begin !== need) fail(`tensor "${name}" has ${end - begin} bytes of data, but shape [${shape}] of ${dtype} needs ${need}`);
  return { name, dtype: dtype as ReadDtype, shape: shape as number[], begin, end };
}

/** One tensor's values as float32 (entry from readSafetensorsHeader on the same bytes). */
export function readTensor(bytes: Uint8Array, header: SafetensorsHeader, entry: TensorEntry): Float32Array {
  // slice() copies into a fresh, aligned buffer (the data may start at any offset).
  const raw = bytes.slice(header.dataStart + entry.begin, header.dataStart + entry.end).buffer;
  if (entry.dtype === 'F32') return new Float32Array(raw);
  const halves = new Uint16Array(raw);
  const out = new Float32Array(halves.length);
  if (entry.dtype === 'BF16') {
    // bfloat16 is the top half of a float32.
    const bits = new Uint32Array(out.buffer);
    for (let i = 0; i < halves.length; i++) bits[i] = halves[i] << 16;
  } else {
    const table = f16Table();
    for (let i = 0; i < halves.length; i++) out[i] = table[halves[i]];
  }
  return out;
}

/** A whole file: the header checked, then every tensor as float32. */
export function decodeSafetensors(bytes: Uint8Array, file?: string): { tensors: Map<string, { shape: number[]; data: Float32Array }>; metadata: Record<string, string> } {
  const header = readSafetensorsHeader(bytes, file);
  const tensors = new Map<string, { shape: number[]; data: Float32Array }>();
  for (const [name, e] of header.tensors) tensors.set(name, { shape: e.shape, data: readTensor(bytes, header, e) });
  return { tensors, metadata: header.metadata };
}

let f16: Float32Array | undefined;
/** Every IEEE half-precision bit pattern's value (65,536 entries, built once). */
function f16Table(): Float32Array {
  if (f16) return f16;
  f16 = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const frac = h & 0x3ff;
    if (exp === 0) f16[h] = sign * frac * 2 ** -24; // subnormal
    else if (exp === 31) f16[h] = frac ? NaN : sign * Infinity;
    else f16[h] = sign * (1 + frac / 1024) * 2 ** (exp - 15);
  }
  return f16;
}
