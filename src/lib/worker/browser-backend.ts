// Choosing the compute backend in the browser, and saying why.
// Order: webgpu on a hardware adapter; wasm (also when the only WebGPU adapter is a software
// fallback, as in headless Chromium without a GPU, where it is ~8x slower than wasm); webgl; cpu.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice, BackendName } from './protocol';

// The wasm binaries ship with the app (Vite emits them as assets): never a CDN.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
}

/** What the WebGPU adapter is, without starting tfjs on it. */
async function probeWebGPU(): Promise<{ available: false; why: string } | { available: true; fallback: boolean; label: string }> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<AdapterLike | null> } }).gpu;
  if (!gpu) return { available: false, why: 'this browser has no WebGPU' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { available: false, why: 'WebGPU found no adapter' };
  const fallback = Boolean(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter);
  const label = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
  return { available: true, fallback, label };
}

async function start(name: BackendName): Promise<boolean> {
  try {
    return await tf.setBackend(name);
  } catch {
    return false;
  }
}

/** Starts a backend before any tensor exists (a later switch would strand tensors). */
export async function chooseBackend(forced?: BackendName): Promise<BackendChoice> {
  const webgpu = await probeWebGPU();
  const adapter = webgpu.available ? webgpu.label : undefined;
  if (forced) {
    if (await start(forced)) return { name: forced, reason: `forced with ?backend=${forced}`, adapter };
  }
  const skipped: string[] = forced ? [`forced ${forced} failed to start`] : [];
  if (webgpu.available && !webgpu.fallback) {
    if (await start('webgpu')) return { name: 'webgpu', reason: `hardware WebGPU adapter (${webgpu.label})`, adapter };
    skipped.push('WebGPU failed to start');
  } else {
    skipped.push(webgpu.available ? `the only WebGPU adapter is a software fallback (${webgpu.label}), slower than wasm` : webgpu.why);
  }
  for (const name of ['wasm', 'webgl', 'cpu'] as const) {
    if (await start(name)) return { name, reason: skipped.join('; '), adapter };
    skipped.push(`${name} failed to start`);
  }
  throw new Error(`No tfjs backend could start: ${skipped.join('; ')}`);
}
