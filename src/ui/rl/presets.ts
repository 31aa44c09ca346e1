// One-click setups that teach something: each fills the run form (it never starts the run), so
// the person sees what changed before pressing Start. β is PPO's initKl, held fixed here.
import type { RLSettings } from '../../lib/engine/rl-run';
import type { SimulatedLabelerSettings } from '../../lib/feedback/simulated-judgement';

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

export const RL_PRESETS: RLPreset[] = [
  {
    name: 'Make it positive',
    help: 'An honest simulated labeler that prefers positive sentiment, with a fixed β = 0.1',
    apply: (f) => { honest(f, 'sentiment'); fixedBeta(f, 0.1); },
  },
  {
    name: 'Make it short',
    help: 'An honest simulated labeler that prefers shorter completions, with a fixed β = 0.1',
    apply: (f) => { honest(f, 'shorter'); fixedBeta(f, 0.1); },
  },
  {
    // A reward worth hacking: the labeler counts the word "the", so "the the the" wins. Measured
    // headless (README, Phase 3): after 5 rounds β = 0 is 6.6x further from the reference than β = 0.1.
    name: 'Cut the KL leash',
    help: 'β = 0 and a labeler that counts the word "the": nothing keeps the policy near the reference, and repeating the word pays',
    apply: (f) => { honest(f, 'keyword'); f.simulated.keywords = 'the'; f.simulated.keywordMode = 'include'; fixedBeta(f, 0); },
  },
];

/** Shown whenever β is 0, however it got there. */
export const NO_LEASH_NOTE =
  'With β = 0 nothing holds the policy near the reference, so watch objective/kl climb and the text degenerate: reward hacking.';

/**
 * Shown with an honest sentiment labeler: measured (README, Phase 2 and 3), the starter's reward
 * model does not learn VADER's sentiment from its samples, so the run barely moves; say so up front.
 */
export const SENTIMENT_NOTE =
  'Measured with the bundled starter: its reward model hardly learns this labeler\'s sentiment (held-out accuracy about 0.6), so expect little change. “Make it short” or a keyword labeler shows the loop moving the policy.';
