// GPT-2's reversible map from bytes to printable characters: vocab.json and merges.txt write each
// byte-level token as a string of these (a space is "Ġ", a newline "Ċ"), so a vocabulary is plain
// JSON text and our files read the way Hugging Face's GPT-2 files do.

function buildByteToChar(): string[] {
  const direct: number[] = [];
  const addRange = (from: number, to: number) => { for (let b = from; b <= to; b++) direct.push(b); };
  addRange(0x21, 0x7e); // '!'..'~'
  addRange(0xa1, 0xac); // '¡'..'¬'
  addRange(0xae, 0xff); // '®'..'ÿ'
  const out: string[] = new Array(256);
  const isDirect = new Set(direct);
  let next = 0;
  for (let b = 0; b < 256; b++) {
    out[b] = String.fromCodePoint(isDirect.has(b) ? b : 256 + next++);
  }
  return out;
}

/** BYTE_TO_CHAR[b]: the character that stands for byte b. */
export const BYTE_TO_CHAR: readonly string[] = buildByteToChar();
/** The inverse: a character's byte, or undefined for a character that stands for none. */
export const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((c, b) => [c, b]));

export function bytesToTokenString(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += BYTE_TO_CHAR[bytes[i]];
  return s;
}

/** The bytes a token string stands for, or null when a character stands for no byte. */
export function tokenStringToBytes(token: string): number[] | null {
  const out: number[] = [];
  for (const ch of token) {
    const b = CHAR_TO_BYTE.get(ch);
    if (b === undefined) return null;
    out.push(b);
  }
  return out;
}
