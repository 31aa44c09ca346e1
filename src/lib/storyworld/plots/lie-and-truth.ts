// A lie and the truth: a child breaks something a grown-up loves, or eats the treats that were
// meant for later, and is asked who did it. Honest: owns up; dishonest: lies and keeps lying.
// Kind: gentle words, thanks and help; unkind: shouting, blaming, laughing at someone in trouble.
// Happy: it is mended or made again; sad: it is gone, and the day ends in tears.
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { ANY_TIMES, bond, opener, refs, sibling } from './words-b';

/** Things on a shelf that break: a look, where they stand. */
const BREAKABLE: Record<string, { adj: readonly string[]; where: readonly string[] }> = {
  vase: { adj: ['blue', 'tall', 'glass', 'flowery', 'white'], where: ['on the shelf', 'on the little table by the window'] },
  lamp: { adj: ['yellow', 'tall', 'pretty', 'green'], where: ['on the table by the sofa', 'in the corner of the living room'] },
  teapot: { adj: ['round', 'flowery', 'white', 'spotty'], where: ['on the kitchen shelf', 'on the tea tray'] },
  'snow globe': { adj: ['little', 'sparkly', 'glass'], where: ['on the window sill', 'on the shelf by the stairs'] },
  'flower bowl': { adj: ['blue', 'painted', 'big'], where: ['in the middle of the table', 'on the shelf'] },
  clock: { adj: ['old', 'wooden', 'gold'], where: ['on the shelf', 'above the fireplace'] },
};

/** Treats that get eaten: how they were made, and what gives the eater away. */
const TREATS: Record<string, { made: readonly string[]; dish: string; again: string; mark: readonly string[] }> = {
  cookies: { made: ['baked a big plate of cookies', 'made a plate of chocolate chip cookies'], dish: 'plate', again: 'baked a new batch of cookies', mark: ['crumbs on', 'chocolate on'] },
  cupcakes: { made: ['baked a plate of cupcakes with pink icing', 'made a plate of cupcakes with sprinkles'], dish: 'plate', again: 'baked some new cupcakes', mark: ['icing on', 'sprinkles on'] },
  muffins: { made: ['baked a basket of blueberry muffins', 'filled a basket with warm muffins'], dish: 'basket', again: 'baked a new batch of muffins', mark: ['crumbs on', 'blue smudges on'] },
  strawberries: { made: ['picked a bowl of red strawberries', 'filled a bowl with sweet strawberries'], dish: 'bowl', again: 'picked more strawberries in the garden', mark: ['red juice on', 'a red smudge on'] },
  chocolates: { made: ['bought a little box of chocolates', 'got a pretty box of chocolates'], dish: 'box', again: 'bought a new box of chocolates', mark: ['chocolate on', 'a brown smudge on'] },
  cherries: { made: ['picked a bowl of cherries from the tree', 'filled a bowl with shiny cherries'], dish: 'bowl', again: 'picked more cherries from the tree', mark: ['red juice on', 'a red spot on'] },
};

/** What the treats were for, and how the story comes back to it. */
const OCCASIONS: ReadonlyArray<readonly [string, string]> = [
  ['for the picnic', 'At the picnic'], ['for the party', 'At the party'], ['for the birthday party', 'At the birthday party'],
  ['for the school fair', 'At the school fair'], ['for the new neighbors', 'When the new neighbors came'], ['for after dinner', 'After dinner'],
];

export const lieAndTruth: Plot = {
  id: 'lie-and-truth',
  title: 'A lie and the truth',
  topics: [...Object.keys(BREAKABLE), ...Object.keys(TREATS)],
  hasFear: false,
  hasLie: true,
  write(s) {
    const hero = s.child();
    const grown = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa', 'aunt', 'uncle']));
    const sib = s.child();
    const pet = s.chance(0.5) ? s.animal(s.pick(['dog', 'cat', 'puppy', 'kitten'])) : null;
    const topic = s.traits.topic;
    const broken = BREAKABLE[topic];
    const treat = TREATS[topic];
    const [forWhat, atWhat] = s.pick(OCCASIONS);
    const P = refs(pet ? [hero, grown, sib, pet] : [hero, grown, sib]);
    const H = hero.called;
    const G = grown.called;

    s.add(opener(s, hero, s.pick(['', ' who had lots of energy', ' who liked to climb on everything', ' who loved sweet things'])));
    if (!pet && s.chance(0.5)) s.add(bond(s, hero, sib));
    else s.add(`${H} lived with ${G} and ${his(hero)} ${sibling(sib)}, ${sib.name}${pet ? `, and a ${pet.species} named ${pet.name}` : ''}`);

    if (broken) {
      s.add(s.one(
        () => `${G} had ${a(`${s.pick(broken.adj)} ${topic}`)} ${s.pick(broken.where)}`,
        () => `${s.pick(broken.where).replace(/^./, (c) => c.toUpperCase())} stood ${whose(G)} ${s.pick(broken.adj)} ${topic}`,
      ));
      if (s.chance(0.6)) s.add(s.one(
        () => `${P.he(grown)} loved it, because it was a present from ${his(grown)} own mother`,
        () => `The ${topic} was very old and very special`,
        () => `"Please be careful near my ${topic}," ${G} always said`,
      ));
      s.add(s.one(
        () => `${s.pick(ANY_TIMES)}, ${H} was playing ball in the house, even though it was not allowed`,
        () => `${s.pick(ANY_TIMES)}, ${H} climbed on a chair to reach a toy on the shelf`,
        () => pet ? `${s.pick(ANY_TIMES)}, ${H} was chasing ${pet.name} around the room` : `${s.pick(ANY_TIMES)}, ${H} was hopping around the room like a frog`,
        () => `${s.pick(ANY_TIMES)}, ${H} was dancing around the room with a long scarf`,
      ));
      if (s.chance(0.5)) s.add(s.pick(['Crash!', 'Smash!', 'Oh no!']));
      s.add(`The ${topic} fell to the floor and broke into ${s.pick(['three', 'four', 'many', 'little'])} pieces`);
    } else {
      s.add(`${s.pick(ANY_TIMES)}, ${G} ${s.pick(treat.made)} ${forWhat}`);
      if (s.chance(0.6)) s.say(grown, s.pick([`Please don't eat the ${topic} yet`, `Those ${topic} are not for now`, `No ${topic} until later, please`]));
      s.add(s.one(
        () => `But the ${topic} looked so good, and ${H} was so hungry`,
        () => `When nobody was looking, ${H} crept into the kitchen`,
        () => `${H} looked at the ${topic}, and ${his(hero)} tummy rumbled`,
      ));
      s.add(s.one(
        () => `${P.he(hero)} ate one, then another, then another, until they were all gone`,
        () => `Soon every one of the ${topic} was gone`,
        () => `${P.he(hero)} ate them all, and only the empty ${treat.dish} was left`,
      ));
    }
    if (s.chance(0.5)) s.add(s.one(
      () => `${whose(H)} heart went thump, thump, thump`,
      () => `${H} felt hot, and ${his(hero)} hands shook`,
    ));
    s.say(grown, broken ? s.pick([`Who broke my ${topic}?`, `What was that noise? Oh, my ${topic}!`]) : s.pick([`Where did all my ${topic} go?`, `Who ate the ${topic}?`]));

    // Honesty: owning up, or lying and sticking to the lie (kind liars blame nobody; unkind ones blame someone).
    const blamed: Character | null = s.kind || s.honest ? null : pet ?? sib;
    if (s.honest) {
      if (s.chance(0.6)) s.add(s.one(() => `${H} took a deep breath`, () => `${H} looked down at ${his(hero)} shoes`, () => `${H} wanted to hide, but ${he(hero)} stepped forward`));
      s.say(hero, broken
        ? s.pick([`I did it, ${grown.name}. I broke the ${topic}. I'm sorry`, `It was me. I was not careful, and the ${topic} fell`])
        : s.pick([`I ate the ${topic}, ${grown.name}. I'm sorry`, `It was me. I ate them all`]));
    } else {
      if (blamed) s.say(hero, blamed === pet ? s.pick([`${pet!.name} did it!`, `It was ${pet!.name}, not me!`]) : s.pick([`${sib.name} did it!`, `It was ${sib.name}, not me!`]));
      else s.say(hero, broken
        ? s.pick([`I don't know. It just fell down by itself`, `Maybe the wind did it`, `It wasn't me`])
        : s.pick([`I don't know. Maybe a mouse ate them`, `It wasn't me`, `I didn't see anything`]));
      s.add(broken
        ? s.one(
            () => `${P.he(grown)} asked again, but ${H} said it was not ${him(hero)}`,
            () => `${H} did not tell the truth, even when ${G} asked again`,
          )
        : s.one(
            () => `${H} had ${s.pick(treat.mark)} ${his(hero)} chin, but ${he(hero)} still said no`,
            () => `${G} asked again, and ${H} shook ${his(hero)} head and kept on saying no`,
          ));
    }

    // Kindness: how they treat each other now.
    if (s.kind) {
      if (s.honest) s.say(grown, s.pick([`Thank you for telling me the truth`, `Thank you for being honest with me`, `I'm glad you told me`]));
      else s.say(grown, broken
        ? s.pick([`Never mind. Let's sweep up the pieces together`, `Well, accidents happen. Nobody is hurt`, `Don't worry, we will sort it out`])
        : s.pick([`Never mind. I'm not angry`, `Well, let's find something else to bring`, `Don't worry, we will sort it out`]));
      s.add(s.one(
        () => `${G} gave ${H} a hug`,
        () => `${sib.called} helped ${broken ? 'sweep up the pieces' : `wash the empty ${treat.dish}`}, and ${H} said thank you`,
        () => `${sib.called} came and held ${whose(H)} hand`,
      ));
    } else if (blamed) {
      s.add(s.one(
        () => `${G} shouted at ${blamed.called}, and ${H} just laughed`,
        () => `${G} sent ${blamed.called} out of the room, and ${H} stuck out ${his(hero)} tongue`,
      ));
      s.add(blamed === pet ? `Poor ${pet!.name} hid under the bed` : `${sib.called} cried, because ${he(sib)} had done nothing wrong`);
    } else {
      s.add(s.one(
        () => `${G} shouted at ${H}, "How many times have I told you?"`,
        () => `${G} yelled at ${H} and sent ${him(hero)} to ${his(hero)} room`,
      ));
      s.add(s.one(
        () => `${sib.called} laughed at ${H} and said, "Ha, ha! You're in trouble!"`,
        () => `${sib.called} pointed at ${H} and laughed, "Silly baby!"`,
      ));
    }

    // The ending.
    if (s.happy) {
      s.add(broken
        ? s.one(
            () => `Later, ${G} glued the ${topic} back together${s.kind ? ` with ${whose(H)} help` : ''}`,
            () => `That evening, ${G} mended the ${topic} with strong glue, and it looked almost as good as new`,
          )
        : s.one(
            () => `Later, ${G} ${treat.again}${s.kind && treat.again.startsWith('baked') ? `, and ${H} helped` : ''}`,
            () => `Then ${G} found more ${topic} in the cupboard, enough for everyone`,
          ));
      s.add(s.one(
        () => `Everyone smiled, and it was a happy evening after all`,
        () => `${broken ? `The ${topic} was back in its place, and` : `${atWhat},`} everyone laughed and had a wonderful time`,
        () => `By bedtime, the whole family was happy and cozy again`,
      ));
    } else {
      s.add(broken
        ? s.one(
            () => `The ${topic} was broken, and it could never be fixed`,
            () => `${G} tried to glue the ${topic}, but the pieces were too small`,
          )
        : s.one(
            () => `There were no ${topic} left ${forWhat}`,
            () => `There was no time to get any more ${topic}`,
          ));
      s.add(s.honest
        ? s.one(
            () => `${H} had told the truth, but ${he(hero)} still felt sad and sorry all day`,
            () => `${G} looked sad, and ${H} cried quietly in ${his(hero)} room`,
          )
        : s.one(
            () => `The lie sat heavy in ${whose(H)} tummy, and ${he(hero)} felt sad and could not sleep that night`,
            () => `${H} never told the truth, and ${he(hero)} felt bad and lonely for a long time`,
          ));
    }
  },
};

/** The possessive of a narrator's name: "Lily's", "her mom's". */
const whose = (called: string): string => `${called}'s`;
