// npm run validate-labelers -- [--count 1000] [--seed 1] [--min-topic-stories 5] [--examples 0] [--by-plot]
// Writes stories 0..count-1 of the story world's seed, scores each with the story labelers (which
// read the text only) and prints, per labeler, its agreement with every trait the story world chose
// before writing: AUC (pairs ordered correctly, ties ½) and the best threshold's accuracy. The
// labeler's own trait is marked *; the others say how much it is fooled by them. --examples N
// prints the N stories each labeler gets most wrong on its own trait; --by-plot the kindness and
// happy-ending labelers' AUC within each plot. Last line: a JSON object.
import { countKindness, kindnessScorer } from '../src/lib/feedback/kindness-scorer';
import { endingOf, happyEndingScorer } from '../src/lib/feedback/happy-ending-scorer';
import { TRAITS, traitAgreement, validateStoryLabelers, type LabelerRow } from '../src/lib/feedback/labeler-validation';
import type { Scorer } from '../src/lib/feedback/labelers';
import { stories as storiesOf } from '../src/lib/storyworld/story-world';
import type { WrittenStory } from '../src/lib/storyworld/traits';
import { parseFlags } from './args';
import { runCli } from './run-cli';

const cell = (row: LabelerRow, t: (typeof TRAITS)[number]) => {
  const a = row.agreement[t];
  return a ? `${a.auc.toFixed(3)} / ${a.accuracy.toFixed(3)}${row.target === t ? '*' : ' '}` : '—';
};

function table(rows: LabelerRow[]): string {
  const head = ['labeler', ...TRAITS.map((t) => `${t} AUC / acc`)];
  const body = rows.map((r) => [r.labeler, ...TRAITS.map((t) => cell(r, t))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  return [head, ...body].map((cols) => cols.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

/** Each plot's AUC of the kindness and happy-ending labelers on their own traits: where they read worst. */
function byPlot(stories: WrittenStory[]): void {
  const plots = [...new Set(stories.map((s) => s.traits.plot))].sort();
  console.log('\nplot                      stories  kindness AUC  happy-ending AUC');
  for (const plot of plots) {
    const mine = stories.filter((s) => s.traits.plot === plot);
    const traits = mine.map((s) => s.traits);
    const k = traitAgreement(traits, mine.map((s) => kindnessScorer.score(s.text)), 'kindness');
    const e = traitAgreement(traits, mine.map((s) => happyEndingScorer.score(s.text)), 'ending');
    console.log(`${plot.padEnd(26)}${String(mine.length).padStart(7)}  ${(k ? k.auc.toFixed(3) : '—').padStart(12)}  ${(e ? e.auc.toFixed(3) : '—').padStart(16)}`);
  }
}

/** The stories of each side a labeler ranks furthest on the wrong side. */
function worst(stories: WrittenStory[], scorer: Scorer, isPositive: (s: WrittenStory) => boolean, n: number, show: (s: WrittenStory) => string): void {
  const scored = stories.map((s) => ({ s, score: scorer.score(s.text) }));
  const pos = scored.filter((x) => isPositive(x.s)).sort((a, b) => a.score - b.score).slice(0, n);
  const neg = scored.filter((x) => !isPositive(x.s)).sort((a, b) => b.score - a.score).slice(0, n);
  console.log(`\n## ${scorer.name}: lowest-scored positives, then highest-scored negatives`);
  for (const x of [...pos, ...neg]) console.log(`[${x.score.toFixed(3)}] ${JSON.stringify(x.s.traits)}\n  ${show(x.s)}`);
}

/**
 * The report for stories already written (so `npm run corpus` can print it for its own stories):
 * the table, the examples if asked, and the JSON line last.
 */
export function printLabelerValidation(stories: WrittenStory[], o: { seed: number; minTopicStories?: number; examples?: number; byPlot?: boolean }): void {
  const t0 = performance.now();
  const minTopicStories = o.minTopicStories ?? 5;
  const plots = new Set(stories.map((s) => s.traits.plot));
  const rows = validateStoryLabelers(stories, minTopicStories);
  console.log(`${stories.length} stories of seed ${o.seed}, ${plots.size} plots; cells: AUC / best-threshold accuracy, * = the labeler's own trait`);
  console.log(`(topic: one labeler per topic with at least ${minTopicStories} stories, weighted means; its topic accuracy is balanced)\n`);
  console.log(table(rows));
  if (o.byPlot) byPlot(stories);
  if (o.examples) {
    worst(stories, kindnessScorer, (s) => s.traits.kindness === 'kind', o.examples, (s) => {
      const c = countKindness(s.text);
      return `${s.text}\n  counted: ${c.acts.map((a) => `${a.kind ? '+' : '−'}${a.weight} "${a.text}"`).join(', ') || 'nothing'}`;
    });
    worst(stories, happyEndingScorer, (s) => s.traits.ending === 'happy', o.examples, (s) => `…${endingOf(s.text)}`);
  }
  console.log(JSON.stringify({ stories: stories.length, seed: o.seed, plots: plots.size, seconds: Math.round((performance.now() - t0) / 100) / 10, labelers: rows }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(async () => {
    const f = parseFlags(process.argv.slice(2), { count: 1000, seed: 1, minTopicStories: 5, examples: 0, byPlot: false });
    if (!(Number.isInteger(f.count) && f.count >= 2)) throw new Error(`Expected --count to be a whole number of at least 2, but got ${f.count}`);
    printLabelerValidation([...storiesOf(f.seed, 0, f.count)], f);
  });
}
