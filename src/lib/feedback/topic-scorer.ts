// The "topic" labeler: prefers texts about a chosen animal or thing, counting whole-word mentions
// of it, its plural, and for animals their young ("dog": dog, dogs, puppy, puppies, pup, pups),
// normalised for length as the kindness labeler is: mentions / √(words/50 + 1).
import type { Scorer } from './labelers';
import { pluralOf } from './english-forms';
import { perLength, wordCount } from './length-normalise';

/** Everyday names for animals' young (a person would count a puppy in a story about dogs). */
const YOUNG: Record<string, readonly string[]> = {
  dog: ['puppy', 'pup'], cat: ['kitten', 'kitty'], rabbit: ['bunny'], bunny: ['rabbit'], duck: ['duckling'], goose: ['gosling'],
  swan: ['cygnet'], pig: ['piglet'], sheep: ['lamb'], cow: ['calf'], horse: ['foal', 'pony'], bear: ['cub'], lion: ['cub'],
  tiger: ['cub'], fox: ['cub'], wolf: ['cub', 'pup'], owl: ['owlet'], frog: ['tadpole'], toad: ['tadpole'],
  hen: ['chick'], chicken: ['chick'], bird: ['chick'], penguin: ['chick'], deer: ['fawn'], elephant: ['calf'],
  whale: ['calf'], giraffe: ['calf'], kangaroo: ['joey'], butterfly: ['caterpillar'],
  // The young named as the topic: the grown animal's name counts as well.
  puppy: ['pup', 'dog'], kitten: ['kitty', 'cat'], duckling: ['duck'], piglet: ['pig'], lamb: ['sheep'], foal: ['horse'], cub: [],
};

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The words counted as mentions of the topic, lower case, longest first. */
export function topicForms(topic: string): string[] {
  const t = topic.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) return [];
  const names = [t, ...(YOUNG[t] ?? [])];
  return [...new Set(names.flatMap((n) => [n, pluralOf(n)]))].sort((a, b) => b.length - a.length);
}

export function topicScorer(topic: string): Scorer {
  const forms = topicForms(topic);
  if (!forms.length) throw new Error('A topic labeler needs a topic word');
  // Whole words only; hyphens and apostrophes join words, so "yo-yo" is one and "dog's" is a dog.
  const re = new RegExp(`(?<![\\w-])(${forms.map((f) => escape(f).replace(/ /g, '\\s+')).join('|')})(?![\\w-])`, 'gi');
  return {
    name: `about ${pluralOf(topic)}`,
    score: (text) => perLength(text.match(re)?.length ?? 0, wordCount(text)),
  };
}
