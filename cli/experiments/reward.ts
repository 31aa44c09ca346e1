// npm run experiment -- reward --labeler sentiment --noise 0.1 --comparisons 300 --seed 1
//   (--labeler: any simulated-labeler kind, kindness, happy-ending and topic --topic dog included, or avoid --words W)
//   [--curve 100,300,1000] [--pmp FILE] [--dump-comparisons FILE] [--epochs N] [--lr LR] [--readout eos,mean,eos+mean]
//   [--validation 0,0.1] [--early-stop-on loss,accuracy]
// Collects comparisons of starter-model samples from a noisy simulated labeler, trains the reward
// model (initialised from the starter's trunk, its reward read as --readout says: at EOS, as the
// mean over the completion, or both added, the app's default; a list fits each) with the app's own fitting code,
// and fits a bag-of-words logistic regression on exactly the same comparisons. Both are scored on
// held-out comparisons judged by the same labeler without noise: on all of them, and on the clear
// ones (the labeler's scores at least --clear-margin apart). --curve prints one line per training
// size; --pmp FILE first trains on a preference file (preference-model pretraining: the reward
// model's first stage, and extra comparisons for the baseline), and then every size is fitted both
// with and without it. --dump-comparisons writes the train and held-out comparisons as TRL
// preference JSONL with a "split" field. --validation is the share of the comparisons early
// stopping holds back (0: none; fewer than 100 comparisons are always fitted whole), and
// --early-stop-on what it keeps the lowest of. --readout, --lr, --epochs, --validation and
// --early-stop-on take lists. Last line: a JSON object.
import { readFileSync, writeFileSync } from 'node:fs';
import { makeLabeler, type Scorer } from '../../src/lib/feedback/labelers';
import { DEFAULT_SIMULATED_LABELER, SCORER_KINDS, scorerOf, type ScorerKind } from '../../src/lib/feedback/simulated-judgement';
import { judgementToGroup } from '../../src/lib/feedback/judgement-group';
import { modelFromCheckpointBytes } from '../../src/lib/model/checkpoint';
import { disposeLanguageModel, type LanguageModel } from '../../src/lib/model/language-model';
import { collectComparisons, type LabeledGroup } from '../../src/lib/engine/simulated-comparisons';
import { EARLY_STOP_METRICS, type EarlyStopMetric } from '../../src/lib/engine/reward-fit-settings';
import { DEFAULT_REWARD_FIT, DEFAULT_REWARD_READOUT, fitRewardModel, rewardModelFrom, type RewardFitStage } from '../../src/lib/engine/reward-fitting';
import { REWARD_READOUTS, type RewardReadout } from '../../src/lib/model/config';
import { groupAccuracy, scoreCompletions } from '../../src/lib/engine/reward-trainer';
import type { ComparisonGroup } from '../../src/lib/feedback/judgement-group';
import { fitBagOfWords, type TextPair } from '../../src/lib/rlhf/bag-of-words-reward';
import { pairwiseAccuracy } from '../../src/lib/rlhf/bradley-terry';
import { parsePreferenceJsonl, toJsonl, type PreferenceRecord } from '../../src/lib/store/preference-formats';
import { preferenceRecordsToJudgements } from '../../src/lib/store/preference-export';
import { parseFlags } from '../args';
import { readPrompts, resolveCheckpoint } from '../files';
import { seenWordCeiling } from './seen-word-ceiling';
import { seeds } from '../../src/lib/util/seeds';

/** The --labeler flag's scorer: a simulated-labeler kind, or "avoid" (keywords avoided); --topic is the topic labeler's word. */
export function scorerFor(name: string, words: string, topic = DEFAULT_SIMULATED_LABELER.topic): Scorer {
  if (name === 'avoid') return scorerOf({ scorer: 'keyword', keywords: words, keywordMode: 'avoid', topic });
  if (!(SCORER_KINDS as readonly string[]).includes(name)) throw new Error(`Unknown --labeler "${name}"; known: ${SCORER_KINDS.join(', ')}, avoid`);
  return scorerOf({ scorer: name as ScorerKind, keywords: words, keywordMode: 'include', topic });
}

/** A held-out pair: its texts (prompt + completion, as the labeler read them) and the labeler's score gap. */
interface HeldoutPair extends TextPair { group: number; chosenIndex: number; rejectedIndex: number; margin: number }

function heldoutPairs(groups: LabeledGroup[], scorer: Scorer): HeldoutPair[] {
  return groups.flatMap((g, group) => g.pairs.map((p) => {
    const chosen = g.prompt + g.texts[p.chosen];
    const rejected = g.prompt + g.texts[p.rejected];
    return { group, chosenIndex: p.chosen, rejectedIndex: p.rejected, chosen, rejected, margin: Math.abs(scorer.score(chosen) - scorer.score(rejected)) };
  }));
}

/** Accuracy on all held-out pairs and on the clear ones, given a score per pair side. */
function accuracies(pairs: HeldoutPair[], scoreOf: (p: HeldoutPair, side: 'chosen' | 'rejected') => number, clearMargin: number) {
  const acc = (ps: HeldoutPair[]) => pairwiseAccuracy(ps.map((p) => scoreOf(p, 'chosen')), ps.map((p) => scoreOf(p, 'rejected')));
  return { all: acc(pairs), clear: acc(pairs.filter((p) => p.margin >= clearMargin)) };
}

/** The first groups holding n comparisons (a group's pairs are kept together). */
function firstComparisons<T extends ComparisonGroup>(groups: T[], n: number): T[] {
  const out: T[] = [];
  let count = 0;
  for (const g of groups) {
    if (count >= n) break;
    out.push(g);
    count += g.pairs.length;
  }
  return out;
}

const textPairs = (groups: LabeledGroup[]): TextPair[] =>
  groups.flatMap((g) => g.pairs.map((p) => ({ chosen: g.prompt + g.texts[p.chosen], rejected: g.prompt + g.texts[p.rejected] })));

interface FitSettings { readout: RewardReadout; lr: number; epochs: number; validation: number; earlyStopOn: EarlyStopMetric; minSteps: number; pmpEpochs: number; batch: number; seed: number; clearMargin: number }

/** The reward model and the baseline fitted on the same comparisons, scored on the same held-out pairs. */
async function fitBoth(policy: LanguageModel, train: LabeledGroup[], heldout: LabeledGroup[], pairs: HeldoutPair[], pmp: { groups: ComparisonGroup[]; texts: TextPair[] } | undefined, f: FitSettings) {
  const rm = rewardModelFrom(policy, { readout: f.readout });
  try {
    const stages: RewardFitStage[] = [...(pmp ? [{ phase: 'pretrain' as const, groups: pmp.groups }] : []), { phase: 'train', groups: train }];
    // PMP runs its own number of epochs, then the comparisons theirs: one fit per stage.
    for (const stage of stages) {
      const epochs = stage.phase === 'pretrain' ? f.pmpEpochs : f.epochs;
      for await (const p of fitRewardModel(rm, [stage], [], { epochs, minSteps: f.minSteps, batchSize: f.batch, learningRate: f.lr, validationShare: f.validation, earlyStopOn: f.earlyStopOn, seed: f.seed })) void p;
    }
    const items = heldout.flatMap((g) => g.completions.map((completion) => ({ promptIds: g.promptIds, completion })));
    const rewards = await scoreCompletions(rm, items);
    const offsets: number[] = [];
    heldout.reduce((o, g) => (offsets.push(o), o + g.completions.length), 0);
    const rmAcc = accuracies(pairs, (p, side) => rewards[offsets[p.group] + (side === 'chosen' ? p.chosenIndex : p.rejectedIndex)], f.clearMargin);
    const bow = fitBagOfWords([...(pmp?.texts ?? []), ...textPairs(train)]);
    const bowAcc = accuracies(pairs, (p, side) => bow.score(p[side]), f.clearMargin);
    return {
      rm_heldout_accuracy: rmAcc.all, rm_clear_accuracy: rmAcc.clear, rm_train_accuracy_vs_noisy_labels: await groupAccuracy(rm, train),
      bow_heldout_accuracy: bowAcc.all, bow_clear_accuracy: bowAcc.clear,
    };
  } finally {
    disposeLanguageModel(rm);
  }
}

function dumpComparisons(file: string, train: LabeledGroup[], heldout: LabeledGroup[]): void {
  const records = (groups: LabeledGroup[], split: string): PreferenceRecord[] => groups.flatMap((g) => g.pairs.map((p) => ({
    format: 'trl-preference' as const, prompt: g.prompt, chosen: g.texts[p.chosen], rejected: g.texts[p.rejected], extra: { split },
  })));
  writeFileSync(file, toJsonl([...records(train, 'train'), ...records(heldout, 'heldout')]));
}

function numberList(flag: string, text: string): number[] {
  const values = text.split(',').map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0)) throw new Error(`Expected ${flag} to list positive numbers, but got "${text}"`);
  return values;
}

export async function rewardExperiment(argv: string[]): Promise<void> {
  const f = parseFlags(argv, {
    labeler: 'sentiment', words: 'happy,good', topic: DEFAULT_SIMULATED_LABELER.topic, noise: 0.1, comparisons: 300, heldout: 200, k: 2, maxTokens: 64,
    temperature: 0.7, epochs: String(DEFAULT_REWARD_FIT.epochs), minSteps: DEFAULT_REWARD_FIT.minSteps, batch: DEFAULT_REWARD_FIT.batchSize, lr: String(DEFAULT_REWARD_FIT.learningRate), seed: 1,
    checkpoint: 'starter', pmp: '', pmpEpochs: 2, curve: '', clearMargin: 0.5, dumpComparisons: '', readout: DEFAULT_REWARD_READOUT as string,
    validation: String(DEFAULT_REWARD_FIT.validationShare), earlyStopOn: DEFAULT_REWARD_FIT.earlyStopOn as string,
  });
  // --readout, --lr, --epochs and --validation take lists: every combination is fitted on the same comparisons.
  const readouts = f.readout.split(',') as RewardReadout[];
  const lrs = numberList('--lr', f.lr);
  const epochList = numberList('--epochs', f.epochs);
  const validations = f.validation.split(',').map(Number);
  if (validations.some((v) => !(v >= 0 && v <= 0.5))) throw new Error(`Expected --validation to list shares in 0..0.5, but got "${f.validation}"`);
  const stopOns = f.earlyStopOn.split(',') as EarlyStopMetric[];
  if (stopOns.some((m) => !(EARLY_STOP_METRICS as readonly string[]).includes(m))) throw new Error(`Expected --early-stop-on to list ${EARLY_STOP_METRICS.join(', ')}, but got "${f.earlyStopOn}"`);
  if (readouts.some((r) => !(REWARD_READOUTS as readonly string[]).includes(r))) throw new Error(`Expected --readout to list ${REWARD_READOUTS.join(', ')}, but got "${f.readout}"`);
  const sizes = f.curve ? f.curve.split(',').map(Number) : [f.comparisons];
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`Expected --curve to list positive whole numbers, but got "${f.curve}"`);
  const t0 = performance.now();
  const { model: policy } = modelFromCheckpointBytes(readFileSync(resolveCheckpoint(f.checkpoint)));
  const prompts = readPrompts();
  // Held-out comparisons use prompts the training comparisons never see.
  const trainPrompts = prompts.filter((_, i) => i % 5 !== 0);
  const heldoutPrompts = prompts.filter((_, i) => i % 5 === 0);
  const scorer = scorerFor(f.labeler, f.words, f.topic);
  const noisy = makeLabeler(scorer, f.noise);
  const clean = makeLabeler(scorer, 0);
  const gen = { k: f.k, maxTokens: f.maxTokens, temperature: f.temperature };

  const most = Math.max(...sizes);
  const all = await collectComparisons(policy, trainPrompts, noisy, { ...gen, comparisons: most, seed: f.seed });
  const heldout = await collectComparisons(policy, heldoutPrompts, clean, { ...gen, comparisons: f.heldout, seed: seeds.heldoutComparisons(f.seed) });
  const pairs = heldoutPairs(heldout.groups, scorer);
  console.log(`collected ${most} training comparisons (${all.tiedPrompts} prompts tied) and ${f.heldout} held-out (${pairs.filter((p) => p.margin >= f.clearMargin).length} clear) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  if (f.dumpComparisons) dumpComparisons(f.dumpComparisons, all.groups, heldout.groups);

  const pmp = f.pmp ? (() => {
    const records = parsePreferenceJsonl(readFileSync(f.pmp));
    const judgements = preferenceRecordsToJudgements(records, f.pmp, policy.tokenizer);
    const texts = records.flatMap((r) => (r.format === 'trl-unpaired' ? [] : [{ chosen: r.prompt + r.chosen, rejected: r.prompt + r.rejected }]));
    return { groups: judgements.map((j) => judgementToGroup(j, policy.tokenizer)), texts };
  })() : undefined;
  const initial = await (async () => {
    const rm = rewardModelFrom(policy);
    const acc = await groupAccuracy(rm, heldout.groups);
    disposeLanguageModel(rm);
    return acc;
  })();
  const fit = { minSteps: f.minSteps, pmpEpochs: f.pmpEpochs, batch: f.batch, seed: f.seed, clearMargin: f.clearMargin };
  const variants = readouts.flatMap((readout) => lrs.flatMap((lr) => epochList.flatMap((epochs) => validations.flatMap((validation) => stopOns.map((earlyStopOn) => ({ readout, lr, epochs, validation, earlyStopOn }))))));
  let last: Record<string, unknown> = {};
  for (const n of sizes) {
    const train = firstComparisons(all.groups, n);
    for (const withPmp of pmp ? [false, true] : [false]) for (const v of variants) {
      const t1 = performance.now();
      const row = { comparisons: n, pmp: withPmp, ...v, ...(await fitBoth(policy, train, heldout.groups, pairs, withPmp ? pmp : undefined, { ...fit, ...v })), seconds: Math.round((performance.now() - t1) / 1000) };
      console.log(JSON.stringify(row));
      last = row;
    }
  }
  const ceiling = f.labeler === 'sentiment' ? seenWordCeiling(firstComparisons(all.groups, sizes.at(-1)!), heldout.groups) : undefined;
  console.log(JSON.stringify({
    labeler: noisy.name, heldout_comparisons: f.heldout, clear_heldout_comparisons: pairs.filter((p) => p.margin >= f.clearMargin).length,
    noise: f.noise, pmp_file: f.pmp || null, initial_heldout_accuracy: initial, ...last,
    heldout_accuracy: last.rm_heldout_accuracy, ...(ceiling ? { seen_word_ceiling: ceiling } : {}),
    seconds: Math.round((performance.now() - t0) / 1000),
  }));
}
