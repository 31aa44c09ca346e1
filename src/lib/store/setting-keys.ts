// Keys of rows in the `settings` table that more than one layer reads.

/** The pretraining run's autosave (worker/pretrain-autosave.ts): this browser's unsaved model, never exported. */
export const PRETRAIN_AUTOSAVE_KEY = 'autosave/pretrain';
