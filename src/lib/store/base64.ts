// Bytes as base64 text and back: how a project file carries checkpoint weights inside JSON.

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  // In slices: String.fromCharCode(...all) overflows the call stack on a checkpoint's megabytes.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Throws naming `what` when the text is not base64 (atob alone accepts some malformed input). */
export function fromBase64(text: string, what = 'text'): Uint8Array {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw new Error(`${what} is not base64`);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
