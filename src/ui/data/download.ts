// Hands bytes or text to the browser as a file download.
export function download(content: Uint8Array | string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "2025-01-31T12-00-00" for file names. */
export const stamp = (d = new Date()) => d.toISOString().slice(0, 19).replaceAll(':', '-');
