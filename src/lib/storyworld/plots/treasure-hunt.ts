// A treasure hunt: a grown-up hides a treasure and draws a map with clues. Two children follow it;
// they take turns, help each other over the hard parts and share (kind), or grab the map, laugh and
// leave each other behind (unkind); they find the treasure (happy) or find nothing (sad).
import { he, him, himself } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { doOne, gladEnd, intro, sadEnd } from './words-c';

/** The treasure, named as the grown-up names it ("a bag of chocolate coins"), with what is inside. */
const TREASURES: Record<string, { hidden: string; inside: string; share: string }> = {
  'chocolate coins': { hidden: 'a bag of chocolate coins', inside: 'a bag full of chocolate coins wrapped in gold paper', share: 'counted out the chocolate coins, one for you and one for me' },
  'shiny stones': { hidden: 'a box of shiny stones', inside: 'a little box full of shiny stones, blue and green and pink', share: 'split the shiny stones into two piles' },
  'old key': { hidden: 'a magic old key', inside: 'a big old key tied with a ribbon', share: 'found that the old key opened the cookie jar, and they shared the cookies inside' },
  'toy crown': { hidden: 'a golden toy crown', inside: 'a golden toy crown with red jewels', share: 'took turns wearing the toy crown, king for a minute and then queen for a minute' },
  seashells: { hidden: 'a basket of seashells', inside: 'a basket of pink and white seashells', share: 'shared the seashells and held them up to their ears to hear the sea' },
  marbles: { hidden: 'a jar of marbles', inside: 'a glass jar of marbles that shone like tiny rainbows', share: 'shared the marbles and played a game with them' },
  cookies: { hidden: 'a tin of cookies', inside: 'a round tin full of cookies with pink icing', share: 'shared the cookies on the grass, one each and one more each' },
  'music box': { hidden: 'a little music box', inside: 'a little music box that played a happy tune', share: 'took turns winding the music box and danced to the tune' },
  stickers: { hidden: 'a box of stickers', inside: 'a box of star stickers and animal stickers', share: 'shared the stickers and stuck stars on their hands' },
  'pirate hats': { hidden: 'a box of pirate hats', inside: 'a box with two pirate hats with big feathers', share: 'put on the pirate hats and played pirates together' },
};

const PLACES = ['in the garden', 'in the backyard', 'on the farm', 'in the yard behind the house', 'in the big garden behind the school', "in Grandma's garden"];
const MAP_LOOKS = [
  'The map had wiggly paths, a green tree and a big red X',
  'The map was drawn in crayon, with arrows, a little house and a big red X',
  'The map had dotted lines, a blue pond and a black X',
  'The map was rolled up and tied with string, and it had a big X on it',
];
/** A clue, and the spot it leads to. */
const CLUES: ReadonlyArray<[string, string]> = [
  ['Look where the birds take a bath', 'the bird bath'],
  ['Find the tree that gives us apples', 'the apple tree'],
  ['Look where the garden tools sleep', 'the old shed'],
  ['Find the thing that carries dirt on one wheel', 'the wheelbarrow'],
  ['Look where the water comes out when the flowers are thirsty', 'the watering can'],
  ['Find the gate that creaks', 'the garden gate'],
  ['Look where the hens lay their eggs', 'the hen house'],
  ['Take ten big steps from the back door', 'the flower bed'],
  ['Look under something round and red', 'the red bucket'],
];
/** A hard bit of the way: what they must do, how one can slip, how they get past. */
const HARD = [
  ['jump over a muddy ditch', 'fell into the muddy ditch', 'across'],
  ['climb over a big log', 'got stuck on the big log', 'over'],
  ['crawl under a prickly hedge', 'got caught in the prickly hedge', 'through'],
  ['cross a stream on stepping stones', 'slipped off a stepping stone', 'across'],
  ['climb up a steep little hill', 'slid back down the steep hill', 'to the top'],
] as const;

export const treasureHunt: Plot = {
  id: 'treasure-hunt',
  title: 'A treasure hunt',
  topics: Object.keys(TREASURES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const friend = s.child();
    const maker = s.family(hero, s.pick(['grandpa', 'grandma', 'dad', 'mom', 'uncle', 'aunt'] as const));
    const H = hero.called;
    const Fr = friend.called;
    const G = maker.name; // "Grandpa": clear beside two children
    const topic = s.traits.topic;
    const tr = TREASURES[topic];
    const place = s.pick(PLACES).replace("Grandma's garden", maker.role === 'grandma' ? "Grandma's garden" : 'the garden');
    const area = place.replace(/^(in|on) /, '');
    const were = /s$/.test(topic) ? 'were' : 'was';
    const teller = { ...maker, called: G };
    const [c1, c2, c3] = s.some(CLUES, 3);
    const [hard, fall, past] = s.pick(HARD);

    s.add(intro(s, hero, s.pick(['', ' who loved stories about pirates', ' who loved maps and secrets'])));
    s.add(`${s.pick(['One sunny day', 'One summer morning', 'On Sunday', 'One afternoon'])}, ${H} and ${s.pick(['a friend', 'a friend from school', `${a(friend.sex === 'f' ? 'girl' : 'boy')} from next door`])} named ${friend.name} were playing ${place}`);
    s.say(teller, s.pick([
      `I have hidden ${tr.hidden} somewhere ${place}. Here is a map!`,
      `Who wants to go on a treasure hunt? There is ${tr.hidden} for the best pirates!`,
      `Somewhere out there is ${tr.hidden}. Can you find it?`,
    ]));
    s.add(s.pick(MAP_LOOKS));

    // Kindness with the map.
    if (s.kind) {
      s.add(s.one(
        () => `${H} and ${Fr} took turns holding the map`,
        () => `${H} held the map low so that ${Fr} could see it too`,
        () => `${H} said, "You hold the map first, ${friend.name}, and I will read the clues."`,
      ));
    } else {
      doOne(s,
        () => s.add(`${H} grabbed the map and would not let ${Fr} look at it`),
        () => s.say(hero, s.pick([`Give me that map! I am the captain, and you are just the helper`, `Go away, ${friend.name}! The treasure is all mine`]), 'shouted'),
        () => s.add(`${H} pushed ${Fr} out of the way and ran off with the map`),
      );
    }

    // The clues.
    s.add(`The first clue said, "${c1[0]}."`);
    if (s.kind) {
      s.add(s.one(
        () => `"I know! It's ${c1[1]}!" said ${Fr}, and they ran there together`,
        () => `They thought and thought, and then they both shouted, "${c1[1].replace(/^the /, 'The ')}!"`,
      ));
    } else {
      s.add(s.one(
        () => `When ${Fr} said it was ${c2[1]}, ${H} laughed and said, "That's silly! It's ${c1[1]}."`,
        () => `${H} ran to ${c1[1]} first and did not wait for ${Fr}`,
      ));
    }
    s.add(`At ${c1[1]}, they found a note that said, "${c2[0]}."`);
    s.add(`On the way to ${c2[1]}, they had to ${hard}`);
    if (s.kind) {
      s.add(s.one(
        () => `When ${Fr} ${fall}, ${H} held out a hand and helped ${him(friend)} up`,
        () => `${H} went first and then helped ${Fr} get ${past === 'to the top' ? 'up' : past}`,
        () => `They held hands, and they made it ${past} together`,
      ));
    } else {
      s.add(s.one(
        () => `When ${Fr} ${fall}, ${H} just laughed and ran on`,
        () => `${H} went first and did not wait, so ${Fr} ${fall}`,
      ));
    }
    if (s.chance(0.5)) s.add(`At ${c2[1]} was one more note: "${c3[0]}."`, `They ran to ${c3[1]}, and there on the ground was a big X made of sticks`);
    else s.add(`At ${c2[1]}, a big X was drawn on the ground in chalk`);

    // The ending: the treasure found and enjoyed, or nothing there.
    if (s.happy) {
      s.add(s.one(
        () => `They dug with their hands, and there was ${tr.inside}!`,
        () => `Under a flat stone, they found ${tr.inside}!`,
        () => `${H} lifted a pile of leaves, and there was ${tr.inside}!`,
      ));
      if (s.kind) s.add(`${H} and ${Fr} ${tr.share}`);
      else s.add(s.one(() => `${H} kept the ${topic} all to ${himself(hero)} and would not share with ${Fr}`, () => `${H} grabbed the ${topic} and danced around ${area}, and ${Fr} got nothing`));
      s.add(s.one(
        () => `${s.kind ? `${H} and ${Fr}` : H} laughed and cheered, because it was the best treasure hunt ever`,
        () => gladEnd(s, hero),
        () => (s.kind ? `${G} smiled, and everyone was happy` : `${H} laughed and laughed, happy as could be`),
      ));
    } else {
      s.add(s.one(
        () => `They dug and dug, but there was only an empty box, because a dog had found the ${topic} first`,
        () => `They dug under the X, but the hole was empty, and the ${topic} ${were} gone`,
        () => `But rain began to pour, the map got wet and fell apart, and they never found the ${topic}`,
      ));
      if (s.kind) {
        s.add(s.one(
          () => `${H} hugged ${Fr}, but they were both tired and disappointed`,
          () => `${Fr} patted ${H}'s back, but they both felt sad and disappointed`,
          () => `They held hands and looked at the empty hole, and ${Fr} began to cry`,
        ));
      }
      else s.add(s.one(() => `${H} shouted at ${Fr}, and ${Fr} went home crying`, () => `${H} blamed ${Fr} and threw the map on the ground`));
      s.add(s.one(
        () => `${H} went inside slowly, and ${he(hero)} felt sad all evening`,
        () => sadEnd(s, hero),
        () => `There was no treasure, and it was a sad, gloomy day for ${H}`,
      ));
    }
  },
};
