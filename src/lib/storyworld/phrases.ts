// Lines many plots share: openings, the weather, how a feeling shows, and the small kind and unkind
// acts that make a story's kindness visible. Each takes the page and returns a sentence (or adds it).
import { his, type Character } from './cast';
import { a } from './grammar';
import { HAPPY_FEELINGS, SAD_FEELINGS, TIMES, WEATHER } from './lexicon';
import type { Story } from './story';

/** Introduces a child or animal: "Once upon a time, there was a little girl named Lily." */
export function introduce(s: Story, c: Character, extra = ''): string {
  // Neutral words only: "a kind boy" would give away (or contradict) the story's kindness.
  const who = c.kind === 'animal' ? `${s.pick(['little', 'young', 'small', 'curious'])} ${c.species}` : `${s.pick(['little', 'young', 'curious', 'small'])} ${c.sex === 'f' ? 'girl' : 'boy'}`;
  return s.one(
    () => `Once upon a time, there was ${a(who)} named ${c.name}${extra}`,
    () => `There was once ${a(who)} called ${c.name}${extra}`,
    () => `${c.name} was ${a(who)}${extra}`,
    () => `Once there was ${a(who)} named ${c.name}${extra}`,
  );
}

/** "One sunny morning" and the like, to start the action. */
export const when = (s: Story): string => s.pick(TIMES);

/** A line of weather, sometimes. */
export function weatherLine(s: Story): string {
  const w = s.pick(WEATHER);
  return `${w.line}${s.chance(0.5) ? ` and the birds were ${s.pick(['singing', 'calling', 'chirping'])}` : ''}`;
}

/** How someone feels, shown: "Lily felt happy." / "Tom was very sad." */
export function feels(s: Story, c: Character, good: boolean): string {
  const f = s.pick(good ? HAPPY_FEELINGS : SAD_FEELINGS);
  return s.one(
    () => `${c.called} felt ${f}`,
    () => `${c.called} was very ${f}`,
    () => `${c.called} felt ${f} inside`,
    () => (good ? `${c.called} smiled a big smile` : `${c.called} began to cry`),
  );
}

/** The closing line of a happy or a sad story. */
export function closing(s: Story, who: Character[], happy: boolean): string {
  const names = who.length === 1 ? who[0].called : `${who.slice(0, -1).map((c) => c.called).join(', ')} and ${who[who.length - 1].called}`;
  const friends = who.length > 1 && who.every((c) => c.kind !== 'grownup');
  return happy
    ? s.one(
        () => `From that day on, ${names} ${friends ? 'were the best of friends' : who.length > 1 ? 'were very happy' : 'was happy'}`,
        () => `${names} ${who.length > 1 ? 'laughed together all the way home' : 'went home with a big smile'}`,
        () => `It was the best day ever`,
        () => `And everyone was happy`,
        () => `That night, ${names} slept well, full of joy`,
      )
    : s.one(
        () => `${names} went home sad`,
        () => `It was a sad day for ${names}`,
        () => `${names} never forgot that bad day`,
        () => `That night, ${names} could not sleep`,
        () => `After that, nothing was the same`,
      );
}

/** A kind or an unkind act of `doer` toward `other`, by the story's kindness. */
export function kindOrUnkindAct(s: Story, doer: Character, other: Character, thing: string): string {
  return s.kind
    ? s.one(
        () => `${doer.called} shared ${his(doer)} ${thing} with ${other.called}`,
        () => `${doer.called} helped ${other.called} with the ${thing}`,
        () => `${doer.called} gave ${other.called} a hug`,
        () => `${doer.called} thanked ${other.called} with a smile`,
      )
    : s.one(
        () => `${doer.called} grabbed the ${thing} from ${other.called}`,
        () => `${doer.called} laughed at ${other.called} and called ${other.sex === 'f' ? 'her' : 'him'} silly`,
        () => `${doer.called} pushed ${other.called} away`,
        () => `${doer.called} ignored ${other.called} and walked away`,
      );
}
