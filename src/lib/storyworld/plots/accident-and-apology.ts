// An accident and an apology: a child spills a drink on a friend's things, or knocks over something
// the friend made. Kind: "I'm sorry", forgiven, put right together. Unkind: blaming, laughing,
// shouting. Happy: it is put right or comes out better; sad: it stays spoiled and so do their spirits.
import { he, him, his, himself, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { ANY_TIMES, bond, INDOOR_TIMES, opener, PICTURES, refs, SNACKS } from './words-b';

/** A drink (or paint) that spills: what it comes in and a word for it. */
const SPILLS: Record<string, { cup: readonly string[]; adj: readonly string[] }> = {
  juice: { cup: ['glass', 'cup'], adj: ['sticky', 'sweet', 'cold'] },
  milk: { cup: ['glass', 'cup'], adj: ['cold', 'fresh'] },
  lemonade: { cup: ['glass', 'cup'], adj: ['sticky', 'cold', 'pink'] },
  'hot cocoa': { cup: ['mug', 'cup'], adj: ['sweet', 'chocolate'] },
  'grape juice': { cup: ['glass', 'cup'], adj: ['purple', 'sticky'] },
  paint: { cup: ['pot', 'jar'], adj: ['green', 'blue', 'red', 'yellow', 'orange'] },
};

/** What the spill lands on: the friend's thing, and how it is spoiled or saved. */
interface Target {
  name: (o: Character) => string;
  set: (s: Story, o: Character) => string;
  spoiled: readonly string[];
  /** Put right, by `w` ("they", "Mia"), `t` (" together", " all by herself"). */
  saved: ReadonlyArray<(w: string, t: string) => string>;
  lost: readonly string[];
}
const TARGETS: readonly Target[] = [
  {
    name: () => 'drawing',
    set: (s, o) => `${o.called} was drawing a picture of ${a(s.pick(PICTURES))}`,
    spoiled: ['the colors ran together into a muddy puddle', 'the paper went soft and wrinkly'],
    saved: [(w) => `${w} laid the drawing in the sun to dry, and the little spots looked like flowers`, (w, t) => `${w} dried the drawing and added a few more colors${t}, and it looked even better than before`],
    lost: ['the drawing was too wet and torn to save', 'the drawing was spoiled, and there was no more paper'],
  },
  {
    name: () => 'storybook',
    set: (_s, o) => `${o.called} had ${his(o)} favorite storybook open on the table`,
    spoiled: ['the pages got wet and stuck together', 'a big wet spot spread across the pages'],
    saved: [(w, t) => `${w} dried the storybook page by page with a soft towel${t}, and soon it was good as new`, (w) => `${w} dried every page in the sun, and the storybook was fine`],
    lost: ['the pages of the storybook stayed wrinkly and stuck together', 'the storybook was spoiled, and the pretty pictures were ruined'],
  },
  {
    name: (o) => (o.sex === 'f' ? 'new dress' : 'new shirt'),
    set: (_s, o) => `${o.called} was wearing ${his(o)} ${o.sex === 'f' ? 'new dress' : 'new shirt'} for the first time`,
    spoiled: ['a big dark stain spread down the front', 'it was wet and dripping'],
    saved: [(w, t) => `${w} washed it in warm soapy water${t}, and the stain came right out`, (w) => `${w} scrubbed it in the sink, and soon it was clean and bright again`],
    lost: ['the stain would not come out, no matter how hard they scrubbed', 'the stain stayed there forever'],
  },
  {
    name: () => 'birthday card',
    set: (s, o) => `${o.called} was making a birthday card for ${his(o)} ${s.pick(['grandma', 'grandpa', 'mom', 'dad', 'aunt'])}`,
    spoiled: ['the glitter and the writing ran together', 'the card went soft and floppy'],
    saved: [(w, t) => `${w} made a new birthday card${t}, with even more glitter and stars`, (w) => `${w} dried the card, and the drips looked like fireworks`],
    lost: ['the birthday card was spoiled, and there was no time to make a new one', 'the card was ruined, and it was too late to start again'],
  },
];

/** A thing the friend made that gets knocked over. */
interface Built {
  has: (s: Story, o: Character) => string;
  detail: readonly string[];
  fall: readonly string[];
  mess: readonly string[];
  fixed: ReadonlyArray<(w: string, t: string) => string>;
  lost: readonly string[];
}
const BUILT: Record<string, Built> = {
  tower: {
    has: (s, o) => `${o.called} had built a tall tower of wooden blocks ${s.pick(['that was taller than a chair', 'that almost reached the door handle', 'with a window in the middle'])}`,
    detail: ['It had a big red brick at the bottom and a little flag on top', 'It wobbled a tiny bit, but it stood'],
    fall: ['the tower swayed and fell down', 'the tower toppled over'],
    mess: ['Blocks rolled all over the floor', 'Blocks bounced under the sofa and behind the toy box'],
    fixed: [(w, t) => `${w} built the tower again${t}, piece by piece, and this time it was even taller`, (w, t) => `${w} built a new tower${t}, with a bridge and a flag on top`],
    lost: ['it was time for bed before the tower could be built again', 'some pieces were lost under the sofa, and the tower could never be as tall again'],
  },
  puzzle: {
    has: (s, o) => `${o.called} was doing a big puzzle of ${a(s.pick(['castle', 'pirate ship', 'jungle', 'zoo', 'farm']))}`,
    detail: ['Only one piece was left to put in', 'It had taken all morning'],
    fall: ['the puzzle slid off the table', 'the puzzle flipped into the air'],
    mess: ['Pieces flew everywhere', 'Puzzle pieces went all over the rug'],
    fixed: [(w, t) => `${w} put the puzzle back${t}, piece by piece, and finished it`, (w) => `${w} found every piece of the puzzle, and soon it was finished`],
    lost: ['three pieces of the puzzle were lost, and it could never be finished', 'the puzzle pieces were everywhere, and the picture was gone'],
  },
  'flower pot': {
    has: (s, o) => `${o.called} had planted ${a(s.pick(['sunflower', 'red tulip', 'little daisy', 'bean plant']))} in a little flower pot`,
    detail: ['The flower pot sat on the window sill in the sun', 'Every day, a new green leaf came out'],
    fall: ['the flower pot fell off the window sill and broke', 'the flower pot tipped over and cracked'],
    mess: ['Soil spilled all over the floor', 'Dirt and bits of the pot lay on the floor'],
    fixed: [(w, t) => `${w} planted the flower in a new pot with fresh soil${t}, and the next day it stood up tall again`, (w) => `${w} found a new flower pot, and the plant grew a new leaf the very next day`],
    lost: ['the stem had snapped, and the little plant drooped and died', 'the plant was broken, and no new leaves ever came'],
  },
  cupcakes: {
    has: (s, o) => `${o.called} had made a tray of cupcakes with ${s.pick(['pink icing', 'chocolate icing', 'sprinkles on top', 'a cherry on each one'])}`,
    detail: ['The cupcakes were for a party that afternoon', 'They smelled sweet and warm'],
    fall: ['the tray of cupcakes slid off the table', 'the cupcakes flew off the tray'],
    mess: ['The cupcakes landed upside down on the floor', 'Icing was smeared all over the floor'],
    fixed: [(w, t) => `${w} baked a new batch of cupcakes${t} and put sprinkles on every one`, (w, t) => `${w} made new cupcakes${t}, and they were the tastiest ones yet`],
    lost: ['there were no cupcakes left for the party', 'every cupcake was squashed, and there was no time to bake more'],
  },
  'train track': {
    has: (s, o) => `${o.called} had built a long train track ${s.pick(['all around the room', 'with a bridge and a tunnel', 'from the sofa to the door'])}`,
    detail: ['A little blue train went round and round on it', 'It had a bridge made of books'],
    fall: ['the train track broke apart', 'the bridge of the train track came crashing down'],
    mess: ['The little train tipped over on its side', 'Pieces of track lay everywhere'],
    fixed: [(w, t) => `${w} fixed the train track${t} and built a new bridge that was even higher`, (w) => `${w} put the train track back together, and the little train went round again`],
    lost: ['the bridge piece of the train track had snapped in two and could not be fixed', 'the train track was in pieces, and one wheel had come off the little train'],
  },
};

const TOPICS = [...Object.keys(SPILLS), ...Object.keys(BUILT)];

export const accidentAndApology: Plot = {
  id: 'accident-and-apology',
  title: 'An accident and an apology',
  topics: TOPICS,
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const other = s.child();
    const topic = s.traits.topic;
    const spill = SPILLS[topic];
    const built = BUILT[topic];
    const P = refs([hero, other]);
    const H = hero.called;
    const O = other.called;

    s.add(opener(s, hero, s.pick([' who was always in a hurry', ' who loved to run and jump', ' who never sat still', '', ' who talked with ' + his(hero) + ' hands'])));
    s.add(bond(s, hero, other));

    let thing: string; // the friend's thing that gets spoiled, named the same way each time
    let fix: (w: string, t: string) => string;
    let lostLine: string;
    if (spill) {
      const target = s.pick(TARGETS);
      thing = `${whoseOf(O)} ${target.name(other)}`;
      const cup = s.pick(spill.cup);
      s.add(s.one(
        () => `${s.pick([...INDOOR_TIMES, ...ANY_TIMES])}, the two of them sat together at the kitchen table`,
        () => `${s.pick(ANY_TIMES)}, ${H} and ${O} sat down at the little table in the playroom`,
        () => `${s.pick(ANY_TIMES)}, they had a snack on a blanket in the garden`,
      ));
      s.add(target.set(s, other));
      s.add(s.one(
        () => `${H} had ${a(cup)} of ${s.pick(spill.adj)} ${topic} and ${a(s.pick(SNACKS))}`,
        () => `Next to ${him(other)}, ${H} had a big ${cup} of ${topic}`,
        () => `${H} had a full ${cup} of ${topic}, right up to the top`,
      ));
      s.add(s.one(
        () => `${P.he(hero)} reached across the table for a napkin and bumped the ${cup}`,
        () => `${P.he(hero)} waved ${his(hero)} arms to tell a funny story, and ${his(hero)} elbow hit the ${cup}`,
        () => `Then ${H} wiggled in ${his(hero)} chair, and the ${cup} wobbled`,
        () => `${H} turned around too fast, and ${his(hero)} hand knocked the ${cup}`,
      ));
      if (s.chance(0.5)) s.add(s.pick(['Splash!', 'Oops!', 'Splosh!']));
      s.add(`The ${topic} went all over ${thing}, and ${s.pick(target.spoiled)}`);
      fix = s.pick(target.saved);
      lostLine = s.pick(target.lost);
      if (s.chance(0.6)) s.say(other, s.pick([`My ${target.name(other)}!`, `Oh no, look at my ${target.name(other)}!`, `It's all wet!`]));
    } else {
      thing = `${whoseOf(O)} ${topic}`;
      s.add(s.one(
        () => `${s.pick([...INDOOR_TIMES, ...ANY_TIMES])}, ${H} and ${O} were playing in ${s.pick(['the living room', 'the playroom', 'the kitchen'])}`,
        () => `${s.pick(INDOOR_TIMES)}, the two of them stayed inside to play`,
      ));
      s.add(built.has(s, other));
      if (s.chance(0.4)) s.add(s.pick(built.detail));
      else if (s.chance(0.5)) s.say(other, s.pick([`Look at my ${topic}!`, `Be careful near my ${topic}, please`, `Isn't my ${topic} great?`]));
      s.add(s.one(
        () => `But ${H} was running around the room, pretending to be ${a(s.pick(['airplane', 'race car', 'horse', 'dragon', 'rocket']))}`,
        () => `${H} was bouncing ${his(hero)} ball, and it got away from ${him(hero)}`,
        () => `Then ${H} tripped over ${his(hero)} own shoelace`,
        () => `${H} was dancing and spinning with ${his(hero)} eyes shut`,
      ));
      if (s.chance(0.5)) s.add(s.pick(['Crash!', 'Bang!', 'Oops!', 'Bump!']));
      s.add(`${s.pick(['In a moment,', 'All at once,', 'Just like that,'])} ${s.pick(built.fall)}`);
      s.add(s.pick(built.mess));
      fix = s.pick(built.fixed);
      lostLine = s.pick(built.lost);
      if (s.chance(0.6)) s.say(other, s.pick([`My ${topic}!`, `Oh no, my ${topic}!`, `No, no, no!`]));
    }

    if (s.kind) {
      s.say(hero, s.pick([
        `I'm so sorry, ${other.name}. I was not looking`,
        `Oh no, I'm really sorry! It was an accident`,
        `I'm sorry, ${other.name}. Let me help you`,
      ]));
      s.say(other, s.pick([`That's okay. I know you did not mean it`, `It's all right. Accidents happen`, `Thank you for saying sorry`]));
      if (s.chance(0.6)) s.add(spill
        ? s.one(
            () => `${H} ran to get a cloth and wiped up every drop of ${topic}`,
            () => `${H} fetched a towel, and together they cleaned up the ${topic}`,
          )
        : s.one(
            () => `${H} got down on the floor and helped clean up`,
            () => `${H} and ${O} cleaned up the mess together, side by side`,
          ));
    } else {
      s.say(hero, s.pick([
        `It's not my fault! It's your own fault for putting it there`,
        `Ha! Who cares about your silly ${topic}?`,
        `You're so silly. You should not have put it there`,
      ]), s.pick(['snapped', 'said', 'shouted']));
      s.add(s.one(
        () => `${H} laughed and ran off to play, and ${he(hero)} did not help clean up`,
        () => `${P.he(hero)} folded ${his(hero)} arms and would not say sorry`,
        () => `${P.he(hero)} just walked away and left the mess`,
      ));
      s.add(s.one(
        () => `${O} stamped ${his(other)} foot and shouted at ${H}`,
        () => `${O} pushed ${H} and called ${him(hero)} a big clumsy baby`,
        () => `${O} grabbed ${whoseOf(H)} toy and threw it on the floor`,
      ));
    }

    if (s.happy) {
      if (s.kind) {
        s.add(`Then ${fix('they', ' together')}`);
        s.add(s.one(
          () => `${O} gave ${H} a big hug, and they laughed together`,
          () => `It turned into a happy day after all, and they had lots of fun`,
          () => `The two friends smiled at each other, happy and proud`,
        ));
      } else {
        s.add(`${s.pick(['Later', 'After a while', 'The next day'])}, ${fix(O, ` all by ${himself(other)}`)}`);
        s.add(s.one(
          () => `${O} smiled a big, proud smile`,
          () => `In the end, ${O} was happy again, and so was ${H}`,
          () => `It was a lovely day after all`,
        ));
      }
    } else {
      s.add(s.one(() => `But ${lostLine}`, () => `Sadly, ${lostLine}`));
      s.add(s.kind
        ? s.one(
            () => `${O} tried to smile, but ${P.he(other)} was very sad`,
            () => `${H} felt sorry all day, and ${O} cried quietly`,
            () => `Both of them were sad for the rest of the day`,
          )
        : s.one(
            () => `${O} cried, and ${H} sat all alone, angry and miserable`,
            () => `They did not play together for the rest of the day, and both of them were unhappy`,
            () => `${O} would not speak to ${H}, and it was a sad, lonely day`,
          ));
    }
  },
};

/** "Mia's" from "Mia" (a name as the narrator calls it). */
function whoseOf(name: string): string {
  return `${name}'s`;
}
