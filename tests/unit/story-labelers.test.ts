// The story labelers read free text as a person would: kind acts against unkind ones (negation and
// "laughed at" included), the sentiment of the ending, mentions of a topic. Hand-written sentences
// with the order their scores must come in, then the labelers against the story world's traits.
import { describe, expect, it } from 'vitest';
import { pluralOf, verbForms } from '../../src/lib/feedback/english-forms';
import { endingOf, happyEndingScorer } from '../../src/lib/feedback/happy-ending-scorer';
import { countKindness, kindnessScorer } from '../../src/lib/feedback/kindness-scorer';
import { auc, bestThresholdAccuracy, validateStoryLabelers } from '../../src/lib/feedback/labeler-validation';
import { perLength, wordCount } from '../../src/lib/feedback/length-normalise';
import { splitSentences } from '../../src/lib/feedback/sentences';
import { DEFAULT_SIMULATED_LABELER, labelerFromSettings, scorerOf } from '../../src/lib/feedback/simulated-judgement';
import { topicForms, topicScorer } from '../../src/lib/feedback/topic-scorer';
import { stories } from '../../src/lib/storyworld/story-world';

const kind = (text: string) => kindnessScorer.score(text);
const counts = (text: string) => {
  const c = countKindness(text);
  return { kind: c.kind, unkind: c.unkind };
};

describe('English word forms', () => {
  it('inflects verbs, regular, doubling and irregular', () => {
    expect(verbForms('help')).toEqual(['help', 'helps', 'helped', 'helping']);
    expect(verbForms('hug')).toEqual(['hug', 'hugs', 'hugged', 'hugging']);
    expect(verbForms('share')).toEqual(['share', 'shares', 'shared', 'sharing']);
    expect(verbForms('cry')).toEqual(['cry', 'cries', 'cried', 'crying']);
    expect(verbForms('push')).toEqual(['push', 'pushes', 'pushed', 'pushing']);
    expect(verbForms('give')).toEqual(['give', 'gives', 'gave', 'given', 'giving']);
    expect(verbForms('visit')).toContain('visited'); // two syllables: no doubling
  });

  it('makes plurals of words and of phrases by their head word', () => {
    expect(['puppy', 'fox', 'mouse', 'sheep', 'wolf', 'teddy bear', 'box of crayons', 'yo-yo'].map(pluralOf))
      .toEqual(['puppies', 'foxes', 'mice', 'sheep', 'wolves', 'teddy bears', 'boxes of crayons', 'yo-yos']);
  });
});

describe('sentences', () => {
  it('keeps a quote with who said it, splits after a closing quote that ends the sentence', () => {
    expect(splitSentences('"Where is the kite?" Poppy asked. She cried.')).toEqual(['"Where is the kite?" Poppy asked.', 'She cried.']);
    expect(splitSentences('"Oh no, I lost it!" cried Chloe. Then it rained.')).toEqual(['"Oh no, I lost it!" cried Chloe.', 'Then it rained.']);
    expect(splitSentences('"Thank you," her dad said. They went home.')).toEqual(['"Thank you," her dad said.', 'They went home.']);
    expect(splitSentences('Pam said, "Let\'s look together." They looked.')).toEqual(['Pam said, "Let\'s look together."', 'They looked.']);
  });

  it('does not split at "Mr." and keeps a cut-off fragment as the last sentence', () => {
    expect(splitSentences('Mr. Brown waved. Dr. Rose smiled at her. And then the')).toEqual(['Mr. Brown waved.', 'Dr. Rose smiled at her.', 'And then the']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('Hooray!!! We won... Yes')).toEqual(['Hooray!!!', 'We won...', 'Yes']);
  });
});

describe('the kindness labeler', () => {
  it('scores kind acts above none above unkind ones', () => {
    const kindText = 'Tom helped Mia and shared his cake with her.';
    const plain = 'Tom and Mia walked to the park.';
    const unkindText = 'Tom grabbed the cake and pushed Mia.';
    expect(kind(kindText)).toBeGreaterThan(kind(plain));
    expect(kind(plain)).toBe(0);
    expect(kind(unkindText)).toBeLessThan(kind(plain));
    expect(counts(kindText)).toEqual({ kind: 2, unkind: 0 });
    expect(counts(unkindText)).toEqual({ kind: 0, unkind: 2 });
  });

  it('matches every inflection', () => {
    for (const t of ['Tom helps Mia.', 'Tom helped Mia.', 'Tom is helping Mia.', 'Tom will help Mia.', 'Tom hugged Mia.', 'Tom gave Mia a hug.']) {
      expect(counts(t).kind, t).toBeGreaterThanOrEqual(1);
    }
    expect(counts('Tom gave Mia a hug.')).toEqual({ kind: 2, unkind: 0 });
  });

  it('a negated kind act counts as unkind; a negated unkind act counts as nothing', () => {
    for (const t of ['Tom did not help Mia.', "Tom didn't share.", 'Tom would not share his cake.', 'Tom never thanked her.', 'No one helped Mia.']) {
      expect(counts(t), t).toEqual({ kind: 0, unkind: 1 });
      expect(kind(t), t).toBeLessThan(0);
    }
    expect(counts('Tom did not push Mia.')).toEqual({ kind: 0, unkind: 0 });
    expect(kind('Tom helped Mia.')).toBeGreaterThan(kind('Tom did not push Mia.'));
    // A negation does not reach past a new clause.
    expect(counts('Tom was not tired, so he helped Mia.')).toEqual({ kind: 1, unkind: 0 });
    // "refused to share" is one unkind act, not two.
    expect(counts('Tom refused to share.')).toEqual({ kind: 0, unkind: 1 });
    // "I don't care" is unkind: care, negated.
    expect(counts('"I don\'t care," said Tom.').unkind).toBe(1);
  });

  it('"laughed" alone is not unkind; laughing at someone, or at their tears, is', () => {
    expect(counts('Tom laughed.')).toEqual({ kind: 0, unkind: 0 });
    expect(counts('Tom laughed at him.')).toEqual({ kind: 0, unkind: 1 });
    expect(counts('Tom saw Mia crying and laughed.')).toEqual({ kind: 0, unkind: 1 });
    expect(kind('Tom and Mia laughed together.')).toBeGreaterThan(0);
    expect(kind('Tom laughed at him.')).toBeLessThan(kind('Tom laughed.'));
  });

  it('tells requests, idioms and descriptions from acts', () => {
    expect(counts('"Help!" cried Tom.')).toEqual({ kind: 0, unkind: 0 });
    expect(counts('Tom called for help.')).toEqual({ kind: 0, unkind: 0 });
    expect(counts('Tom could not help it.')).toEqual({ kind: 0, unkind: 0 });
    expect(counts('Lily was a kind girl.')).toEqual({ kind: 0, unkind: 0 }); // a description, not an act
    expect(counts('Lily was kind to him.')).toEqual({ kind: 1, unkind: 0 });
    expect(counts('Lily was not kind.')).toEqual({ kind: 0, unkind: 1 });
    expect(counts('Tom pushed the cart.')).toEqual({ kind: 0, unkind: 0 }); // pushing a thing hurts no one
    expect(counts('Tom called him silly.')).toEqual({ kind: 0, unkind: 1 });
    expect(counts('"Go away, it is your own fault," said Tom.')).toEqual({ kind: 0, unkind: 2 });
    expect(counts('"What if they laugh at me?" Tom whispered.')).toEqual({ kind: 0, unkind: 0 }); // feared, not done
    expect(counts('Tom shared a room with his brother.')).toEqual({ kind: 0, unkind: 0 });
    expect(counts('Tom saved his coins. It was kind of sad.')).toEqual({ kind: 0, unkind: 0 });
    expect(counts('Mia cuddled the puppy and kissed Tom.')).toEqual({ kind: 2, unkind: 0 });
  });

  it('normalises for length: the same act in a longer text counts less, more acts still count more', () => {
    const act = 'Tom helped Mia.';
    const padding = ' The sky was blue and the grass was green.'.repeat(10);
    expect(kind(act + padding)).toBeGreaterThan(0);
    expect(kind(act + padding)).toBeLessThan(kind(act));
    expect(kind(act + ' Tom hugged Mia.' + padding.repeat(2))).toBeGreaterThan(kind(act + padding));
    expect(kind(act)).toBeCloseTo(perLength(1, 3), 10);
    expect(perLength(2, 150)).toBeCloseTo(1, 10);
    expect(wordCount("Tom didn't share the yo-yo.")).toBe(6);
  });
});

describe('the happy-ending labeler', () => {
  const happyThenSad = 'Tom was very happy. He played with his best friend all day and laughed. Then his dog ran away. Tom cried and went home sad and lonely.';
  const sadThenHappy = 'Tom was sad and lonely. He cried all day. Then his dog came back. Tom laughed and went home happy.';

  it('reads the last two sentences only', () => {
    expect(endingOf(happyThenSad)).toBe('Then his dog ran away. Tom cried and went home sad and lonely.');
    expect(happyEndingScorer.score(happyThenSad)).toBeLessThan(0);
    expect(happyEndingScorer.score(sadThenHappy)).toBeGreaterThan(0);
    expect(happyEndingScorer.score('')).toBe(0);
  });

  it('counts a quote with its speaker as one sentence, and a cut-off fragment as the last', () => {
    expect(endingOf('Tom lost his kite. "Thank you!" said Tom. Everyone was happy.')).toBe('"Thank you!" said Tom. Everyone was happy.');
    const cut = 'Tom was sad. He lost his kite. His friend helped, and they were so happy and';
    expect(endingOf(cut)).toBe('He lost his kite. His friend helped, and they were so happy and');
    expect(happyEndingScorer.score(cut)).toBeGreaterThan(0);
  });
});

describe('the topic labeler', () => {
  it('counts whole-word mentions with plurals and the young', () => {
    expect(topicForms('dog')).toEqual(expect.arrayContaining(['dog', 'dogs', 'puppy', 'puppies', 'pup', 'pups']));
    const dog = topicScorer('dog');
    expect(dog.name).toBe('about dogs');
    const text = 'The dog met two dogs and a puppy. The hotdog was dogged.';
    expect(dog.score(text)).toBeCloseTo(perLength(3, wordCount(text)), 10);
    expect(dog.score('A cat sat on the mat.')).toBe(0);
    expect(dog.score("The dog's bone.")).toBeGreaterThan(0);
    expect(topicScorer('mouse').score('Three mice ran.')).toBeGreaterThan(0);
    expect(topicScorer('box of crayons').score('She had two boxes of crayons.')).toBeGreaterThan(0);
    expect(topicScorer('kite').score('The kite and the kites')).toBeGreaterThan(topicScorer('kite').score('The kite and the string'));
  });

  it('refuses an empty topic', () => {
    expect(() => topicScorer('  ')).toThrow(/topic word/);
  });
});

describe('the story labelers as simulated-labeler kinds', () => {
  const settings = { ...DEFAULT_SIMULATED_LABELER, noise: 0 };
  it('are chosen by name and named after what they like', () => {
    expect(labelerFromSettings({ ...settings, scorer: 'kindness' }).name).toBe('simulated: kindness');
    expect(labelerFromSettings({ ...settings, scorer: 'happy-ending' }).name).toBe('simulated: happy ending');
    expect(labelerFromSettings({ ...settings, scorer: 'topic', topic: 'Cat' }).name).toBe('simulated: about cats');
    expect(() => labelerFromSettings({ ...settings, scorer: 'topic', topic: '' })).toThrow(/topic word/);
    expect(scorerOf({ ...settings, scorer: 'kindness' }).score('Tom helped Mia.')).toBeGreaterThan(0);
  });
});

describe('agreement with the traits', () => {
  it('AUC counts ordered pairs, ties as half; the best threshold finds the split', () => {
    expect(auc([2, 3], [0, 1])).toBe(1);
    expect(auc([0, 1], [2, 3])).toBe(0);
    expect(auc([1, 1], [1, 1])).toBe(0.5);
    expect(auc([1, 3], [2, 0])).toBe(0.75);
    expect(bestThresholdAccuracy([2, 3], [0, 1])).toBe(1);
    expect(bestThresholdAccuracy([1, 3], [2, 0])).toBe(0.75);
    // Balanced: a threshold that catches the one positive and most negatives beats "all negative".
    expect(bestThresholdAccuracy([5], [0, 0, 0, 6], true)).toBe(0.875);
    expect(bestThresholdAccuracy([5], [0, 0, 0, 6])).toBe(0.8); // as good as calling all negative
  });

  it('the kindness and happy-ending labelers read the story world well above chance', () => {
    const rows = validateStoryLabelers([...stories(3, 0, 300)]);
    const row = (name: string) => rows.find((r) => r.labeler === name)!;
    expect(row('kindness').agreement.kindness!.auc).toBeGreaterThan(0.85);
    expect(row('happy-ending').agreement.ending!.auc).toBeGreaterThan(0.85);
    expect(row('topic').agreement.topic!.auc).toBeGreaterThan(0.9);
    // Each reads its own trait far better than the other's.
    expect(row('kindness').agreement.ending!.auc).toBeLessThan(0.75);
    expect(row('happy-ending').agreement.kindness!.auc).toBeLessThan(0.75);
  });
});
