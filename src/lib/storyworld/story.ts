// The page a plot writes on: the seeded random choices, the story's traits and cast, and the
// sentences so far. Plots call `add` with whole sentences and `say` for dialogue; the page fixes
// capitals and the punctuation of quotations, so templates stay short.
import type { Rng } from '../util/rng';
import { type Character, type Sex } from './cast';
import { cap } from './grammar';
import { ANIMAL_NAMES, BOY_NAMES, FAMILY, GIRL_NAMES, TOWN_GROWNUPS, speciesByName, type Species } from './lexicon';
import type { StoryTraits } from './traits';

export class Story {
  readonly sentences: string[] = [];
  private readonly usedNames = new Set<string>();

  constructor(readonly rng: Rng, readonly traits: StoryTraits) {}

  get kind(): boolean {
    return this.traits.kindness === 'kind';
  }
  get happy(): boolean {
    return this.traits.ending === 'happy';
  }
  get brave(): boolean {
    return this.traits.bravery === 'brave';
  }
  get honest(): boolean {
    return this.traits.honesty === 'honest';
  }

  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('Expected something to pick from');
    return items[this.rng.int(items.length)];
  }
  /** Draws one of several template functions and runs it (only the chosen one is built). */
  one(...choices: Array<() => string>): string {
    return this.pick(choices)();
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  /** k different items of the pool, in a random order. */
  some<T>(items: readonly T[], k: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < k && pool.length) out.push(pool.splice(this.rng.int(pool.length), 1)[0]);
    return out;
  }

  /** Appends sentences; each gets a capital first letter and a full stop if it has no end mark. */
  add(...sentences: string[]): void {
    for (const s of sentences) {
      const t = s.trim();
      if (!t) continue;
      this.sentences.push(cap(/[.!?]"?$/.test(t) ? t : `${t}.`));
    }
  }

  /**
   * A line of dialogue in one of the usual shapes: `"Line," said X.`, `X said, "Line."`,
   * `"Line!" X shouted.` The line keeps its own end mark; a statement's full stop becomes a comma
   * when the speaker comes after it.
   */
  say(speaker: Character, line: string, verb?: string): void {
    const l = cap(line.trim());
    const mark = /[!?]$/.test(l) ? l.slice(-1) : '.';
    const body = /[.!?]$/.test(l) ? l.slice(0, -1) : l;
    // Not "cried" for an exclamation: it also reads as weeping (and a sentiment reader hears it so).
    const v = verb ?? (mark === '?' ? 'asked' : mark === '!' ? this.pick(['shouted', 'called', 'said']) : 'said');
    const who = speaker.called;
    const shape = this.rng.int(3);
    // "said Lily" reads; "said with a smile Lily" does not: a verb of more words keeps the name first.
    if (shape === 0 && !v.includes(' ')) this.add(`"${body}${mark === '.' ? ',' : mark}" ${v} ${who}.`);
    else if (shape === 1 || shape === 0) this.add(`${who} ${v}, "${body}${mark}"`);
    else this.add(`"${body}${mark === '.' ? ',' : mark}" ${who} ${v}.`);
  }

  text(): string {
    return this.sentences.join(' ');
  }

  // --- the cast: every name is used once per story, so "Tom" is always the same Tom ---

  private freshName(pool: readonly string[]): string {
    for (let tries = 0; tries < 50; tries++) {
      const n = this.pick(pool);
      // "Rose" is not free while "Dr. Rose" is in the story, nor "Bea" beside "Aunt Bea".
      if (![...this.usedNames].some((u) => u === n || u.split(' ').includes(n))) {
        this.usedNames.add(n);
        return n;
      }
    }
    throw new Error('Ran out of fresh names');
  }

  /** A named child; sex drawn unless given. */
  child(sex?: Sex): Character {
    const s = sex ?? (this.chance(0.5) ? 'f' : 'm');
    const name = this.freshName(s === 'f' ? GIRL_NAMES : BOY_NAMES);
    return { name, called: name, sex: s, kind: 'child' };
  }

  /** A named animal of the species. */
  animal(species: string, sex?: Sex): Character & { species: string } {
    speciesByName(species);
    const s = sex ?? (this.chance(0.5) ? 'f' : 'm');
    const name = this.freshName(ANIMAL_NAMES);
    return { name, called: name, sex: s, kind: 'animal', species };
  }

  /** A family grown-up of `child`, narrated as "her mom" and addressed as "Mom". */
  family(child: Character, role?: (typeof FAMILY)[number]['role']): Character {
    const f = role ? FAMILY.find((x) => x.role === role)! : this.pick(FAMILY);
    this.usedNames.add(f.name);
    const owner = child.sex === 'f' ? 'her' : 'his';
    return { name: f.name, called: `${owner} ${f.role}`, sex: f.sex, kind: 'grownup', role: f.role };
  }

  /** A grown-up of the town: "Miss Green", the teacher. */
  townGrownup(role?: string): Character {
    // "Farmer Dan" is not free beside a child called Dan.
    const unused = TOWN_GROWNUPS.filter((x) => !this.usedNames.has(x.name) && !x.name.split(' ').some((part) => this.usedNames.has(part)));
    const ofRole = role ? unused.filter((g) => g.role === role) : unused;
    // A second grown-up of a role the town has only one of: another grown-up of the town.
    const g = this.pick(ofRole.length ? ofRole : unused);
    this.usedNames.add(g.name);
    return { name: g.name, called: g.name, sex: g.sex, kind: 'grownup', role: g.role };
  }

  species(c: Character): Species {
    if (!c.species) throw new Error(`${c.name} is not an animal`);
    return speciesByName(c.species);
  }
}
