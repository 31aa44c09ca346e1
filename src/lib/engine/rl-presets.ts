// One-click setups that teach something: each fills the RL run form (it never starts the run), so
// the person sees what changed before pressing Start. `npm run experiment -- rlhf` starts from
// "Make it positive" too, so the README's numbers are the preset's. β is PPO's initKl, fixed here.
import { DEFAULT_SIMULATED_LABELER, type SimulatedLabelerSettings } from '../feedback/simulated-judgement';
import { DEFAULT_RL, type RLSettings } from './rl-run';

/** What the run panel holds: the settings, who gives the feedback, and the simulated labeler. */
export interface RunForm {
  settings: RLSettings;
  who: 'person' | 'simulated';
  simulated: SimulatedLabelerSettings;
}

export interface RLPreset {
  name: string;
  /** The button's tooltip. */
  help: string;
  apply: (form: RunForm) => void;
}

const fixedBeta = (form: RunForm, beta: number) => {
  form.settings.ppo.initKl = beta;
  form.settings.ppo.adaptiveKl = false;
};

const honest = (form: RunForm, scorer: SimulatedLabelerSettings['scorer']) => {
  form.who = 'simulated';
  form.simulated.scorer = scorer;
  form.simulated.mode = 'honest';
};

/** "Make it positive"'s rounds, measured headless; the story goals start from them too. */
const TWELVE_ROUNDS = { rounds: 12, feedbackPrompts: 16, k: 4, ppoSteps: 12, rmStart: 'last', rmLearningRate: 1e-3, evalPrompts: 8 } as const;

/** An honest labeler of this kind, β = 0.1 fixed, twelve rounds. */
const teachWith = (scorer: SimulatedLabelerSettings['scorer']) => (f: RunForm) => {
  honest(f, scorer);
  fixedBeta(f, 0.1);
  Object.assign(f.settings, TWELVE_ROUNDS);
};

export const RL_PRESETS: RLPreset[] = [
  {
    // Measured headless (README, "Make it positive"): with phase 2's reward model trained on the
    // bundled review pairs first, these settings lift the labeler's score by about one reference
    // standard deviation in 12 rounds, the KL under 10 nats.
    name: 'Make it positive',
    help: 'An honest simulated labeler that prefers positive sentiment, β = 0.1 fixed, 16 prompts of 4 completions a round for 12 rounds; train a reward model on the bundled review set first',
    apply: teachWith('sentiment'),
  },
  {
    // Goals about meaning on the story world's starter: the labeler reads the story's acts (who
    // helps, shares, thanks; who grabs, mocks, pushes) or the sentiment of its last sentences.
    name: 'Make it kind',
    help: 'An honest simulated labeler that prefers stories whose characters help, share, thank and comfort over ones who grab, mock, push and ignore; β = 0.1 fixed, 16 prompts of 4 completions a round for 12 rounds',
    apply: teachWith('kindness'),
  },
  {
    name: 'Happy endings',
    help: 'An honest simulated labeler that prefers stories whose last sentences are happy; β = 0.1 fixed, 16 prompts of 4 completions a round for 12 rounds',
    apply: teachWith('happy-ending'),
  },
  {
    name: 'Make it short',
    help: 'An honest simulated labeler that prefers shorter completions, with a fixed β = 0.1',
    apply: (f) => { honest(f, 'shorter'); fixedBeta(f, 0.1); },
  },
  {
    // Gao et al. 2022 in one run: a reward model fitted on two judgements a round, many PPO steps
    // against it and almost no KL leash. The labeler's own score (gold) rises, then falls while
    // the reward model's score (proxy) keeps rising. Measured headless: README, "Over-optimise".
    name: 'Over-optimise',
    help: 'A reward model fitted on few judgements (2 a round), 10 PPO steps a round against it, β = 0.005: watch gold rise and then fall while proxy keeps rising (chart: Over-optimisation)',
    apply: (f) => {
      honest(f, 'sentiment');
      fixedBeta(f, 0.005);
      Object.assign(f.settings, { rounds: 10, feedbackPrompts: 2, k: 2, ppoSteps: 10, rmStart: 'last', evalPrompts: 16 });
    },
  },
  {
    // A reward worth hacking: the labeler counts the word "the", so "the the the" wins.
    name: 'Cut the KL leash',
    help: 'β = 0 and a labeler that counts the word "the": nothing keeps the policy near the reference, and repeating the word pays',
    apply: (f) => { honest(f, 'keyword'); f.simulated.keywords = 'the'; f.simulated.keywordMode = 'include'; fixedBeta(f, 0); },
  },
];

/** The default form with a preset applied. */
export function presetForm(name: string): RunForm {
  const preset = RL_PRESETS.find((p) => p.name === name);
  if (!preset) throw new Error(`Unknown preset "${name}"; known: ${RL_PRESETS.map((p) => p.name).join(', ')}`);
  const form: RunForm = { settings: structuredClone(DEFAULT_RL), who: 'person', simulated: { ...DEFAULT_SIMULATED_LABELER } };
  preset.apply(form);
  return form;
}
