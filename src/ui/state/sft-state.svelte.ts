// The main thread's view of supervised fine-tuning in the worker: status, progress and the loss
// curve, and the messages that start, pause and stop it. No tfjs here.
import { getContext, setContext } from 'svelte';
import type { EngineClient } from '../../lib/worker/client';
import type { SFTRequest, SFTStatus } from '../../lib/worker/protocol';
import type { Point } from './engine-state.svelte';

export class SFTState {
  status = $state<SFTStatus | 'idle' | 'starting'>('idle');
  step = $state(0);
  totalSteps = $state(0);
  epoch = $state(0);
  loss = $state(NaN);
  demonstrations = $state(0);
  elapsedMs = $state(0);
  losses = $state<Point[]>([]);
  message = $state('');

  constructor(private readonly client: EngineClient) {
    client.on('sft/progress', (m) => {
      Object.assign(this, { step: m.step, totalSteps: m.totalSteps, epoch: m.epoch, loss: m.loss, demonstrations: m.demonstrations, elapsedMs: m.elapsedMs });
      this.losses.push({ x: m.step, y: m.loss });
    });
    client.on('sft/status', (m) => {
      this.status = m.status;
      if (m.message) this.message = m.message;
    });
    client.on('error', (m) => {
      if (m.context.startsWith('sft/')) Object.assign(this, { message: m.message, status: this.status === 'starting' ? 'stopped' : this.status });
    });
  }

  get active(): boolean {
    return this.status === 'starting' || this.status === 'running' || this.status === 'paused';
  }

  start(request: SFTRequest): void {
    Object.assign(this, { status: 'starting', step: 0, totalSteps: 0, epoch: 0, loss: NaN, demonstrations: 0, elapsedMs: 0, losses: [], message: '' });
    this.client.send({ type: 'sft/start', request: $state.snapshot(request) as SFTRequest });
  }

  pause = () => this.client.send({ type: 'sft/pause' });
  resume = () => this.client.send({ type: 'sft/resume' });
  stop = () => this.client.send({ type: 'sft/stop' });
}

const KEY = Symbol('sft');
export const setSFTState = (s: SFTState) => setContext(KEY, s);
export const useSFTState = () => getContext<SFTState>(KEY);
