// A plot shape: one kind of story ("losing and finding", "a new friend"), written by a function
// that reads the traits already chosen and makes them show in what happens and how it is told.
import type { Story } from './story';

export interface Plot {
  /** Stable id, kept in the traits ("lost-and-found"). */
  id: string;
  /** Plain-words name for reports ("Losing and finding"). */
  title: string;
  /** The animals or things a story of this shape can be about; the topic is drawn from these. */
  topics: readonly string[];
  /** Whether the plot has a fear to face (then bravery is drawn) and a lie or truth (honesty). */
  hasFear: boolean;
  hasLie: boolean;
  /** Writes the story (3–15 sentences) onto the page; the topic is `s.traits.topic`. */
  write(s: Story): void;
}
