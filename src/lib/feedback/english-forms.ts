// English word forms a labeler needs to recognise a word however it is written: a verb's
// inflections (help, helps, helped, helping) and a noun's plural (puppy, puppies). Plain rules
// plus the irregular words a children's story is likely to use; not a full morphology.

/** Past tense and participle of irregular verbs (the -s and -ing forms still follow the rules). */
const IRREGULAR_PAST: Record<string, string[]> = {
  bite: ['bitten'], // "bit" is left out: "a bit" is far more common than the verb
  break: ['broke', 'broken'], bring: ['brought'], buy: ['bought'], catch: ['caught'], do: ['did', 'done'],
  feed: ['fed'], feel: ['felt'], forget: ['forgot', 'forgotten'], forgive: ['forgave', 'forgiven'], get: ['got', 'gotten'],
  give: ['gave', 'given'], go: ['went', 'gone'], hit: ['hit'], hold: ['held'], keep: ['kept'], leave: ['left'], lend: ['lent'],
  let: ['let'], make: ['made'], put: ['put'], run: ['ran'], say: ['said'], see: ['saw', 'seen'], shut: ['shut'],
  sit: ['sat'], spit: ['spat'], stand: ['stood'], steal: ['stole', 'stolen'], stick: ['stuck'], sting: ['stung'],
  swing: ['swung'], take: ['took', 'taken'], teach: ['taught'], tell: ['told'], throw: ['threw', 'thrown'],
  wake: ['woke', 'woken'], win: ['won'], write: ['wrote', 'written'],
};

/** One-syllable consonant-vowel-consonant verbs double the last letter: hug → hugged, hugging. */
const doubles = (v: string): boolean => /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(v);

function thirdPerson(v: string): string {
  if (/(s|sh|ch|x|z|o)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}

function regularPast(v: string): string {
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  if (doubles(v)) return `${v}${v.at(-1)}ed`;
  return `${v}ed`;
}

function presentParticiple(v: string): string {
  if (v.endsWith('ie')) return `${v.slice(0, -2)}ying`;
  if (/[^aeioy]e$/.test(v)) return `${v.slice(0, -1)}ing`;
  if (doubles(v)) return `${v}${v.at(-1)}ing`;
  return `${v}ing`;
}

/** Every form of a verb, lower case: base, -s, past (and participle), -ing. */
export function verbForms(base: string): string[] {
  const v = base.toLowerCase();
  const past = IRREGULAR_PAST[v] ?? [regularPast(v)];
  return [...new Set([v, thirdPerson(v), ...past, presentParticiple(v)])];
}

const IRREGULAR_PLURAL: Record<string, string> = {
  mouse: 'mice', goose: 'geese', child: 'children', man: 'men', woman: 'women', tooth: 'teeth', foot: 'feet',
  person: 'people', ox: 'oxen', louse: 'lice', die: 'dice', potato: 'potatoes', tomato: 'tomatoes', hero: 'heroes',
  volcano: 'volcanoes', mosquito: 'mosquitoes', calf: 'calves', half: 'halves', leaf: 'leaves', loaf: 'loaves',
  wolf: 'wolves', elf: 'elves', shelf: 'shelves', knife: 'knives', life: 'lives', wife: 'wives', thief: 'thieves',
  scarf: 'scarves',
};
/** Nouns whose plural is the same word. */
const SAME_PLURAL = new Set(['sheep', 'deer', 'fish', 'moose', 'bison', 'salmon', 'trout', 'cod', 'aircraft', 'series']);

function pluralWord(w: string): string {
  if (SAME_PLURAL.has(w)) return w;
  if (IRREGULAR_PLURAL[w]) return IRREGULAR_PLURAL[w];
  if (/(s|sh|ch|x|z)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  return `${w}s`;
}

/**
 * The plural of a noun or a noun phrase: its head word changes ("teddy bear" → "teddy bears",
 * "box of crayons" → "boxes of crayons").
 */
export function pluralOf(noun: string): string {
  const words = noun.trim().toLowerCase().split(/\s+/);
  const of = words.indexOf('of');
  const head = of > 0 ? of - 1 : words.length - 1;
  words[head] = pluralWord(words[head]);
  return words.join(' ');
}
