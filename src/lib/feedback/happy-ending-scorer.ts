// The "happy ending" labeler: how the story leaves its characters, read as VADER's compound
// sentiment of the last two sentences only, so a happy start does not buy a sad ending. Two, not
// one: the last line is often short ("And everyone was happy.") and the one before carries the
// outcome ("At last, Tom found his kite."). A cut-off sample's last fragment is a sentence too.
import vader from 'vader-sentiment';
import type { Scorer } from './labelers';
import { splitSentences } from './sentences';

/** How many sentences from the end the labeler reads. */
export const ENDING_SENTENCES = 2;

/** The last sentences of a text, as the labeler reads them. */
export function endingOf(text: string, sentences = ENDING_SENTENCES): string {
  return splitSentences(text).slice(-sentences).join(' ');
}

/** VADER's compound sentiment of the ending, in [-1, 1]; 0 for an empty text. */
export const happyEndingScorer: Scorer = {
  name: 'happy ending',
  score: (text) => vader.SentimentIntensityAnalyzer.polarity_scores(endingOf(text)).compound,
};
