// The worker's side of phase 2: sampling K completions to label, training the reward model on
// the judgements in IndexedDB, scoring texts with it, and the troll check. The reward model is a
// separate network from the policy; it is saved as a 'reward' checkpoint after each training and
// found again at start-up, so it survives a reload.
import type { CompletionRecord, Judgement } from '../feedback/judgement';
import { judgementToGroup } from '../feedback/judgement-group';
import type { Tokenizer } from '../model/tokenizer';
import { modelFromCheckpointBytes, modelToCheckpointBytes } from '../model/checkpoint';
import type { CheckpointMeta } from '../model/checkpoint-format';
import { disposeLanguageModel, type LanguageModel } from '../model/language-model';
import { promptContext, sampleStream } from '../model/sample';
import { EOS } from '../model/tokenizer';
import { heldoutSplit } from '../engine/heldout-split';
import { DEFAULT_REWARD_FIT, fitRewardModel, normalizationFromSamples, rewardModelFrom, type RewardFitStage } from '../engine/reward-fitting';
import { HELDOUT_FRACTION } from '../engine/reward-fit-settings';
import { knobProblem } from '../util/settings-table';
import { groupAccuracy, scoreCompletions } from '../engine/reward-trainer';
import { prefixRewards } from '../engine/prefix-rewards';
import { flagLowAgreement } from '../rlhf/labeler-agreement';
import { IDENTITY_NORMALIZATION, normalizeReward, type RewardNormalization } from '../rlhf/reward-normalization';
import { getDB } from '../store/db';
import { listCheckpoints, readCheckpointBytes, saveCheckpoint } from '../store/checkpoints';
import { listJudgements } from '../store/judgements';
import type { Lock } from '../util/lock';
import { yieldToEventLoop } from '../util/yield-to-event-loop';
import { reportFaults } from './fault-report';
import type { FaultRecord } from '../store/fault-record';
import type { FromWorker, LabelerAgreement, LabelSampleRequest, ModelInfo, RewardModelInfo, RewardTrainRequest } from './protocol';
import { seeds } from '../util/seeds';

/** What the reward host needs from the worker around it. */
export interface HostContext {
  lock: Lock;
  post: (msg: FromWorker) => void;
  /** The language model in use (the policy), and what the UI knows of it. */
  policy: () => { model: LanguageModel; info: ModelInfo };
}

interface RewardModel { model: LanguageModel; info: RewardModelInfo; normalization: RewardNormalization }

/** Samples n continuations, taking the lock one token step at a time so other work interleaves. */
async function sampleUnderLock(lock: Lock, m: LanguageModel, prompt: string, n: number, s: { maxTokens: number; temperature: number; seed: number }): Promise<number[][]> {
  const stream = sampleStream(m, promptContext(m, prompt), n, { ...s, topK: 0, topP: 1, stopAtEos: true });
  let tokens: number[][] = [];
  for (;;) {
    await yieldToEventLoop();
    const next = await lock.run(() => stream.next());
    if (next.done) break;
    tokens = next.value.tokens;
  }
  return tokens.map((ids) => ids.filter((id) => id !== EOS));
}

function checkSampleRequest(r: LabelSampleRequest): void {
  if (!Number.isInteger(r.k) || r.k < 2 || r.k > 6) throw new Error(`Expected K in 2..6, but got ${r.k}`);
  if (!Number.isInteger(r.maxTokens) || r.maxTokens < 1 || r.maxTokens > 512) throw new Error(`Expected max tokens in 1..512, but got ${r.maxTokens}`);
  if (!r.sources.length || r.sources.length > r.k) throw new Error(`Expected 1..${r.k} sources, but got ${r.sources.length}`);
  for (const s of r.sources) {
    if (!(s.temperature >= 0 && s.temperature <= 2)) throw new Error(`Expected a temperature in 0..2, but got ${s.temperature}`);
  }
}

function groupsOf(judgements: Judgement[], tokenizer: Tokenizer) {
  return judgements.map((j) => judgementToGroup(j, tokenizer));
}

/** The judged completions the policy sampled: what the reward is normalised on. */
function policySamples(judgements: Judgement[], tokenizer: Tokenizer) {
  const item = (j: Judgement, c: Judgement['completions'][number]) => ({ promptIds: tokenizer.encode(j.prompt), completion: tokenizer.encode(c.text) });
  const items = judgements.flatMap((j) => j.completions.filter((c) => c.source.kind === 'sample').map((c) => item(j, c)));
  return items.length ? items : judgements.flatMap((j) => j.completions.map((c) => item(j, c)));
}

export class RewardHost {
  private current: RewardModel | undefined;
  private run: { stopped: boolean } | undefined;

  constructor(private readonly ctx: HostContext) {}

  /** Loads the newest stored reward model, if there is one. */
  async restore(): Promise<void> {
    const newest = (await listCheckpoints(getDB())).find((c) => c.kind === 'reward');
    if (newest?.id !== undefined) {
      const { model, meta } = modelFromCheckpointBytes(await readCheckpointBytes(getDB(), newest.id));
      const info = { ...(meta.rewardModel as RewardModelInfo), checkpointId: newest.id };
      this.current = { model, info, normalization: info.normalization };
    }
    this.ctx.post({ type: 'reward/model', model: this.current?.info ?? null });
  }

  async sample(r: LabelSampleRequest): Promise<void> {
    checkSampleRequest(r);
    const { model: policy, info } = this.ctx.policy();
    const completions = new Array<CompletionRecord>(r.k);
    for (let s = 0; s < r.sources.length; s++) {
      const source = r.sources[s];
      const slots = Array.from({ length: r.k }, (_, i) => i).filter((i) => i % r.sources.length === s);
      let m = policy;
      let name = info.name;
      if (source.checkpointId !== undefined) {
        const loaded = modelFromCheckpointBytes(await readCheckpointBytes(getDB(), source.checkpointId));
        m = loaded.model;
        name = loaded.meta.name;
      }
      try {
        const seed = seeds.labelSource(r.seed, s);
        const ids = await sampleUnderLock(this.ctx.lock, m, r.prompt, slots.length, { maxTokens: r.maxTokens, temperature: source.temperature, seed });
        slots.forEach((slot, i) => {
          completions[slot] = {
            text: m.tokenizer.decode(ids[i]), ids: ids[i],
            source: { kind: 'sample', model: name, checkpointId: source.checkpointId ?? info.checkpointId, temperature: source.temperature, topK: 0, topP: 1, maxTokens: r.maxTokens, seed },
          };
        });
      } finally {
        if (m !== policy) disposeLanguageModel(m);
      }
    }
    this.ctx.post({ type: 'label/samples', requestId: r.requestId, prompt: r.prompt, promptIds: policy.tokenizer.encode(r.prompt), completions });
  }

  async train(r: RewardTrainRequest): Promise<void> {
    if (this.run) throw new Error('The reward model is already training; stop it first');
    const heldoutProblem = knobProblem(HELDOUT_FRACTION, r.heldoutFraction);
    if (heldoutProblem) throw new Error(heldoutProblem);
    const run = { stopped: false };
    this.run = run;
    const { post, lock } = this.ctx;
    let model: LanguageModel | undefined;
    try {
      const db = getDB();
      const pretrainSet = new Set(r.pretrainLabelers);
      const all = await listJudgements(db, r.labelers ? { labelers: r.labelers } : {});
      const own = all.filter((j) => !pretrainSet.has(j.labeler));
      const pretrain = r.pretrainLabelers.length ? await listJudgements(db, { labelers: r.pretrainLabelers }) : [];
      if (!own.length && !pretrain.length) throw new Error('There are no judgements to train on yet: label some completions first');
      const split = heldoutSplit(own, r.heldoutFraction, r.seed);
      model = r.from === 'reward-model' && this.current
        ? rewardModelFrom(this.current.model, { keepHead: true })
        : rewardModelFrom(this.ctx.policy().model);
      const tok = model.tokenizer;
      const stages: RewardFitStage[] = [
        { phase: 'pretrain', groups: groupsOf(pretrain, tok) },
        { phase: 'train', groups: groupsOf(split.train, tok) },
      ];
      post({ type: 'reward/status', status: 'running' });
      const fit = fitRewardModel(model, stages, groupsOf(split.heldout, tok), { ...DEFAULT_REWARD_FIT, ...r });
      const metrics: Array<Record<string, number>> = [];
      const faults: FaultRecord[] = [];
      let heldoutAccuracy = NaN;
      for (;;) {
        await yieldToEventLoop(); // lets Stop in
        if (run.stopped) { await fit.return(undefined); break; }
        const next = await lock.run(() => fit.next());
        if (next.done) break;
        const p = next.value;
        if (p.heldoutAccuracy !== undefined) heldoutAccuracy = p.heldoutAccuracy;
        // An undone step: the weights are the last good ones; it is told and kept in the run, not charted.
        if (p.fault) { faults.push(p.fault); await reportFaults(post, 'reward', [p.fault]); continue; }
        metrics.push({ step: p.step, loss: p.loss, ...(p.heldoutAccuracy !== undefined ? { heldoutAccuracy: p.heldoutAccuracy } : {}), ...(p.validationLoss !== undefined ? { validationLoss: p.validationLoss } : {}) });
        post({ type: 'reward/progress', phase: p.phase, step: p.step, totalSteps: p.totalSteps, epoch: p.epoch, loss: p.loss, trainAccuracy: p.batchAccuracy, heldoutAccuracy: p.heldoutAccuracy });
      }
      if (run.stopped) {
        post({ type: 'reward/status', status: 'stopped', message: 'Stopped: the reward model in use is unchanged' });
        return;
      }
      const m = model;
      post({ type: 'reward/progress', phase: 'normalize', step: 0, totalSteps: 0, epoch: 0, loss: NaN });
      const normalization = await lock.run(() => normalizationFromSamples(m, policySamples(own.length ? own : pretrain, m.tokenizer)));
      const info: RewardModelInfo = {
        createdAt: new Date().toISOString(), judgements: own.length + pretrain.length,
        comparisons: stages.reduce((n, st) => n + st.groups.reduce((k, g) => k + g.pairs.length, 0), 0),
        heldoutAccuracy, normalization,
      };
      const meta: CheckpointMeta = { name: `Reward model (${info.judgements} judgements)`, createdAt: info.createdAt, kind: 'reward', parent: this.ctx.policy().info.name, rewardModel: info };
      const bytes = await lock.run(() => modelToCheckpointBytes(m, meta));
      info.checkpointId = await saveCheckpoint(db, bytes);
      await db.runs.add({ kind: 'reward', name: meta.name, createdAt: info.createdAt, settings: r, metrics, checkpointId: info.checkpointId, status: 'finished', ...(faults.length ? { faults } : {}) });
      await lock.run(() => {
        if (this.current) disposeLanguageModel(this.current.model);
        this.current = { model: m, info, normalization };
      });
      model = undefined; // now owned by `current`
      post({ type: 'reward/model', model: info });
      post({ type: 'reward/status', status: 'finished' });
    } catch (e) {
      post({ type: 'reward/status', status: 'failed', message: (e as Error).message });
    } finally {
      if (model) disposeLanguageModel(model);
      this.run = undefined;
    }
  }

  stop(): void {
    if (this.run) this.run.stopped = true;
  }

  /** After a backend switch: the reward model's tensors died with the old backend; load it again from storage. */
  async reload(): Promise<void> {
    this.stop();
    const lost = this.current;
    this.current = undefined;
    if (lost) disposeLanguageModel(lost.model);
    await this.restore();
  }

  /** The reward model in use, its normalisation and stored checkpoint (RL starts its own from it), if there is one. */
  rewardModel(): { model: LanguageModel; normalization: RewardNormalization; checkpointId?: number } | undefined {
    return this.current && { model: this.current.model, normalization: this.current.normalization, checkpointId: this.current.info.checkpointId };
  }

  async score(requestId: number, items: Array<{ prompt: string; completion: string }>): Promise<void> {
    const rm = this.current;
    if (!rm) throw new Error('There is no reward model yet: train one first');
    const tok = rm.model.tokenizer;
    const raw = await this.ctx.lock.run(() => scoreCompletions(rm.model, items.map((it) => ({ promptIds: tok.encode(it.prompt), completion: tok.encode(it.completion) }))));
    this.ctx.post({ type: 'reward/scores', requestId, raw, rewards: raw.map((x) => normalizeReward(x, rm.normalization ?? IDENTITY_NORMALIZATION)) });
  }

  /** The reward after every token prefix of the completion, normalised as score's: the probe's strip. */
  async scorePrefixes(requestId: number, prompt: string, completion: string): Promise<void> {
    const rm = this.current;
    if (!rm) throw new Error('There is no reward model yet: train one first');
    const tok = rm.model.tokenizer;
    const ids = tok.encode(completion);
    const { base, rewards } = await this.ctx.lock.run(() => prefixRewards(rm.model, tok.encode(prompt), ids));
    const norm = (x: number) => normalizeReward(x, rm.normalization ?? IDENTITY_NORMALIZATION);
    this.ctx.post({ type: 'reward/prefix-scores', requestId, base: norm(base), pieces: ids.map((id, i) => ({ text: tok.tokenText(id), reward: norm(rewards[i]) })) });
  }

  /** Per labeler: agreement of their judgements with a reward model trained on everyone else's. */
  async trollCheck(requestId: number, labelers: string[] | null): Promise<void> {
    const all = await listJudgements(getDB(), labelers ? { labelers } : {});
    const names = [...new Set(all.map((j) => j.labeler))];
    if (names.length < 2) throw new Error('The troll check needs judgements from at least two labelers');
    const scores: Array<Omit<LabelerAgreement, 'flagged'>> = [];
    for (const [index, name] of names.entries()) {
      const rm = rewardModelFrom(this.ctx.policy().model);
      const mine = groupsOf(all.filter((j) => j.labeler === name), rm.tokenizer);
      const others = groupsOf(all.filter((j) => j.labeler !== name), rm.tokenizer);
      try {
        // One quick fit per labeler (the check trains as many models as there are labelers): the
        // epochs only, at the learning rate it was measured with (BlenderBot 3's check, README).
        const fit = fitRewardModel(rm, [{ phase: 'train', groups: others }], [], { ...DEFAULT_REWARD_FIT, minSteps: 0, learningRate: 3e-4 });
        for (;;) {
          await yieldToEventLoop();
          const next = await this.ctx.lock.run(() => fit.next());
          if (next.done) break;
          this.ctx.post({ type: 'reward/troll-progress', requestId, labeler: name, index: index + 1, labelers: names.length, step: next.value.step, totalSteps: next.value.totalSteps });
        }
        const withPairs = mine.filter((g) => g.pairs.length);
        const agreement = withPairs.length ? await this.ctx.lock.run(() => groupAccuracy(rm, withPairs)) : NaN;
        scores.push({ labeler: name, judgements: mine.length, comparisons: withPairs.reduce((n, g) => n + g.pairs.length, 0), agreement });
      } finally {
        disposeLanguageModel(rm);
      }
    }
    const flags = flagLowAgreement(scores);
    this.ctx.post({ type: 'reward/troll-report', requestId, labelers: scores.map((s, i) => ({ ...s, flagged: flags[i] })) });
  }
}
