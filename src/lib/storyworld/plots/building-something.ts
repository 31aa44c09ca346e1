// Building something: two children build a sandcastle, a snowman, a pillow fort, a rocket out of a
// box. Kind: they share tools, take turns and cheer each other on; unkind: grabbing, bossing, and
// mocking the other's work. Happy: it stands, finished and admired; sad: a wave, the sun, the wind or
// a kick brings it down.
import { he, him, his } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import { ANY_TIMES, bond, COLD_TIMES, INDOOR_TIMES, opener, refs, WARM_TIMES } from './words-b';

interface Build {
  times: readonly string[];
  /** Where they build it: "on the beach". */
  where: readonly string[];
  /** The tools they have (one is shared or grabbed). */
  tool: readonly string[];
  /** The first and the second step (w = who builds: "they", "Lily"). */
  start: ReadonlyArray<(w: string) => string>;
  next: ReadonlyArray<(w: string) => string>;
  /** A finishing touch. */
  touch: readonly string[];
  /** A snag on the way, and the idea that fixes it. */
  snag: readonly string[];
  idea: readonly string[];
  /** How it stands at the end (happy), and how it falls (sad). */
  stands: readonly string[];
  falls: readonly string[];
}

const BUILDS: Record<string, Build> = {
  sandcastle: {
    times: WARM_TIMES,
    where: ['on the beach', 'on the sandy shore by the lake'],
    tool: ['bucket', 'spade', 'little shovel'],
    start: [(w) => `${w} filled the bucket with wet sand, patted it down and tipped it over`, (w) => `${w} dug a deep moat in a big circle`],
    next: [(w) => `${w} made four tall towers, one for each corner`, (w) => `${w} built a wall all around and a bridge across the moat`],
    touch: ['a row of shells for windows and a seagull feather for a flag', 'pebbles for a path and a piece of seaweed for a flag'],
    snag: ['But the dry sand kept falling down', 'But the towers kept crumbling'],
    idea: ['Then they had an idea: mix the sand with sea water', 'They patted the sand harder and made it wetter, and it held'],
    stands: ['The sandcastle stood tall and proud in the sun', 'People walking by stopped to smile at the sandcastle'],
    falls: ['Then a big wave rushed up the beach and washed the sandcastle away', 'The tide came in, and the sandcastle melted into the sea'],
  },
  snowman: {
    times: COLD_TIMES,
    where: ['in the front yard', 'in the park', 'in the garden'],
    tool: ['shovel', 'warm mittens', 'sled'],
    start: [(w) => `${w} rolled a small snowball across the yard until it was big and round`, (w) => `${w} pushed a giant snowball for the body, huffing and puffing`],
    next: [(w) => `${w} rolled a smaller ball for the head and lifted it on top`, (w) => `${w} stacked a middle ball and a head, one on top of the other`],
    touch: ['a carrot for a nose, two black stones for eyes and a striped scarf', 'twigs for arms, buttons down the front and an old hat'],
    snag: ['But the snow was too dry and would not stick', 'But the head kept rolling off'],
    idea: ['They waited for the sun to make the snow a little sticky, and then it worked', 'They pressed the head down firmly and packed more snow around the neck'],
    stands: ['The snowman stood in the yard with a big, crooked smile', 'The snowman stood there all week, and everyone who passed waved at it'],
    falls: ['But the next day the sun came out, and the snowman melted into a sad, wet puddle', 'But a warm rain fell in the night, and by morning the snowman had melted away'],
  },
  'pillow fort': {
    times: INDOOR_TIMES,
    where: ['in the living room', 'in the playroom'],
    tool: ['big blanket', 'sofa cushions', 'flashlight'],
    start: [(w) => `${w} pushed two chairs together and piled up the sofa cushions for walls`, (w) => `${w} lined up all the pillows in the house in a big square`],
    next: [(w) => `${w} threw a big blanket over the top for a roof`, (w) => `${w} hung a sheet over the top and pinned it down with books`],
    touch: ['a flashlight, a pile of comics and a sign that said "Keep out!"', 'a soft rug inside, a basket of snacks and two teddy bears on guard'],
    snag: ['But the roof kept sliding down', 'But one wall kept falling over'],
    idea: ['They used clothes pegs to hold the blanket in place', 'They propped the wall up with the big armchair'],
    stands: ['The pillow fort was the coziest place in the whole house', 'They read stories by flashlight inside the pillow fort until dinner'],
    falls: ['Then the dog bounded in, and the whole pillow fort fell down in a heap', 'Then the roof slipped, and the whole pillow fort came crashing down'],
  },
  'cardboard rocket': {
    times: ANY_TIMES,
    where: ['in the garage', 'in the backyard', 'in the playroom'],
    tool: ['roll of tape', 'pair of scissors', 'pot of paint'],
    start: [(w) => `${w} found a huge box that a new fridge had come in and stood it up`, (w) => `${w} cut a door and a round window in a big cardboard box`],
    next: [(w) => `${w} made a pointy nose cone out of paper and taped it on top`, (w) => `${w} painted the rocket silver and added red fins`],
    touch: ['bottle tops for buttons and a paper moon on the wall', 'a countdown sign and a steering wheel made from a paper plate'],
    snag: ['But the nose cone kept falling off', 'But the box was too wobbly'],
    idea: ['They used lots more tape, round and round', 'They put some heavy books inside to keep it steady'],
    stands: ['"Three, two, one, blast off!" they shouted from inside the cardboard rocket', 'The cardboard rocket stood there ready to fly to the moon'],
    falls: ['Then rain came through the open garage door, and the cardboard rocket went soggy and flopped over', 'Then the cardboard rocket tipped over and squashed flat'],
  },
  birdhouse: {
    times: ANY_TIMES,
    where: ['in the garden shed', 'on the back step'],
    tool: ['hammer', 'pot of glue', 'paintbrush'],
    start: [(w) => `${w} glued four small pieces of wood into a little box`, (w) => `${w} sanded the wooden pieces smooth and fitted them together`],
    next: [(w) => `${w} added a slanted roof and cut a round hole for a door`, (w) => `${w} painted the birdhouse blue with white flowers`],
    touch: ['a little perch under the door and a handful of seeds inside', 'a tiny sign that said "Welcome, birds!"'],
    snag: ['But the roof would not stay on', 'But the door hole was too small'],
    idea: ['They held it with clamps until the glue was dry', 'They made the hole a little bigger, slowly and carefully'],
    stands: ['They hung the birdhouse in the apple tree, and soon a little bird moved in', 'Two bluebirds came to look at the birdhouse and began to build a nest'],
    falls: ['But a strong wind blew the birdhouse out of the tree, and it broke apart', 'But no bird ever came to live in the birdhouse, and the rain washed the paint away'],
  },
  'toy castle': {
    times: INDOOR_TIMES,
    where: ['in the playroom', 'on the living room rug'],
    tool: ['box of bricks', 'toy crane', 'basket of wooden bricks'],
    start: [(w) => `${w} laid the biggest bricks in a square for the castle walls`, (w) => `${w} built four towers out of red and blue bricks`],
    next: [(w) => `${w} made a gate with an arch and a drawbridge made of a ruler`, (w) => `${w} stacked the walls higher and higher, brick by brick`],
    touch: ['a paper flag on every tower and a toy knight at the gate', 'a dragon made of green bricks and a princess on the wall'],
    snag: ['But one tower leaned over and wobbled', 'But they ran out of long bricks for the roof'],
    idea: ['They made the bottom wider, and the tower stood straight', 'They used books from the shelf as a roof'],
    stands: ['The toy castle was the biggest castle they had ever made', 'Everyone in the family came to see the toy castle'],
    falls: ['Then the cat jumped onto the toy castle, and it crashed down', 'Then somebody tripped on the rug, and the toy castle fell in a heap'],
  },
  den: {
    times: [...ANY_TIMES, ...WARM_TIMES],
    where: ['in the woods', 'at the bottom of the garden'],
    tool: ['rope', 'old sheet', 'saw'],
    start: [(w) => `${w} leaned long sticks against a fallen tree to make the walls of a den`, (w) => `${w} found a hollow between two big bushes for their den`],
    next: [(w) => `${w} covered the walls with leaves and ferns`, (w) => `${w} tied an old sheet across the top for a roof`],
    touch: ['a mossy log for a seat and a pine cone on the doorstep', 'a pile of soft leaves for a carpet and a flag made of a sock'],
    snag: ['But the sticks kept sliding down', 'But there was a big hole in the roof'],
    idea: ['They dug the ends of the sticks into the ground', 'They filled the hole with a big bunch of ferns'],
    stands: ['The den was snug and dry, and a robin sang right outside', 'They ate their sandwiches inside the den and watched the squirrels'],
    falls: ['But a storm that night blew the den down, stick by stick', 'But the next day someone had pulled the den apart'],
  },
  scarecrow: {
    times: [...ANY_TIMES, ...WARM_TIMES],
    where: ['in the vegetable patch', 'on the farm'],
    tool: ['bundle of straw', 'ball of string', 'old broom'],
    start: [(w) => `${w} tied two sticks together in a cross for the body`, (w) => `${w} stuffed an old shirt and trousers with straw`],
    next: [(w) => `${w} made a head out of a sack and drew a big smiling face on it`, (w) => `${w} put straw hands on the ends of the sleeves`],
    touch: ['an old straw hat and a red spotted scarf', 'rubber boots and a flower in the buttonhole'],
    snag: ['But the scarecrow kept falling over', 'But the straw kept falling out'],
    idea: ['They pushed the pole deep into the ground', 'They tied the sleeves and the legs with string'],
    stands: ['The scarecrow stood in the vegetable patch, and the birds stayed away from the peas', 'The scarecrow looked so funny that everyone laughed'],
    falls: ['But the wind knocked the scarecrow over, and the crows ate all the seeds', 'But the rain soaked the scarecrow, and it sagged and fell apart'],
  },
};

export const buildingSomething: Plot = {
  id: 'building-something',
  title: 'Building something',
  topics: Object.keys(BUILDS),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const b = BUILDS[topic];
    const hero = s.child();
    const mate = s.child();
    const P = refs([hero, mate]);
    const H = hero.called;
    const M = mate.called;
    const tool = s.pick(b.tool);
    const where = s.pick(b.where);

    s.add(opener(s, hero, s.pick(['', ' who loved to build things', ' who had big ideas', ' who wanted to be a builder'])));
    s.add(bond(s, hero, mate));
    s.add(s.one(
      () => `${s.pick(b.times)}, ${H} and ${M} decided to build ${a(topic)} ${where}`,
      () => `${s.pick(b.times)}, ${H} and ${M} were ${where}, and ${H} said, "Let's build the best ${topic} ever!"`,
    ));
    s.add(`${s.pick(b.start)(s.kind ? 'Together, they' : H)}`);

    // Kindness: how they build, side by side or fighting.
    if (s.kind) {
      s.add(s.one(
        () => `${M} shared ${his(mate)} ${tool}, and they took turns`,
        () => `When ${H} needed the ${tool}, ${M} passed it over with a smile`,
        () => `${H} let ${M} choose where everything went, and ${M} said thank you`,
      ));
      s.say(s.pick([hero, mate]), s.pick([`You're a great builder!`, `This is so much fun with you!`, `Good idea! Let's do it your way`]), s.pick(['said', 'called']));
    } else {
      s.add(s.one(
        () => `${H} grabbed the ${tool} and would not share it`,
        () => `${M} kicked over ${whose(H)} part and laughed at ${him(hero)}`,
        () => `${H} was bossy and told ${M} to stand back and watch`,
      ));
      s.say(s.pick([hero, mate]), s.pick([`You're doing it all wrong!`, `Your part looks silly. Mine is better`, `Go away! I don't need your help`]), s.pick(['snapped', 'shouted', 'said']));
    }
    if (s.chance(0.5)) {
      s.add(s.pick(b.snag));
      s.add(s.kind ? s.pick(b.idea) : `${P.he(hero)} ${s.pick(['grumbled and', 'stamped and'])} tried again, and at last it held`);
    }
    s.add(`${s.pick(b.next)(s.kind ? 'Then they' : `Then ${H}`)}`);
    if (s.chance(0.6)) s.add(`Last of all, ${s.kind ? 'they' : H} added ${s.pick(b.touch)}`);

    // The ending.
    if (s.happy) {
      s.add(s.pick(b.stands));
      s.add(s.kind
        ? s.one(
            () => `${H} and ${M} gave each other a high five, happy and proud`,
            () => `It was the best ${topic} ever, and they had built it together`,
          )
        : s.one(
            () => `${H} smiled a proud smile, and even ${M} had to say it was great`,
            () => `${H} was so happy with the ${topic} that ${he(hero)} danced around it`,
          ));
    } else {
      s.add(s.kind ? s.pick(b.falls) : s.one(() => s.pick(b.falls), () => `Then ${M} got angry and knocked the ${topic} down`));
      s.add(s.kind
        ? s.one(
            () => `${H} and ${M} held hands and looked sadly at the mess, too sad to speak`,
            () => `${H} cried, and ${M} was sad too, because all their hard work was spoiled`,
          )
        : s.one(
            () => `${H} and ${M} blamed each other and went home cross and unhappy`,
            () => `${H} cried, and ${M} stomped off without a word`,
          ));
    }
  },
};

const whose = (called: string): string => `${called}'s`;
