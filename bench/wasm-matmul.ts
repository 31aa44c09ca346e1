// npm run bench:matmul [-- --json]: why src/lib/model/matmul.ts exists. Times tfjs-wasm's matMul of
// a (2048x96) by (96x384) product plain, with transposeB and with transposeA (the two flags the
// built-in gradient uses), and the explicit-transpose version, in one run; prints a table and JSON.
import * as tf from '@tensorflow/tfjs';
import { useNodeBackend } from '../src/lib/engine/node-backend';
import { explicitTransposeMatMul } from '../src/lib/model/matmul';

const REPEATS = 10;

async function time(f: () => tf.Tensor): Promise<number> {
  f().dispose(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < REPEATS; i++) {
    const out = f();
    await out.data();
    out.dispose();
  }
  return (performance.now() - t0) / REPEATS;
}

async function main(): Promise<void> {
  await useNodeBackend('wasm');
  const a = tf.randomNormal([2048, 96], 0, 1, 'float32', 1);
  const b = tf.randomNormal([96, 384], 0, 1, 'float32', 2);
  const aT = a.transpose();
  const bT = b.transpose();
  const cases: Array<[string, () => tf.Tensor]> = [
    ['plain', () => tf.matMul(a, b)],
    ['transposeB', () => tf.matMul(a, bT, false, true)],
    ['transposeA', () => tf.matMul(aT, b, true, false)],
    ['transposeA, explicit', () => explicitTransposeMatMul(aT, b, true, false)],
    ['transposeB, explicit', () => explicitTransposeMatMul(a, bT, false, true)],
  ];
  const results = [];
  for (const [name, f] of cases) results.push({ backend: 'node-wasm', metric: `matmul_ms ${name}`, value: +(await time(f)).toFixed(2), unit: 'ms' });
  const plain = results[0].value;
  console.log('case                   |     ms | vs plain');
  for (const r of results) console.log(`${r.metric.slice(10).padEnd(22)} | ${String(r.value).padStart(6)} | ${(r.value / plain).toFixed(1)}x`);
  if (process.argv.includes('--json')) console.log(JSON.stringify({ results }));
}

main().then(() => process.exit(0), (e: unknown) => { console.error(`error: ${(e as Error).message}`); process.exit(1); });
