// An animal's own adventure: a little animal wants something big (a duckling to fly, a mouse to find
// cheese, a frog to jump the whole pond). A friend met on the way helps and is thanked (kind), or
// they laugh, push and will not share (unkind); the wish comes true (happy) or it does not (sad).
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import { speciesByName } from '../lexicon';
import type { Plot } from '../plot';
import { doOne, gladEnd, intro, sadEnd } from './words-c';

/** A wish and its steps; {he} {him} {his} are the hero. */
interface Wish {
  wish: string;
  /** Why it is hard, after "But ...". */
  but: string;
  /** A first try (after "<hero> ...") and how it fails (after "but ..."). */
  try: string;
  miss: string;
  /** How a friend can help (after "<friend> ..."). */
  help: string;
  /** The last, big try (after "<hero> ..."). */
  go: string;
  /** It works (a clause). */
  win: string;
  /** It does not (a clause). */
  fail: string;
  /** Enjoying it (after "<hero> ..."). */
  joy: string;
  /** The big try and its failure when no friend helped, where `go` and `fail` lean on the help. */
  alone?: { go: string; fail: string };
  /** What the hero can share with a hungry friend, where the hero's usual food is the wish itself. */
  share?: string;
  /** When the first try happens, where the usual times do not fit. */
  when?: string;
}

const WISHES: Record<string, Wish> = {
  duck: { wish: 'fly high over the pond like the big ducks', but: '{his} wings were still small and fluffy', try: 'flapped {his} little wings as hard as {he} could', miss: '{he} only splashed back into the water', help: 'showed {him} how to run along the water and flap at the same time', go: 'ran across the pond, flapping and flapping', win: 'up, up {he} went, over the reeds and the lily pads', fail: '{he} tumbled back into the mud with a plop', joy: 'flew in circles over the pond' },
  mouse: { wish: 'find a piece of cheese for supper', but: 'the kitchen was big, and the cat was always near', try: 'crept out of {his} hole and across the floor', miss: 'the cat opened one eye, and the little mouse ran straight back', share: 'bread crumbs', help: 'showed {him} a secret path behind the pots and pans', go: 'tiptoed along the secret path to the table', win: 'there, under the table, was a big yellow piece of cheese', fail: 'the cat jumped, and the little mouse had to run home with nothing', joy: 'nibbled the cheese in the warm little hole', alone: { go: 'crept along the wall to the table', fail: 'the cat jumped, and the little mouse had to run home with nothing' } },
  bird: { wish: 'fly from the nest for the very first time', but: 'the ground looked very far away', try: 'hopped to the edge of the nest and looked down', miss: '{he} got scared and hopped back in', help: 'flew beside {him} and sang, "Spread your wings wide!"', go: 'spread {his} wings and jumped', win: 'the wind lifted {him} up, and {he} was flying', fail: '{he} flapped and flapped and landed in a bush', joy: 'sang songs in the treetops' },
  frog: { wish: 'jump all the way across the pond', but: 'the pond was wide, and {his} legs were short', try: 'jumped from the bank as far as {he} could', miss: '{he} landed in the water with a splash', help: 'pushed the lily pads into a line like stepping stones', go: 'jumped from lily pad to lily pad, hop, hop, hop', win: '{he} landed on the other side of the pond', fail: 'a lily pad slipped, and {he} fell into the cold water', joy: 'sat in the sun and sang croaky songs' },
  squirrel: { wish: 'fill {his} nest with nuts before the winter came', share: 'seeds', but: 'the nuts were high up at the top of the old tree', try: 'climbed up the trunk', miss: 'the branch shook, and {he} slid down again', help: 'showed {him} how to hold on with all four paws', go: 'climbed up, up, up to the top branch', win: '{he} picked nuts until {his} cheeks were full', fail: 'the wind blew all the nuts down into the river', joy: 'packed the nest with nuts and had a feast' },
  turtle: { wish: 'see the sea at the end of the river', but: '{he} was very slow, and the sea was very far', try: 'set off along the river bank', miss: 'after a whole morning, {he} had only gone past three stones', help: 'let {him} ride on a floating log down the river', go: 'floated along, past fields and farms and little towns', win: 'there was the big blue sea, sparkling in the sun', fail: 'the log got stuck, and night came before {he} saw the sea', joy: 'watched the waves roll in', alone: { go: 'walked on and on, past fields and farms and little towns', fail: 'night came, and {he} was still far from the sea' } },
  bear: { wish: 'taste sweet honey from the old tree', share: 'berries', but: 'the bees were busy, and the hive was high', try: 'reached up with {his} big paw', miss: 'the bees buzzed, and {he} ran away', help: 'told {him} to wait until the bees went to sleep', go: 'climbed the tree quietly in the evening', win: 'the bees let {him} take a little honey', fail: 'the bees woke up and chased {him} all the way home', joy: 'licked the sweet honey from {his} paws' },
  rabbit: { wish: 'find the biggest carrot in the whole garden', share: 'clover', but: 'a tall fence went all around the garden', try: 'tried to jump over the fence', miss: '{he} bumped {his} nose on the top', help: 'showed {him} a little gap under the fence', go: 'squeezed under the fence and hopped between the rows', alone: { go: 'dug a hole under the fence and hopped between the rows', fail: 'the farmer came out with a broom, and {he} had to run' }, win: '{he} found a carrot as long as {his} ears', fail: 'the farmer came out with a broom, and {he} had to run', joy: 'munched the carrot under a shady tree' },
  penguin: { wish: 'swim under the ice like the big penguins', but: 'the water was cold and deep', try: 'dipped one foot in the water', miss: '{he} pulled it out again and shivered', help: 'swam right beside {him} and said, "Just follow me!"', go: 'took a deep breath and slid into the sea', win: '{he} zoomed under the ice as fast as a fish', fail: 'a big wave pushed {him} back onto the ice', joy: 'swam and dived and slid on the ice' },
  kitten: { wish: 'climb to the top of the tall apple tree', but: 'the tree was taller than the house', try: 'dug {his} claws into the bark and climbed', miss: '{he} got halfway and slid down', help: 'showed {him} where the branches were close like steps', go: 'climbed from branch to branch', win: '{he} sat on the top branch and saw the whole town', fail: '{he} got stuck and had to be lifted down by the farmer', joy: 'purred on the highest branch in the sunshine' },
  monkey: { wish: 'reach the bananas at the top of the tallest tree', share: 'nuts', but: 'the tallest tree had no low branches', try: 'jumped as high as {he} could', miss: '{he} landed on {his} bottom in the leaves', help: 'swung down a long vine for {him} to hold', go: 'climbed up the vine, hand over hand', win: '{he} reached the bunch of yellow bananas', fail: 'the vine snapped, and {he} fell into a bush', joy: 'ate bananas high in the treetops', alone: { go: 'climbed up the rough trunk, hand over hand', fail: '{his} hands slipped, and {he} fell into a bush' } },
  elephant: { wish: 'spray water with {his} trunk like the big elephants', but: '{his} trunk was short and wobbly', try: 'sucked up water from the river', miss: 'it only came out in a little dribble', help: 'showed {him} how to blow hard and fast', go: 'filled {his} trunk and blew with all {his} might', win: 'a great big fountain of water shot into the air', fail: 'the water went up {his} nose, and {he} sneezed and sneezed', joy: 'sprayed water and made rainbows in the sun' },
  owl: { wish: 'stay up all day to see the sun', but: 'owls sleep in the day, and {his} eyes kept closing', try: 'sat on a branch and waited for the sun', miss: '{he} fell asleep before the sun came up', when: 'One night', help: 'sat beside {him} all night and told stories to keep {him} awake', go: 'opened {his} big eyes wide as the sky turned pink', win: 'the golden sun came up over the hills', fail: '{he} fell asleep again just before the sun rose', joy: 'watched the sun and the clouds and the bright blue sky' },
  pig: { wish: 'find the biggest, best mud puddle on the farm', but: 'the sun had dried up all the puddles', try: 'sniffed all around the barn', miss: 'the ground was dry and dusty', help: 'showed {him} the way down to the stream', go: 'trotted all the way down the hill to the stream', alone: { go: 'trotted all the way down the hill, sniffing', fail: 'every puddle was dry and dusty' }, win: 'there was the biggest, squishiest mud puddle ever', fail: 'the farmer had filled the mud puddle with sand', joy: 'rolled in the mud and squealed' },
  goat: { wish: 'climb to the top of the big rocky hill', but: 'the rocks were steep and slippery', try: 'jumped onto the first rock', miss: '{his} hooves slipped, and {he} slid down', help: 'showed {him} where the flat rocks were', go: 'jumped from flat rock to flat rock', win: '{he} stood on the very top of the hill', fail: 'a big rock rolled, and {he} had to turn back', joy: 'looked out over the fields and the river' },
  dragon: { wish: 'breathe fire like the big dragons', but: 'only little bubbles came out when {he} tried', try: 'took a deep breath and blew', miss: 'out came only bubbles and a hiccup', help: 'told {him} to think of something warm, like soup and sunshine', go: 'thought of warm soup and blew', alone: { go: 'took the biggest breath of all and blew', fail: 'out came only smoke, and {he} coughed and coughed' }, win: 'a tiny, bright flame came out, just right for toasting bread', fail: 'out came only smoke, and {he} coughed and coughed', joy: 'toasted bread for everyone' },
};

const FRIENDS = ['owl', 'frog', 'squirrel', 'rabbit', 'turtle', 'bird', 'mouse', 'duck', 'hen', 'fox', 'goat', 'deer'];
const TIMES = ['One morning', 'One bright day', 'The next day', 'One windy day', 'Early one morning'];

export const animalAdventure: Plot = {
  id: 'animal-adventure',
  title: "An animal's own adventure",
  topics: Object.keys(WISHES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const hero = s.animal(topic);
    const friendSpecies = s.pick(FRIENDS.filter((f) => f !== topic));
    const friend = s.animal(friendSpecies);
    const sp = speciesByName(topic);
    const w = WISHES[topic];
    const H = hero.called;
    const Fr = friend.called;
    const mother: Character = { name: 'Mama', called: `${his(hero)} mother`, sex: 'f', kind: 'animal', species: topic };
    const fill = (t: string): string => t.replaceAll('{he}', he(hero)).replaceAll('{him}', him(hero)).replaceAll('{his}', his(hero));
    const friendBy = `${a(friendSpecies)} named ${friend.name}`;

    s.add(intro(s, hero, s.pick([` who lived ${/lily pad|rock|ice/.test(sp.home) ? 'on' : 'in'} ${sp.home}`, '', ` who loved ${sp.food}`])));
    s.add(s.one(
      () => `More than anything, ${H} wanted to ${fill(w.wish)}`,
      () => `Every day, ${H} dreamed of one big thing: to ${fill(w.wish)}`,
    ));
    s.add(`But ${fill(w.but)}`);
    if (s.chance(0.4)) s.say(mother, s.pick(['Be patient, little one', 'You will get there one day', 'Try, and then try again']));
    s.add(`${w.when ?? s.pick(TIMES)}, ${H} ${fill(w.try)}, but ${fill(w.miss)}`);

    // The friend met on the way, and kindness.
    s.add(s.one(
      () => `Just then, ${friendBy} came by`,
      () => `${H} met ${friendBy}, who ${/yawned|called/.test(speciesByName(friendSpecies).sound) ? 'said' : speciesByName(friendSpecies).sound} hello`,
    ));
    if (s.kind) {
      doOne(s,
        () => { s.say(friend, s.pick([`Don't give up! I can help you`, `Let's try together`, `Everybody falls at first. I will show you`])); s.add(`${Fr} ${fill(w.help)}`); },
        () => { s.add(`${Fr} ${fill(w.help)}`); s.say(hero, s.pick([`Thank you, ${friend.name}! You are a good friend`, `Thank you so much!`])); },
        () => { s.add(`${H} saw that ${Fr} looked hungry, so ${he(hero)} shared ${his(hero)} ${w.share ?? sp.food}`); s.add(`Then ${Fr} ${fill(w.help)}`); },
      );
    } else {
      doOne(s,
        () => { s.say(friend, s.pick([`Ha! A little ${topic} like you? You will never do it!`, `Ha! Look at the silly ${topic}!`]), 'laughed'); s.add(`${Fr} walked away and did not help at all`); },
        () => { s.say(friend, 'Can I come with you?'); s.add(`${H} pushed ${Fr} away and said, "Go away! I don't need you!"`); },
        () => { s.add(`${Fr} asked for some of ${H}'s ${w.share ?? sp.food}, but ${H} said, "No! I won't share!"`); s.add(`${Fr} stuck out ${his(friend)} tongue and laughed at ${H}`); },
      );
    }

    // The big try (without help where the unkind story has none).
    const go = s.kind || !w.alone ? w.go : w.alone.go;
    const fail = s.kind || !w.alone ? w.fail : w.alone.fail;
    s.add(s.one(
      () => `${H} took a deep breath, and then ${he(hero)} ${fill(go)}`,
      () => `${s.pick(['At last', 'The next day', 'That evening'])}, ${H} ${fill(go)}`,
    ));
    if (s.happy) {
      s.add(`${fill(w.win)}!`);
      s.add(s.one(
        () => (s.kind ? `${H} ${fill(w.joy)} with ${Fr}, and they were as happy as could be` : `${H} ${fill(w.joy)} all alone, but ${he(hero)} was as happy as could be`),
        () => `${H} ${sp.sound} with joy`,
      ));
      s.add(s.one(
        () => `${his(hero)} mother was so proud, and ${H} was the happiest ${topic} in the world`,
        () => gladEnd(s, hero),
      ));
    } else {
      s.add(`But ${fill(fail)}`);
      s.add(s.kind
        ? `${Fr} stayed with ${H} and gave ${him(hero)} a hug, but ${H} still felt sad`
        : s.one(() => `${H} was left all alone, cold and lonely`, () => `${Fr} just sneered, and ${H} felt small and foolish`));
      s.add(s.one(
        () => `${H} went slowly home to ${sp.home}, sad and alone, and cried`,
        () => sadEnd(s, hero),
      ));
    }
  },
};
