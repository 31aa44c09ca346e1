// Bookkeeping of an RL fine-tuning run in the app: its settings with defaults and range checks,
// the metrics logged each round (TRL's keys, each with the line the charts show), and where a
// stored run picks up again after a reload. Pure: no tfjs, no IndexedDB.
import type { SimulatedLabelerSettings } from '../feedback/simulated-judgement';
import { validateRules, type RewardRule } from '../rlhf/rule-rewards';
import { checkRetention, DEFAULT_RETENTION, type RetentionPolicy } from './checkpoint-retention';
import { DEFAULT_REWARD_FIT } from './reward-fit-settings';
import { checkPPOConfig, DEFAULT_PPO, type PPOConfig, type PtxTextSource } from './ppo-config';
import { checkSettings, defaultsOf, type SettingsTable } from '../util/settings-table';

/** Who gives the feedback each round: the person on screen, or a simulated labeler. */
export type RLLabeler = { kind: 'person'; name: string } | { kind: 'simulated'; settings: SimulatedLabelerSettings };

export interface RLSettings {
  /** Rounds in the run (sample, feedback, reward model, PPO, measure). */
  rounds: number;
  /** Prompts whose K completions are judged each round. */
  feedbackPrompts: number;
  /** Completions per feedback prompt, ranked together. */
  k: number;
  /** Passes of the reward model over everything collected, each round. */
  rmEpochs: number;
  rmLearningRate: number;
  /**
   * Where each round's reward-model fit starts: 'base' refits from the run's base (phase 2's reward
   * model, or the reference's trunk with a fresh head); 'last' goes on from last round's model.
   */
  rmStart: RewardModelStart;
  /** A fit from the base takes at least this many steps (a small set gets more passes). */
  rmMinSteps: number;
  /** PPO iterations each round. */
  ppoSteps: number;
  /** Held-out prompts the policy is measured on (and shown before/after) each round. */
  evalPrompts: number;
  seed: number;
  ppo: PPOConfig;
  /** Sparrow-style rules: each match takes its penalty off the reward PPO optimises. */
  rules: RewardRule[];
  /** Which per-round policy checkpoints stay as each round saves (runs stored before it take the default). */
  retention: RetentionPolicy;
}

export const REWARD_MODEL_STARTS = ['base', 'last'] as const;
export type RewardModelStart = (typeof REWARD_MODEL_STARTS)[number];

/** The run's own knobs (beside PPO's, the rules and retention, which have their own tables). */
export type RLRunKnobs = Omit<RLSettings, 'ppo' | 'rules' | 'retention'>;

export const RL_SETTINGS: SettingsTable<RLRunKnobs> = [
  { key: 'rounds', kind: 'int', default: 8, min: 1, max: 1000, label: 'Rounds', help: 'Rounds in the run (sample, feedback, reward model, PPO, measure)' },
  { key: 'feedbackPrompts', kind: 'int', default: 4, min: 1, max: 64, name: 'feedback prompts', label: 'Feedback prompts per round', help: 'Prompts whose completions are judged each round' },
  { key: 'k', kind: 'int', default: 4, min: 2, max: 6, name: 'K', label: 'Completions per prompt (K)', help: 'Completions ranked together: a ranking of K gives K(K−1)/2 comparisons' },
  { key: 'rmEpochs', kind: 'int', default: 2, min: 1, max: 100, name: 'reward-model epochs', label: 'Reward-model epochs', help: 'Passes of the reward model over everything collected, each round' },
  { key: 'rmMinSteps', kind: 'int', default: DEFAULT_REWARD_FIT.minSteps, min: 0, max: 10_000, name: 'reward-model minimum steps', label: 'Reward-model minimum steps',
    help: 'A fit from the start takes at least this many steps, so a small set of judgements gets more passes (a reward model should fit what it is shown)' },
  { key: 'rmLearningRate', kind: 'number', default: DEFAULT_REWARD_FIT.learningRate, min: 0, max: 0.1, minOpen: true, form: { min: 1e-6 }, step: 1e-5, name: 'reward-model learning rate', label: 'Reward-model learning rate', help: 'Adam step size of the reward model' },
  { key: 'rmStart', kind: 'choice', default: 'base', name: 'reward-model start', label: 'Reward model each round',
    options: [{ value: 'base', label: "refit from the start (phase 2's model, or a fresh head)" }, { value: 'last', label: "go on from last round's" }],
    help: "Where each round's reward-model fit starts: refitting from the start gives the model a function of the judgements alone; going on gives the first rounds' judgements more passes" },
  { key: 'ppoSteps', kind: 'int', default: 4, min: 1, max: 1000, name: 'PPO steps per round', label: 'PPO steps per round', help: 'PPO iterations (rollout + updates) each round' },
  { key: 'evalPrompts', kind: 'int', default: 4, min: 1, max: 64, name: 'held-out prompts', label: 'Held-out prompts', help: 'Prompts the policy is measured on and shown before/after, never trained on' },
  { key: 'seed', kind: 'number', default: 1, min: -Infinity, max: Infinity, form: { min: 0, max: 2147483647 }, step: 1, label: 'RL seed', help: 'Seeds the prompts, the samples and the updates' },
];

export const DEFAULT_RL: RLSettings = {
  ...defaultsOf(RL_SETTINGS), rules: [],
  retention: { ...DEFAULT_RETENTION },
  ppo: { ...DEFAULT_PPO, batchSize: 4, ppoEpochs: 2, minibatches: 1, maxTokens: 32 },
};

/** A run as stored in settings of its run record: what it was started with and what it depends on. */
export interface RLRunSettings extends RLSettings {
  labeler: RLLabeler;
  /** The frozen reference, saved at the start so a resumed run compares with the same model. */
  referenceCheckpointId?: number;
  /**
   * What the run's reward model is refitted from each round: the stored phase-2 reward model in use
   * at the start, or the reference's trunk with a fresh head; recorded so a resumed run uses the same.
   */
  rewardBase?: { checkpointId: number } | 'reference';
  /** The bundled prompts the run drew from: the first evalPrompts are held out. */
  prompts: string[];
}

/** Throws on the first setting out of range, naming it; returns s. */
export function checkRLSettings(s: RLSettings): RLSettings {
  checkSettings(RL_SETTINGS, s);
  checkPPOConfig(s.ppo);
  checkRetention(s.retention);
  const ruleProblems = validateRules(s.rules);
  if (ruleProblems.length) throw new Error(ruleProblems[0]);
  return s;
}

/**
 * A stored run's settings with the defaults of knobs added since it was stored (rules, retention,
 * ptxSource, rmStart ...), so a resumed run runs on a whole set.
 */
export function withDefaults<T extends Partial<RLSettings>>(stored: T): T & RLSettings {
  return {
    ...structuredClone(DEFAULT_RL), ...stored,
    ppo: { ...DEFAULT_RL.ppo, ...stored.ppo }, retention: { ...DEFAULT_RL.retention, ...stored.retention }, rules: stored.rules ?? [],
  } as T & RLSettings;
}

/**
 * A stored run's settings read back (IndexedDB or an imported project): the defaults of knobs
 * added since it was stored filled in, then checked whole as a new run's are, with what it
 * depends on (its labeler, prompts, reference and reward base). Throws naming the first bad field.
 */
export function parseStoredRLSettings(stored: unknown): RLRunSettings {
  const bad = (what: string): never => { throw new Error(`The stored run's settings are damaged: ${what}`); };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return bad('they are not an object');
  const s = withDefaults(stored as Partial<RLRunSettings>);
  const l = s.labeler as Partial<RLLabeler> | undefined;
  const labelerOk = l?.kind === 'person' ? typeof l.name === 'string' : l?.kind === 'simulated' && typeof l.settings === 'object' && l.settings !== null;
  if (!labelerOk) bad('its labeler is neither a person with a name nor a simulated labeler');
  if (!Array.isArray(s.prompts) || s.prompts.length < 2 || s.prompts.some((p) => typeof p !== 'string')) bad('it needs a list of at least 2 prompts');
  if (s.referenceCheckpointId !== undefined && !Number.isInteger(s.referenceCheckpointId)) bad(`reference checkpoint id ${String(s.referenceCheckpointId)}`);
  const base = s.rewardBase;
  if (base !== undefined && base !== 'reference' && !Number.isInteger((base as { checkpointId?: unknown }).checkpointId)) bad('its reward base is neither the reference nor a checkpoint');
  // A field of the wrong type says the row is damaged (not merely out of range).
  for (const k of RL_SETTINGS) {
    if (typeof s[k.key] !== (k.kind === 'choice' ? 'string' : 'number')) bad(`${k.key} is not a ${k.kind === 'choice' ? 'text' : 'number'}`);
  }
  if (!Array.isArray(s.rules)) bad('its rules are not a list');
  checkRLSettings(s); // each knob's type and range, as a new run's
  return s as RLRunSettings;
}

/** The first evalPrompts prompts are held out for measuring; the rest feed the rollouts and the feedback. */
export function splitPrompts(prompts: string[], evalPrompts: number): { train: string[]; heldout: string[] } {
  if (prompts.length < 2) throw new Error(`Expected at least 2 prompts, but got ${prompts.length}`);
  const n = Math.min(evalPrompts, prompts.length - 1);
  return { heldout: prompts.slice(0, n), train: prompts.slice(n) };
}

/** The metrics charted each round, in TRL's names, with the line that explains each one. */
export const RL_METRICS = [
  { key: 'objective/scores', title: 'Reward-model score', help: 'Mean normalised reward of the rollouts: what PPO pushes up.' },
  { key: 'objective/kl', title: 'KL to the reference', help: 'How far the policy has moved from the starting model, in nats per completion; β·KL is subtracted from the reward.' },
  { key: 'policy/entropy_avg', title: 'Entropy', help: 'How spread out the next-token choices are; a collapse towards 0 means the policy repeats itself.' },
  { key: 'loss/policy_avg', title: 'Policy loss', help: 'The clipped surrogate loss; it hovers near 0 and its sign says little on its own.' },
  { key: 'loss/value_avg', title: 'Value loss', help: 'How badly the value head predicts the returns; it should fall as the critic learns.' },
  { key: 'policy/clipfrac_avg', title: 'Clip fraction', help: 'Share of tokens whose probability ratio hit the clip range: high means updates are too big.' },
  { key: 'rm/heldout_accuracy', title: 'Held-out RM accuracy', help: "The reward model's pairwise accuracy on this round's fresh judgements, before it trained on them." },
  { key: 'rm/train_accuracy', title: 'RM train accuracy', help: "The reward model's pairwise accuracy on the judgements it is fitted on, over its last pass: near 1 means it fits them; far above the held-out line means it over-fits." },
  { key: 'eval/labeler_score', title: "Simulated labeler's score", help: "The simulated labeler's own mean score of the policy's held-out samples: the goal the reward model stands in for." },
  { key: 'loss/kl_avg', title: 'KL loss (A2C, GRPO)', help: 'A2C: the exact KL to the reference over the whole vocabulary; GRPO: its k3 estimate on the sampled tokens. β weighs it in the loss instead of the reward.' },
  { key: 'frac_reward_zero_std', title: 'Groups with equal rewards (GRPO)', help: 'GRPO: share of prompts whose samples all scored the same; they have no advantage and teach nothing.' },
  { key: 'reward_std', title: 'Reward spread in a group (GRPO)', help: "GRPO: the mean standard deviation of the reward within a prompt's group: the signal its advantages are made of." },
  { key: 'loss/ptx_avg', title: 'Pretraining loss (PPO-ptx)', help: 'With ptxCoef > 0: next-token loss on the bundled corpus or on your demonstrations (per ptxSource), mixed into every update so the policy keeps writing like them.' },
] as const;

/** What PPO-ptx's loss is measured on, per ptxSource: the chart's help for a run says which. */
const PTX_HELP: Record<PtxTextSource, string> = {
  corpus: 'With ptxCoef > 0: next-token loss on the bundled corpus, mixed into every update so the policy keeps writing like the corpus.',
  demonstrations: 'With ptxCoef > 0: next-token loss on your demonstrations (prompt and response), mixed into every update so the policy keeps writing like them.',
};

/** A metric's help line for a run with this ptxSource (runs stored before it existed used the corpus). */
export function metricHelp(m: (typeof RL_METRICS)[number], ptxSource: PtxTextSource = 'corpus'): string {
  return m.key === 'loss/ptx_avg' ? PTX_HELP[ptxSource] : m.help;
}

/**
 * Charted only when the run has them: a simulated labeler's score (logged only with one), the A2C
 * and ptx losses (logged as 0 when that objective is off). The others always.
 */
const OPTIONAL_METRICS: Record<string, (value: number) => boolean> = {
  'rm/train_accuracy': Number.isFinite, // runs stored before it was logged
  'eval/labeler_score': Number.isFinite,
  'loss/kl_avg': (v) => Number.isFinite(v) && v !== 0,
  'loss/ptx_avg': (v) => Number.isFinite(v) && v !== 0,
  frac_reward_zero_std: Number.isFinite, // GRPO only
  reward_std: Number.isFinite,
};

/** The metrics worth a chart for these logged rounds. */
export function chartedMetrics(metrics: Array<Record<string, number>>): Array<(typeof RL_METRICS)[number]> {
  return RL_METRICS.filter((m) => {
    const has = OPTIONAL_METRICS[m.key];
    return !has || metrics.some((row) => has(row[m.key]));
  });
}

/** Means over rows of every numeric key the first row has. */
export function meanStats(rows: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(rows[0] ?? {})) out[key] = rows.reduce((a, r) => a + r[key], 0) / rows.length;
  return out;
}

/** The numeric fields of an object (drops texts and the like). */
export function numericStats(st: object): Record<string, number> {
  return Object.fromEntries(Object.entries(st).filter(([, v]) => typeof v === 'number')) as Record<string, number>;
}

/** A chart's points for one metric over the logged rounds (rounds without it are skipped). */
export function metricPoints(metrics: Array<Record<string, number>>, key: string): Array<{ x: number; y: number }> {
  return metrics.filter((m) => Number.isFinite(m[key])).map((m) => ({ x: m.round, y: m[key] }));
}

/** Where a stored run goes on: the round after the last one logged, from the last saved policy. */
export function resumePoint(run: { metrics: Array<Record<string, number>>; checkpointId?: number; settings: unknown }): { nextRound: number; policyCheckpointId?: number } {
  const rounds = run.metrics.map((m) => m.round).filter(Number.isInteger);
  return { nextRound: (rounds.length ? Math.max(...rounds) : 0) + 1, policyCheckpointId: run.checkpointId };
}

/** Stored runs that can go on: RL, neither finished nor reset. */
export const isResumable = (run: { kind: string; status: string; metrics: unknown[]; settings: unknown }) =>
  run.kind === 'rl' && (run.status === 'running' || run.status === 'paused') &&
  (run.settings as RLRunSettings | undefined)?.rounds !== undefined && run.metrics.length < (run.settings as RLRunSettings).rounds;
