// Training windows written as they are read: each window starts at a random place inside a random
// story of the world and runs on through the stories after it (BOS story EOS, BOS story EOS, ...),
// so no corpus is held in memory and no story need ever repeat. Held-out text is another range
// of story indices of the same world, never drawn for training.
import { BOS, EOS, type Tokenizer } from '../model/tokenizer';
import { HELDOUT_FIRST_STORY, writeStory } from '../storyworld/story-world';
import type { Rng } from '../util/rng';
import type { WindowSource } from './window-source';

export interface StoryWorldText {
  /** The world's seed: which stories there are. */
  worldSeed: number;
  /** Stories a filter turned away (a word a teacher would not project); it reads every story. */
  rejected: number;
}

export class StoryWorldWindows implements WindowSource, StoryWorldText {
  readonly tokenCount = null;
  rejected = 0;

  /**
   * `keep`: a filter every story passes before it is trained on (the corpus's word filter);
   * `onStory`: told each story index a window reads (to replay which stories a run saw).
   */
  constructor(
    readonly tokenizer: Tokenizer,
    readonly worldSeed: number,
    private readonly keep: (text: string) => boolean = () => true,
    private readonly onStory?: (index: number, text: string) => void,
  ) {}

  private storyTokens(index: number): number[] {
    const { text } = writeStory(this.worldSeed, index);
    if (!this.keep(text)) {
      this.rejected++;
      return [];
    }
    this.onStory?.(index, text);
    return [BOS, ...this.tokenizer.encode(text), EOS];
  }

  windows(batchSize: number, T: number, rng: Rng): number[][] {
    return Array.from({ length: batchSize }, () => {
      // A window walks on through the stories after its first: start 2^20 short of the held-out range.
      let index = rng.int(HELDOUT_FIRST_STORY - 2 ** 20);
      const first = this.storyTokens(index);
      const start = rng.int(Math.max(1, first.length));
      const out = first.slice(start);
      while (out.length < T + 1) out.push(...this.storyTokens(++index));
      return out.slice(0, T + 1);
    });
  }
}

/** Training stories' text, one per line (for a tokenizer to learn from): stories 0..count-1. */
export function storyWorldTrainingText(worldSeed: number, chars: number): string {
  const lines: string[] = [];
  let total = 0;
  for (let i = 0; total < chars; i++) {
    const { text } = writeStory(worldSeed, i);
    lines.push(text);
    total += text.length + 1;
  }
  return lines.join('\n');
}

/** Held-out stories' text, one per line: never drawn by StoryWorldWindows. */
export function storyWorldHeldoutText(worldSeed: number, count: number): string {
  return Array.from({ length: count }, (_, i) => writeStory(worldSeed, HELDOUT_FIRST_STORY + i).text).join('\n');
}
