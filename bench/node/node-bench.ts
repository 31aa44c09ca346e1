// One Node backend's benchmark, run by bench/run.ts as a child process (so a hang can be killed
// and wasm and cpu each get a fresh tfjs engine). Usage: node --import tsx node-bench.ts <backend> <plan JSON>.
// Progress goes to stderr; the last stdout line is the BackendReport as JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useNodeBackend } from '../../src/lib/engine/node-backend';
import { ROOT } from '../../cli/files';
import { measure } from '../measure';
import type { BackendReport, BenchPlan } from '../types';

const [backend, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson ?? '{}') as BenchPlan;
const report: BackendReport = { backend: backend === 'node-cpu' ? 'node-cpu' : 'node-wasm', plan, measurements: [], info: {} };

async function main(): Promise<void> {
  if (backend !== 'node-wasm' && backend !== 'node-cpu') throw new Error(`Expected node-wasm or node-cpu, but got "${backend}"`);
  const ran = await useNodeBackend(backend === 'node-cpu' ? 'cpu' : 'wasm');
  const corpus = readFileSync(join(ROOT, 'public/corpus/train.txt'), 'utf8');
  // The committed starter and the character-level one it replaced, for sampling speed in characters.
  const checkpoints = [
    { label: 'starter', bytes: readFileSync(join(ROOT, 'public/models/starter.ckpt')) },
    { label: 'char_starter_v1', bytes: readFileSync(join(ROOT, 'tests/fixtures/char-starter-v1.ckpt')) },
  ];
  const out = await measure(corpus, plan, (line) => console.error(line), checkpoints);
  report.measurements = out.measurements;
  report.info = { ...out.info, ran, reason: 'useNodeBackend', node: process.version };
}

// Errors are caught and reported as data: uncaught, the wasm backend's handler would print the
// whole emscripten module (see cli/run-cli.ts).
main().then(
  () => {
    console.log(JSON.stringify(report));
    process.exit(0);
  },
  (err: unknown) => {
    report.error = err instanceof Error ? err.message : String(err);
    console.log(JSON.stringify(report));
    process.exit(1);
  },
);
