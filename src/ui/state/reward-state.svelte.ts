// The main thread's view of the reward model in the worker: labeling samples, training progress,
// scores, troll checks. Requests that answer (samples, scores, reports) are promises keyed by id.
import { getContext, setContext } from 'svelte';
import type { EngineClient } from '../../lib/worker/client';
import type {
  FromWorker, LabelerAgreement, LabelSampleRequest, RewardModelInfo, RewardPrefixPiece, RewardStatus, RewardTrainRequest,
} from '../../lib/worker/protocol';
import type { Point } from './engine-state.svelte';

export type LabelSamples = Extract<FromWorker, { type: 'label/samples' }>;

interface Pending<T> { resolve: (v: T) => void; reject: (e: Error) => void }

export class RewardState {
  /** The reward model in use, or null before the first training. */
  model = $state<RewardModelInfo | null>(null);
  /** Where a troll check is: which labeler's reward model trains, and its step (null when none runs). */
  trollProgress = $state<Omit<Extract<FromWorker, { type: 'reward/troll-progress' }>, 'type' | 'requestId'> | null>(null);
  training = $state({
    status: 'idle' as RewardStatus | 'idle' | 'starting',
    phase: 'train' as 'pretrain' | 'train' | 'normalize',
    step: 0, totalSteps: 0, epoch: 0, loss: NaN,
    losses: [] as Point[],
    heldoutAccuracy: [] as Point[],
    message: '',
  });

  private nextId = 1;
  private readonly samples = new Map<number, Pending<LabelSamples>>();
  private readonly scores = new Map<number, Pending<{ rewards: number[]; raw: number[] }>>();
  private readonly reports = new Map<number, Pending<LabelerAgreement[]>>();
  private readonly prefixes = new Map<number, Pending<{ base: number; pieces: RewardPrefixPiece[] }>>();

  constructor(private readonly client: EngineClient) {
    client.on('label/samples', (m) => this.settle(this.samples, m.requestId, m));
    client.on('reward/scores', (m) => this.settle(this.scores, m.requestId, { rewards: m.rewards, raw: m.raw }));
    client.on('reward/prefix-scores', (m) => this.settle(this.prefixes, m.requestId, { base: m.base, pieces: m.pieces }));
    client.on('reward/troll-report', (m) => this.settle(this.reports, m.requestId, m.labelers));
    client.on('reward/troll-progress', ({ type: _, requestId: __, ...p }) => { this.trollProgress = p; });
    client.on('reward/model', (m) => { this.model = m.model; });
    client.on('reward/progress', (m) => {
      const t = this.training;
      Object.assign(t, { phase: m.phase, step: m.step, totalSteps: m.totalSteps, epoch: m.epoch, loss: m.loss });
      // One x axis across pretraining and training: steps of this run so far.
      if (m.phase !== 'normalize') t.losses.push({ x: t.losses.length + 1, y: m.loss });
      if (m.heldoutAccuracy !== undefined) t.heldoutAccuracy.push({ x: t.losses.length, y: m.heldoutAccuracy });
    });
    client.on('reward/status', (m) => {
      this.training.status = m.status;
      this.training.message = m.message ?? '';
    });
    client.on('error', (m) => {
      const fail = <T>(map: Map<number, Pending<T>>) => {
        for (const p of map.values()) p.reject(new Error(m.message));
        map.clear();
      };
      if (m.context === 'label/sample') fail(this.samples);
      else if (m.context === 'reward/score') fail(this.scores);
      else if (m.context === 'reward/score-prefixes') fail(this.prefixes);
      else if (m.context === 'reward/troll-check') fail(this.reports);
      else if (m.context === 'reward/train') Object.assign(this.training, { status: 'failed', message: m.message });
    });
  }

  private settle<T>(map: Map<number, Pending<T>>, id: number, value: T): void {
    map.get(id)?.resolve(value);
    map.delete(id);
  }

  private ask<T>(map: Map<number, Pending<T>>, send: (id: number) => void): Promise<T> {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => map.set(id, { resolve, reject }));
    send(id);
    return answer;
  }

  /** K completions of a prompt, made in the worker. */
  sample(request: Omit<LabelSampleRequest, 'requestId'>): Promise<LabelSamples> {
    return this.ask(this.samples, (requestId) => this.client.send({ type: 'label/sample', request: { ...request, sources: request.sources.map((s) => ({ ...s })), requestId } }));
  }

  train(request: RewardTrainRequest): void {
    Object.assign(this.training, { status: 'starting', step: 0, totalSteps: 0, epoch: 0, loss: NaN, losses: [], heldoutAccuracy: [], message: '' });
    this.client.send({ type: 'reward/train', request: { ...request, labelers: request.labelers ? [...request.labelers] : null, pretrainLabelers: [...request.pretrainLabelers] } });
  }

  stop = () => this.client.send({ type: 'reward/stop' });

  /** Rewards of prompt + completion texts: normalised (what RL sees) and raw. */
  score(items: Array<{ prompt: string; completion: string }>): Promise<{ rewards: number[]; raw: number[] }> {
    return this.ask(this.scores, (requestId) => this.client.send({ type: 'reward/score', requestId, items: items.map((i) => ({ ...i })) }));
  }

  /** The normalised reward after every token prefix of a completion, and of the prompt alone (base). */
  scorePrefixes(prompt: string, completion: string): Promise<{ base: number; pieces: RewardPrefixPiece[] }> {
    return this.ask(this.prefixes, (requestId) => this.client.send({ type: 'reward/score-prefixes', requestId, prompt, completion }));
  }

  /** Each labeler's agreement with a reward model trained on everyone else. */
  trollCheck(labelers: string[] | null): Promise<LabelerAgreement[]> {
    this.trollProgress = null;
    const report = this.ask(this.reports, (requestId) => this.client.send({ type: 'reward/troll-check', requestId, labelers: labelers ? [...labelers] : null }));
    return report.finally(() => { this.trollProgress = null; });
  }
}

const KEY = Symbol('reward');
export const setRewardState = (r: RewardState) => setContext(KEY, r);
export const useRewardState = () => getContext<RewardState>(KEY);
