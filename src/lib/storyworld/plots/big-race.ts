// A race: running, swimming, a sack race, an egg and spoon race or a bike race. The racers cheer
// and help each other (kind) or tease and push (unkind); the hero wins or has fun (happy), or falls,
// loses and cries (sad).
import { he, him, his, type Character } from '../cast';
import { a } from '../grammar';
import type { Plot } from '../plot';
import type { Story } from '../story';
import { at, both, dayTime, intro, joy, pr, say, sorrow, sub } from './words-a';

interface Race {
  places: readonly string[];
  loves: string;
  /** The race itself, after the racer's name. */
  go: (s: Story, x: Character) => string;
  /** A mishap in the race, after the racer's name. */
  slip: (s: Story, x: Character) => string;
  finish: string;
  /** How one racer helps another after a mishap, after the helper's name. */
  help: (x: Character) => string;
  /** The prize. */
  prize: readonly string[];
}

const RACES: Record<string, Race> = {
  'running race': {
    places: ['the park', 'the school field', 'the big meadow'],
    loves: 'loved to run',
    go: (s, x) => fill(s, x, ['ran as fast as {he} could, arms pumping', 'raced along the grass like the wind', 'ran and ran, with {his} shoes thumping on the ground']),
    slip: (s, x) => fill(s, x, ['tripped over a rock and fell flat on the grass', 'stepped on {his} own shoelace and tumbled down']),
    finish: 'the finish line',
    help: (x) => `stopped, went back and helped ${x.called} up`,
    prize: ['a shiny gold medal', 'a big blue ribbon', 'a little gold cup'],
  },
  'swimming race': {
    places: ['the pool', 'the lake'],
    loves: 'loved to swim',
    go: (s, x) => fill(s, x, ['kicked {his} legs and pulled with {his} arms', 'splashed through the water like a little fish', 'swam as fast as {he} could, kicking hard']),
    slip: (s, x) => fill(s, x, ['swallowed a big gulp of water and had to stop, coughing', 'got water in {his} eyes and could not see where to go']),
    finish: 'the other side',
    help: (x) => `stopped and swam back to stay with ${x.called} until ${he(x)} was okay`,
    prize: ['a shiny gold medal', 'a big blue ribbon', 'a new pair of goggles'],
  },
  'sack race': {
    places: ['the school field', 'the park', 'the village fair'],
    loves: 'loved to jump and hop',
    go: (s, x) => fill(s, x, ['hopped and jumped in {his} big brown sack', 'held the sack up tight and bounced along like a bunny', 'jumped with both feet, boing, boing, boing']),
    slip: (s, x) => fill(s, x, ['got {his} feet tangled in the sack and fell on {his} nose', 'hopped too hard and toppled over in the grass']),
    finish: 'the finish line',
    help: (x) => `stopped, hopped back and helped ${x.called} up`,
    prize: ['a shiny gold medal', 'a big red ribbon', 'a bag of sweet apples'],
  },
  'egg and spoon race': {
    places: ['the school field', 'the park', 'the village fair'],
    loves: 'had very steady hands',
    go: (s, x) => fill(s, x, ['walked fast, holding the spoon very still', 'hurried along with {his} eyes on the wobbly egg', 'tiptoed quickly, and the egg sat still on the spoon']),
    slip: (s, x) => fill(s, x, ['wobbled, and the egg fell off the spoon and cracked on the grass', 'bumped {his} elbow, and the egg dropped and broke with a splat']),
    finish: 'the finish line',
    help: (x) => `stopped and helped ${x.called} put a new egg on ${his(x)} spoon`,
    prize: ['a shiny gold medal', 'a big yellow ribbon', 'a chocolate egg'],
  },
  'bike race': {
    places: ['the park', 'the river path'],
    loves: 'loved to ride {his} bike',
    go: (s, x) => fill(s, x, ['pedaled as fast as {he} could', 'zoomed down the path, {his} hair flying in the wind', 'rode fast, ringing {his} little bell']),
    slip: (s, x) => fill(s, x, ['rode over a bump, wobbled and fell off {his} bike', 'went too fast around a bend and rolled into a bush']),
    finish: 'the finish flag',
    help: (x) => `stopped, went back and helped ${x.called} get back on ${his(x)} bike`,
    prize: ['a shiny gold medal', 'a big green ribbon', 'a new bike bell'],
  },
};

/** One of the lines, with {he} and {his} filled in for x. */
const fill = (s: Story, x: Character, lines: readonly string[]): string =>
  s.pick(lines).replace(/\{he\}/g, he(x)).replace(/\{his\}/g, his(x));

export const bigRace: Plot = {
  id: 'big-race',
  title: 'A race',
  topics: Object.keys(RACES),
  hasFear: false,
  hasLie: false,
  write(s) {
    const topic = s.traits.topic;
    const race = RACES[topic];
    const hero = s.child();
    const rival = s.child();
    const teacher = s.townGrownup('teacher');
    const place = s.pick(race.places);
    const prize = s.pick(race.prize);
    const heroMean = !s.kind && s.chance(0.35);
    const R = () => pr(rival, hero);

    s.add(intro(s, hero, ` who ${race.loves.replace('{his}', his(hero))}`));
    s.add(s.one(
      () => `${dayTime(s)}, there was ${a(topic)} ${at(place)}`,
      () => `It was fun day ${at(place)}, and the best part was the ${topic}`,
      () => `${dayTime(s)}, ${teacher.called} said there would be ${a(topic)} ${at(place)}`,
    ));
    if (s.chance(0.6)) s.add(s.one(
      () => `${hero.called} wanted to win ${prize} more than anything`,
      () => `${hero.called} had practiced every day for a whole week`,
      () => `The winner would get ${prize}, and ${hero.called} wanted it very much`,
    ));
    s.add(s.one(
      () => `At the start, ${hero.called} stood next to ${rival.called}, the fastest ${rival.sex === 'f' ? 'girl' : 'boy'} in class`,
      () => (s.kind ? `${hero.called}'s friend ${rival.called} was in the race too` : `A ${rival.sex === 'f' ? 'girl' : 'boy'} called ${rival.called} was in the race too`),
      () => `${rival.called} lined up right next to ${hero.called}`,
    ));

    // Before the start: good luck, or teasing.
    if (s.kind) {
      say(s, rival, s.pick([`Good luck! Let's both do our best`, `Have fun! See you at the end`, `You can do it!`]));
      say(s, hero, s.pick([`You too! Good luck`, `Thank you! Good luck to you too`]));
    } else if (heroMean) {
      say(s, hero, s.pick([`You are so slow. You will come last!`, `Ha! You can't beat me!`]), s.pick(['teased', 'said', 'sneered']));
      s.add(s.one(() => `${rival.called} looked down at ${his(rival)} feet, and ${his(rival)} face went red`, () => `${rival.called} felt hurt, but ${R()} did not say a word`));
    } else {
      say(s, rival, s.pick([`You are too slow. You will never win!`, `Ha! Get out of my way, slowpoke!`, `Nobody wants to race with you!`]), s.pick(['teased', 'said', 'sneered']));
      s.add(s.one(() => `Some of the other kids laughed too`, () => `${hero.called} pressed ${his(hero)} lips together and said nothing`));
    }

    s.add(s.one(
      () => `"Ready, set, go!" called ${teacher.called}`,
      () => `${teacher.called} blew the whistle, and off they went`,
    ));
    s.add(`${hero.called} ${race.go(s, hero)}`);

    // In the race.
    if (s.kind) {
      const helps = s.chance(0.5);
      if (helps) {
        s.add(`Then ${rival.called} ${race.slip(s, rival)}`);
        s.add(s.one(
          () => `${hero.called} ${race.help(rival)}`,
          () => `${hero.called} did not go on without ${him(rival)}, but stopped to help`,
        ));
        if (s.happy) {
          s.add(s.one(() => `They went on side by side and reached ${race.finish} together, and everyone cheered`, () => `Together they got to ${race.finish}, and the crowd clapped and cheered`));
          s.add(`${teacher.called} gave them both ${prize} for being such good friends`);
          s.add(joy(s, [hero, rival]));
        } else {
          s.add(`All the other kids went past, and ${both(hero, rival)} came last`);
          s.add(s.one(() => `There was no prize for them at all`, () => `${teacher.called} gave ${prize} to someone else`));
          s.add(sorrow(s, [hero, rival]));
        }
      } else {
        s.add(s.one(
          () => `When ${hero.called} got tired, ${rival.called} called out, "Keep going! You can do it!"`,
          () => `Near the end, ${rival.called} waved and shouted, "Go, ${hero.name}, go!"`,
        ));
        if (s.happy) {
          s.add(`${hero.called} reached ${race.finish} first, and everyone clapped`);
          s.add(`${teacher.called} gave ${him(hero)} ${prize}, and ${rival.called} gave ${him(hero)} a big high five`);
          s.add(joy(s, [hero]));
        } else {
          s.add(`But then ${hero.called} ${race.slip(s, hero)}`);
          s.add(`${rival.called} ${race.help(hero)}, but everyone else went past`);
          s.add(`${hero.called} came last of all, and ${his(hero)} eyes filled with tears`);
          s.add(s.one(() => `${hero.called} tried to smile, but ${he(hero)} was too sad, and ${he(hero)} cried`, () => sorrow(s, [hero])));
        }
      }
    } else if (heroMean) {
      s.add(s.one(
        () => `Halfway there, ${hero.called} bumped into ${rival.called} on purpose`,
        () => `${hero.called} cut right in front of ${rival.called}, and ${rival.called} had to stop`,
      ));
      if (s.happy) {
        s.add(`${hero.called} reached ${race.finish} first and threw ${his(hero)} arms in the air`);
        s.add(`${hero.called} won ${prize} and held it up high, grinning`);
        s.add(joy(s, [hero]));
      } else {
        s.add(`But then ${hero.called} ${race.slip(s, hero)}`);
        s.add(`Everyone else went past, and ${hero.called} came last`);
        s.add(s.one(() => `Nobody came to help ${him(hero)}, and ${hero.called} felt sad and alone`, () => sorrow(s, [hero])));
      }
    } else {
      s.add(s.one(
        () => `Halfway there, ${rival.called} pushed ${hero.called} out of the way`,
        () => `${rival.called} pushed ${hero.called} on purpose and laughed`,
      ));
      if (s.happy) {
        s.add(`${hero.called} did not give up, and ${he(hero)} went faster than ever`);
        s.add(`${sub(s, hero, rival)} reached ${race.finish} first, and everyone cheered`);
        s.add(s.one(() => `${hero.called} won ${prize}, and ${he(hero)} smiled the biggest, happiest smile`, () => joy(s, [hero])));
      } else {
        s.add(`${hero.called} ${race.slip(s, hero)}`);
        s.add(`Everyone went past, and ${hero.called} came in last of all`);
        s.add(s.one(() => `${hero.called} sat down all alone and cried`, () => sorrow(s, [hero])));
      }
    }
  },
};
