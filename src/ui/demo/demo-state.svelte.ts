// The class demo's state: the step on screen, the sizes it runs at, and the one action of each step,
// done through the app's own state classes (the same worker messages the full app's buttons send),
// so whatever the demo trains is the model in use when the person leaves it for the full app.
import { presetForm } from '../../lib/engine/rl-presets';
import { DEFAULT_REWARD_FIT, HELDOUT_FRACTION } from '../../lib/engine/reward-fit-settings';
import { DEFAULT_SFT } from '../../lib/engine/sft-settings';
import { labelerFromSettings } from '../../lib/feedback/simulated-judgement';
import { addDemonstration, listDemonstrations } from '../../lib/store/demonstrations';
import { DEFAULT_RUN, SimulatedRun } from '../label/simulated-run.svelte';
import { loadPrompts } from '../label/prompts';
import type { EngineState } from '../state/engine-state.svelte';
import type { FeedbackState } from '../state/feedback-state.svelte';
import type { RewardState } from '../state/reward-state.svelte';
import type { RLState } from '../state/rl-state.svelte';
import type { SFTState } from '../state/sft-state.svelte';
import { DEMO_LABELER, DEMO_PROMPT, DEMO_SIZES, DEMO_STEPS, EXAMPLE_DEMONSTRATIONS, type DemoSizes } from './demo-steps';

export class DemoState {
  step = $state(0);
  /** Small sizes for a slow computer. */
  quick = $state(false);
  /** A step's own line: what it added first, or why it could not start. */
  note = $state('');
  /** Step 3 is labeling, then training (the reward state says how far the training is). */
  rewardPhase = $state<'idle' | 'labeling' | 'training'>('idle');
  readonly labeling: SimulatedRun;

  constructor(readonly engine: EngineState, readonly sft: SFTState, readonly reward: RewardState,
    readonly feedback: FeedbackState, readonly rl: RLState) {
    this.labeling = new SimulatedRun(reward, feedback);
  }

  get sizes(): DemoSizes {
    return DEMO_SIZES[this.quick ? 'quick' : 'full'];
  }

  get current() {
    return DEMO_STEPS[this.step];
  }

  /** Something trains or generates: a step's button waits for it (the worker runs one job at a time). */
  get busy(): boolean {
    return this.engine.generation.running || this.engine.pretraining || this.sft.active || this.rewardPhase !== 'idle'
      || this.reward.training.status === 'starting' || this.reward.training.status === 'running' || this.rl.busy || this.rl.elsewhere !== null;
  }

  go(step: number): void {
    this.step = Math.max(0, Math.min(DEMO_STEPS.length - 1, step));
    this.note = '';
  }

  generate(): void {
    this.engine.generate(DEMO_PROMPT, { ...this.sizes.generate });
  }

  /** SFT on every stored demonstration; with none stored, the three examples are stored first. */
  async fineTune(): Promise<void> {
    this.note = '';
    const db = this.feedback.db;
    try {
      if (!(await listDemonstrations(db)).length) {
        for (const d of EXAMPLE_DEMONSTRATIONS) await addDemonstration(db, { ...d, author: 'class demo' });
        this.note = `There were no demonstrations, so ${EXAMPLE_DEMONSTRATIONS.length} examples were added (see them, or write your own, under Demonstrations on the Language model tab).`;
      }
    } catch (e) {
      this.note = `The example demonstrations could not be stored: ${(e as Error).message}`;
      return;
    }
    this.sft.start({ keys: null, epochs: this.sizes.sftEpochs, learningRate: DEFAULT_SFT.learningRate, batchSize: DEFAULT_SFT.batchSize, seed: DEFAULT_SFT.seed });
  }

  /** The simulated labeler ranks a few batches, then the reward model trains on its judgements alone. */
  async labelAndTrain(): Promise<void> {
    this.note = '';
    const { labeling, rewardFit } = this.sizes;
    this.rewardPhase = 'labeling';
    try {
      await this.labeling.start(DEMO_LABELER, { ...DEFAULT_RUN, ...labeling, sources: [] }, await loadPrompts());
      if (this.labeling.error || this.labeling.done < this.labeling.total) return; // stopped: nothing to train on yet
      this.reward.train({
        labelers: [labelerFromSettings(DEMO_LABELER).name], pretrainLabelers: [], from: 'language-model',
        ...DEFAULT_REWARD_FIT, ...rewardFit, heldoutFraction: HELDOUT_FRACTION.default,
      });
    } finally {
      this.rewardPhase = 'idle';
    }
  }

  /** Starts an RL run from a preset (rl-presets.ts) at the demo's sizes, on the bundled prompts. */
  async startRun(preset: 'Make it short' | 'Cut the KL leash'): Promise<void> {
    this.note = '';
    const { settings, simulated } = presetForm(preset);
    const { leashRounds, rounds, ...run } = this.sizes.run;
    Object.assign(settings, run, { rounds: preset === 'Cut the KL leash' ? leashRounds : rounds });
    Object.assign(settings.ppo, this.sizes.ppo);
    const prompts = await loadPrompts();
    if (prompts.length < 2) {
      this.note = 'The bundled prompts did not load, so the run cannot start.';
      return;
    }
    this.rl.start({ ...settings, labeler: { kind: 'simulated', settings: simulated }, prompts });
  }
}
