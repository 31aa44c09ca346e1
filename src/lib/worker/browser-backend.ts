// Choosing the compute backend in the browser, and saying why.
// Order: webgpu on a hardware adapter; wasm (also when the only WebGPU adapter is a software
// fallback, as in headless Chromium without a GPU, where it is ~8x slower than wasm); webgl; cpu.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
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

/**
 * Asks wasm for n threads, before it starts. tfjs caps its threads at half of
 * navigator.hardwareConcurrency whatever setThreadsCount says (1 on a 2-core machine), so this
 * worker reports 2n cores to it. Threads need a cross-origin isolated page (the app is served so).
 */
export function forceWasmThreads(n: number): void {
  Object.defineProperty(self.navigator, 'hardwareConcurrency', { configurable: true, get: () => 2 * n });
  setThreadsCount(n);
}

/** wasm's threads once it runs: 1 unless the page is cross-origin isolated and the cores allow more. */
function wasmThreads(): number {
  try {
    return getThreadsCount();
  } catch {
    return 1;
  }
}

/** The choice, with the thread count when it is wasm. */
function described(choice: BackendChoice): BackendChoice {
  if (choice.name !== 'wasm') return choice;
  const threads = wasmThreads();
  return { ...choice, threads };
}

/**
 * Starts a backend before any tensor exists (a later switch would strand tensors). wasmThreads:
 * the thread count to force should wasm be the one that starts.
 */
export async function chooseBackend(forced?: BackendName, wasmThreads?: number): Promise<BackendChoice> {
  if (wasmThreads !== undefined) forceWasmThreads(wasmThreads);
  const choice = await pickBackend(forced);
  return described(wasmThreads === undefined || choice.name !== 'wasm' ? choice : { ...choice, reason: `${choice.reason}; ${wasmThreads} thread${wasmThreads === 1 ? '' : 's'} asked with ?threads=${wasmThreads}` });
}

async function pickBackend(forced?: BackendName): Promise<BackendChoice> {
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

const ORDER: readonly BackendName[] = ['webgpu', 'wasm', 'webgl', 'cpu'];

interface GPUDeviceLike { lost: Promise<{ reason?: string; message?: string }>; destroy(): void }

/** The GPUDevice under tfjs's webgpu backend, when that is the backend in use. */
function webgpuDevice(): GPUDeviceLike | undefined {
  if (tf.getBackend() !== 'webgpu') return undefined;
  return (tf.backend() as unknown as { device?: GPUDeviceLike }).device;
}

/**
 * Calls onLost once if the WebGPU device in use is lost: a driver reset, a GPU crash, the browser
 * reclaiming it. The app never destroys the device itself (tfjs's backend dispose leaves it), so
 * every loss is unexpected; the test hook's destroy() stands in for a real one.
 */
export function watchDeviceLoss(onLost: (reason: string) => void): void {
  void webgpuDevice()?.lost.then((info) => onLost(info.message || info.reason || 'no reason given'));
}

/** Test hook: destroys the WebGPU device in use, as a driver reset would. False when not on webgpu. */
export function destroyWebGPUDevice(): boolean {
  const device = webgpuDevice();
  device?.destroy();
  return device !== undefined;
}

/** Starts the first backend after `lost` in the usual order (wasm, webgl, cpu) that works. */
export async function fallBackFrom(lost: BackendName, why: string): Promise<BackendChoice> {
  for (const name of ORDER.slice(ORDER.indexOf(lost) + 1)) {
    if (await start(name)) return { name, reason: why };
  }
  throw new Error(`${why}, and no other backend could start`);
}
