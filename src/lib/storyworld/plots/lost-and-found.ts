// Losing and finding: a child loses a toy or a pet, looks for it with (or without) a friend's help,
// and finds it (happy) or does not (sad). Kindness shows in how the friend and the finder act.
import { he, him, his } from '../cast';
import { a } from '../grammar';
import { PLACES, SPECIES, TOYS } from '../lexicon';
import { closing, feels, introduce, weatherLine, when } from '../phrases';
import type { Plot } from '../plot';

const PET_TOPICS = SPECIES.filter((x) => x.pet).map((x) => x.name);

export const lostAndFound: Plot = {
  id: 'lost-and-found',
  title: 'Losing and finding',
  topics: [...TOYS, ...PET_TOPICS],
  hasFear: false,
  hasLie: false,
  write(s) {
    const hero = s.child();
    const friend = s.chance(0.5) ? s.child() : s.family(hero);
    const place = s.pick(PLACES);
    const topic = s.traits.topic;
    const isPet = PET_TOPICS.includes(topic);
    const pet = isPet ? s.animal(topic) : null;
    // What is lost, as the narrator names it each time after the first.
    const it = pet ? pet.called : `${his(hero)} ${topic}`;
    const itShort = pet ? pet.called : `the ${topic}`;
    const pronoun = pet ? he(pet) : 'it';
    const object = pet ? him(pet) : 'it';

    s.add(introduce(s, hero));
    if (pet) s.add(s.one(() => `${hero.called} had a ${topic} named ${pet.name}`, () => `${his(hero)} best friend was a ${topic} called ${pet.name}`));
    else s.add(s.one(() => `${hero.called} had ${a(s.pick(['little', 'shiny', 'new', 'old', 'red', 'blue']) + ' ' + topic)}`, () => `${hero.called} loved ${his(hero)} ${topic} more than anything`));
    s.add(s.one(() => `${hero.called} took ${it} everywhere`, () => `Every day, ${hero.called} played with ${it}`, () => weatherLine(s)));
    s.add(s.one(() => `${when(s)}, ${hero.called} went to ${place}`, () => `${when(s)}, ${hero.called} and ${it} went to ${place}`));
    s.add(pet
      ? s.one(() => `${pet.called} saw a butterfly and ran after it`, () => `${pet.called} ran off into the tall grass`)
      : s.one(() => `${hero.called} put the ${topic} down to look at a bug`, () => `${hero.called} played so long that ${he(hero)} forgot the ${topic}`));
    s.add(s.one(() => `When ${he(hero)} looked again, ${itShort} was gone`, () => `Soon ${hero.called} could not find ${itShort}`));
    s.say(hero, s.pick([`Where is ${itShort}?`, `Oh no, I lost ${object}!`, `Has anyone seen ${itShort}?`]));
    s.add(feels(s, hero, false));

    if (s.kind) {
      s.add(s.one(() => `${friend.called} saw that ${hero.called} was sad`, () => `${friend.called} came over`));
      s.say(friend, s.pick([`Don't worry, I will help you look`, `Let's look together`, `We will find ${object}, I promise`]));
      s.add(s.one(() => `They looked behind every tree and rock`, () => `They looked everywhere, high and low`, () => `They looked by the path and under a big bush`));
    } else {
      s.add(s.one(() => `${friend.called} saw ${hero.called} crying and laughed`, () => `${friend.called} walked by and did not stop`));
      s.say(friend, s.pick([`That is your own fault`, `I don't care about your silly ${topic}`, `Go away, I am busy`]));
      s.add(`${hero.called} had to look all alone`);
    }

    if (s.happy) {
      s.add(s.one(() => `At last, ${hero.called} saw ${itShort} under a bush`, () => `Then ${hero.called} heard a sound, and there was ${itShort}`));
      if (s.kind) s.say(hero, s.pick([`Thank you for helping me`, `Thank you, you are a good friend`]));
      else s.say(hero, s.pick([`I found ${object}!`, `There you are!`, `Hooray!`]));
      s.add(feels(s, hero, true), closing(s, s.kind ? [hero, friend] : [hero], true));
    } else {
      s.add(s.one(() => `They looked until it was dark, but ${itShort} was not there`, () => `The sun went down, and ${pronoun} was still lost`));
      if (s.kind) s.add(`${friend.called} held ${his(hero)} hand all the way home`);
      s.add(closing(s, [hero], false));
    }
  },
};
