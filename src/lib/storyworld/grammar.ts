// Small English helpers the story templates share: articles, capitals, lists.

/** "a" or "an" before a word, by its first sound as spelled (enough for a child's vocabulary). */
export function article(word: string): 'a' | 'an' {
  const w = word.toLowerCase();
  if (/^(hour|honest|honou?r)/.test(w)) return 'an';
  if (/^(uni|use|one|eu)/.test(w)) return 'a';
  return /^[aeiou]/.test(w) ? 'an' : 'a';
}

/** "a dog", "an apple". */
export const a = (noun: string): string => `${article(noun)} ${noun}`;

/** First letter upper-case. */
export const cap = (text: string): string => (text ? text[0].toUpperCase() + text.slice(1) : text);

/** "x", "x and y", "x, y and z". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Regular plural of a noun, with the common exceptions a children's vocabulary meets. */
export function plural(noun: string): string {
  const irregular: Record<string, string> = {
    mouse: 'mice', goose: 'geese', sheep: 'sheep', fish: 'fish', deer: 'deer', child: 'children',
    foot: 'feet', tooth: 'teeth', person: 'people', leaf: 'leaves', wolf: 'wolves', loaf: 'loaves',
    knife: 'knives', shelf: 'shelves', scarf: 'scarves',
  };
  const words = noun.split(' ');
  const last = words[words.length - 1];
  const out = irregular[last] ?? (/(s|x|z|ch|sh)$/.test(last) ? `${last}es` : /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`);
  return [...words.slice(0, -1), out].join(' ');
}
