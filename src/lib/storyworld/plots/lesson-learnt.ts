// A lesson learnt: a child is told to wait, to listen, or to share, does not, and finds out why.
// Kind: a friend comforts and helps, and the child says sorry or thank you; unkind: laughing,
// "serves you right", blaming and grabbing. Happy: the child tries again the right way and it works;
// sad: the lesson comes too late.
import { he, his, type Character } from '../cast';
import type { Plot } from '../plot';
import { ANY_TIMES, opener, WARM_TIMES } from './words-b';

type Lesson = 'patience' | 'listening' | 'greed';

/** The words a template needs about the hero: name, he/she, his/her, himself/herself, and the grown-up. */
interface C {
  h: string;
  he: string;
  his: string;
  self: string;
  g: string;
}
type Line = (c: C) => string;

interface Tale {
  lesson: Lesson;
  setup: readonly Line[];
  /** What the grown-up says first. */
  advice: readonly string[];
  /** What the child does instead, and what comes of it. */
  mistake: readonly Line[];
  result: readonly Line[];
  /** A second try, done right (happy). */
  again: readonly Line[];
  /** Too late (sad). */
  late: readonly Line[];
}

const TALES: Record<string, Tale> = {
  sunflower: {
    lesson: 'patience',
    setup: [(c) => `${c.h} and ${c.g} planted sunflower seeds in a big pot by the door`, (c) => `${c.h} pushed three sunflower seeds into the soft, dark soil`],
    advice: ['Sunflowers need sun, water and lots of time', 'Be patient. The seeds will grow when they are ready'],
    mistake: [(c) => `But every morning, ${c.h} dug up the seeds with ${c.his} fingers to see if they had grown`, (c) => `But ${c.h} could not wait, so ${c.he} poured a whole bucket of water on the pot every hour`],
    result: [() => 'The poor seeds never had a chance to grow', () => 'The soil turned to mud, and nothing came up'],
    again: [(c) => `${c.h} planted new seeds and waited, day after day, giving them a little water each morning`, (c) => `${c.h} planted new seeds and left them alone, and ${c.his} only job was to water them once a day`],
    late: [() => 'It was too late to plant new seeds, and that summer the pot stayed empty', () => 'Summer ended, and there was not one sunflower by the door'],
  },
  bread: {
    lesson: 'patience',
    setup: [(c) => `${c.h} helped ${c.g} make bread dough in a big bowl`, (c) => `${c.h} squished and rolled the bread dough with floury hands`],
    advice: ["Now we wait for the dough to rise. Don't touch it", 'The bread needs a long time in the warm oven'],
    mistake: [(c) => `But ${c.h} kept poking the dough to see if it was getting bigger`, (c) => `But ${c.h} kept opening the oven door to peek at the bread`],
    result: [() => 'The bread came out flat, hard and burnt at the edges', () => 'The bread sank in the middle like a sad pancake'],
    again: [(c) => `The next day, ${c.h} made the bread again and waited on the step with a book until it was ready`, (c) => `This time, ${c.h} sat on the kitchen stool and did not touch the dough at all`],
    late: [() => 'The bread was too hard to eat, and there was nothing for lunch', () => 'There was no flour left to try again, and lunch was only crusts'],
  },
  painting: {
    lesson: 'patience',
    setup: [(c) => `${c.h} painted a big picture of a sailing boat on the sea`, (c) => `${c.h} painted a picture of ${c.his} whole family, with bright colors`],
    advice: ['Let the paint dry before you pick it up', 'Wait until it is dry, or the colors will run'],
    mistake: [(c) => `But ${c.h} picked the painting up at once to show everyone`, (c) => `But ${c.h} could not wait and rolled up the painting while it was still wet`],
    result: [() => 'The wet colors ran and smeared into a brown mess', () => 'The paint smudged, and the picture was spoiled'],
    again: [(c) => `${c.h} painted a new picture and left it in the sun to dry, even though waiting was hard`, (c) => `${c.h} painted the picture again and sat on the step until the paint was dry`],
    late: [() => 'The painting was spoiled, and the art show was that very afternoon', () => 'There was no paper left, and the painting could not be saved'],
  },
  'ice pops': {
    lesson: 'patience',
    setup: [(c) => `${c.h} and ${c.g} poured orange juice into little molds to make ice pops`, (c) => `${c.h} filled the ice pop molds with pink lemonade`],
    advice: ['They need all night in the freezer', 'Wait until tomorrow, and they will be frozen'],
    mistake: [(c) => `But ${c.h} opened the freezer every five minutes to check`, (c) => `But ${c.h} pulled one out after only ten minutes`],
    result: [() => 'The ice pops were still runny, and juice dripped all over the floor', () => 'The ice pops melted into sticky puddles'],
    again: [(c) => `${c.h} filled the molds again and went to bed without peeking`, (c) => `${c.h} made new ice pops and waited until the next morning`],
    late: [() => 'There was no juice left to make more, and the hot day was over', () => 'The last of the juice was gone, and there were no ice pops at all'],
  },
  kite: {
    lesson: 'listening',
    setup: [(c) => `${c.h} got a new kite with a long rainbow tail`, (c) => `${c.h} and ${c.g} took the new kite to the windy hill`],
    advice: ['Stay away from the trees when you fly it', 'Fly your kite out in the open, far from the tall trees'],
    mistake: [(c) => `But ${c.h} was not listening and ran right under the big trees`, (c) => `But ${c.h} wanted to run fast and forgot, and ran straight toward the trees`],
    result: [() => 'The kite got stuck high in a branch, and its tail ripped', () => 'The wind pulled the kite into a tall tree, and it tore'],
    again: [(c) => `${c.h} fixed the kite with tape and flew it again, far out in the open field`, (c) => `The next day, ${c.h} listened carefully and flew the kite high in the open sky`],
    late: [() => 'The kite was too torn to fix, and it stayed in the tree all winter', () => 'Nobody could reach the kite, and it flapped in the tree until it was rags'],
  },
  balloon: {
    lesson: 'listening',
    setup: [(c) => `${c.h} got a shiny balloon at the fair`, (c) => `${c.h} had a big red balloon on a long string`],
    advice: ["Hold the string tight, and don't let go", 'Tie it around your wrist so it does not fly away'],
    mistake: [(c) => `But ${c.h} was not listening and let go to eat an ice cream`, (c) => `But ${c.h} waved both hands at a friend and forgot about the string`],
    result: [() => 'The balloon floated up, up, up into the sky', () => 'Up went the balloon, over the trees and far away'],
    again: [(c) => `Later, a kind lady gave ${c.h} a new balloon, and this time ${c.he} tied it tight around ${c.his} wrist`, (c) => `${c.h} got another balloon and held the string tight all day, just as ${c.he} was told`],
    late: [() => 'There were no balloons left at the fair', () => 'The balloon man had gone home, and there were no more balloons'],
  },
  'toy boat': {
    lesson: 'listening',
    setup: [(c) => `${c.h} took a little toy boat to the stream`, (c) => `${c.h} had a wooden toy boat with a white sail`],
    advice: ['Tie a string to your boat, or the water will carry it away', 'Keep hold of the string, because the stream is fast'],
    mistake: [(c) => `But ${c.h} did not listen and put the boat in the water without a string`, (c) => `But ${c.h} let go of the string to catch a frog`],
    result: [() => 'The fast water carried the toy boat away down the stream', () => 'The toy boat sailed off around the bend, faster and faster'],
    again: [(c) => `Far down the stream, the boat got stuck on a rock, and ${c.h} got it back and tied a string on it at once`, (c) => `The boat was caught in some reeds, so ${c.h} got it back and held the string tight after that`],
    late: [() => 'The toy boat was lost forever, far away down the river', () => 'They looked and looked, but the toy boat was never found'],
  },
  candy: {
    lesson: 'greed',
    setup: [(c) => `At a party, ${c.h} saw a big bowl of candy`, (c) => `${c.h} found a bag of candy that was meant for everyone`],
    advice: ['Take just one or two, and leave some for the others', 'That candy is for sharing'],
    mistake: [(c) => `But ${c.h} grabbed a huge handful and filled ${c.his} pockets`, (c) => `But ${c.h} ate the candy all by ${c.self}, piece after piece`],
    result: [(c) => `Soon there was no candy left for anyone else, and ${c.h} had a terrible tummy ache`, (c) => `By the end, the candy was all gone and ${c.h} felt sick`],
    again: [(c) => `At the next party, ${c.h} took only one piece and passed the bowl to everyone`, (c) => `The next time, ${c.h} shared the candy out, one for each friend`],
    late: [() => 'The party was over, and the other children went home without any candy', () => 'Everyone went home cross, and nobody wanted to play with a greedy child'],
  },
  cake: {
    lesson: 'greed',
    setup: [(c) => `${c.g} baked a big chocolate cake for everyone to share`, (c) => `There was a big cake for ${c.h} and ${c.his} friends`],
    advice: ['One slice each, so there is enough for everyone', "Let's cut the cake into fair pieces"],
    mistake: [(c) => `But ${c.h} cut the biggest piece for ${c.self} and took a second one too`, (c) => `But ${c.h} ate the cake with a spoon, straight from the plate`],
    result: [(c) => `There was not enough cake left for the others, and ${c.h} felt sick and full`, (c) => `The others got only crumbs, and ${c.h} had a sore tummy`],
    again: [(c) => `The next time there was cake, ${c.h} cut the pieces fair and gave the first one away`, (c) => `On the next birthday, ${c.h} made sure everyone got a slice before ${c.he} took one`],
    late: [() => 'The cake was all gone, and the others looked at the empty plate sadly', () => 'There was no cake left for the party, and everyone was disappointed'],
  },
  swing: {
    lesson: 'greed',
    setup: [(c) => `${c.h} ran straight to the big swing in the park`, (c) => `There was only one swing in the school yard, and ${c.h} got there first`],
    advice: ['Take turns on the swing, so everyone gets a go', "Ten swings each, then it's the next one's turn"],
    mistake: [(c) => `But ${c.h} would not get off the swing, not for anyone`, (c) => `But ${c.h} swung and swung and would not give anyone a turn`],
    result: [(c) => `The other children went away to play a game together, and ${c.h} was left all alone`, (c) => `Soon nobody wanted to play with ${c.h}`],
    again: [(c) => `The next day, ${c.h} counted ten swings and then jumped off to give the others a turn`, (c) => `The next day, ${c.h} took turns, and then everyone played tag together`],
    late: [(c) => `The other children went off together, and ${c.h} was left out, all alone`, (c) => `By the time ${c.h} got off the swing, everyone had gone home`],
  },
};

export const lessonLearnt: Plot = {
  id: 'lesson-learnt',
  title: 'A lesson learnt',
  topics: Object.keys(TALES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const tale = TALES[topic];
    const hero = s.child();
    const friend = s.child();
    const grown: Character = s.chance(0.7) ? s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa'])) : s.townGrownup('teacher');
    const H = hero.called;
    const F = friend.called;
    const G = grown.called;
    const c: C = { h: H, he: he(hero), his: his(hero), self: hero.sex === 'f' ? 'herself' : 'himself', g: G };

    const met = s.chance(0.4);
    s.add(opener(s, hero, met
      ? ` who had a friend named ${friend.name}`
      : s.pick([tale.lesson === 'patience' ? ' who never liked to wait' : tale.lesson === 'listening' ? ' who did not always listen' : ' who always wanted more', ''])));
    const setup = s.pick(tale.setup)(c).replace(/^(There|At) /, (w) => w.toLowerCase());
    s.add(`${s.pick(tale.lesson === 'greed' ? ANY_TIMES : [...ANY_TIMES, ...WARM_TIMES])}, ${setup}`);
    const Fi = met ? F : `${whose(H)} friend ${F}`;
    if (s.chance(0.4)) s.add(s.pick(tale.lesson === 'patience'
      ? [`${H} wanted everything to be ready right now`, `Waiting was the hardest thing in the world for ${H}`]
      : tale.lesson === 'listening'
        ? [`${H} was so excited that ${he(hero)} could not keep still`, `${H} hopped from one foot to the other`]
        : [`${H} licked ${his(hero)} lips`, `${whose(H)} eyes grew big and round`]));
    s.say(grown, s.pick(tale.advice));
    s.add(s.pick(tale.mistake)(c));
    s.add(s.pick(tale.result)(c));

    // Kindness: the friend, and the hero back.
    if (s.kind) {
      s.add(s.one(
        () => `${Fi} ${s.pick(['put an arm around', 'sat down next to', 'held the hand of'])} ${H}`,
        () => `${Fi} saw that ${H} was upset and came over to help`,
      ));
      s.say(friend, s.pick(tale.lesson === 'greed'
        ? [`It's okay. We can share next time`, `Don't worry. Everybody makes mistakes`]
        : [`Don't be sad. We can try again together`, `It's all right. Everybody makes mistakes`]));
      s.say(hero, s.pick(tale.lesson === 'greed'
        ? [`I'm sorry, ${friend.name}. I should have shared`, `Thank you, ${friend.name}. I'm sorry I was greedy`]
        : [`Thank you, ${friend.name}. I should have ${tale.lesson === 'patience' ? 'waited' : 'listened'}`, `You are a good friend`]));
    } else {
      s.add(s.one(
        () => `${Fi} pointed and laughed at ${H}`,
        () => `${Fi} laughed so hard that ${he(friend)} fell over`,
      ));
      s.say(friend, s.pick([`Ha! Serves you right!`, `That's what you get, silly!`, `You never listen, ${hero.name}!`]), 'laughed');
      s.add(s.one(
        () => `${H} shouted, "It's all your fault!" and kicked the ground`,
        () => `${H} stuck out ${his(hero)} tongue and stomped away`,
        () => `${H} pushed ${F} away and yelled, "Leave me alone!"`,
      ));
    }

    // The ending.
    if (s.happy) {
      s.add(s.pick(tale.again)(c));
      s.add(s.one(
        () => `${happyResult(tale.lesson, topic)}, and ${H} smiled from ear to ear`,
        () => `${H} was proud and happy, because ${he(hero)} had learned ${lessonWords(tale.lesson)}`,
      ));
    } else {
      s.add(s.pick(tale.late)(c));
      s.add(s.one(
        () => `${H} learned ${lessonWords(tale.lesson)}, but it was a sad, sad day`,
        () => `${H} ${s.kind ? 'cried quietly' : 'sat alone and cried'}, and ${his(hero)} heart felt heavy and sad`,
      ));
    }
  },
};

function lessonWords(l: Lesson): string {
  return l === 'patience' ? 'that good things take time' : l === 'listening' ? 'to listen' : 'that sharing is better than taking';
}

function happyResult(l: Lesson, topic: string): string {
  switch (topic) {
    case 'sunflower': return 'Soon tall, bright sunflowers nodded in the sun';
    case 'bread': return 'The bread came out golden, soft and warm';
    case 'painting': return 'The painting dried bright and beautiful';
    case 'ice pops': return 'The ice pops were cold, sweet and perfect';
    default: return l === 'listening' ? `Everything went well with the ${topic} after that` : 'Everyone had a lovely time together';
  }
}

const whose = (called: string): string => `${called}'s`;
