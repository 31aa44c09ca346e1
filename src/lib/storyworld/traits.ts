// What a story means, chosen before a word of it is written. The traits travel beside the text as
// metadata (for simulated labelers' validation and for analysis); they never appear in the text.

export type Kindness = 'kind' | 'unkind';
export type Ending = 'happy' | 'sad';
export type Bravery = 'brave' | 'fearful';
export type Honesty = 'honest' | 'dishonest';

export interface StoryTraits {
  /** The plot shape's id ("lost-and-found"). */
  plot: string;
  /** Whether the characters help, share, thank and comfort, or grab, mock, push and ignore. */
  kindness: Kindness;
  /** Whether the last lines leave the characters better off or worse. */
  ending: Ending;
  /** Only where the plot has a fear in it: faced or run from. */
  bravery: Bravery | null;
  /** Only where the plot has a lie or a truth in it. */
  honesty: Honesty | null;
  /** The animal or thing the story is about ("dog", "kite"). */
  topic: string;
}

export interface WrittenStory {
  text: string;
  traits: StoryTraits;
}
