// The main thread's view of context distillation in the worker: status, progress and the KL curve,
// and the messages that start, pause and stop it. No tfjs here.
import { getContext, setContext } from 'svelte';
import type { EngineClient } from '../../lib/worker/client';
import type { DistillRequest, DistillStatus } from '../../lib/worker/protocol';
import type { Point } from './engine-state.svelte';

export class DistillState {
  status = $state<DistillStatus | 'idle' | 'starting'>('idle');
  step = $state(0);
  totalSteps = $state(0);
  /** The last step's mean per-token KL(teacher with the prefix ‖ student without it), nats. */
  kl = $state(NaN);
  elapsedMs = $state(0);
  kls = $state<Point[]>([]);
  message = $state('');

  constructor(private readonly client: EngineClient) {
    client.on('distill/progress', (m) => {
      Object.assign(this, { step: m.step, totalSteps: m.totalSteps, kl: m.kl, elapsedMs: m.elapsedMs });
      this.kls.push({ x: m.step, y: m.kl });
    });
    client.on('distill/status', (m) => {
      this.status = m.status;
      if (m.message) this.message = m.message;
    });
    client.on('error', (m) => {
      if (m.context.startsWith('distill/')) Object.assign(this, { message: m.message, status: this.status === 'starting' ? 'stopped' : this.status });
    });
  }

  get active(): boolean {
    return this.status === 'starting' || this.status === 'running' || this.status === 'paused';
  }

  start(request: DistillRequest): void {
    Object.assign(this, { status: 'starting', step: 0, totalSteps: request.steps, kl: NaN, elapsedMs: 0, kls: [], message: '' });
    this.client.send({ type: 'distill/start', request: $state.snapshot(request) as DistillRequest });
  }

  pause = () => this.client.send({ type: 'distill/pause' });
  resume = () => this.client.send({ type: 'distill/resume' });
  stop = () => this.client.send({ type: 'distill/stop' });
}

const KEY = Symbol('distill');
export const setDistillState = (s: DistillState) => setContext(KEY, s);
export const useDistillState = () => getContext<DistillState>(KEY);
