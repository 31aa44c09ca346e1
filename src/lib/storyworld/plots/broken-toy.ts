// A broken toy: a favourite toy breaks while a child plays with a friend. The friend says sorry or
// comforts (kind), or laughs and the child shouts and pushes (unkind); a grown-up and the children
// try to mend it, and it works again (happy) or cannot be mended (sad).
import { he, his } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { doOne, gladEnd, intro, sadEnd } from './words-c';

interface Breakable {
  looks: string[];
  /** What the child does with it: "raced it across the floor". */
  play: string[];
  /** What went wrong, as a clause: "one of its wheels came off". */
  breaks: string;
  /** The mending, after "<grown-up> ...": "fixed the wheel with a tiny screw". */
  fix: string;
  /** What the mending needs: "a little screwdriver". */
  tool: string;
  /** What working again looks like. */
  works: string;
  /** Why it cannot be mended. */
  fails: string;
}

const BREAKABLES: Record<string, Breakable> = {
  'toy car': { looks: ['red', 'fast', 'shiny blue', 'little racing'], play: ['raced {t} across the kitchen floor', 'zoomed {t} down a ramp made of books'], breaks: 'one of its wheels came off', fix: 'put the wheel back on with a tiny screw', tool: 'a little screwdriver', works: 'zoomed across the floor again, vroom, vroom', fails: 'the wheel kept falling off' },
  'toy train': { looks: ['wooden', 'green', 'long', 'shiny'], play: ['pushed {t} around the track in the playroom, choo, choo', "filled the cars of {t} with marbles"], breaks: 'the chimney snapped off the engine', fix: 'glued the chimney back on and held it tight', tool: 'a tube of glue', works: 'went around the track again, choo, choo', fails: 'the chimney fell off again as soon as the glue dried' },
  kite: { looks: ['red', 'diamond', 'rainbow', 'big yellow'], play: ['ran with {t} across the field', 'let {t} climb high into the wind on the hill'], breaks: 'its paper tore and one stick snapped', fix: 'patched the hole with tape and tied the stick with string', tool: 'tape and string', works: 'flew high over the trees again', fails: 'it would only spin and crash into the grass' },
  'teddy bear': { looks: ['brown', 'old', 'soft', 'fluffy'], play: ['had a tea party with {t} on the rug', 'swung {t} around by its arms in the garden'], breaks: 'one arm ripped off and the stuffing fell out', fix: 'sewed the arm back on with tiny stitches', tool: 'a needle and some thread', works: 'was soft and whole and ready for hugs again', fails: 'the old cloth kept tearing' },
  doll: { looks: ['pretty', 'little', 'rag', 'old'], play: ['dressed {t} in a party dress', 'pushed {t} in a tiny pram'], breaks: 'its arm popped off and rolled under the sofa', fix: 'found the arm under the sofa and clicked it back into place', tool: 'a flashlight', works: 'could wave hello again', fails: 'the arm fell out again, because it had cracked' },
  'toy robot': { looks: ['silver', 'tall', 'shiny', 'beeping'], play: ['made {t} walk across the table, beep, beep', 'made {t} wave its arms'], breaks: 'it fell off the table, and its light went out', fix: 'put in new batteries and tightened a loose screw', tool: 'new batteries and a screwdriver', works: 'beeped and blinked and walked again', fails: 'its light still stayed dark, and it did not beep' },
  'toy boat': { looks: ['little', 'wooden', 'blue', 'red'], play: ['sailed {t} in a big puddle', 'floated {t} in the bath'], breaks: 'its sail ripped and the mast snapped', fix: 'made a new mast from a stick and a new sail from an old handkerchief', tool: 'a stick and an old handkerchief', works: 'sailed across the puddle again', fails: 'it tipped over and sank every time' },
  bike: { looks: ['red', 'blue', 'shiny', 'new'], play: ['rode {t} up and down the street', 'pushed {t} up a hill and rode it down'], breaks: 'the chain came off and the tire went flat', fix: 'put the chain back and pumped up the tire', tool: 'a pump and a wrench', works: 'rolled down the street again', fails: 'the tire went flat again and again' },
  drum: { looks: ['red', 'little', 'loud', 'shiny'], play: ['marched around playing {t}, boom, boom', 'played {t} for the cat'], breaks: 'the top split with a loud crack', fix: 'stretched a new top over it and tied it tight', tool: 'a piece of strong paper and some string', works: 'went boom, boom again', fails: 'it only went thud' },
  'toy plane': { looks: ['white', 'silver', 'red', 'little'], play: ['flew {t} around the living room', 'threw {t} high over the garden'], breaks: 'one wing snapped off', fix: 'glued the wing back on and let it dry', tool: 'a tube of glue', works: 'flew across the yard again', fails: 'the wing fell off again' },
  'red wagon': { looks: ['old', 'big', 'rusty', 'shiny'], play: ['filled {t} with leaves in the yard', 'pulled {t} down the path, full of stones'], breaks: 'the handle broke right off', fix: 'fixed the handle with a new bolt and a hammer', tool: 'a hammer and a bolt', works: 'rolled along again, full of leaves', fails: 'the handle snapped again' },
  puppet: { looks: ['sock', 'funny', 'floppy', 'dragon'], play: ['put on a show with {t}', 'made {t} sing silly songs'], breaks: 'its mouth ripped open and a button eye fell off', fix: 'sewed the mouth shut and stitched on the button eye', tool: 'a needle, some thread and a button', works: 'could sing silly songs again', fails: 'the thin sock tore again right away' },
};

const WHERE_TOOLS = ['the toolbox', 'the garage', 'a big shelf in the shed'];
const CRACKS = ['All at once,', 'Just like that,', 'In a second,', 'Before anyone could catch it,'];

export const brokenToy: Plot = {
  id: 'broken-toy',
  title: 'A broken toy',
  topics: Object.keys(BREAKABLES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const friend = s.child();
    const fixer = s.family(hero, s.pick(['grandpa', 'grandma', 'dad', 'mom', 'uncle', 'aunt'] as const));
    const H = hero.called;
    const Fr = friend.called;
    const Fx = fixer.name; // "Grandpa", "Aunt Bea": clear even when the friend is also a she or a he
    const topic = s.traits.topic;
    const b = BREAKABLES[topic];
    const cause = s.pick(['friend', 'hero', 'dog'] as const);

    s.add(intro(s, hero));
    s.add(s.one(
      () => `${H} had ${a(`${s.pick(b.looks)} ${topic}`)}, and ${he(hero)} loved it more than any other toy`,
      () => `${his(hero)} best toy was ${a(`${s.pick(b.looks)} ${topic}`)} from ${Fx}`,
      () => `${Fx} had given ${H} ${a(`${s.pick(b.looks)} ${topic}`)} for ${his(hero)} birthday`,
    ));
    s.add(s.one(
      () => `${s.pick(['One day', 'One afternoon', 'On Saturday', 'After lunch'])}, ${H} and ${Fr} played together`,
      () => `${s.pick(['One day', 'One afternoon', 'On Saturday', 'After lunch'])}, ${Fr} came over to play`,
      () => `${s.pick(['One day', 'One afternoon', 'On Saturday', 'After lunch'])}, ${H} asked ${Fr} to come and play with the ${topic}`,
    ));
    s.add(`They ${s.pick(b.play).replace('{t}', `the ${topic}`)}, and they laughed and laughed`);

    // How it broke.
    if (cause === 'friend') {
      s.add(s.kind
        ? s.one(() => `Then ${Fr} tripped and fell right on top of the ${topic} by accident`, () => `Then ${Fr} bumped into the ${topic} by accident, and it fell`)
        : s.one(() => `Then ${Fr} grabbed the ${topic} and pulled too hard`, () => `Then ${Fr} stamped on the ${topic} just to see what would happen`));
    } else if (cause === 'hero') {
      s.add(s.one(() => `Then ${H} tripped, and the ${topic} flew out of ${his(hero)} hands`, () => `Then ${H} slipped, and the ${topic} hit the ground hard`, () => `Then the ${topic} fell from ${H}'s hands and landed with a thump`));
    } else {
      s.add(`Then ${s.pick(["the neighbor's big dog", 'a puppy from next door', 'a big, bouncy dog'])} came running and jumped right on the ${topic}`);
    }
    s.add(`${s.pick(CRACKS)} ${b.breaks}`);
    s.say(hero, s.pick([`My ${topic}! It's broken!`, `Oh no, my poor ${topic}!`, `Look at my ${topic}!`]), s.pick(['cried', 'shouted', 'said']));

    // Kindness: sorry and comfort, or laughing, shouting and pushing.
    if (s.kind) {
      if (cause === 'friend') {
        s.say(friend, s.pick([`I am so sorry, ${hero.name}. I did not mean to`, `Oh no! I am sorry. It was an accident`]));
        s.add(s.one(() => `${H} took a deep breath and said, "It's okay. I know you did not mean it."`, () => `${H} was sad, but ${he(hero)} gave ${Fr} a hug and said, "That's all right."`));
      } else {
        s.add(`${Fr} put an arm around ${H}`);
        s.say(friend, s.pick([`Don't be sad. Let's ask ${fixer.name} to help us fix it`, `I will help you. Maybe we can fix it together`, `Here, I will pick up all the pieces for you`]));
      }
    } else if (cause === 'friend') {
      doOne(s,
        () => { s.say(friend, s.pick([`Ha! It was just a silly old ${topic} anyway`, `It's not my fault! Your ${topic} is junk`])); s.add(`${H} was so cross that ${he(hero)} pushed ${Fr} and shouted, "Go home!"`); },
        () => { s.add(`${Fr} laughed and did not say sorry`); s.say(hero, `You broke it! I don't want to play with you ever again!`, 'shouted'); },
      );
    } else {
      doOne(s,
        () => { s.add(`${Fr} just laughed and pointed at the broken ${topic}`); s.say(friend, s.pick(['Ha! Now you have no toy!', `What a baby, crying over a ${topic}!`])); },
        () => { s.say(hero, `This is your fault, ${friend.name}!`, 'shouted'); s.add(`${H} stuck out ${his(hero)} tongue at ${Fr}, and ${Fr} went home without a word`); },
      );
    }

    // The mending.
    s.add(s.one(
      () => `${H} carried the pieces to ${Fx}`,
      () => `${Fx} heard the noise and came to look`,
      () => `${Fx} looked at the ${topic} and got ${b.tool} from ${/needle/.test(b.tool) ? 'the sewing box' : /glue|tape|batter|flashlight/.test(b.tool) ? s.pick(['the kitchen drawer', 'a high shelf']) : s.pick(WHERE_TOOLS)}`,
    ));
    if (s.kind) {
      s.add(s.one(
        () => `${Fx} ${b.fix}, and ${H} and ${Fr} held the pieces and passed the tools`,
        () => `${H} and ${Fr} helped ${Fx}, and together they ${b.fix}`,
        () => `${Fx} showed them how, and the children ${b.fix} very carefully`,
      ));
    } else {
      s.add(s.one(
        () => `${H} stamped ${his(hero)} feet and said, "Hurry up!" while ${Fx} ${b.fix}`,
        () => `${Fx} ${b.fix}, but ${H} did not help and did not even say thank you`,
        () => `${H} grabbed ${b.tool} out of ${Fx}'s hands, and then ${Fx} ${b.fix}`,
      ));
    }

    // The ending: mended and loved, or not mended.
    if (s.happy) {
      s.add(`At last the ${topic} ${b.works}`);
      s.add(s.one(
        () => `${H} laughed and clapped ${his(hero)} hands with joy`,
        () => `The ${topic} was as good as new, maybe even better`,
        () => (s.kind ? `${H} and ${Fr} played with the ${topic} until supper, and they were so happy` : `${H} played with the ${topic} all evening and was very happy`),
        () => gladEnd(s, hero),
      ));
    } else {
      s.add(`But ${b.fails}, so the ${topic} was broken for good`);
      s.add(s.one(
        () => `${H} put the broken ${topic} in a box and cried and cried`,
        () => `${H} looked at ${his(hero)} poor broken ${topic} and felt so sad`,
        () => (s.kind ? `${Fr} stayed close, but ${H} still felt sad and cried` : `${H} sat all alone with the broken ${topic}, sad and miserable`),
        () => sadEnd(s, hero),
      ));
    }
  },
};
