// The corpus's word filter: a text with a word of badwords-list (a profanity list; lower case, a few
// entries are phrases) is one a teacher would not project. Used at build time and by the CLI only.
import badWords from 'badwords-list';

const badSingle = new Set((badWords.array as string[]).filter((w) => !w.includes(' ')));
const badPhrases = (badWords.array as string[]).filter((w) => w.includes(' '));

export function isProfane(text: string): boolean {
  const lower = text.toLowerCase();
  // Phrases match anywhere, as when the bundled corpus was built (so it rebuilds byte for byte):
  // the list's "s hit" catches "Louis hit a bump", and the story world's plots avoid such joins.
  return lower.split(/[^a-z0-9!@$+_-]+/).some((w) => badSingle.has(w)) || badPhrases.some((ph) => lower.includes(ph));
}
