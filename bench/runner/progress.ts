// Progress on stderr while the benchmark runs (stdout is kept for the table and the JSON line).
import type { Readable } from 'node:stream';

// Long lines are cut: a wasm backend failure in Node prints the whole emscripten module.
const MAX_LINE = 300;

export function progress(source: string, line: string): void {
  process.stderr.write(`[${source}] ${line.slice(0, MAX_LINE)}\n`);
}

/** Forwards a stream's lines to progress(), skipping blank ones. */
export function forwardLines(stream: Readable, source: string): void {
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) progress(source, line);
  });
  stream.on('end', () => {
    if (buffered.trim()) progress(source, buffered);
  });
}
