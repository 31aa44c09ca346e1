// A new baby: a child's baby brother or sister comes home and the grown-ups are busy with the baby.
// The child shares a favourite thing, helps and is gentle (kind), or grabs it back, shouts and
// sulks (unkind); the baby smiles and the family is close (happy), or the baby cries, the grown-ups
// are too tired and the child is left alone (sad).
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { doOne, gladEnd, intro, sadEnd } from './words-c';

/** What the child can share with the baby: how it is shown gently, and how it is misused. */
const THINGS: Record<string, { looks: string[]; gentle: string; rough: string }> = {
  'teddy bear': { looks: ['soft brown', 'old', 'fluffy', 'little'], gentle: 'tucked the teddy bear in beside the baby', rough: 'threw the teddy bear into the crib with a thump' },
  rattle: { looks: ['red', 'yellow', 'jingly', 'little silver'], gentle: 'shook the rattle softly, jingle, jingle', rough: 'shook the rattle so hard that it hurt everyone\'s ears' },
  blanket: { looks: ['soft blue', 'warm', 'fuzzy', 'striped'], gentle: 'wrapped the blanket around the baby\'s tiny feet', rough: 'pulled the blanket off the crib and dragged it away' },
  storybook: { looks: ['picture', 'old', 'colorful', 'bedtime'], gentle: 'read the storybook in a quiet voice', rough: 'slammed the storybook shut with a bang' },
  'rubber duck': { looks: ['yellow', 'squeaky', 'little', 'bright'], gentle: 'made the rubber duck swim in the bath, squeak, squeak', rough: 'squeaked the rubber duck right in the baby\'s ear' },
  drum: { looks: ['red', 'little', 'shiny', 'toy'], gentle: 'tapped the drum very softly, pat, pat, pat', rough: 'banged the drum, boom, boom, while the baby was sleeping' },
  puppet: { looks: ['sock', 'frog', 'funny', 'floppy'], gentle: 'made the puppet dance and wave hello', rough: 'poked the puppet at the baby\'s nose' },
  'music box': { looks: ['little', 'wooden', 'pink', 'shiny'], gentle: 'wound up the music box, and it played a sweet song', rough: 'wound up the music box so hard that the song went wrong' },
  'toy lamb': { looks: ['soft', 'white', 'woolly', 'little'], gentle: 'gave the baby the toy lamb to hold', rough: 'hid the toy lamb under the sofa' },
  'spinning top': { looks: ['red', 'striped', 'shiny', 'little'], gentle: 'spun the top slowly so the baby could watch the colors', rough: 'spun the top so fast that it crashed into the crib' },
};

const ARRIVALS = [
  (h: string, p: string, b: string) => `${p} came home from the hospital with a new baby ${b}`,
  (h: string, _p: string, b: string) => `${h}'s baby ${b} was born`,
  (h: string, p: string, b: string) => `${p} told ${h} the big news: a baby ${b} had come!`,
];
const TINY = ['tiny pink fingers', 'a soft, round head', 'little fat cheeks', 'ten tiny toes', 'a very loud cry', 'big sleepy eyes'];
const BUSY = [
  'feeding the baby', 'rocking the baby to sleep', 'changing diapers', 'washing tiny clothes', 'warming bottles of milk',
  'walking up and down with the baby', 'giving the baby a bath',
];
const VISITORS = ['the neighbors', 'Mrs. Lee from next door', 'all the aunts and uncles', 'friends from down the street'];
const GIFTS = ['little socks', 'a soft hat', 'a blue rattle', 'a stuffed bunny', 'a tiny sweater', 'a picture book'];
const HELPS = [
  'brought a clean diaper', 'fetched the bottle from the kitchen', 'sang a quiet lullaby', 'tiptoed so the baby could sleep',
  'pushed the stroller in the park', 'held the towel at bath time', 'rocked the cradle gently',
];

export const newBaby: Plot = {
  id: 'new-baby',
  title: 'A new baby',
  topics: Object.keys(THINGS),
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const baby = s.child();
    const mom = s.family(hero, 'mom');
    const other = s.family(hero, s.pick(['dad', 'grandma', 'grandpa'] as const));
    const H = hero.called;
    const B = baby.called;
    const M = mom.called;
    const sib = baby.sex === 'f' ? 'sister' : 'brother';
    const big = hero.sex === 'f' ? 'big sister' : 'big brother';
    const topic = s.traits.topic;
    const th = THINGS[topic];
    const adult = s.pick<Character>([mom, other]);

    s.add(intro(s, hero, s.pick(['', ` who lived with ${his(hero)} mom and ${other.role}`, ' who wanted a baby brother or sister more than anything'])));
    s.add(s.one(
      () => `${H} had ${a(`${s.pick(th.looks)} ${topic}`)} that ${he(hero)} loved very much`,
      () => `${his(hero)} favorite thing in the whole house was ${his(hero)} ${s.pick(th.looks)} ${topic}`,
      () => `Every night, ${H} went to sleep with ${his(hero)} ${topic} close by`,
    ));
    s.add(`${s.pick(['One day', 'One spring morning', 'One snowy morning', 'At last', 'One Sunday'])}, ${s.pick(ARRIVALS)(H, M, sib)}`);
    s.add(s.one(
      () => `The baby's name was ${baby.name}, and ${he(baby)} had ${s.pick(TINY)}`,
      () => `${his(hero)} new ${sib} was called ${baby.name}`,
      () => `Baby ${baby.name} had ${s.some(TINY, 2).join(' and ')}`,
    ));
    // The child is left out.
    s.add(s.one(
      () => `Now ${M} was busy all day, ${s.some(BUSY, 2).join(' and ')}`,
      () => `${s.pick(VISITORS)} came with ${s.pick(GIFTS)} for ${B}, but nobody looked at ${H}`,
      () => `Everyone wanted to hold ${B}, and nobody had time to play with ${H}`,
    ));
    if (s.chance(0.6)) {
      const line = s.pick(['What about me?', 'Nobody plays with me anymore.', `Why does ${B} get all the hugs?`]);
      s.say(hero, line, line.endsWith('?') ? s.pick(['asked', 'whispered']) : s.pick(['said', 'sighed', 'whispered']));
    }

    // Kindness: sharing, helping and being gentle, or grabbing, shouting and being rough.
    if (s.kind) {
      doOne(s,
        () => {
          s.add(`${H} went and got ${his(hero)} ${topic} to share with ${B}, and ${he(hero)} ${th.gentle}`);
          s.say(hero, s.pick([`This is for you, ${baby.name}. You can share my ${topic}`, `Look, ${baby.name}! This is my ${topic}, and now it is yours too`]));
        },
        () => {
          s.say(adult, s.pick([`You are ${a(big)} now. Will you help me with ${B}?`, `I still love you so much, ${hero.name}. Do you want to help?`]));
          s.add(`${H} ${s.some(HELPS, 2).join(' and ')}, and later ${he(hero)} ${th.gentle}`);
        },
        () => {
          s.add(`When ${B} began to cry, ${H} ${th.gentle}`);
          s.add(`${H} ${s.pick(HELPS)}, and ${adult.called} said, "Thank you, ${hero.name}. You are a great helper."`);
        },
      );
    } else {
      doOne(s,
        () => {
          s.add(`When ${B} reached for the ${topic}, ${H} grabbed it away`);
          s.say(hero, s.pick([`Mine! Babies can't have my ${topic}!`, `No! Don't touch my ${topic}, you silly baby!`]), 'shouted');
        },
        () => {
          s.say(hero, s.pick([`I don't want a baby ${sib}! Send ${him(baby)} back!`, `${baby.name} is noisy and smelly, and I don't like ${him(baby)}!`]), 'shouted');
          s.add(`Then ${H} stomped ${s.pick(['around the house', 'up and down the hall', 'into the nursery'])} and ${th.rough}`);
        },
        () => {
          s.add(`${H} did not help at all, and ${he(hero)} ${th.rough}`);
          s.add(`When ${adult.called} asked for help, ${H} stuck out ${his(hero)} tongue and said, "No! Do it yourself!"`);
        },
      );
    }

    // The ending.
    if (s.happy) {
      const then = s.kind ? 'Then' : s.pick(['Later that day', 'That evening', 'The next morning']) + ',';
      s.add(s.one(
        () => `${then} ${B} looked at the ${topic}, and ${he(baby)} smiled ${his(baby)} very first smile`,
        () => `${then} ${B} took hold of the ${topic} with ${his(baby)} tiny hand and laughed a happy baby laugh`,
        () => `${then} ${B} held on to ${H}'s finger and would not let go, and the ${topic} lay between them`,
      ));
      s.add(s.one(
        () => (s.kind ? `${H} laughed out loud, and ${M} hugged them both` : `${H} laughed out loud in surprise`),
        () => `${M} and ${other.called} smiled, and the whole family sat close together`,
        () => `${H} felt proud to be ${a(big)}`,
      ));
      s.add(s.one(
        () => (s.kind ? `From that day on, ${H} and ${B} were the best of friends` : `${H} looked at the little baby and felt happy inside`),
        () => `${H} loved ${his(hero)} little ${sib} very much, and ${he(hero)} was so happy`,
        () => gladEnd(s, hero),
      ));
    } else {
      s.add(s.one(
        () => `But ${B} cried and cried, and the ${topic} fell on the floor`,
        () => `But ${B} chewed the ${topic} and got it all wet, and then ${he(baby)} screamed`,
        () => `But ${B} only cried, and nobody noticed the ${topic} at all`,
      ));
      s.add(s.one(
        () => (s.kind ? `${M} gave ${H} a quick hug, but then ${B} cried again, and ${M} had to go` : `${M} was too tired to play, and ${H} slammed ${his(hero)} door`),
        () => `${M} took ${B} away to bed, and the house was quiet and gloomy`,
        () => `Nobody had time to read ${H} a story that night, and ${he(hero)} felt forgotten`,
      ));
      s.add(s.one(
        () => `${H} sat alone in ${his(hero)} room with ${his(hero)} ${topic} and felt lonely and sad`,
        () => `${H} held ${his(hero)} ${topic} and cried, because ${he(hero)} felt left out and sad`,
        () => sadEnd(s, hero),
      ));
    }
  },
};
