// The models that ship with the app, by id: the page lists them, the worker loads them.

export const BUNDLED_MODELS = {
  starter: {
    name: 'Starter model',
    file: 'models/starter.ckpt',
    about: 'tells simple stories (trained on the story world); loaded at start',
  },
  classic: {
    name: 'Classic books model',
    file: 'models/classic-books.ckpt',
    about: "the first starter, trained on 4 children's books and 3 Austen novels; downloaded when first loaded",
  },
} as const;

export type BundledModelId = keyof typeof BUNDLED_MODELS;

export const BUNDLED_MODEL_IDS = Object.keys(BUNDLED_MODELS) as BundledModelId[];

export const isBundledModelId = (x: unknown): x is BundledModelId => typeof x === 'string' && Object.hasOwn(BUNDLED_MODELS, x);
