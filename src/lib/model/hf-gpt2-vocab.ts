// A GPT-2-style vocabulary from someone's files, mapped onto our id layout: PAD, BOS, EOS, the 256
// bytes in byte order, then one id per merge in rank order. Real GPT-2 numbers its bytes in the
// order of its byte-to-unicode table, its merges from 256, and <|endoftext|> last (50256), with no
// PAD or BOS; our own exports already use our layout and map onto themselves.
//
// Tokens are matched by their strings, so each of our ids names the row of the files' embedding
// it takes. PAD and BOS, when the files lack them, are filled in (see `sourceRow`).
import { BYTE_TO_CHAR } from './byte-unicode';
import { FIRST_BYTE_ID, N_BYTES, type BPETokenizerSpec } from './bpe-tokenizer';
import { HfTokenizerError, type HfBpeVocabulary } from './hf-tokenizer-files';
import { BOS, EOS, N_SPECIAL, PAD, SPECIAL_TOKEN_NAMES } from './special-tokens';

/** sourceRow's marker for "the mean of every row of the files' embedding". */
export const MEAN_ROW = -1;

export interface VocabRemap {
  spec: BPETokenizerSpec;
  /**
   * For each of our ids, the files' id whose embedding row it takes. Without a BOS of their own,
   * BOS takes <|endoftext|>'s row: GPT-2 was trained with <|endoftext|> between documents, so it is
   * what GPT-2 saw before a text began. Without a PAD, PAD takes the mean row (MEAN_ROW): a padded
   * position is never read, and as an output its logit is the mean logit, so by Jensen's
   * inequality its probability is at most 1/V.
   */
  sourceRow: Int32Array;
  /** The files' ids already are ours: nothing moves. */
  identity: boolean;
  /** What was filled in or moved, in words. */
  notes: string[];
}

/** Maps `v` onto our layout; throws HfTokenizerError naming the first token that does not fit. */
export function remapVocabulary(v: HfBpeVocabulary, eosTokenId?: number): VocabRemap {
  const fail = (msg: string): never => { throw new HfTokenizerError(`${v.source}: ${msg}`); };
  const vocabSize = N_SPECIAL + N_BYTES + v.merges.length;
  const sourceRow = new Int32Array(vocabSize);
  const ours: Record<string, number> = {};
  const used = new Set<number>();
  const take = (ourId: number, token: string, from: number) => {
    ours[token] = ourId;
    sourceRow[ourId] = from;
    if (from >= 0) used.add(from);
  };

  const idOf = (token: string) => v.vocab.get(token);
  const eotName = SPECIAL_TOKEN_NAMES[EOS];
  let eos = idOf(eotName);
  if (eos === undefined && eosTokenId !== undefined) eos = [...v.vocab.values()].includes(eosTokenId) ? eosTokenId : undefined;
  if (eos === undefined) return fail(`the vocabulary has no ${eotName} (and config.json names no eos_token_id in it)`);
  const notes: string[] = [];
  const bos = idOf(SPECIAL_TOKEN_NAMES[BOS]);
  const pad = idOf(SPECIAL_TOKEN_NAMES[PAD]);
  if (bos === undefined) notes.push(`BOS (id ${BOS}) has no row of its own: it takes ${eotName}'s, which GPT-2 reads as the start of a text`);
  if (pad === undefined) notes.push(`PAD (id ${PAD}) has no row of its own: it takes the mean row`);
  take(PAD, SPECIAL_TOKEN_NAMES[PAD], pad ?? MEAN_ROW);
  take(BOS, SPECIAL_TOKEN_NAMES[BOS], bos ?? eos);
  take(EOS, eotName, eos);

  for (let b = 0; b < N_BYTES; b++) {
    const token = BYTE_TO_CHAR[b];
    const id = idOf(token);
    if (id === undefined) fail(`the vocabulary lacks the byte token "${token}" (byte ${b}): not byte-level BPE as GPT-2's is`);
    take(FIRST_BYTE_ID + b, token, id!);
  }
  v.merges.forEach((line, rank) => {
    const [left, right] = line.split(' ');
    for (const side of [left, right]) if (idOf(side) === undefined) fail(`merge ${rank + 1} names the unknown token "${side}"`);
    const merged = left + right;
    const id = idOf(merged);
    if (id === undefined) fail(`merge ${rank + 1} makes "${merged}", which is not in the vocabulary`);
    if (Object.hasOwn(ours, merged)) fail(`merge ${rank + 1} makes "${merged}", which an earlier token already is`);
    take(N_SPECIAL + N_BYTES + rank, merged, id!);
  });

  const left = [...v.vocab].filter(([, id]) => !used.has(id)).map(([t]) => t);
  if (left.length) fail(`${left.length} token(s) are neither a byte, a merge nor ${eotName}: ${left.slice(0, 5).map((t) => JSON.stringify(t)).join(', ')}`);
  const identity = sourceRow.every((from, id) => from === id);
  if (!identity) notes.push(`token ids renumbered into this app's layout (${eotName} ${eos} -> ${EOS}, bytes in byte order from ${FIRST_BYTE_ID}, merges from ${N_SPECIAL + N_BYTES})`);
  return { spec: { kind: 'bpe', vocab: ours, merges: v.merges.slice() }, sourceRow, identity, notes };
}
