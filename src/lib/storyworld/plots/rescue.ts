// A rescue: a child finds a little animal stuck (a kitten up a tree, a duckling in a drain) or a
// friend stuck in the mud, and tries to get it out. Kind: they work together, gently, and thank
// each other; unkind: they mock, shove and grab. Happy: it is saved and goes home; sad: it is lost.
import { he, him, his, himself, type Character } from '../cast';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { addLines, ANY_TIMES, opener, refs, WARM_TIMES } from './words-b';

interface Trouble {
  where: readonly string[];
  /** How it is stuck; the i-th way of getting it out (i modulo their number) fits the i-th. */
  stuck: readonly string[];
  /** The little noise it makes, for a quoted cry: "Mew! Mew!" */
  cry: string;
  /** How it is got out: a line by the rescuers ("they"/a name), told in the past. */
  get: ReadonlyArray<(w: string) => string>;
  /** Safe again. */
  home: readonly string[];
  /** Gone for good. */
  gone: readonly string[];
}

const TROUBLES: Record<string, Trouble> = {
  kitten: {
    where: ['the park', 'the garden', 'the street by the bakery'],
    stuck: ['was stuck high up in a tall tree', 'sat on a thin branch at the top of an old oak tree', 'was stuck on the roof of the garden shed'],
    cry: 'Mew! Mew!',
    get: [(w) => `${w} fetched a ladder and climbed up slowly, step by step`, (w) => `${w} held out a soft blanket and called to the kitten softly`],
    home: ['A girl came running down the street, because it was her kitten, and she hugged it close', 'The kitten purred and rubbed its head on their hands, and they took it home to its family'],
    gone: ['But the kitten climbed higher and jumped onto a roof, and it was gone', 'But the kitten got scared, jumped into the next tree and ran away, and they never found it'],
  },
  duckling: {
    where: ['the pond', 'the road by the pond', 'the park'],
    stuck: ['had fallen into a drain by the road', 'was stuck down a deep drain, under the heavy metal bars'],
    cry: 'Peep! Peep!',
    get: [(w) => `${w} lifted the heavy bars and lowered a little fishing net`, (w) => `${w} lay down flat and reached into the drain with a soup ladle`],
    home: ['They carried the duckling back to the pond, and it swam off after its mother', 'The mother duck quacked, and the duckling paddled happily to her side'],
    gone: ['But the duckling slipped away down the dark pipe, and they could not reach it', 'But the water swept the duckling away down the drain, and they never saw it again'],
  },
  puppy: {
    where: ['the park', 'the field behind the school', 'the farm'],
    stuck: ['had its head stuck between the bars of a fence', 'had fallen into a deep hole and could not climb out'],
    cry: 'Yip! Yip!',
    get: [(w) => `${w} gently turned the puppy's head, a little this way and a little that way`, (w) => `${w} lowered a basket on a rope and called to the puppy softly`],
    home: ['The name on its collar said where it lived, so they took the puppy home, and its family cheered', 'The puppy licked their faces and wagged its tail, and its owner came running with a big smile'],
    gone: ['But the puppy wriggled loose, ran off into the woods, and did not come back', 'But the puppy was too scared to let them near, and it ran off and hid in a dark tunnel'],
  },
  'baby bird': {
    where: ['the garden', 'the park', 'the backyard'],
    stuck: ['had fallen out of its nest and was lying in the grass', 'was stuck in a prickly bush, far below its nest'],
    cry: 'Cheep! Cheep!',
    get: [(w) => `${w} picked up the baby bird very gently in a soft hat`, (w) => `${w} fetched a ladder and carefully put the baby bird back in its nest`],
    home: ['Soon the mother bird flew back with a worm, and the baby bird chirped happily in its nest', 'The mother bird came back and sat on the nest, and everyone was safe and warm'],
    gone: ['But the mother bird never came back to the nest', 'But a big cat came creeping by, and the baby bird hopped away into the bushes and was lost'],
  },
  lamb: {
    where: ['the farm', 'the field by the river', 'the meadow'],
    stuck: ['was stuck deep in the mud by the river', 'was caught in a thorny bush by the gate'],
    cry: 'Baa! Baa!',
    get: [(w) => `${w} took hold of the lamb and pulled and pulled, while the mud went slurp, slurp`, (w) => `${w} began to snap the thorny branches away, one by one`],
    home: ['The lamb ran back to its mother, and the two of them baaed happily together', 'The farmer thanked them and gave them a warm drink in the farmhouse kitchen'],
    gone: ['But the lamb kicked free, ran off into the woods, and was lost', 'But the lamb was stuck fast, and sadly they had to go home without it'],
  },
  turtle: {
    where: ['the pond', 'the path by the lake', 'the garden'],
    stuck: ['was lying on its back and could not turn over', 'had fallen into a deep hole and could not climb out'],
    cry: 'Scratch, scratch, scratch!',
    get: [(w) => `${w} slowly and gently turned the turtle over`, (w) => `${w} made a little ramp out of a flat piece of wood`],
    home: ['The turtle crawled slowly back to the pond and slid into the cool water with a happy splash', 'The turtle poked its head out, blinked, and walked off home to the pond'],
    gone: ['But the turtle had a big crack in its shell, and it had to go away to the animal doctor', 'But the turtle crawled off into the long grass, and they could not find it again'],
  },
  bunny: {
    where: ['the garden', 'the meadow', 'the vegetable patch'],
    stuck: ['was caught in the net over the vegetable patch', 'was stuck in a gap under the garden fence'],
    cry: 'Squeak! Squeak!',
    get: [(w) => `${w} snipped the net with a pair of scissors, one string at a time`, (w) => `${w} dug away the soil under the fence with a little spade`],
    home: ['The bunny hopped away to its hole under the hedge, and its brothers and sisters came out to meet it', 'The bunny twitched its nose, hopped twice, and ran home to its family'],
    gone: ['But the bunny was so frightened that it ran off limping, and they never saw it again', 'But the bunny kicked loose and ran off into the tall grass, and it was lost'],
  },
  goat: {
    where: ['the farm', 'the petting zoo', 'the field behind the barn'],
    stuck: ['had its head stuck in the fence', 'had its horns stuck in the wire of the fence'],
    cry: 'Maa! Maa!',
    get: [(w) => `${w} turned the goat's head gently, so its horns could slip through`, (w) => `${w} held out a handful of grass on the other side to help the goat wiggle back`],
    home: ['The goat skipped back to the barn, and the farmer laughed and thanked them', 'The goat bleated happily and trotted back to its friends in the field'],
    gone: ['But the goat pulled so hard that it hurt its neck, and the farmer had to take it away to the animal doctor', 'But the goat broke the fence, ran off over the hill, and was lost'],
  },
  hedgehog: {
    where: ['the garden', 'the backyard', 'the park'],
    stuck: ['had fallen into an empty pond and could not climb out', 'was tangled in an old tennis net'],
    cry: 'Snuffle, snuffle!',
    get: [(w) => `${w} reached down gently with thick garden gloves`, (w) => `${w} put a plank of wood down like a little bridge`],
    home: ['The hedgehog shuffled away under the hedge, safe and sound', 'The hedgehog sniffed the air and trotted home to its nest of leaves'],
    gone: ['But the hedgehog curled up into a tight ball and would not move, and in the morning it was gone', 'But the hedgehog had hurt its leg, and it could only limp away into the dark'],
  },
};

/** The friend in trouble: stuck, and how the friend is got out. */
const FRIEND_STUCK = [
  { stuck: 'was stuck up to the knees in thick, sticky mud', where: 'the muddy field', get: (w: string) => `${w} pulled and pulled, and with a big slurp, the boots came free`, hurt: 'one boot stayed stuck in the mud for good' },
  { stuck: 'was stuck at the very top of the climbing frame and too scared to come down', where: 'the playground', get: (w: string) => `${w} climbed up and showed where to put each foot, one step at a time`, hurt: 'there was a big bump on one knee from the climb down' },
  { stuck: 'had a foot stuck between two big rocks', where: 'the beach', get: (w: string) => `${w} wiggled the shoe and pushed a rock, and the foot slid out`, hurt: 'the foot was sore and swollen' },
  { stuck: 'was stuck in a prickly hedge after a runaway ball', where: 'the park', get: (w: string) => `${w} held back the prickly branches one by one`, hurt: 'both arms were covered in red scratches' },
] as const;

export const rescue: Plot = {
  id: 'rescue',
  title: 'A rescue',
  topics: [...Object.keys(TROUBLES), 'friend'],
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    if (topic === 'friend') return friendStuck(s);
    const tr = TROUBLES[topic];
    const hero = s.child();
    const mate: Character = s.chance(0.6) ? s.child() : s.family(hero, s.pick(['mom', 'dad', 'grandpa', 'grandma', 'uncle']));
    const P = refs([hero, mate]);
    const H = hero.called;
    const M = mate.called;
    const place = s.pick(tr.where);

    s.add(opener(s, hero, s.pick(['', ' who loved animals', ' who always looked at everything', ' who wanted to be an animal doctor'])));
    const with_ = mate.kind === 'child' ? `${his(hero)} friend ${M}` : M;
    s.add(s.one(
      () => `${s.pick([...ANY_TIMES, ...WARM_TIMES])}, ${H} went to ${place} with ${with_}`,
      () => `${s.pick([...ANY_TIMES, ...WARM_TIMES])}, ${H} and ${with_} were ${/^the (road|path|street)/.test(place) ? 'walking along' : place === 'the farm' ? 'playing on' : 'playing in'} ${place}`,
    ));
    s.add(s.one(
      () => `Suddenly, ${H} heard a little sound: "${tr.cry}"`,
      () => `${P.he(hero)} stopped, because ${he(hero)} heard a tiny cry: "${tr.cry}"`,
    ));
    const way = s.rng.int(tr.stuck.length);
    const get = tr.get[way % tr.get.length];
    s.add(`There was ${topic === 'baby bird' ? 'a baby bird' : `a little ${topic}`}, and it ${tr.stuck[way]}`);
    s.say(hero, s.pick(s.kind
      ? [`Oh no! The poor little ${topic}!`, `Look! That little ${topic} needs help!`, `We have to help the ${topic}!`]
      : [`Look at that ${topic}! It's stuck!`, `Hey, there's a ${topic} stuck over there!`]));

    if (s.kind) {
      s.say(mate, s.pick([`You're right. Let's help it together`, `Good eyes! Let's be gentle and slow`, `I will help you. We can do it`]));
      s.add(s.one(
        () => `${H} talked softly to the ${topic}, so it would not be afraid`,
        () => `${M} held ${whose(H)} hand, and they made a plan`,
        () => `They worked together, quiet and careful`,
      ));
      s.add(get('Together, they'));
    } else {
      s.say(mate, s.pick([`It's just a silly ${topic}. Let's go`, `Ugh, I don't care about that dirty ${topic}`, `Leave it. It's not our problem`]), s.pick(['said', 'grumbled', 'snapped']));
      s.add(s.one(
        () => `${H} pushed ${M} out of the way and shouted, "You're no help at all!"`,
        () => `${M} laughed at the ${topic} and pointed at it, and ${H} told ${him(mate)} to go away`,
        () => `${H} stamped ${his(hero)} foot and called ${M} mean, and ${M} called ${him(hero)} bossy`,
      ));
      s.add(get(`${H}, all by ${himself(hero)},`));
    }

    if (s.happy) {
      s.add(s.one(
        () => `At last, the ${topic} was free`,
        () => `It took a long time, but the little ${topic} was safe at last`,
      ));
      s.add(s.pick(s.kind ? tr.home : tr.home.filter((h) => !/thank/.test(h))));
      s.add(s.kind
        ? s.one(
            () => `${H} and ${M} smiled at each other, happy and proud`,
            () => `"Thank you for helping," ${H} said to ${M}, and they laughed all the way home`,
          )
        : s.one(
            () => `${H} felt proud and happy`,
            () => `${H} grinned, and it was a wonderful day after all`,
          ));
    } else {
      addLines(s, s.pick(tr.gone));
      s.add(s.kind
        ? s.one(
            () => `${H} cried, and ${M} gave ${him(hero)} a hug, but they were both very sad`,
            () => `They walked home slowly, sad and quiet, with tears in their eyes`,
          )
        : s.one(
            () => `${H} cried all the way home, and ${M} sulked and did not say a word`,
            () => `${H} and ${M} walked home apart, angry and miserable`,
          ));
    }
  },
};

/** The friend variant: a friend is stuck, and the hero comes to help (or is slow and mean about it). */
function friendStuck(s: Story): void {
  const hero = s.child();
  const friend = s.child();
  const grown = s.family(hero, s.pick(['mom', 'dad', 'grandpa', 'grandma']));
  const P = refs([hero, friend, grown]);
  const H = hero.called;
  const F = friend.called;
  const t = s.pick(FRIEND_STUCK);

  s.add(opener(s, hero, s.pick(['', ' who could run very fast', ' who loved to play outside'])));
  s.add(`${F} was ${whose(H)} best friend`);
  s.add(`${s.pick([...ANY_TIMES, ...WARM_TIMES])}, the two friends went to ${t.where} to play`);
  s.add(s.one(() => `But soon ${F} ${t.stuck}`, () => `Then, all of a sudden, ${F} ${t.stuck}`));
  s.say(friend, s.pick([`Help! I'm stuck!`, `${hero.name}, help me, please!`, `I can't get out!`]));
  if (s.kind) {
    s.say(hero, s.pick([`Hold on, ${friend.name}! I'm coming`, `Don't worry, my friend. I will help you`]));
    s.add(s.one(() => `${H} ran over at once`, () => `${H} held ${whose(F)} hand and smiled to make ${P.him(friend)} feel brave`));
    s.add(t.get(H));
  } else {
    s.add(s.one(
      () => `${H} laughed and pointed, "You look so silly!"`,
      () => `At first, ${H} just laughed and called ${F} a big baby`,
    ));
    s.say(friend, s.pick([`Stop laughing, you slowpoke!`, `You're mean!`]), 'shouted');
    s.add(t.get(`At last, ${whose(H)} ${grown.role} came running, and ${he(grown)}`));
  }
  if (s.happy) {
    s.add(`${F} was free at last`);
    s.add(s.kind
      ? s.one(() => `"Thank you, ${hero.name}! You're the best friend ever," ${F} said, and they played happily until dinner`, () => `The two friends hugged and laughed, and it was a happy day`)
      : s.one(() => `${F} wiped ${his(friend)} eyes, and soon ${he(friend)} was smiling and playing again`, () => `Soon ${F} was laughing again, and everyone went home for warm cookies`));
  } else {
    s.add(`${F} was free, but ${t.hurt}`);
    s.add(s.kind
      ? `${F} cried all the way home, and ${H} felt very sad too`
      : `${F} went home crying and did not want to play with ${H} ever again`);
  }
}

const whose = (called: string): string => `${called}'s`;
