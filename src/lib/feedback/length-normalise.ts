// Counting labelers (kind acts, topic mentions) divide by the text's length so that a long text
// does not win by length alone, yet not by the whole length: a story of twice the words with twice
// the kind acts should still count as kinder than a short one with a single act.

/** Words in a text (letters or digits, with inner apostrophes: "didn't" is one word). */
export const wordCount = (text: string): number => text.match(/[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g)?.length ?? 0;

/**
 * count / √(words/50 + 1): about a short story's length (50 words) divides by √2, 150 words by 2,
 * 750 by 4. Square root: between the raw count (longer texts win) and a rate per word (one act in a
 * ten-word fragment beats a story full of them).
 */
export const perLength = (count: number, words: number): number => count / Math.sqrt(words / 50 + 1);
