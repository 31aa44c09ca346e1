// A birthday: the hero's own party, or a friend's party the hero brings a present to. Guests give,
// thank and share (kind) or grab, sulk and tease (unkind); the party ends in joy (happy) or is spoiled
// by a fallen cake, a broken present or rain (sad).
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { dayTime, intro, joy, pr, say, sorrow, sub, TOY_PLAY } from './words-a';

const CAKES = ['chocolate', 'strawberry', 'lemon', 'vanilla', 'banana', 'carrot'] as const;
const FROSTING = ['pink', 'blue', 'white', 'yellow', 'purple', 'green'] as const;
const AGES = ['five', 'six', 'seven'] as const;
const GAMES = [
  'They played musical chairs, and everyone giggled when the music stopped',
  'They played hide and seek all over the yard',
  'They played tag and ran around until they were out of breath',
  'They danced to silly songs and wore paper party hats',
  'They played pass the parcel, and the music went round and round',
] as const;
const DECOR = [
  (color: string) => `There were ${color} balloons and paper streamers everywhere`,
  (color: string) => `The room was full of ${color} balloons, and there was a big banner that said Happy Birthday`,
  (color: string) => `${color[0].toUpperCase()}${color.slice(1)} balloons bobbed on strings, and there were party hats for everyone`,
] as const;

/** A gift that breaks on a sad day. */
const BREAKS: Record<string, string> = {
  kite: 'the new kite got stuck high in a tree and tore',
  balloon: 'the balloon popped',
  'teddy bear': 'the dog chewed the new teddy bear and bit off its ear',
  doll: 'the dog ran off into the mud with the new doll',
  puppet: 'the dog chewed a big hole in the new puppet',
  storybook: 'juice spilled all over the new storybook',
  'box of crayons': 'the new box of crayons fell, and the crayons snapped',
  puzzle: 'juice spilled all over the new puzzle, and the pieces got soggy',
  bike: 'the new bike got a flat tire on its very first ride',
  scooter: 'a wheel came off the new scooter on its very first ride',
  'red wagon': 'a wheel came off the new red wagon',
  ball: 'the new ball bounced over the fence and into the river, and it floated away',
};
const breaks = (topic: string): string => BREAKS[topic] ?? `the new ${topic} fell off the table and broke`;

function ownParty(s: Story, hero: Character, friend: Character, g: Character): void {
  const topic = s.traits.topic;
  const played = (TOY_PLAY[topic] ?? ['play with', 'played with'])[1];
  const age = s.pick(AGES);
  const cake = s.pick(CAKES);
  s.add(intro(s, hero, s.pick([' who loved parties', ' who had lots of friends', ' with a big, loud laugh'])));
  s.add(s.one(
    () => `${dayTime(s)}, it was ${hero.called}'s birthday, and ${he(hero)} was turning ${age}`,
    () => `Today was a special day: ${hero.called} was ${age} years old!`,
  ));
  s.add(s.one(
    () => `More than anything, ${hero.called} wanted ${a(topic)}`,
    () => `${hero.called} had wished and wished for ${a(topic)}`,
  ));
  s.add(s.one(
    () => `${g.called} baked a ${cake} cake with ${s.pick(FROSTING)} frosting and sprinkles on top`,
    () => s.pick(DECOR)(s.pick(['red', 'blue', 'yellow', 'pink', 'green', 'purple'])),
  ));
  s.add(s.one(
    () => `${friend.called} and lots of other friends came to the party`,
    () => `Soon the doorbell rang, and there was ${friend.called} with a box wrapped in shiny paper`,
  ));
  if (s.chance(0.6)) s.add(s.pick(GAMES));

  const heroRude = !s.kind && s.chance(0.5);
  let candles = true;
  if (s.kind) {
    s.add(`${friend.called} gave ${hero.called} a present with a big ${s.pick(['red', 'gold', 'blue', 'purple'])} bow, and inside was ${a(topic)}!`);
    say(s, hero, s.pick([`Thank you so much! It's just what I wanted!`, `Wow! Thank you, ${friend.name}!`, `I love it! You are the best friend ever!`]));
    s.add(s.one(
      () => `When the cake came, ${hero.called} gave the first piece to ${friend.called}`,
      () => `${hero.called} let everyone have a turn with the new ${topic}`,
    ));
  } else if (heroRude) {
    s.add(`${hero.called} tore open the present from ${friend.called}, and inside was ${a(topic)}`);
    s.add(`${hero.called} grabbed it and did not even say thank you`);
    say(s, hero, s.pick([`It's mine! Nobody else can touch it!`, `Is that all? I wanted a bigger one!`]), s.pick(['said', 'shouted']));
  } else {
    s.add(`${hero.called} opened the present from ${g.called}, and inside was ${a(topic)}!`);
    const rude = s.pick(['grab', 'candles', 'frosting'] as const);
    candles = rude !== 'candles';
    s.add(rude === 'grab'
      ? `But ${friend.called} grabbed the new ${topic} and would not give it back`
      : rude === 'candles'
        ? `But when the cake came, ${friend.called} blew out all the candles before ${hero.called} could, and laughed at ${him(hero)}`
        : `But ${friend.called} grabbed the cake and scooped all the frosting off the top`);
    say(s, friend, s.pick([`Ha! Your party is boring!`, `My birthday was much better than this!`, `I can do what I want!`]), s.pick(['said', 'sneered']));
  }
  if (candles) s.add(s.one(
    () => `Then everyone sang, and ${hero.called} blew out all ${age} candles on the ${cake} cake`,
    () => `Then ${hero.called} made a wish and blew out the candles with one big puff`,
  ));
  if (s.happy) {
    s.add(s.one(
      () => `After the party, ${hero.called} ${played} ${his(hero)} new ${topic} until bedtime`,
      () => `That night, ${hero.called} went to sleep with the new ${topic} right next to ${him(hero)}`,
    ));
    s.add(s.one(() => joy(s, [hero]), () => `It was the best birthday ever, and ${hero.called} was so happy`));
  } else {
    s.add(s.one(
      () => `But then the dog jumped up on the table, and the cake fell on the floor with a splat`,
      () => `But then ${breaks(topic)}`,
      () => `But then a big storm came, the party was ruined, and all the friends had to go home early`,
    ));
    s.add(s.one(() => sorrow(s, [hero]), () => `It was the worst birthday ever, and ${hero.called} cried`));
  }
}

function friendsParty(s: Story, hero: Character, friend: Character, g: Character): void {
  const topic = s.traits.topic;
  const played = (TOY_PLAY[topic] ?? ['play with', 'played with'])[1];
  const F = () => pr(friend, hero);
  s.add(intro(s, hero));
  s.add(s.one(
    () => `${hero.called}'s best friend, ${friend.called}, was having a birthday party`,
    () => `${dayTime(s)}, ${hero.called} was going to ${friend.called}'s birthday party`,
  ));
  s.add(s.one(
    () => `${hero.called} and ${g.called} went to the toy shop and picked out ${a(topic)} for ${friend.called}`,
    () => (['bike', 'scooter', 'red wagon', 'toy robot'].includes(topic)
      ? `${hero.called}'s family chipped in to buy ${friend.called} ${a(topic)}`
      : `${hero.called} saved ${his(hero)} coins for weeks to buy ${friend.called} ${a(topic)}`),
  ));
  s.add(s.one(
    () => `${sub(s, hero, friend)} wrapped it in ${s.pick(['red', 'blue', 'green', 'yellow', 'spotty', 'striped'])} paper and tied it with a ribbon`,
    () => `${hero.called} made a card with a big smiling sun on it`,
  ));
  s.add(s.pick(DECOR)(s.pick(['red', 'blue', 'yellow', 'pink', 'green', 'purple'])));
  if (s.chance(0.5)) s.add(s.pick(GAMES));

  const heroRude = !s.kind && s.chance(0.5);
  const tossed = !s.kind && !heroRude;
  if (s.kind) {
    s.add(`${friend.called} opened the present and found the ${topic}`);
    say(s, friend, s.pick([`Wow! Thank you, ${hero.name}! I love it!`, `It's just what I wanted! Thank you!`]));
    s.add(s.one(
      () => `${friend.called} gave ${hero.called} a big hug and the biggest piece of cake`,
      () => `Then ${friend.called} let ${hero.called} have the first turn with the ${topic}`,
    ));
  } else if (heroRude) {
    s.add(`When the cake came, ${hero.called} pushed to the front and grabbed the biggest piece`);
    say(s, hero, s.pick([`Your party hat looks silly!`, `Out of my way! I want the one with the most frosting!`]), s.pick(['said', 'laughed']));
    s.add(`${friend.called}'s smile went away, and ${F()} looked down at ${his(friend)} shoes`);
  } else {
    s.add(`${friend.called} tore open the present, looked at the ${topic} and frowned`);
    say(s, friend, s.pick([`I don't like it. I wanted something better!`, `That's a silly present!`, `I already have one of those!`]), s.pick(['said', 'snapped']));
    s.add(`Then ${friend.called} tossed the ${topic} in a corner and did not say thank you`);
  }
  if (s.happy) {
    s.add(s.one(
      () => `Later, all the children ${played} the ${topic} together, and everyone laughed`,
      () => `Then there was ice cream and cake for everyone, and ${hero.called} had a second slice`,
      () => `At the end, everyone got a goody bag with stickers and a balloon`,
    ));
    s.add(s.one(() => joy(s, [hero]), () => `${hero.called} skipped home, happy and full of cake`));
  } else {
    s.add(s.one(
      () => `But then the cake slid off the plate and landed on the floor with a splat`,
      () => (tossed ? `But then ${friend.called} tripped over the ${topic} in the corner, and it broke` : `But then ${breaks(topic)}`),
      () => `But then a cold rain began to pour, the party was ruined, and everyone had to go home early`,
    ));
    s.add(s.one(() => sorrow(s, [hero]), () => `${hero.called} walked home sad and cried all the way`));
  }
}

export const birthdayParty: Plot = {
  id: 'birthday-party',
  title: 'A birthday',
  topics: ['kite', 'doll', 'teddy bear', 'toy car', 'toy train', 'red wagon', 'jump rope', 'yo-yo', 'puzzle', 'box of crayons', 'drum', 'toy robot', 'bike', 'scooter', 'puppet', 'storybook', 'ball', 'toy plane'],
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const friend = s.child();
    const g = s.family(hero);
    if (s.chance(0.5)) ownParty(s, hero, friend, g);
    else friendsParty(s, hero, friend, g);
  },
};
