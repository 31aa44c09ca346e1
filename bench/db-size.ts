// How much an IndexedDB database holds, table by table: the sum over records of a structured size
// (bytes of binary data, UTF-8 bytes of strings and keys, 8 per number). Not the browser's on-disk
// figure (that adds indexes and compaction), but it grows exactly when the stored data grows.
import type Dexie from 'dexie';

/** Bytes of a value as structured clone would carry it, roughly: binary exactly, the rest by content. */
export function structuredBytes(v: unknown): number {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case 'number': case 'bigint': return 8;
    case 'boolean': return 1;
    case 'string': return Buffer.byteLength(v, 'utf8');
    case 'object': break;
    default: return 0;
  }
  if (v instanceof ArrayBuffer) return v.byteLength;
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (v instanceof Date) return 8;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + structuredBytes(x), 0);
  return Object.entries(v as object).reduce((n, [k, x]) => n + Buffer.byteLength(k, 'utf8') + structuredBytes(x), 0);
}

/** Bytes and record count of every table of the database. */
export async function tableSizes(db: Dexie): Promise<Record<string, { records: number; bytes: number }>> {
  const out: Record<string, { records: number; bytes: number }> = {};
  for (const table of db.tables) {
    let bytes = 0;
    let records = 0;
    await table.each((rec: unknown) => { bytes += structuredBytes(rec); records++; });
    out[table.name] = { records, bytes };
  }
  return out;
}
