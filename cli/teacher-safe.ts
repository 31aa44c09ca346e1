// The corpus's word filter: a text with a word of badwords-list (a profanity list; lower case, a few
// entries are phrases) is one a teacher would not project. Used at build time and by the CLI only.
import badWords from 'badwords-list';

const badSingle = new Set((badWords.array as string[]).filter((w) => !w.includes(' ')));
const badPhrases = (badWords.array as string[]).filter((w) => w.includes(' '));

export function isProfane(text: string): boolean {
  const lower = text.toLowerCase();
  const words = ` ${lower.split(/[^a-z0-9!@$+_-]+/).join(' ')} `;
  // Phrases match whole words: the list's "s hit" must not catch "Louis hit a bump".
  return lower.split(/[^a-z0-9!@$+_-]+/).some((w) => badSingle.has(w)) || badPhrases.some((ph) => words.includes(` ${ph} `));
}
