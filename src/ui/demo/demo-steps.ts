// The class demo's five steps, in the order the field draws RLHF (README, "A class demo"): what each
// one does, the tab of the full app it belongs to, and the one thing to watch. The sizes each
// step runs at: "full" for a class (the RL steps are the presets' own sizes, as the README's steps
// use them), "quick" for a slow computer and the browser test (the whole demo in about 15 s on a
// micro model on wasm).
import type { SimulatedLabelerSettings } from '../../lib/feedback/simulated-judgement';
import type { GenerateSettings } from '../../lib/worker/protocol';

export type DemoTab = 'lm' | 'reward' | 'rl';

export interface DemoStep {
  id: 'generate' | 'sft' | 'reward' | 'rl' | 'leash';
  title: string;
  /** The full app's tab where this step lives ("Leave the demo" opens it). */
  tab: DemoTab;
  /** What the step's button does, in one line. */
  does: string;
  /** The one thing to watch in the result. */
  lookFor: string;
}

export const DEMO_STEPS: readonly DemoStep[] = [
  {
    id: 'generate', title: 'A pretrained language model', tab: 'lm',
    does: 'The starter model continues a bundled prompt, twice, one token at a time.',
    lookFor: 'It writes story-like English with mistakes: it only learnt to continue text. Each box below is one token; the shaded ones are tokens the model thought unlikely (click one for its probability).',
  },
  {
    id: 'sft', title: 'Supervised fine-tuning (SFT)', tab: 'lm',
    does: 'Fine-tunes the model on demonstrations: an instruction and the answer a person wants (InstructGPT\'s step 1).',
    lookFor: 'The loss per answer token falls as the model learns to answer like the demonstrations; the header now says "+ SFT", and the next steps start from this model.',
  },
  {
    id: 'reward', title: 'A reward model from judgements', tab: 'reward',
    does: 'A simulated labeler that prefers shorter completions ranks a few batches, then a reward model (the language model with a score head) trains on its rankings.',
    lookFor: 'Held-out accuracy: how often the reward model agrees with the labeler on rankings it never trained on (0.5 is a coin toss).',
  },
  {
    id: 'rl', title: 'RL fine-tuning: "Make it short"', tab: 'rl',
    does: 'PPO rounds against the reward model, with the same labeler judging fresh samples each round, and a KL leash (β = 0.1) to the starting model.',
    lookFor: "The labeler's own score rises as completions get shorter, while objective/kl (how far the policy moved from the start) stays small: β holds it.",
  },
  {
    id: 'leash', title: 'Cut the KL leash: reward hacking', tab: 'rl',
    does: 'The same loop with β = 0 and a labeler that counts the word "the": nothing holds the policy near the starting model.',
    lookFor: 'objective/kl climbs with nothing holding it, and the samples drift towards "the the the": the reward goes up while the text gets worse.',
  },
];

export interface DemoSizes {
  generate: GenerateSettings;
  sftEpochs: number;
  labeling: { batches: number; k: number; maxTokens: number };
  rewardFit: { epochs: number; minSteps: number };
  /** Laid over a preset's run settings (rl-presets.ts) by the two RL steps. */
  run: { rounds: number; leashRounds: number; feedbackPrompts: number; k: number; ppoSteps: number; evalPrompts: number; rmEpochs: number; rmMinSteps: number };
  ppo: { batchSize: number; maxTokens: number; ppoEpochs: number; minibatches: number };
}

export const DEMO_SIZES: Record<'full' | 'quick', DemoSizes> = {
  full: {
    generate: { temperature: 0.8, topK: 0, topP: 0.95, maxTokens: 60, seed: 1, n: 2, stopAtEos: true },
    sftEpochs: 3,
    labeling: { batches: 12, k: 4, maxTokens: 40 },
    rewardFit: { epochs: 2, minSteps: 96 },
    run: { rounds: 8, leashRounds: 12, feedbackPrompts: 4, k: 4, ppoSteps: 4, evalPrompts: 4, rmEpochs: 2, rmMinSteps: 96 },
    ppo: { batchSize: 4, maxTokens: 32, ppoEpochs: 2, minibatches: 1 },
  },
  quick: {
    generate: { temperature: 0.8, topK: 0, topP: 0.95, maxTokens: 16, seed: 1, n: 2, stopAtEos: true },
    sftEpochs: 1,
    labeling: { batches: 3, k: 2, maxTokens: 8 },
    rewardFit: { epochs: 1, minSteps: 0 },
    run: { rounds: 1, leashRounds: 2, feedbackPrompts: 2, k: 2, ppoSteps: 1, evalPrompts: 2, rmEpochs: 1, rmMinSteps: 0 },
    ppo: { batchSize: 2, maxTokens: 8, ppoEpochs: 1, minibatches: 1 },
  },
};

/** The prompt step 1 continues (one of the bundled held-out openings would do as well). */
export const DEMO_PROMPT = 'The little bear';

/** Step 3's labeler: lengths are what a tiny reward model learns reliably from a few rankings. */
export const DEMO_LABELER: SimulatedLabelerSettings = { scorer: 'shorter', keywords: 'the', keywordMode: 'include', topic: 'dog', mode: 'honest', noise: 0 };

/** Stored when there are no demonstrations yet, so step 2 has something to fine-tune on. */
export const EXAMPLE_DEMONSTRATIONS: ReadonlyArray<{ prompt: string; response: string }> = [
  { prompt: 'Tell me about the little bear.', response: 'The little bear lived in a warm den in the wood. He liked honey, and he slept all winter.' },
  { prompt: 'What did the cat say to the dog?', response: 'The cat said, "Good morning, dog! Will you play with me in the garden?"' },
  { prompt: 'Write one kind sentence.', response: 'Thank you for helping me carry the basket; you are a good friend.' },
];
