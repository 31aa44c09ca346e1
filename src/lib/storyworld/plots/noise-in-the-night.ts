// A noise in the night or a bad dream: a child in bed hears a strange sound (and it turns out to be
// an owl, a branch, the old clock) or dreams of a dragon. Brave: gets up to look, or tells the dream
// it is only a dream; fearful: hides under the covers, screams, runs. Kind: a brother, sister or
// grown-up comforts; unkind: they laugh, grumble and shout. Happy: sleep and a sunny morning; sad:
// a long, frightened, tired night.
import { he, him, his, himself } from '../cast';
import type { Plot } from '../plot';
import { addLines, opener, refs, sibling } from './words-b';

/** A night noise: the sound, where it comes from, what it really is, and a goodnight for the end. */
interface Noise {
  sound: string;
  from: string;
  is: string;
  bye: string;
}
const NOISES: Record<string, Noise> = {
  owl: { sound: 'Hoo! Hoo!', from: 'outside the window', is: 'a little owl sitting on the fence, blinking its big round eyes', bye: 'The owl hooted softly, as if to say goodnight' },
  cat: { sound: 'Scratch, scratch!', from: 'the back door', is: 'the cat from next door, who wanted to come in out of the cold', bye: 'The cat curled up on the mat and purred' },
  branch: { sound: 'Tap, tap, tap!', from: 'the window', is: 'a branch of the old tree, tapping on the glass in the wind', bye: 'The branch tapped gently, like a friend saying goodnight' },
  mouse: { sound: 'Squeak, scritch, scratch!', from: 'inside the wall', is: 'a tiny mouse, nibbling a cookie crumb by its hole', bye: 'The mouse squeaked and ran home to its bed' },
  clock: { sound: 'Tick, tock, bong!', from: 'downstairs', is: 'the big old clock in the hall, striking midnight', bye: 'The clock went tick, tock, slow and sleepy' },
  frog: { sound: 'Croak! Croak!', from: 'under the window', is: 'a fat green frog, sitting by the garden pond', bye: 'The frog croaked one last time and hopped away' },
  wind: { sound: 'Whoo! Whoo!', from: 'the chimney', is: 'the wind, whistling down the chimney', bye: 'The wind hummed a soft song in the chimney' },
  fox: { sound: 'Clatter, bang!', from: 'the garbage cans outside', is: 'a hungry fox, knocking the lid off a garbage can', bye: 'The fox trotted off into the night with a crust of bread' },
  dog: { sound: 'Thump, thump, thump!', from: 'the stairs', is: 'the old family dog, wagging its tail against the steps', bye: 'The dog flopped down on the rug and began to snore' },
};

/** A dream creature, and what it did in the dream. */
const DREAMS: Record<string, { did: readonly string[]; where: readonly string[] }> = {
  dragon: { did: ['a big green dragon was chasing', 'a huge dragon with smoky breath was flying after'], where: ['a dark forest', 'a spooky castle', 'the clouds'] },
  monster: { did: ['a hairy purple monster was following', 'a huge monster with ten eyes was creeping after'], where: ['a long, dark tunnel', 'a spooky castle', 'a dark forest'] },
  wolf: { did: ['a big gray wolf was chasing', 'a howling wolf was running after'], where: ['a dark forest', 'the deep snow', 'a long, dark tunnel'] },
  giant: { did: ['a giant with great stomping boots was chasing', 'a giant as tall as a house was looking for'], where: ['a field of tall corn', 'a spooky castle', 'the streets of the town'] },
  shark: { did: ['a shark with a big grin was swimming after', 'a huge shark was following'], where: ['deep, cold water', 'a dark, stormy sea'] },
};

export const noiseInTheNight: Plot = {
  id: 'noise-in-the-night',
  title: 'A noise in the night',
  topics: [...Object.keys(NOISES), ...Object.keys(DREAMS)],
  hasFear: true,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const noise = NOISES[topic];
    const dream = DREAMS[topic];
    const hero = s.child();
    const grown = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa']));
    const sib = s.child();
    const P = refs([hero, grown, sib]);
    const H = hero.called;
    const G = grown.called;
    const B = sib.called;
    const teddy = s.pick(['teddy bear', 'toy rabbit', 'stuffed elephant', 'soft blanket']);

    const shared = s.chance(0.5);
    s.add(opener(s, hero, shared ? ` who shared a bedroom with ${his(hero)} ${sibling(sib)}, ${sib.name}` : s.pick(['', ` who slept with a ${teddy} every night`])));
    s.add(s.one(
      () => `One night, ${G} read ${H} a story, tucked ${him(hero)} in and turned off the light`,
      () => s.kind ? `At bedtime, ${G} gave ${H} a kiss and said, "Sleep tight."` : `At bedtime, ${G} said, "Lights out now, and no fussing!"`,
      () => `It was late, and the whole house was dark and quiet`,
    ));
    if (!shared) s.add(`${whose(H)} little ${sibling(sib)}, ${B}, was asleep in the other bed`);

    if (noise) {
      addLines(s, `Then ${H} heard a sound: "${noise.sound}"`);
      s.add(s.one(
        () => `It came from ${noise.from}`,
        () => `It was coming from ${noise.from}, and then it came again`,
      ));
      s.add(s.one(
        () => `${H} pulled the blanket up to ${his(hero)} chin and wondered if it was a monster`,
        () => `${whose(H)} heart beat fast, and ${he(hero)} held ${his(hero)} breath`,
        () => `${H} lay very still, and ${his(hero)} eyes went wide in the dark`,
      ));
    } else {
      s.add(s.one(() => `That night, ${H} had a bad dream`, () => `Soon ${H} was asleep, but ${he(hero)} had a scary dream`));
      s.add(`In the dream, ${s.pick(dream.did)} ${him(hero)} through ${s.pick(dream.where)}`);
      s.add(s.one(
        () => `${H} woke up with a jump, and ${his(hero)} heart was pounding`,
        () => `${H} sat up in bed, hot and shaky, and the room was very dark`,
      ));
    }

    // Bravery.
    let ran = false;
    if (s.brave) {
      if (noise) {
        s.add(s.one(
          () => `${H} took a deep breath, picked up ${his(hero)} flashlight and tiptoed to look`,
          () => `${H} was scared, but ${he(hero)} climbed out of bed to find out what it was`,
        ));
        s.add(`It was only ${noise.is}`);
      } else {
        s.add(`${H} told ${himself(hero)}, "${s.pick([`It was only a dream. Dreams can't hurt me.`, `That ${topic} is not real. I'm safe in my own bed.`])}"`);
        s.add(s.one(
          () => `${P.he(hero)} turned on the little lamp and hugged ${his(hero)} ${teddy}`,
          () => `${P.he(hero)} shut ${his(hero)} eyes and pictured the ${topic} wearing a silly hat, and ${he(hero)} almost laughed`,
        ));
      }
    } else {
      ran = s.chance(0.33);
      s.add(ran
        ? `${H} screamed and ran all the way to ${whose(G)} room`
        : s.one(
            () => `${H} hid under the covers and did not move`,
            () => `${H} curled up into a ball under the blanket and cried`,
          ));
      if (s.chance(0.5)) s.add(noise ? `${P.he(hero)} was too scared to go and look` : `${P.he(hero)} would not close ${his(hero)} eyes again`);
    }

    // Kindness.
    if (s.kind) {
      const helper = ran || s.chance(0.5) ? grown : sib;
      s.add(helper === sib
        ? `${B} climbed out of bed and held ${whose(H)} hand`
        : ran
          ? `${G} gave ${H} a big hug and carried ${him(hero)} back to bed`
          : s.one(
              () => `${G} came in, sat on the bed and stroked ${whose(H)} hair`,
              () => `${G} came and gave ${H} a hug, and sang a soft song until ${H} felt calm`,
            ));
      if (noise && !s.brave) s.add(`${G} went to look for ${him(hero)}, and it was only ${noise.is}`);
      else s.say(helper, s.pick(noise
        ? [`You're safe. I'm right here`, `Everyone hears funny noises at night`, `Don't worry. I'll stay with you`]
        : [`It was only a dream. You're safe now`, `Bad dreams can't hurt you. I'm right here`, `Don't worry. I'll stay with you`]));
    } else {
      const grump = ran || s.chance(0.5) ? grown : sib;
      s.add(grump === sib
        ? `${B} threw a pillow at ${H} and said, "Be quiet, baby!"`
        : ran ? `${G} was grumpy and cross at being woken up, and ${he(grown)} shouted at ${H}` : `${G} came in, grumpy and cross, and shouted at ${H}`);
      s.say(grump, s.pick([`Go back to sleep and stop being silly!`, `You woke me up! Stop your crying!`, `There's nothing there, you scaredy-cat`]), s.pick(['snapped', 'grumbled', 'shouted']));
      if (noise && !s.brave) s.add(`Nobody went to look, so ${H} never knew it was only ${noise.is}`);
    }

    // The ending.
    if (s.happy) {
      s.add(noise
        ? !s.brave && !s.kind ? `At last, the ${topic} went quiet` : s.pick([noise.bye, `${H} smiled, because it was only the ${topic} after all`])
        : s.pick([`The ${topic} never came back that night`, `${H} had a new dream, about a friendly ${topic} and a picnic`]));
      s.add(s.one(
        () => `${H} snuggled down with a smile and slept soundly until the sun came up`,
        () => `In the morning, ${H} woke up happy, and the sun was shining`,
        () => `Soon ${H} was fast asleep with a happy smile`,
      ));
    } else {
      s.add(noise
        ? s.pick([`The ${topic} came back again and again, all night long`, `Even after the ${topic} went quiet, every little sound made ${H} jump`])
        : s.pick([`The ${topic} came back every time ${H} closed ${his(hero)} eyes`, `${H} was scared that the ${topic} would come back`]));
      s.add(s.one(
        () => `${H} did not sleep all night, and in the morning ${he(hero)} was tired and miserable`,
        () => `It was a long, dark, lonely night`,
        () => `In the morning, ${H} was grumpy and sad, with dark rings under ${his(hero)} eyes`,
      ));
    }
  },
};

const whose = (called: string): string => `${called}'s`;
