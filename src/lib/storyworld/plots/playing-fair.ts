// A game with rules: tag, hide and seek, a race, hopscotch... A child has a chance to cheat. They
// play fair and own up to their own slip (honest), or cheat and deny it (dishonest). They take turns,
// help the one who falls and say "good game" (kind), or push in, laugh and shout (unkind); the
// game ends in fun (happy) or in tears (sad).
import { he, him, his } from '../cast';
import type { Plot } from '../plot';
import { gladEnd, intro, sadEnd } from './words-c';

interface Game {
  /** Playing it (after "<children> ..."): "played tag", "had a race". */
  play: string;
  /** What another child says who saw a cheat. */
  ask: string;
  /** Where it is played. */
  where: string[];
  /** The rule, a whole sentence; {h} the hero. */
  rule: string;
  /** The moment a cheat is possible. */
  tempt: string;
  /** Playing fair, or owning up (after "<hero> ..."), and what they say. */
  fair: string;
  truth: string;
  /** Cheating (after "<hero> ..."), and the lie when asked. */
  cheat: string;
  lie: string;
}

const GAMES: Record<string, Game> = {
  tag: {
    play: 'played tag', ask: "I got you! You are it!", where: ['in the park', 'in the school yard', 'on the grass behind the house'], rule: 'Whoever was "it" had to chase the others, and anyone who got touched was "it" next',
    tempt: 'Then {f} touched {h}\'s sleeve, so lightly that nobody else saw', fair: 'stopped running and held up {his} hand', truth: 'You got me! I am it now',
    cheat: 'kept running as if nothing had happened', lie: 'You missed me! You did not touch me at all',
  },
  'hide and seek': {
    play: 'played hide and seek', ask: "Hey, were you peeking?", where: ['in the garden', 'all over the house', 'in the park'], rule: 'One child counted to twenty with closed eyes, and everyone else ran to hide',
    tempt: '{h} was "it", and {he} had to hide {his} eyes and count', fair: 'shut {his} eyes tight and counted every single number', truth: 'Eighteen, nineteen, twenty! I did not peek. Ready or not, here I come',
    cheat: 'peeked through {his} fingers and saw where everyone went', lie: 'I did not peek, not even once',
  },
  race: {
    play: 'had a race', ask: "Hey, you started too soon!", where: ['in the park', 'on the beach', 'at the school sports day'], rule: 'Everyone had to wait at the line until someone shouted "Go!"',
    tempt: 'Everyone lined up, and {f} called, "On your marks, get set!"', fair: 'jumped off the line a tiny bit too early by mistake, and then stopped', truth: 'Wait! I started too soon. Let\'s start again',
    cheat: 'ran before anyone said "Go!"', lie: 'I did not start early. I am just fast',
  },
  hopscotch: {
    play: 'played hopscotch', ask: "Your foot touched the line!", where: ['on the sidewalk', 'in the school yard', 'on the driveway'], rule: 'They drew the squares in chalk, and anyone who stepped on a line lost a turn',
    tempt: 'On {his} turn, {h} wobbled, and {his} foot touched a line', fair: 'stopped hopping and stepped off the squares', truth: 'My foot touched the line. It is your turn now',
    cheat: 'quickly rubbed out the chalk with {his} shoe', lie: 'I did not touch the line',
  },
  'musical chairs': {
    play: 'played musical chairs', ask: "The music was still playing!", where: ['at a birthday party', 'in the classroom', 'in the living room'], rule: 'When the music stopped, everyone had to find a chair, and there was one chair too few',
    tempt: 'The music played, and {h} wanted a chair more than anything', fair: 'waited until the music really stopped and then was too slow', truth: 'You got there first. I am out, and that is fair',
    cheat: 'sat down before the music stopped and pretended it had', lie: 'The music had stopped! I was first',
  },
  marbles: {
    play: 'played marbles', ask: "Did you push your marble?", where: ['on the rug', 'in the school yard', 'on the porch'], rule: 'Each one flicked a marble, and whoever got a marble into the circle won it',
    tempt: '{h}\'s marble stopped just short of the circle', fair: 'left the marble just where it was', truth: 'I missed. It is your turn',
    cheat: 'pushed the marble into the circle with a finger when nobody was looking', lie: 'Look, my marble rolled right in',
  },
  'board game': {
    play: 'played a board game', ask: "Did you really roll a five?", where: ['at the kitchen table', 'on the living room rug', 'at Grandma\'s house'], rule: 'Everyone took turns to roll the dice and move along the board, and the first one home won',
    tempt: '{h} rolled a two, but {he} needed a five to win', fair: 'moved {his} piece just two spaces', truth: 'Only a two. Maybe next time',
    cheat: 'moved {his} piece five spaces when nobody was looking', lie: 'I rolled a five! I win',
  },
  'sack race': {
    play: 'had a sack race', ask: "You got out of your sack!", where: ['at the school sports day', 'at the summer fair', 'in the park'], rule: 'Everyone stood in a sack and had to hop all the way to the finish',
    tempt: 'Halfway down the field, {h} fell over in the sack', fair: 'got up and hopped on, slow but fair', truth: 'I fell, but I will keep hopping',
    cheat: 'stepped out of the sack and ran the rest of the way, holding it up', lie: 'I hopped the whole way',
  },
  'egg and spoon race': {
    play: 'had an egg and spoon race', ask: "Did you hold your egg with your thumb?", where: ['at the school sports day', 'at the summer fair', 'in the backyard'], rule: 'Everyone had to carry an egg on a spoon to the finish without touching it',
    tempt: 'The egg wobbled on {h}\'s spoon and fell off', fair: 'went back to the start, just like the rules said', truth: 'I dropped my egg, so I have to go back',
    cheat: 'put the egg back and held it on the spoon with {his} thumb', lie: 'I never dropped it, and I never touched it',
  },
  'jump rope': {
    play: 'played jump rope', ask: "You missed a jump!", where: ['in the school yard', 'on the sidewalk', 'in the park'], rule: 'Two children swung the long rope, and whoever jumped the most times won',
    tempt: '{h} tripped on the rope at jump number ten', fair: 'stopped and let the next child have a turn', truth: 'I missed. It\'s your turn',
    cheat: 'kept jumping and counting as if nothing had happened', lie: 'I did not miss! That was fifty jumps',
  },
};

const PRIZES = ['a gold star sticker', 'a shiny ribbon', 'the last cupcake', 'a paper medal', 'a big red apple', 'a little toy whistle'];

export const playingFair: Plot = {
  id: 'playing-fair',
  title: 'Playing fair',
  topics: Object.keys(GAMES),
  hasFear: false,
  hasLie: true,
  write(s) {
    const hero = s.child();
    const f1 = s.child();
    const f2 = s.child();
    const H = hero.called;
    const topic = s.traits.topic;
    const g = GAMES[topic];
    const fill = (t: string): string => t.replaceAll('{h}', H).replaceAll('{he}', he(hero)).replaceAll('{his}', his(hero)).replaceAll('{f}', f1.called);
    const prize = s.pick(PRIZES);

    s.add(intro(s, hero, s.pick(['', ` who loved games`, ` who always wanted to win`])));
    s.add(`${s.pick(['One day', 'One sunny afternoon', 'After school', 'On Saturday'])}, ${H}, ${f1.called} and ${f2.called} ${g.play} ${s.pick(g.where)}`);
    s.add(fill(g.rule));
    if (s.chance(0.5)) s.add(`The winner would get ${prize}`);

    // Kindness, at the start of the game.
    if (s.kind) {
      s.add(s.one(
        () => `${H} let ${f2.called}, the smallest, go first`,
        () => `They took turns, and ${H} cheered for everyone`,
        () => `${H} showed ${f2.called}, who was new, how the game worked`,
      ));
    } else {
      s.add(s.one(
        () => `${H} pushed to the front and shouted, "I go first!"`,
        () => `${H} laughed at ${f2.called} for being slow`,
        () => `${H} pushed ${f2.called} out of the way and said, "Babies go last!"`,
      ));
    }

    // The chance to cheat, and what the child does with it.
    s.add(fill(g.tempt));
    if (s.honest) {
      s.add(`${H} ${fill(g.fair)}`);
      s.say(hero, g.truth);
      if (s.chance(0.5)) s.say(f1, s.pick(['You always play fair!', 'That was very honest of you', 'That is the right way to play']));
    } else {
      s.add(`${H} ${fill(g.cheat)}`);
      s.say(f1, s.chance(0.7) ? g.ask : s.pick(['Hey, that was not fair!', 'Wait, is that right?']));
      s.say(hero, g.lie, s.pick(['said', 'shouted']));
    }

    // Kindness, later in the game.
    if (s.kind) {
      const sitting = topic === 'board game' || topic === 'marbles';
      s.add(s.one(
        () => (sitting ? `When ${f2.called} lost a turn, ${H} said, "Never mind. You are playing really well."` : `When ${f2.called} tripped and fell, ${H} ran to help ${him(f2)} up`),
        () => `${H} said "Good game!" to everyone and gave ${f2.called} a high five`,
        () => `When ${f2.called} looked sad, ${H} shared ${his(hero)} snack with ${f2.called}`,
      ));
    } else {
      const sitting = topic === 'board game' || topic === 'marbles';
      s.add(s.one(
        () => (sitting ? `When ${f2.called} lost a turn, ${H} pointed and laughed, "Ha! You lose!"` : `When ${f2.called} tripped and fell, ${H} pointed and laughed`),
        () => `${H} shouted at ${f2.called}, "You are so slow! You always spoil it!"`,
        () => `${H} pushed ${f2.called}, and ${f2.called} began to cry`,
      ));
    }

    // The ending: the honest and the cheat alike can end glad or sad.
    if (s.happy) {
      s.add(s.honest
        ? s.one(() => `${f1.called} won that game, but ${H} won the next one, fair and square`, () => `In the end, nobody cared who won, because the game was so much fun`, () => `At the end, ${H} won, and everyone knew it was a fair win`)
        : s.one(() => `${H} won the game and ${s.chance(0.5) ? `got ${prize}` : 'jumped up and down'}`, () => `Nobody could prove anything, so ${H} won the game`));
      s.add(s.one(
        () => `They all laughed and played until the sun went down`,
        () => `${H} grinned all the way home, happy as could be`,
        () => gladEnd(s, hero),
      ));
    } else {
      s.add(s.honest
        ? s.one(() => `${H} lost the game, and then ${he(hero)} tripped and hurt ${his(hero)} knee`, () => `Then dark clouds came, and cold rain ruined the game`, () => `${H} lost every game that day, and ${his(hero)} knee got hurt too`)
        : s.one(() => `But ${f2.called} had seen everything, and soon the others were angry and left ${H} alone`, () => `${f1.called} and ${f2.called} did not believe ${H}, and they went home cross`));
      s.add(s.one(
        () => `${H} sat all alone and cried`,
        () => `${H} went home sad and lonely, with a heavy heart`,
        () => sadEnd(s, hero),
      ));
    }
  },
};
