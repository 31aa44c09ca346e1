// A rainy day inside: rain spoils a plan to play outside, so two children play indoors (a blanket
// fort, paints, a puzzle...). They share and take turns (kind) or grab and laugh at each other
// (unkind); the game turns out well and the sun comes back (happy), or it is spoilt and the rain
// never stops (sad).
import { he, himself, his, type Character } from '../cast';
import type { Plot } from '../plot';
import { doOne, gladEnd, intro, ROOMS, sadEnd, SMALL_SOUNDS, SNACKS } from './words-c';

interface Pastime {
  /** What the grown-up suggests, after "Why don't you ...?". */
  idea: string;
  /** How they did it (after "They ..."). */
  make: string[];
  /** Sharing it. */
  share: string;
  /** Grabbing it. */
  grab: string;
  /** Laughing at the other's part. */
  mock: string;
  /** How it turns out well (after "They ..."). */
  done: string[];
  /** How it is spoilt (a whole clause). */
  ruin: string[];
}

const PASTIMES: Record<string, Pastime> = {
  'blanket fort': {
    idea: 'build a blanket fort', make: ['put blankets over two chairs and the sofa', 'made walls of cushions and a roof of sheets'],
    share: 'held up one side of the blanket fort while {o} tied the other', grab: 'grabbed all the best pillows for the blanket fort', mock: "laughed and said {o}'s side of the blanket fort was a silly mess",
    done: ['crawled inside the blanket fort with a flashlight and read stories', 'had a picnic inside the blanket fort'], ruin: ['the blanket fort fell down on their heads', 'the cat pulled the sheet, and the whole blanket fort fell in a heap'],
  },
  puzzle: {
    idea: 'do the big puzzle', make: ['tipped the puzzle out on the rug', 'sorted the edge pieces of the puzzle from the middle ones'],
    share: 'found an edge piece and gave it to {o}', grab: 'grabbed the puzzle pieces and would not share', mock: 'laughed every time {o} tried a puzzle piece in the wrong place',
    done: ['put in the very last piece of the puzzle, and it was a farm with a red barn', 'finished the whole puzzle before lunch'], ruin: ['the last piece of the puzzle was lost and could not be found', 'the dog ran across the rug, and the puzzle went everywhere'],
  },
  paints: {
    idea: 'get out the paints', make: ['painted pictures of the rain and the gray clouds', 'put on old shirts and painted big pictures with the paints'],
    share: 'shared the paints and let {o} use the red first', grab: 'grabbed all the paints and the best brush', mock: "laughed at {o}'s picture and called it a silly scribble",
    done: ['hung their paintings on the fridge to dry', 'painted a rainbow, the biggest one they had ever made'], ruin: ['the water jar tipped over, and the paints ran into a brown mess', 'the paints spilled all over the rug, and the pictures were spoiled'],
  },
  'paper boats': {
    idea: 'make paper boats', make: ['folded paper boats from old newspapers', 'folded paper boats and colored the sails'],
    share: 'showed {o} how to fold the corners of a paper boat', grab: 'grabbed the paper and made all the paper boats', mock: "laughed at {o}'s paper boat and said it looked like a hat",
    done: ['sailed their paper boats in the bathtub, and every boat floated', 'raced their paper boats in the sink, splash, splash'], ruin: ['the paper boats got soggy and sank to the bottom of the bath', 'the paper boats were crushed when someone sat on them'],
  },
  'puppet show': {
    idea: 'put on a puppet show', make: ['made puppets out of old socks and buttons', 'hid behind the sofa and practiced the puppet show'],
    share: 'gave {o} the best sock for a puppet', grab: 'grabbed every puppet and kept the puppet show all to {self}', mock: "laughed at {o}'s puppet and made fun of its funny voice",
    done: ['put on the puppet show, and everyone clapped and cheered', 'gave a puppet show about a dragon who liked tea'], ruin: ['nobody came to watch the puppet show', 'the puppet show curtain fell down, and nobody wanted to watch'],
  },
  'block tower': {
    idea: 'build a tall block tower', make: ['stacked the blocks higher and higher', 'built a block tower as tall as the kitchen table'],
    share: 'let {o} put the next block on the block tower', grab: 'grabbed the blocks and would not let {o} build', mock: 'laughed when the top of {o}\'s block tower wobbled',
    done: ['made the block tower so tall that it reached the window sill', 'put a tiny flag on top of the block tower'], ruin: ['the block tower crashed down with a loud bang', 'the block tower fell over and one block broke a cup'],
  },
  cookies: {
    idea: 'bake some cookies', make: ['mixed butter, sugar and flour in a big bowl for the cookies', 'rolled out the dough and cut cookies shaped like stars'],
    share: 'let {o} stir the cookie dough and lick the spoon', grab: 'grabbed the cookie cutters and would not share', mock: "laughed and said {o}'s cookies looked like lumps of mud",
    done: ['took the warm cookies out of the oven, and the kitchen smelled sweet', 'ate the warm cookies with cold milk'], ruin: ['the cookies burned in the oven and turned black', 'the tray of cookies fell on the floor'],
  },
  'dress-up': {
    idea: 'open the dress-up box', make: ['put on old hats, long scarves and big boots from the dress-up box', 'dressed up as a king and a clown from the dress-up box'],
    share: "found a shiny crown in the dress-up box and gave it to {o}", grab: 'grabbed the best clothes from the dress-up box', mock: "laughed at {o}'s dress-up clothes and said {o} looked silly",
    done: ['had a dress-up parade down the hall', 'put on a dress-up show for the whole family'], ruin: ['the dress-up clothes got ripped', 'the dress-up box tipped over and the lid broke'],
  },
  'pots and pans': {
    idea: 'make a band with pots and pans', make: ['banged on pots and pans with wooden spoons', 'made drums from pots and pans and a bell from a lid'],
    share: 'gave {o} the biggest pot and the best spoon', grab: 'grabbed all the pots and pans', mock: 'laughed at {o} and said {o} could not keep time',
    done: ['played a loud, happy song on the pots and pans', 'marched around the kitchen, banging the pots and pans'], ruin: ['a heavy pan fell on a toe, and the band had to stop', 'the pots and pans made the baby wake up and scream'],
  },
  crayons: {
    idea: 'draw with the crayons', make: ['drew pictures of the sun with the crayons', 'made a big poster with crayons and glitter'],
    share: 'shared the crayons and let {o} have the blue one first', grab: 'grabbed the box of crayons and hid it', mock: "laughed at {o}'s picture and scribbled on it with the crayons",
    done: ['taped their crayon pictures on the window so the rain could see them', 'made a whole book of crayon pictures'], ruin: ['the crayons snapped in two and the pictures were torn', 'the crayons melted on the warm heater'],
  },
};

const PLANS = [
  'go to the park and play on the swings', 'have a picnic by the lake', 'ride bikes down the hill', 'play in the sandbox',
  'go to the beach', 'fly a kite on the big hill', 'play ball in the yard', 'go to the zoo',
];
const RAIN = [
  'But when {he} woke up, rain was pouring down',
  'But after breakfast, dark clouds came and it began to rain',
  'But it rained and rained, and the yard was one big puddle',
  'But there was thunder, and the rain came down in buckets',
];
const WINDOW = ['pressed {his} nose to the window', 'watched the raindrops race down the glass', 'sat by the window with {his} chin in {his} hands'];

export const rainyDayInside: Plot = {
  id: 'rainy-day-inside',
  title: 'A rainy day inside',
  topics: Object.keys(PASTIMES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const other = s.child();
    const grown = s.family(hero, s.pick(['mom', 'dad', 'grandma', 'grandpa'] as const));
    const H = hero.called;
    const O = other.called;
    const G = { ...grown, called: grown.name };
    const topic = s.traits.topic;
    const p = PASTIMES[topic];
    const relation = s.pick(['cousin', 'best friend', 'friend from next door', 'friend from school']);
    /** A pastime line with {o} the one it is done to and {self} the doer. */
    const fill = (t: string, doer: Character, target: Character): string => t.replaceAll('{o}', target.called).replaceAll('{self}', himself(doer));

    s.add(intro(s, hero));
    s.add(`${s.pick(['One Saturday', 'One day', 'On Sunday', 'One holiday morning'])}, ${H} and ${his(hero)} ${relation}, ${other.name}, wanted to ${s.pick(PLANS)}`);
    s.add(s.pick(RAIN).replace('{he}', he(hero)));
    if (s.chance(0.5)) s.add(s.pick(SMALL_SOUNDS));
    s.add(s.one(
      () => `${H} ${s.pick(WINDOW).replaceAll('{his}', his(hero))}`,
      () => `${H} and ${O} sat in the ${s.pick(ROOMS.filter((r) => r !== 'hallway' && r !== 'attic'))} and sighed`,
    ));
    s.say(hero, s.pick(['There is nothing to do!', 'This is the worst day ever!', 'When will the rain stop?', 'I am so bored!']), s.pick(['said', 'groaned', 'moaned']));
    s.add(s.one(
      () => `${G.called} smiled and said, "Why don't you ${p.idea}?"`,
      () => `Then ${O} had an idea: they could ${p.idea}`,
      () => `Then ${H} had an idea: they could ${p.idea}`,
    ));
    s.add(`They ${s.pick(p.make)}`);
    if (s.chance(0.4)) {
      s.add(s.pick([
        'The lights flickered, and the thunder went boom', 'Then the cat jumped right into the middle of everything',
        'The little dog wanted to play too and wagged its tail', 'Rain tapped on the roof like tiny drums',
      ]));
    }

    // Kindness: sharing and taking turns, or grabbing and laughing.
    if (s.kind) {
      s.add(`${H} ${fill(p.share, hero, other)}`);
      s.add(s.one(
        () => `${O} said, "Thank you, ${hero.name}!" and gave ${H} a big smile`,
        () => `They took turns, and when one of them got stuck, the other helped`,
        () => `When ${O} made a mistake, ${H} said, "That's okay! Let's try again."`,
      ));
    } else {
      doOne(s,
        () => { s.add(`${H} ${fill(p.grab, hero, other)}`); s.say(hero, s.pick(['Mine! You can just watch', 'I go first, and you go last!']), 'shouted'); },
        () => { s.add(`${H} ${fill(p.mock, hero, other)}`); s.add(`${O} shouted, "Stop it!" and pushed ${H} away`); },
        () => { s.add(`${O} ${fill(p.grab, other, hero)}`); s.add(`${H} shouted at ${O} and stamped ${his(hero)} feet`); },
      );
    }

    // The ending: a happy indoor day (and the sun), or a spoilt one (and more rain).
    if (s.happy) {
      s.add(`They ${s.pick(p.done)}`);
      if (s.chance(0.5)) s.add(`Then ${G.called} brought them ${s.pick(SNACKS)}`);
      s.add(s.one(
        () => `Later, the sun came out, and a beautiful rainbow shone over the houses`,
        () => `${H} laughed, because a rainy day inside could be fun too`,
        () => `Outside it was wet, but inside it was warm, cozy and happy`,
        () => gladEnd(s, hero),
      ));
    } else {
      s.add(`But ${s.pick(p.ruin)}`);
      if (s.chance(0.5)) s.add(s.one(() => `${G.called} said, "What a mess!" and sent them to tidy up`, () => `${O} went home early, and the house was quiet`));
      s.add(s.one(
        () => `It rained all day, and ${H} felt bored, cross and miserable`,
        () => `${H} looked at the gray sky and cried, because the whole day was ruined`,
        () => sadEnd(s, hero),
      ));
    }
  },
};
