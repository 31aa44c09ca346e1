// Ids every tokenizer reserves, so the model code never asks which kind it has.
export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const N_SPECIAL = 3;
/** How the reserved ids are written in a vocabulary (GPT-2 names its one special token <|endoftext|>). */
export const SPECIAL_TOKEN_NAMES = ['<|pad|>', '<|bos|>', '<|endoftext|>'] as const;
